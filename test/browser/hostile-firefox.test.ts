import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { defineHostileSuite } from './hostile';

defineHostileSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
