import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { defineForgedSuite } from './forged';

defineForgedSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
