import { builtExtensionDir } from './driver';
import { defineExportSuite } from './export';
import { launchFirefox } from './firefox';

defineExportSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
