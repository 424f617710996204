import { resolve } from 'node:path';
import { launchFirefox } from './firefox';
import { defineHostileSuite } from './hostile';

defineHostileSuite(
  'firefox',
  resolve(
    process.env.OGI_LENS_OUTPUT_DIR ?? resolve(import.meta.dirname, '../../.output'),
    'firefox-mv2',
  ),
  launchFirefox,
);
