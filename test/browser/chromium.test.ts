import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { defineBrowserSuite } from './suite';

defineBrowserSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
