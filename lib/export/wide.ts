// Exports of a batch. Wide CSV: one row per report — address, body, year, format, state, counts, then
// every field id of every format as a column (the number read; empty when blank or not read — the
// `blank_fields` column lists the blank ones, since blank is not zero). UTF-8 with BOM, CRLF, formula-safe
// (./csv). JSON Lines: one report object a line; an address that could not be read is
// {"source":{"url"},"error"}.

import { FORMATS, activeFieldsOf, applyFieldsOf } from '../schema/formats';
import type { Report } from '../types';
import { errorsOf, type BatchRow } from '../batch/run';
import { toCsv } from './csv';

/** Every field id of every registered format (lib/schema/formats.ts): table 二 per layout, table 三 (the union), table 四. */
export function allFields(): readonly string[] {
  return [
    ...new Set([
      ...FORMATS.flatMap((f) => activeFieldsOf(f)),
      ...FORMATS.flatMap((f) => applyFieldsOf(f)),
      ...FORMATS.flatMap((f) => f.review.fields),
    ]),
  ];
}

/** The built-in formats' fields (2021 and 2019), as exported today. */
export const ALL_FIELDS: readonly string[] = allFields();

export const WIDE_FIXED = [
  'url',
  'state',
  'reason',
  'agency',
  'year',
  'format',
  'active_read',
  'active_expected',
  'apply_read',
  'apply_expected',
  'review_read',
  'review_expected',
  'checks',
  'errors',
  'fail',
  'uncertain',
  'prose_fail',
  'year_over_year',
  'year_over_year_fail',
  'attachment',
  'source',
  'blank_fields',
] as const;

export const WIDE_HEADER: readonly string[] = [...WIDE_FIXED, ...ALL_FIELDS];

export interface WideItem {
  row: BatchRow;
  report?: Report;
}

export function wideRow({ row, report }: WideItem, fields: readonly string[] = ALL_FIELDS): (string | number | null)[] {
  const t = row.tables;
  const values = report?.values ?? {};
  const blank = Object.entries(values)
    .filter(([, v]) => v.blank)
    .map(([k]) => k);
  return [
    row.url,
    row.state,
    row.reason ?? '',
    row.agency ?? '',
    row.year,
    row.format ?? '',
    t?.active[0] ?? null,
    t?.active[1] ?? null,
    t?.apply[0] ?? null,
    t?.apply[1] ?? null,
    t?.review[0] ?? null,
    t?.review[1] ?? null,
    report ? report.summary.checks : null,
    errorsOf(row),
    row.fail,
    row.uncertain,
    row.proseFail,
    row.yoy?.status ?? '',
    row.yoy ? row.yoy.fail : null,
    row.attachment ?? '',
    row.source ?? '',
    blank.join(' '),
    ...fields.map((f) => values[f]?.value ?? null),
  ];
}

export function batchToWideCsv(items: readonly WideItem[]): string {
  const fields = allFields(); // read at export time: a format registered later has its columns too
  return toCsv([[...WIDE_FIXED, ...fields], ...items.map((i) => wideRow(i, fields))]);
}

export function jsonLine(url: string, report: Report | undefined, error?: string): string {
  return JSON.stringify(report ?? { source: { url }, error: error ?? '无法读取' });
}

export function batchToJsonl(items: readonly WideItem[]): string {
  return items.map(({ row, report }) => jsonLine(row.url, report, row.reason) + '\n').join('');
}
