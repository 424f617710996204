import { defineArithmeticSuite } from './arithmetic';
import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';

defineArithmeticSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
