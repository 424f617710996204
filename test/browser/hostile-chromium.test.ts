import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { defineHostileSuite } from './hostile';

defineHostileSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
