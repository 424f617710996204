import { launchChromium } from './chromium';
import { defineCitationSuite } from './citation';
import { builtExtensionDir } from './driver';

defineCitationSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
