import type { Rule } from './types';

/** Family 'legacy': being written in this issue; finds nothing yet. */
export const legacyRule: Rule = {
  family: 'legacy',
  run: () => [],
};
