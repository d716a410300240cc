// One shape for every 勾稽 identity: sum(lhs) = sum(rhs), the checked cell being rhs[0]. Blank semantics are
// FORMAT.md §5: a blank addend counts as 0 and is recorded; a blank checked cell, or all other cells blank,
// make the check uncertain — never fail. A cell that was not read, or does not read as a number, also makes
// it uncertain. Decimal amounts compare as intervals (±½·10⁻ᵈ), as XBRL Calculation 1.1 does.

import type { Check, CheckStatus, ValueEntry } from '../types';
import { fieldName } from '../schema/fields';
import { formatNumber } from '../i18n/number';
import type { FormatDef } from '../schema/formats';
import type { Evaluated } from './types';

export interface IdentitySpec {
  id: string;
  rule: string;
  lhs: string[];
  rhs: string[];
  /** Amounts (万元 …) compare as intervals by their decimals; counts always compare exactly. */
  amounts?: boolean;
  /** What is checked, e.g. "表三“（一）予以公开”行" — starts every message. */
  subject: string;
  /** Builds the Chinese message (pass or fail) from the evaluated numbers, after "<subject>：". */
  describe(d: IdentityData): string;
}

export interface Term {
  field: string;
  entry: ValueEntry | undefined;
  /** The value used in the sum (blank → 0), null when unusable. */
  n: number | null;
}

export interface IdentityData {
  status: CheckStatus;
  lhs: Term[];
  rhs: Term[];
  sumL: number;
  sumR: number;
  /** What the checked cell should hold: sum(lhs) − sum(rhs[1..]). */
  expected: number;
  actual: number | null;
  reason?: string;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** lib/i18n/number.ts, under the name the rules use. */
export const fmt = formatNumber;

/** "266 + 0 + 空 + 18" — blanks shown as 空 so the reader sees the assumption. */
export function termList(terms: Term[], compact = false): string {
  if (!compact || terms.length <= 8) return terms.map(termText).join(' + ');
  const shown = terms.filter((t) => t.n !== 0 || t.entry?.blank);
  const zeros = terms.length - shown.length;
  const list = shown.map(termText).join(' + ') || '0';
  return zeros ? `${list}，其余 ${zeros} 项为 0` : list;
}

function termText(t: Term): string {
  if (!t.entry) return '缺';
  if (t.entry.blank) return '空';
  return t.entry.value === null ? '?' : fmt(t.entry.value);
}

/** Half a unit in the last written place: "5" means [4.5, 5.5], "4.8" means [4.75, 4.85]. */
function halfUlp(e: ValueEntry | undefined): number {
  return e && !e.blank ? 0.5 * 10 ** -(e.decimals ?? 0) : 0;
}

/**
 * `blankAsZero` (the user's 空白按 0 计, off by default): a blank checked cell and all-blank addends count as
 * 0 as well, so the check gets a verdict; every blank it counted is recorded in `assumedZero`.
 */
export function evaluate(spec: IdentitySpec, values: ReadonlyMap<string, ValueEntry>, blankAsZero = false): Evaluated {
  const term = (field: string): Term => {
    const entry = values.get(field);
    const n = !entry ? null : entry.blank ? 0 : entry.value;
    return { field, entry, n };
  };
  const lhs = spec.lhs.map(term);
  const rhs = spec.rhs.map(term);
  const anchor = rhs[0]!;
  const others = [...lhs, ...rhs.slice(1)];
  const assumed = (blankAsZero ? [anchor, ...others] : others).filter((t) => t.entry?.blank).map((t) => t.field);
  const missing = [...lhs, ...rhs].filter((t) => !t.entry).map((t) => t.field);
  const unreadable = [...lhs, ...rhs]
    .filter((t) => t.entry && !t.entry.blank && t.entry.value === null)
    .map((t) => t.field);
  const sumL = lhs.reduce((s, t) => s + (t.n ?? 0), 0);
  const sumR = rhs.reduce((s, t) => s + (t.n ?? 0), 0);
  const expected = round(sumL - (sumR - (anchor.n ?? 0)));
  const actual = anchor.entry && !anchor.entry.blank ? anchor.entry.value : blankAsZero && anchor.entry ? 0 : null;

  let status: CheckStatus;
  let reason: string | undefined;
  let messageId: string;
  let intervals: Check['intervals'];
  if (missing.length) {
    status = 'uncertain';
    messageId = 'identity.missing';
    reason = `未读取到：${missing.map((f) => fieldName(f)).join('、')}`;
  } else if (unreadable.length) {
    status = 'uncertain';
    messageId = 'identity.unreadable';
    reason = `无法识别为数字：${unreadable.map((f) => `${fieldName(f)}（“${values.get(f)!.raw}”）`).join('、')}`;
  } else if (anchor.entry!.blank && !blankAsZero) {
    status = 'uncertain';
    messageId = 'identity.total-blank';
    reason = `${fieldName(anchor.field)} 为空白，无法核对`;
  } else if (others.every((t) => t.entry!.blank) && !blankAsZero) {
    status = 'uncertain';
    messageId = 'identity.all-blank';
    reason = '参与计算的单元格全部为空白，无法核对';
  } else {
    // Counts are integers: "12.5" in a count is compared exactly (and fails value.integer); only amounts get
    // the ±½·10⁻ᵈ reading of their written precision.
    const decimal = spec.amounts && [...lhs, ...rhs].some((t) => t.entry!.decimals);
    if (!decimal) status = round(sumL - sumR) === 0 ? 'pass' : 'fail';
    else {
      // Interval arithmetic: the checked cell's interval against the interval of what it should be.
      const width = [...lhs, ...rhs.slice(1)].reduce((s, t) => s + halfUlp(t.entry), 0);
      const a = halfUlp(anchor.entry);
      const exp: [number, number] = [round(expected - width), round(expected + width)];
      const act: [number, number] = [round(actual! - a), round(actual! + a)];
      intervals = { expected: exp, actual: act };
      status = exp[0] <= act[1] && act[0] <= exp[1] ? 'pass' : 'fail';
    }
    messageId = status === 'pass' ? `${spec.rule}.pass` : `${spec.rule}.fail`;
  }

  const data: IdentityData = { status, lhs, rhs, sumL: round(sumL), sumR: round(sumR), expected, actual, reason };
  let message = `${spec.subject}：${status === 'uncertain' ? reason : spec.describe(data)}`;
  if (intervals) {
    message += `（按小数位数取区间：应为 [${intervals.expected.join(', ')}]，表中为 [${intervals.actual.join(', ')}]）`;
  }
  // With the option on, every blank is counted as 0 by choice: the count says it, not a list of every cell.
  if (assumed.length && status !== 'uncertain')
    message +=
      blankAsZero && assumed.length > 2
        ? `（空白按 0 计：${assumed.length} 个空白单元格）`
        : `（空白按 0 计：${assumed.map((f) => fieldName(f)).join('、')}）`;

  const check: Check = {
    id: spec.id,
    rule: spec.rule,
    status,
    expected: status === 'uncertain' && (missing.length || unreadable.length) ? null : expected,
    actual,
    cells: [anchor.field, ...lhs.map((t) => t.field), ...rhs.slice(1).map((t) => t.field)],
    message,
    messageId,
  };
  if (assumed.length) check.assumedZero = assumed;
  if (intervals) check.intervals = intervals;
  const integral = !intervals && status !== 'uncertain';
  return { check, lhs: spec.lhs, rhs: spec.rhs, residual: integral ? round(sumL - sumR) : null };
}

/**
 * The identities of a table-三 rule depend only on the format: build them once per format (memoized),
 * evaluate them per page.
 */
export function specsPerFormat(build: (format: FormatDef) => IdentitySpec[]): (format: FormatDef) => IdentitySpec[] {
  const cache = new WeakMap<FormatDef, IdentitySpec[]>();
  return (format) => {
    let list = cache.get(format);
    if (!list) cache.set(format, (list = build(format)));
    return list;
  };
}
