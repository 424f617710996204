import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { defineForgedSuite } from './forged';

defineForgedSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
