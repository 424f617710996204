import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { defineHistorySuite } from './history';

defineHistorySuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
