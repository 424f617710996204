import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { definePreviousYearSuite } from './previous-year';

definePreviousYearSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
