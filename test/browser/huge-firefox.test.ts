import { resolve } from 'node:path';
import { launchFirefox } from './firefox';
import { defineHugeSuite } from './huge';

defineHugeSuite(
  'firefox',
  resolve(
    process.env.OGI_LENS_OUTPUT_DIR ?? resolve(import.meta.dirname, '../../.output'),
    'firefox-mv2',
  ),
  launchFirefox,
);
