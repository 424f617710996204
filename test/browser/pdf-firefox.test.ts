import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { definePdfSuite } from './pdf';

definePdfSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
