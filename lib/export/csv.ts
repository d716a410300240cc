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

const STATUS_ZH: Record<string, string> = {
  pass: '通过',
  fail: '不一致',
  uncertain: '无法判断',
  warn: '请留意',
  info: '信息',
};

/** The header of the findings section (the checks, the numbers in the text, the notices). */
export const REPORT_CSV_HEADER = ['类别', '状态', '表格', '行', '列', '应为', '表中', '可能出错', '说明', '编号'];

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
  if (v.blank) return '空白';
  return v.value ?? v.raw;
}

/**
 * The report as one sheet, the same in the extension (popup, report view) and the CLI (`--format csv`):
 * the report's facts, its three tables as grids in the report's order (rows and columns in the report's
 * words, the row's id in a column of its own), then the findings (checks, numbers in the text, notices),
 * ids only in the 编号 column. `file`: the CLI names the input when it writes several reports.
 */
export function reportToCsv(report: Report, opts: { file?: string; bom?: boolean } = {}): string {
  const rows: Cell[][] = [['勾稽核对报告', report.source?.title ?? '']];
  if (opts.file !== undefined) rows.push(['文件', opts.file]);
  const fmtId = report.report?.format ?? 'unknown';
  const facts: [string, Cell][] = [
    ['机关', report.report?.agency ?? '未识别'],
    ['年度', report.report?.year ?? '未识别'],
    ['格式', formatName(fmtId, 'zh', { docNo: true })],
    ['页面地址', report.source?.url ?? ''],
    ['检查时间', report.source?.checkedAt ?? ''],
    ['工具', report.tool ? `${report.tool.name} ${report.tool.version}` : ''],
  ];
  for (const f of facts) rows.push(f);
  if (report.options?.blankAsZero) rows.push(['选项', '空白按 0 计（空白单元格均按 0 核对）']);
  const s = report.summary;
  if (s)
    rows.push([
      '核对结果',
      s.checks
        ? `勾稽关系 ${s.checks} 项：通过 ${s.pass}，不一致 ${s.fail}，无法判断 ${s.uncertain}`
        : '未核对勾稽关系',
    ]);
  const format = formatById(fmtId);
  if (format) {
    for (const g of grids(format)) {
      const t = report.tables?.[g.key];
      rows.push([]);
      rows.push([TABLE_NAMES[g.key].zh]);
      if (!t?.found) {
        rows.push(['未找到此表']);
        continue;
      }
      rows.push(['行', ...g.columns, '编号']);
      for (const r of g.rows)
        rows.push([r.label, ...r.fields.map((f) => (f ? gridCell(report.values?.[f]) : null)), r.id]);
    }
  }
  rows.push([]);
  rows.push(['核对明细']);
  rows.push(REPORT_CSV_HEADER);
  const ORDER = { fail: 0, uncertain: 1, pass: 2 } as const;
  const checks = [...(report.checks ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  for (const c of checks) {
    const d = describeCheck(c.id, c.cells);
    const notes: string[] = [c.message];
    if (c.assumedZero?.length)
      notes.push(`按 0 计的空白单元格：${c.assumedZero.map((f) => fieldInWords(f)).join('、')}`);
    rows.push([
      '勾稽关系',
      STATUS_ZH[c.status] ?? c.status,
      d.table ? TABLE_NAMES[d.table].zh : '',
      d.row,
      d.column,
      c.expected,
      c.actual,
      c.culprit ? `${fieldInWords(c.culprit.field)}，应为 ${c.culprit.suggested}` : '',
      notes.join('；'),
      c.id,
    ]);
  }
  for (const n of report.narrative ?? []) {
    const p = n.field ? describeField(n.field) : null;
    rows.push([
      '正文与表格',
      STATUS_ZH[n.status] ?? n.status,
      p?.table ? TABLE_NAMES[p.table].zh : '',
      p?.row ?? '',
      p?.column ?? '',
      n.expected,
      n.value,
      '',
      `正文“${n.quote}”：${n.message}`,
      n.id ?? '',
    ]);
  }
  for (const n of report.notices ?? [])
    rows.push(['提示', NOTICE_LEVEL_ZH[n.level] ?? n.level, '', '', '', null, null, '', n.message, n.id]);
  const csv = toCsv(rows);
  return opts.bom === false ? csv.slice(BOM.length) : csv;
}

const NOTICE_LEVEL_ZH: Record<string, string> = { info: '信息', warn: '请留意', error: '错误' };

export const FLAGS_CSV_HEADER = [
  '指纹',
  '机关',
  '年度',
  '检查编号',
  '表格',
  '位置',
  '跟进状态',
  '备注',
  '说明',
  '单元格及数值',
  '可能出错',
  '页面标题',
  '页面地址',
  '标记时间',
  '更新时间',
];

export function flagsToCsv(flags: Flag[]): string {
  const rows: Cell[][] = [FLAGS_CSV_HEADER];
  for (const f of flags) {
    const d = describeCheck(
      f.checkId,
      f.cells.map((c) => c.field),
    );
    const where = [d.row && `“${d.row}”行`, d.column && `“${d.column}”列`, d.what].filter(Boolean).join(' ');
    const cells = f.cells.map((c) => `${fieldInWords(c.field)}=${c.value ?? (c.raw || '空白')}`).join('; ');
    const culprit = f.culprit ? `${fieldInWords(f.culprit.field)} 应为 ${f.culprit.suggested}` : '';
    rows.push([
      f.fingerprint,
      f.agency ?? '',
      f.year,
      f.checkId,
      d.table ? TABLE_NAMES[d.table].zh : f.kind === 'narrative' ? '正文与表格' : '',
      where,
      FLAG_STATUS_LABELS[f.status].zh,
      f.note,
      f.quote ? `${f.message}（原文：${f.quote}）` : f.message,
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
