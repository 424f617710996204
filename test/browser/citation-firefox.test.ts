import { defineCitationSuite } from './citation';
import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';

defineCitationSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
