import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { defineHistorySuite } from './history';

defineHistorySuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
