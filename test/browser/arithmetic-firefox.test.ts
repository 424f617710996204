import { defineArithmeticSuite } from './arithmetic';
import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';

defineArithmeticSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
