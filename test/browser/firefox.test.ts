import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { defineBrowserSuite } from './suite';

defineBrowserSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
