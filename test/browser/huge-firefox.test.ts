import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { defineHugeSuite } from './huge';

defineHugeSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
