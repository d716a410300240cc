// The ordered rule registry. No discovery: a rule exists when it is listed here (and documented in
// docs/rules/<id>.md; tests/unit/core/rules.test.ts says what is missing). Every rule is made by
// defineRule (lib/rules/define.ts); `scope` says where it runs.
import { applyRowSum } from './apply.row-sum';
import { applyResultSum } from './apply.result-sum';
import { applyBalance } from './apply.balance';
import { reviewSum } from './review.sum';
import { valueCount } from './value.count';
import { applyYearOverYear } from './apply.year-over-year';
import { narrativeActive, narrativeApply, narrativeReview, narrativeShare, narrativeTextSum } from './narrative';
import type { RuleDef } from './define';

/** Every rule, in order: page rules (the order of a report's checks), two-report rules, text rules. */
export const ALL_RULES: readonly RuleDef[] = [
  applyRowSum,
  applyResultSum,
  applyBalance,
  reviewSum,
  valueCount,
  applyYearOverYear,
  narrativeApply,
  narrativeActive,
  narrativeReview,
  narrativeShare,
  narrativeTextSum,
];

/** The rules checkDocument runs on one report's values, in check order. */
export const RULES: readonly RuleDef[] = ALL_RULES.filter((r) => r.scope === 'page');

export function ruleById(id: string): RuleDef | null {
  return ALL_RULES.find((r) => r.id === id) ?? null;
}

export { defineRule, summarize, type RuleDef, type RuleSpec, type CheckCounts } from './define';
export type { Rule, RuleContext, Evaluated } from './types';
