import type { Rule } from './types';

/** Family 'form': being written in this issue; finds nothing yet. */
export const formRule: Rule = {
  family: 'form',
  run: () => [],
};
