// Reading table values for narrative claims: sums with blank addends counted as 0 (recorded, as the
// table checks do: FORMAT.md §5) and decimal amounts compared as intervals.

import type { Report } from '../types';
import { formatNumber as fmt } from '../i18n/number';
import { APPLY_ADDEND_COLUMNS, applyField } from '../schema/apply';
import { parseField } from '../schema/fields';
import { DEFAULT_FORMAT, formatById, type FormatDef } from '../schema/formats';
import type { NarrativeOption } from '../schema/narrative';

/** A reading of the claim resolved to concrete fields. */
export interface ResolvedOption {
  field: string;
  name: string;
  fields: readonly string[];
}

export interface SumValue {
  /** null when every field is blank or missing. */
  value: number | null;
  parts: Array<number | null>;
  assumedZero: string[];
  /** Most decimals among the parts (amounts). */
  decimals: number;
  /** Fields that were not read at all (a table read in part): no comparison may rest on them. */
  unread: string[];
  /** Blank row totals of table 三 taken as the sum of their six applicant cells (prose only). */
  derived: string[];
}

/**
 * A blank table-三 row 总计 whose six applicant cells are all filled: their sum, for comparing prose only
 * (the table check on that row stays uncertain). null otherwise.
 */
const NOT_RESULT = new Set(['new', 'carried_over', 'carried_forward', 'total']);

export function derivedRowTotal(report: Report, field: string): number | null {
  const p = parseField(field);
  const cell = report.values[field];
  // Result rows only (（一）…（六）): 本年新收, 上年结转, 结转下年度 and （七）总计 are not derived.
  if (!p || p.table !== 'apply' || p.col !== 'total' || !cell || cell.value !== null || NOT_RESULT.has(p.row))
    return null;
  let sum = 0;
  for (const c of APPLY_ADDEND_COLUMNS) {
    const v = report.values[applyField(p.row, c.id)];
    if (!v || v.value === null || !Number.isFinite(v.value)) return null;
    sum += v.value;
  }
  // A zero sum reads the same as a blank counted as 0 (and is recorded as such).
  return sum > 0 ? sum : null;
}

/** The format the report's tables are read in (the default for 'old' / 'unknown'). */
export function applyFormatOf(report: Report): FormatDef {
  return formatById(report.report.format) ?? DEFAULT_FORMAT;
}

/** Row ids of a table-三 group ("withheld" → its 8 rows; "handled_otherwise" → 3 rows, or 1 in 2019). */
export function groupRows(group: string, format: FormatDef): string[] {
  return format.apply.rows.filter((r) => r.id === group || r.id.startsWith(group + '.')).map((r) => r.id);
}

/** null when the option has no cell in this format (2019 table 二 has no 制发/废止/现行有效 columns). */
export function resolveOption(o: NarrativeOption, report: Report): ResolvedOption | null {
  const format = applyFormatOf(report);
  if (o.group)
    return { field: o.field, name: o.name, fields: groupRows(o.group, format).map((r) => applyField(r, 'total')) };
  let sum = o.sum ?? [];
  const own = o.sumIn?.[format.id];
  if (own !== undefined) {
    if (own === null) return null;
    sum = own;
  }
  const p = format.active.prefix;
  return {
    field: o.field.replace('{p}', p),
    name: o.name,
    fields: sum.map((f) => f.replace('{p}', p)),
  };
}

export function sumFields(report: Report, fields: readonly string[]): SumValue {
  const parts: Array<number | null> = [];
  const assumedZero: string[] = [];
  const unread: string[] = [];
  const derived: string[] = [];
  let total = 0;
  let any = false;
  let decimals = 0;
  for (const f of fields) {
    const v = report.values[f];
    const d = v && v.value === null ? derivedRowTotal(report, f) : null;
    if (v && v.value !== null && Number.isFinite(v.value)) {
      parts.push(v.value);
      total += v.value;
      any = true;
      decimals = Math.max(decimals, v.decimals ?? 0);
    } else if (d !== null) {
      parts.push(d);
      total += d;
      any = true;
      derived.push(f);
    } else {
      parts.push(null);
      assumedZero.push(f);
      if (!v) unread.push(f);
    }
  }
  // Rounding noise from adding decimals: keep the written precision.
  const value = any ? Number(total.toFixed(Math.max(decimals, 0))) : null;
  return {
    value,
    parts,
    assumedZero: any ? assumedZero.filter((f) => !unread.includes(f)) : [],
    decimals,
    unread,
    derived,
  };
}

/** Interval of a written decimal: d decimals mean ±½·10⁻ᵈ. */
export function interval(value: number, decimals: number): [number, number] {
  const h = 0.5 * 10 ** -decimals;
  return [value - h, value + h];
}

/** Does the written number equal the table value? Amounts compare as intervals, counts exactly. */
export function sameValue(
  written: number,
  writtenDecimals: number,
  table: number,
  tableDecimals: number,
  amount: boolean,
): boolean {
  if (!amount) return written === table;
  const [a, b] = interval(written, writtenDecimals);
  const [c, d] = interval(table, tableDecimals);
  return a <= d + 1e-12 && c <= b + 1e-12;
}

/** "41 + 30 + 1", blanks shown as "空". */
export function arithmetic(parts: ReadonlyArray<number | null>): string {
  return parts.map((p) => (p === null ? '空' : fmt(p))).join(' + ');
}
