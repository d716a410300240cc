// The one shape of a rule. `defineRule(id, spec)` is the only way to make one; lib/rules/index.ts lists
// them in order (no discovery). A rule owns its checks: which tables it is about, which formats it runs
// in (the table guard lives here, not copied into each rule), and the checks themselves.
//
// Three scopes, one registry:
// - 'page': run by checkDocument/checkText on one report's values (`checks(ctx)`).
// - 'two-reports': compares a report with the previous year's of the same body (`compare`), run where both
//   are at hand (the CLI over a folder).
// - 'text': numbers in the report's prose against the tables, run by lib/narrative (claims carry the id).

import type { Check, CheckStatus, TableKey } from '../types';
import type { Lang } from '../i18n';
import type { FieldPlace } from '../schema/fields';
import { isTableFormat } from '../schema/formats';
import type { Evaluated, RuleContext } from './types';

export type RuleScope = 'page' | 'two-reports' | 'text';

export interface RuleSpec {
  /** One line, Chinese, for docs and the UI. */
  title: string;
  /** The tables the rule's checks are about (its place in the report). */
  tables: readonly TableKey[];
  /**
   * 'tables': runs only on a report in a registered format (lib/schema/formats.ts) whose `tables` were all
   * found; 'any': runs on every detected report's values (value.count).
   */
  formats: 'tables' | 'any';
  scope: RuleScope;
  /** Source file that implements the checks (the meta-test checks it exists and names the rule). */
  source: string;
  /**
   * Where a check of this rule sits, in the report's words: `arg` is the part of the check id after the
   * colon ("apply.row-sum:new" → "new"). Absent: the check is placed at its first cell.
   */
  place?: (arg: string, lang: Lang) => CheckPlace;
  /**
   * What a check is about, as its Chinese message opens ("表三“（一）予以公开”行"): the message is
   * "<subject>：<detail>", so views and the letter take the detail by the subject, never by parsing.
   */
  subject?: (arg: string) => string;
  /** Check-id prefixes this rule emits when they differ from its id (value.count → value.nonneg, value.integer). */
  ids?: readonly string[];
  /** scope 'page': the checks on one report. */
  checks?: (ctx: RuleContext) => Evaluated[];
}

/** A check's place: table, row and column in the report's words, and what it compares. */
export interface CheckPlace extends FieldPlace {
  /** What the check compares, in words. */
  what: string;
}

export interface RuleDef extends Readonly<RuleSpec> {
  /** Rule id = docs/rules/<id>.md (and, for page and two-report rules, lib/rules/<id>.ts). */
  readonly id: string;
  /** Runs the checks behind the rule's guard (page rules; [] for the others). */
  run(ctx: RuleContext): Evaluated[];
}

export function defineRule(id: string, spec: RuleSpec): RuleDef {
  return {
    ...spec,
    id,
    run(ctx) {
      if (spec.scope !== 'page' || !spec.checks) return [];
      if (spec.formats === 'tables' && (!isTableFormat(ctx.format) || !spec.tables.every((t) => ctx.found[t])))
        return [];
      return spec.checks(ctx);
    },
  };
}

export interface CheckCounts {
  checks: number;
  pass: number;
  fail: number;
  uncertain: number;
}

/** The one place checks are counted (report summary, CLI after year-over-year, views). */
export function summarize(checks: readonly Pick<Check, 'status'>[]): CheckCounts {
  const n: Record<CheckStatus, number> = { pass: 0, fail: 0, uncertain: 0 };
  for (const c of checks) n[c.status]++;
  return { checks: checks.length, ...n };
}
