/**
 * A total left blank over filled parts (or a whole 总计 column left blank):
 * the table is incomplete, a matter of form, not arithmetic. The same
 * evaluation of the tables' identities finds it (lib/checks/shared/table-identities.ts),
 * so that switching the form family off hides it and the identity family's
 * switch does not.
 */
import { defineRule } from './define-rule';

export const blankTotalRule = defineRule({
  id: 'blank-total',
  family: 'form',
  run: (ctx) => ctx.analysis.tableIdentities().blankTotals,
});
