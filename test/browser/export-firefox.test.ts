import { resolve } from 'node:path';
import { defineExportSuite } from './export';
import { launchFirefox } from './firefox';

defineExportSuite(
  'firefox',
  resolve(
    process.env.OGI_LENS_OUTPUT_DIR ?? resolve(import.meta.dirname, '../../.output'),
    'firefox-mv2',
  ),
  launchFirefox,
);
