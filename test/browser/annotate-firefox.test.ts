import { defineAnnotateSuite } from './annotate';
import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';

// Firefox runs the MV2 build, whose background page is not stopped while the
// browser runs: the history is still read from IndexedDB on every visit.
defineAnnotateSuite('firefox', builtExtensionDir('firefox-mv2'), launchFirefox);
