import { resolve } from 'node:path';
import { launchChromium } from './chromium';
import { defineBrowserSuite } from './suite';

defineBrowserSuite(
  'chromium',
  resolve(import.meta.dirname, '../../.output/chrome-mv3'),
  launchChromium,
);
