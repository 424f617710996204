import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { definePanelSuite } from './panel';

definePanelSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
