import { resolve } from 'node:path';
import { defineAnnotateSuite } from './annotate';
import { launchFirefox } from './firefox';

// Firefox runs the MV2 build, whose background page is not stopped while the
// browser runs: the history is still read from IndexedDB on every visit.
defineAnnotateSuite(
  'firefox',
  resolve(
    process.env.OGI_LENS_OUTPUT_DIR ?? resolve(import.meta.dirname, '../../.output'),
    'firefox-mv2',
  ),
  launchFirefox,
);
