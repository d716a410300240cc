// Exports of a batch. Wide CSV: one row per report — address, body, year, format, state, counts, then
// every field id of every format as a column (the number read; empty when blank or not read — the
// `blank_fields` column lists the blank ones, since blank is not zero). UTF-8 with BOM, CRLF, formula-safe
// (./csv). JSON Lines: one report object a line; an address that could not be read is
// {"source":{"url"},"error"}.

import { activeFields } from '../schema/active';
import { applyFields } from '../schema/apply';
import { REVIEW_FIELDS } from '../schema/review';
import type { Report } from '../types';
import type { BatchRow } from '../batch/run';
import { toCsv } from './csv';

/** Every field id, table 二 (2021, 2019), table 三 (2021 ∪ 2019), table 四, in schema order. */
export const ALL_FIELDS: readonly string[] = [...new Set([...activeFields('2021'), ...activeFields('2019'), ...applyFields('2021'), ...applyFields('2019'), ...REVIEW_FIELDS])];

export const WIDE_HEADER = [
  'url', 'state', 'reason', 'agency', 'year', 'format',
  'active_read', 'active_expected', 'apply_read', 'apply_expected', 'review_read', 'review_expected',
  'checks', 'fail', 'uncertain', 'prose_fail', 'year_over_year', 'year_over_year_fail', 'attachment', 'blank_fields',
  ...ALL_FIELDS,
] as const;

export interface WideItem {
  row: BatchRow;
  report?: Report;
}

export function wideRow({ row, report }: WideItem): (string | number | null)[] {
  const t = row.tables;
  const values = report?.values ?? {};
  const blank = Object.entries(values).filter(([, v]) => v.blank).map(([k]) => k);
  return [
    row.url, row.state, row.reason ?? '', row.agency ?? '', row.year, row.format ?? '',
    t?.active[0] ?? null, t?.active[1] ?? null, t?.apply[0] ?? null, t?.apply[1] ?? null, t?.review[0] ?? null, t?.review[1] ?? null,
    report ? report.summary.checks : null, row.fail, row.uncertain, row.proseFail, row.yoy?.status ?? '', row.yoy ? row.yoy.fail : null, row.attachment ?? '', blank.join(' '),
    ...ALL_FIELDS.map((f) => values[f]?.value ?? null),
  ];
}

export function batchToWideCsv(items: readonly WideItem[]): string {
  return toCsv([[...WIDE_HEADER], ...items.map(wideRow)]);
}

export function jsonLine(url: string, report: Report | undefined, error?: string): string {
  return JSON.stringify(report ?? { source: { url }, error: error ?? '无法读取' });
}

export function batchToJsonl(items: readonly WideItem[]): string {
  return items.map(({ row, report }) => jsonLine(row.url, report, row.reason) + '\n').join('');
}
