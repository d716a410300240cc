// The ordered rule registry. No discovery: a rule exists when it is listed here (and documented in
// docs/rules/<id>.md).
import { applyRowSum } from './apply.row-sum';
import { applyResultSum } from './apply.result-sum';
import { applyBalance } from './apply.balance';
import { reviewSum } from './review.sum';
import { valueCount } from './value.count';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [applyRowSum, applyResultSum, applyBalance, reviewSum, valueCount];

export type { Rule, RuleContext, Evaluated } from './types';
