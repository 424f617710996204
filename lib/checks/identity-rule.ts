/**
 * The identities the fixed tables state about themselves (each format's
 * declaration in lib/formats/), broken: a total that is not the sum of its
 * parts, a balance that does not balance. The evaluation, with blank ≠ 0 and
 * the likely culprit, is lib/checks/shared/table-identities.ts; the totals it
 * finds left blank are the form family's (./blank-total-rule.ts).
 */
import { defineRule } from './define-rule';

export const identityRule = defineRule({
  id: 'identity',
  family: 'identity',
  run: (ctx) => ctx.analysis.tableIdentities().broken,
});
