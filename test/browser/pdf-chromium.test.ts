import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { definePdfSuite } from './pdf';

definePdfSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
