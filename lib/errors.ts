// "An error is a cell": the report's failures grouped by their probable cause. A wrong cell breaks every
// identity it is in (its row sum and its column sum), so counting failing checks counts one mistake twice.
// Here one culprit = one error with the checks it breaks listed under it; a failing check without a
// culprit is an error of its own; a number in the text that contradicts the tables is an error too, and
// those come first (they are the most quotable finding). Every count shown to people (badge, popup, chip,
// CLI text, demo, letter) is `errors.length`, with the failing checks as a second figure.

import type { Check, NarrativeClaim, Report } from './types';
import { verdictText } from './rules/render';

export type ReportErrorKind = 'prose' | 'cell' | 'check';

export interface ReportError {
  /** Stable key: "cell:<field>", "check:<check id>" or "prose:<claim id>". */
  key: string;
  kind: ReportErrorKind;
  /** The probable wrong cell (kind 'cell'), or the table cell a prose number contradicts (kind 'prose'). */
  field?: string;
  /** The value the culprit cell would need (kind 'cell'). */
  suggested?: number;
  /** Ids of the failing checks this error explains (kind 'cell': all of them; 'check': one). */
  checks: string[];
  /** The contradicting claim's id (kind 'prose'). */
  claim?: string;
}

export interface ErrorCounts {
  /** Errors: culprit cells + unexplained failing checks + prose contradictions. */
  errors: number;
  /** Failing table checks (the second figure). */
  failingChecks: number;
  /** Of `errors`, the prose contradictions. */
  prose: number;
}

function claimId(c: NarrativeClaim, i: number): string {
  return c.id ?? `narrative:${i}`;
}

/** The report's errors, prose contradictions first, then cells and checks in check order. */
export function groupErrors(report: Pick<Report, 'checks' | 'narrative'> | null | undefined): ReportError[] {
  if (!report) return [];
  const out: ReportError[] = [];
  (report.narrative ?? []).forEach((c, i) => {
    if (c.status !== 'fail') return;
    const e: ReportError = { key: `prose:${claimId(c, i)}`, kind: 'prose', checks: [], claim: claimId(c, i) };
    if (c.field) e.field = c.field;
    out.push(e);
  });
  const byCell = new Map<string, ReportError>();
  for (const check of (report.checks ?? []) as Check[]) {
    if (check.status !== 'fail') continue;
    const culprit = check.culprit;
    if (culprit) {
      let e = byCell.get(culprit.field);
      if (!e) {
        e = {
          key: `cell:${culprit.field}`,
          kind: 'cell',
          field: culprit.field,
          suggested: culprit.suggested,
          checks: [],
        };
        byCell.set(culprit.field, e);
        out.push(e);
      }
      if (!e.checks.includes(check.id)) e.checks.push(check.id);
    } else {
      out.push({ key: `check:${check.id}`, kind: 'check', checks: [check.id] });
    }
  }
  return out;
}

export function errorCounts(report: Pick<Report, 'checks' | 'narrative'> | null | undefined): ErrorCounts {
  const errors = groupErrors(report);
  return {
    errors: errors.length,
    failingChecks: (report?.checks ?? []).filter((c) => c.status === 'fail').length,
    prose: errors.filter((e) => e.kind === 'prose').length,
  };
}

/**
 * The verdict line of a report in Chinese, counting errors (never "全部一致" when a check could not be
 * decided): "1 处错误（2 项核对不一致），3 项无法判断" / "未发现不一致，37 项无法判断" / "全部一致".
 */
export function verdictZh(report: Pick<Report, 'checks' | 'narrative'>): string {
  const checks = report.checks ?? [];
  return verdictText(
    {
      errors: groupErrors({ checks, narrative: [] }).length,
      failing: checks.filter((c) => c.status === 'fail').length,
      uncertain: checks.filter((c) => c.status === 'uncertain').length,
    },
    'zh',
  );
}
