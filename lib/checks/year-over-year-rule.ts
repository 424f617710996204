import type { Rule } from './types';

/** Family 'yearOverYear': being written in this issue; finds nothing yet. */
export const yearOverYearRule: Rule = {
  family: 'yearOverYear',
  run: () => [],
};
