import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { definePreviousYearSuite } from './previous-year';

definePreviousYearSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
