// Hand-built reports for the narrative tests: the values of a seed's tables typed in from the seed text,
// independent of the extractor (lib/extract), so a narrative test fails only for a narrative reason.

import { REPORT_SCHEMA, type Report, type ReportFormat, type TableKey, type ValueEntry } from '../../lib/types';
import { APPLY_COLUMNS, applyRows } from '../../lib/schema/apply';
import { REVIEW_FIELDS } from '../../lib/schema/review';

export type Rows = Record<string, readonly number[]>;

export interface HandReport {
  format?: ReportFormat;
  /** table-三 rows: 6 applicant columns (total computed) or 7 with the total. Rows not given are 0. */
  apply?: Rows;
  /** The 15 table-四 cells in page order. */
  review?: readonly number[];
  active?: Record<string, number>;
  /** Tables absent from the page. */
  missing?: readonly TableKey[];
  /** Overrides: field → value (null = blank). */
  set?: Record<string, number | null>;
  /** Fields not read at all (a table read in part). */
  unread?: readonly string[];
}

const entry = (v: number | null): ValueEntry =>
  v === null
    ? { value: null, raw: '', blank: true }
    : { value: v, raw: String(v), decimals: (String(v).split('.')[1] ?? '').length };

export function handReport(h: HandReport): Report {
  const format = h.format ?? '2021';
  const values: Record<string, ValueEntry> = {};
  const missing = new Set(h.missing ?? []);
  if (!missing.has('apply')) {
    for (const r of applyRows(format === '2019' ? '2019' : '2021')) {
      const nums = h.apply?.[r.id] ?? [0, 0, 0, 0, 0, 0];
      const total = nums.length >= 7 ? nums[6]! : nums.slice(0, 6).reduce((a, b) => a + b, 0);
      APPLY_COLUMNS.forEach((c, i) => (values[`apply.${r.id}.${c.id}`] = entry(i < 6 ? (nums[i] ?? 0) : total)));
    }
  }
  if (!missing.has('review')) REVIEW_FIELDS.forEach((f, i) => (values[f] = entry(h.review?.[i] ?? 0)));
  if (!missing.has('active')) for (const [f, v] of Object.entries(h.active ?? {})) values[f] = entry(v);
  for (const [f, v] of Object.entries(h.set ?? {})) values[f] = entry(v);
  for (const f of h.unread ?? []) delete values[f];
  const table = (k: TableKey) => ({ found: !missing.has(k), cellsExpected: 0, cellsRead: 0, blank: [], missing: [] });
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'gouji', version: 'test' },
    source: { url: null, title: null, checkedAt: '2025-01-01T00:00:00.000Z' },
    detected: true,
    report: { agency: null, year: 2024, format },
    tables: { active: table('active'), apply: table('apply'), review: table('review') },
    values,
    checks: [],
    narrative: [],
    notices: [],
    summary: { checks: 0, pass: 0, fail: 0, uncertain: 0, fieldsFound: 0, fieldsExpected: 0 },
  };
}

// ── The seeds' tables, typed in from /work/shared/seeds ──

/** Seed 000 (中山市人民政府办公室 2024): only the cells its text restates matter; new = 189. */
export const SEED_000: HandReport = {
  apply: { new: [170, 16, 0, 0, 3, 0, 189] },
  active: { 'active.normative.issued': 8, 'active.normative.repealed': 0, 'active.normative.in_force': 51 },
};

/** Seed 002 (双鸭山市 2024). */
export const SEED_002: HandReport = {
  apply: {
    new: [266, 0, 5, 0, 18, 3],
    carried_over: [0, 0, 0, 0, 0, 0],
    granted: [89, 0, 5, 0, 0, 3],
    partly_granted: [67, 0, 0, 0, 1, 0],
    'withheld.state_secret': [9, 0, 0, 0, 0, 0],
    'withheld.prohibited_by_law': [7, 0, 0, 0, 0, 0],
    'withheld.third_party_rights': [7, 0, 0, 0, 0, 0],
    'withheld.process_info': [1, 0, 0, 0, 0, 0],
    'withheld.admin_query': [2, 0, 0, 0, 0, 0],
    'unavailable.not_held': [64, 0, 0, 0, 17, 0],
    'unavailable.needs_creation': [2, 0, 0, 0, 0, 0],
    'not_processed.petition': [2, 0, 0, 0, 0, 0],
    'not_processed.repeated': [12, 0, 0, 0, 0, 0],
    'handled_otherwise.overdue_correction': [3, 0, 0, 0, 0, 0],
    'handled_otherwise.misc': [1, 0, 0, 0, 0, 0],
    total: [266, 0, 5, 0, 18, 3],
    carried_forward: [0, 0, 0, 0, 0, 0],
  },
  review: [22, 6, 1, 8, 37, 0, 0, 0, 0, 0, 2, 0, 0, 1, 3],
  active: {
    'active.regulations.issued': 0,
    'active.regulations.repealed': 0,
    'active.regulations.in_force': 0,
    'active.normative.issued': 73,
    'active.normative.repealed': 28,
    'active.normative.in_force': 327,
    'active.licensing.decisions': 60435,
    'active.penalty.decisions': 8375,
    'active.coercion.decisions': 521,
    'active.fees.amount': 21273.89,
  },
};

/** Seed 003 (君堂镇 2024): every cell 0. */
export const SEED_003: HandReport = { active: { 'active.licensing.decisions': 0, 'active.fees.amount': 0 } };

/** Seed 004 (广东省政务服务和数据管理局 2024). */
export const SEED_004: HandReport = {
  apply: {
    new: [195, 20, 0, 1, 0, 1, 217],
    carried_over: [6, 1, 0, 0, 0, 0, 7],
    granted: [109, 15, 0, 0, 0, 1, 125],
    partly_granted: [5, 0, 0, 0, 0, 0, 5],
    'withheld.internal_affairs': [1, 1, 0, 0, 0, 0, 2],
    'withheld.admin_query': [1, 0, 0, 0, 0, 0, 1],
    'unavailable.not_held': [22, 1, 0, 0, 0, 0, 23],
    'unavailable.needs_creation': [1, 0, 0, 0, 0, 0, 1],
    'not_processed.reconfirm': [1, 0, 0, 0, 0, 0, 1],
    'handled_otherwise.misc': [54, 4, 0, 0, 0, 0, 58],
    total: [194, 21, 0, 0, 0, 1, 216],
    carried_forward: [7, 0, 0, 1, 0, 0, 8],
  },
  active: { 'active.regulations.in_force': 2, 'active.normative.in_force': 9 },
};

/** Seed 001 (汕尾市城区 2024): no tables on the page. */
export const SEED_001: HandReport = { format: 'unknown', missing: ['active', 'apply', 'review'] };
