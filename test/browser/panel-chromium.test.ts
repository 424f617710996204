import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { definePanelSuite } from './panel';

definePanelSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
