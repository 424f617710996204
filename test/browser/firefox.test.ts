import { resolve } from 'node:path';
import { launchFirefox } from './firefox';
import { defineBrowserSuite } from './suite';

defineBrowserSuite(
  'firefox',
  resolve(import.meta.dirname, '../../.output/firefox-mv2'),
  launchFirefox,
);
