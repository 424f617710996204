import type { Rule, RuleDeclaration } from './types';

/** A rule whose findings all carry its declared family. */
export function defineRule(declaration: RuleDeclaration): Rule {
  const { id, family } = declaration;
  return {
    id,
    family,
    // `family` goes right after `rule`, where the model declares it, so the JSON reads as before.
    run: (ctx) => declaration.run(ctx).map(({ rule, ...rest }) => ({ rule, family, ...rest })),
  };
}
