// CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Windows reads Chinese as GBK and
// shows mojibake), CRLF line ends, RFC 4180 quoting. This is the one CSV writer: the extension's report
// and flags exports and the CLI's --format csv all go through `csvCell` / `toCsv`.
//
// Formula guard: a spreadsheet runs a text cell starting with = + - @ TAB or CR as a formula
// ("-1+1+cmd|' /C calc'!A0"). Every such text cell gets a leading apostrophe — a "-" followed by a digit
// included — unless the whole text is one plain number ("-12", "-3.5"), which cannot be a formula.
// Numbers we write ourselves (a negative 2019 本年增/减) are written as numbers.

import type { Report, TableKey, ValueEntry } from '../types';
import { fieldId } from '../schema/fields';
import { formatById, formatName, type FormatDef } from '../schema/formats';
import { REVIEW_GROUPS, REVIEW_KEYS, reviewField } from '../schema/review';
import type { Flag } from '../flags/model';
import { FLAG_STATUS_LABELS } from '../flags/model';
import { describeCheck, describeField, fieldInWords, TABLE_NAMES } from './labels';
import { t, type MessageKey } from '../i18n';
import { renderFlag, stateName, type StateWord } from '../rules/render';

/** The CSV is one sheet in Chinese (issue #11: Chinese headers, ids in a column of their own); its words
 * come from lib/i18n like every other string. */
const zh = (key: MessageKey, params?: Record<string, string | number>) => t('zh', key, params);

export const BOM = '\uFEFF';

type Cell = string | number | null | undefined;

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Text as a spreadsheet will not evaluate it. */
export function defuseFormula(v: string): string {
  if (!/^[=+\-@\t\r]/.test(v)) return v;
  return PLAIN_NUMBER.test(v) ? v : `'${v}`;
}

function textCell(v: string): string {
  return defuseFormula(v);
}

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : textCell(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Cell[][]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One word per state (lib/rules/render.ts stateName): a number in the text that cannot be compared (info)
 * or is only approximately off (warn) is 无法判断, like an undecided check. */
const stateZh = (status: string) => stateName(status as StateWord, 'zh');

/** The header of the findings section (the checks, the numbers in the text, the notices). */
export const REPORT_CSV_HEADER = (
  [
    'csv.h.category',
    'csv.h.status',
    'csv.h.table',
    'csv.h.row',
    'csv.h.column',
    'csv.h.expected',
    'csv.h.actual',
    'csv.h.culprit',
    'csv.h.note',
    'csv.h.id',
  ] as const
).map((k) => zh(k));

/** One table of the report as a grid: its printed rows and columns, the row's id prefix in the last column. */
interface Grid {
  key: TableKey;
  columns: string[];
  rows: { label: string; id: string; fields: (string | null)[] }[];
}

function grids(format: FormatDef): Grid[] {
  const colsOf = (cols: { id: string; name: string }[][]) => {
    const out: { id: string; name: string }[] = [];
    for (const list of cols) for (const c of list) if (!out.some((o) => o.name === c.name)) out.push(c);
    return out;
  };
  const activeCols = colsOf(format.active.rows.map((r) => [...r.columns]));
  const active: Grid = {
    key: 'active',
    columns: activeCols.map((c) => c.name),
    rows: format.active.rows.map((r) => ({
      label: r.name,
      id: `${format.active.prefix}.${r.id}`,
      fields: activeCols.map((c) => {
        const col = r.columns.find((x) => x.name === c.name);
        return col ? fieldId('active', r.id, col.id, format) : null;
      }),
    })),
  };
  const apply: Grid = {
    key: 'apply',
    columns: format.apply.columns.map((c) => c.name),
    rows: format.apply.rows.map((r) => ({
      label: r.label,
      id: `apply.${r.id}`,
      fields: format.apply.columns.map((c) => fieldId('apply', r.id, c.id, format)),
    })),
  };
  const review: Grid = {
    key: 'review',
    columns: REVIEW_KEYS.map((k) => k.name),
    rows: REVIEW_GROUPS.map((g) => ({
      label: g.name,
      id: g.id,
      fields: REVIEW_KEYS.map((k) =>
        format.review.fields.includes(reviewField(g.id, k.id)) ? reviewField(g.id, k.id) : null,
      ),
    })),
  };
  return [active, apply, review];
}

/** A cell of the grid: the number read; 空白 for a blank cell (blank is not zero); the text as found when it is no number; empty when not read. */
function gridCell(v: ValueEntry | undefined): Cell {
  if (!v) return null;
  if (v.blank) return zh('cell.blankWord');
  return v.value ?? v.raw;
}

/**
 * The report as one sheet, the same in the extension (popup, report view) and the CLI (`--format csv`):
 * the report's facts, its three tables as grids in the report's order (rows and columns in the report's
 * words, the row's id in a column of its own), then the findings (checks, numbers in the text, notices),
 * ids only in the 编号 column. `file`: the CLI names the input when it writes several reports.
 */
export function reportToCsv(report: Report, opts: { file?: string; bom?: boolean } = {}): string {
  const rows: Cell[][] = [[zh('csv.title'), report.source?.title ?? '']];
  if (opts.file !== undefined) rows.push([zh('csv.file'), opts.file]);
  const fmtId = report.report?.format ?? 'unknown';
  const facts: [string, Cell][] = [
    [zh('agency'), report.report?.agency ?? zh('unknown')],
    [zh('year'), report.report?.year ?? zh('unknown')],
    [zh('format'), formatName(fmtId, 'zh', { docNo: true })],
    [zh('csv.url'), report.source?.url ?? ''],
    [zh('csv.checkedAt'), report.source?.checkedAt ?? ''],
    [zh('csv.tool'), report.tool ? `${report.tool.name} ${report.tool.version}` : ''],
  ];
  for (const f of facts) rows.push(f);
  if (report.options?.blankAsZero) rows.push([zh('csv.option'), zh('csv.blankAsZero')]);
  const s = report.summary;
  if (s)
    rows.push([
      zh('csv.result'),
      s.checks
        ? zh('csv.summary', { checks: s.checks, pass: s.pass, fail: s.fail, uncertain: s.uncertain })
        : zh('csv.noChecks'),
    ]);
  const format = formatById(fmtId);
  if (format) {
    for (const g of grids(format)) {
      const t = report.tables?.[g.key];
      rows.push([]);
      rows.push([TABLE_NAMES[g.key].zh]);
      if (!t?.found) {
        rows.push([zh('csv.notFound')]);
        continue;
      }
      rows.push([zh('csv.h.row'), ...g.columns, zh('csv.h.id')]);
      for (const r of g.rows)
        rows.push([r.label, ...r.fields.map((f) => (f ? gridCell(report.values?.[f]) : null)), r.id]);
    }
  }
  rows.push([]);
  rows.push([zh('csv.details')]);
  rows.push(REPORT_CSV_HEADER);
  const ORDER = { fail: 0, uncertain: 1, pass: 2 } as const;
  const checks = [...(report.checks ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  for (const c of checks) {
    const d = describeCheck(c.id, c.cells);
    const notes: string[] = [c.message];
    if (c.assumedZero?.length)
      notes.push(zh('csv.assumed', { cells: c.assumedZero.map((f) => fieldInWords(f)).join(zh('list.sep')) }));
    rows.push([
      zh('csv.kind.check'),
      stateZh(c.status),
      d.table ? TABLE_NAMES[d.table].zh : '',
      d.row,
      d.column,
      c.expected,
      c.actual,
      c.culprit ? zh('csv.culprit', { where: fieldInWords(c.culprit.field), value: c.culprit.suggested }) : '',
      notes.join('；'),
      c.id,
    ]);
  }
  for (const n of report.narrative ?? []) {
    const p = n.field ? describeField(n.field) : null;
    rows.push([
      zh('csv.kind.claim'),
      stateZh(n.status),
      p?.table ? TABLE_NAMES[p.table].zh : '',
      p?.row ?? '',
      p?.column ?? '',
      n.expected,
      n.value,
      '',
      zh('claim.quote', { quote: n.quote, message: n.message }),
      n.id ?? '',
    ]);
  }
  for (const n of report.notices ?? [])
    rows.push([zh('csv.kind.notice'), noticeLevel(n.level), '', '', '', null, null, '', n.message, n.id]);
  const csv = toCsv(rows);
  return opts.bom === false ? csv.slice(BOM.length) : csv;
}

const noticeLevel = (level: string) =>
  level === 'info' || level === 'warn' || level === 'error' ? zh(`notice.level.${level}`) : level;

export const FLAGS_CSV_HEADER = (
  [
    'csv.f.fingerprint',
    'agency',
    'year',
    'csv.f.checkId',
    'csv.h.table',
    'csv.f.place',
    'status',
    'note',
    'csv.h.note',
    'csv.f.cells',
    'csv.h.culprit',
    'csv.f.pageTitle',
    'csv.url',
    'csv.f.flaggedAt',
    'csv.f.updatedAt',
  ] as const
).map((k) => zh(k));

export function flagsToCsv(flags: Flag[]): string {
  const rows: Cell[][] = [FLAGS_CSV_HEADER];
  for (const f of flags) {
    const d = describeCheck(
      f.checkId,
      f.cells.map((c) => c.field),
    );
    const where = [d.row && `“${d.row}”行`, d.column && `“${d.column}”列`, d.what].filter(Boolean).join(' ');
    const cells = f.cells
      .map((c) => `${fieldInWords(c.field)}=${c.value ?? (c.raw || zh('cell.blankWord'))}`)
      .join('; ');
    const culprit = f.culprit
      ? zh('csv.f.culprit', { where: fieldInWords(f.culprit.field), value: f.culprit.suggested })
      : '';
    rows.push([
      f.fingerprint,
      f.agency ?? '',
      f.year,
      f.checkId,
      d.table ? TABLE_NAMES[d.table].zh : f.kind === 'narrative' ? zh('csv.kind.claim') : '',
      where,
      FLAG_STATUS_LABELS[f.status].zh,
      f.note,
      f.quote ? `${renderFlag(f, 'zh').text}（原文：${f.quote}）` : renderFlag(f, 'zh').text,
      cells,
      culprit,
      f.title ?? '',
      f.url,
      f.createdAt,
      f.updatedAt,
    ]);
  }
  return toCsv(rows);
}
