import { resolve } from 'node:path';
import { launchChromium } from './chromium';
import { defineHostileSuite } from './hostile';

defineHostileSuite(
  'chromium',
  resolve(
    process.env.OGI_LENS_OUTPUT_DIR ?? resolve(import.meta.dirname, '../../.output'),
    'chrome-mv3',
  ),
  launchChromium,
);
