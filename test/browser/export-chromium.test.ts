import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { defineExportSuite } from './export';

defineExportSuite('chromium', builtExtensionDir('chrome-mv3'), launchChromium);
