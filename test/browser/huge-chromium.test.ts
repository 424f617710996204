import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { defineHugeSuite } from './huge';

defineHugeSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
