import type { Rule } from './types';

/** Family 'timeliness': being written in this issue; finds nothing yet. */
export const timelinessRule: Rule = {
  family: 'timeliness',
  run: () => [],
};
