// CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Windows reads Chinese as GBK and
// shows mojibake), CRLF line ends, RFC 4180 quoting. This is the one CSV writer: the extension's report
// and flags exports and the CLI's --format csv all go through `csvCell` / `toCsv`.
//
// Formula guard: a spreadsheet runs a text cell starting with = + - @ TAB or CR as a formula
// ("-1+1+cmd|' /C calc'!A0"). Every such text cell gets a leading apostrophe — a "-" followed by a digit
// included — unless the whole text is one plain number ("-12", "-3.5"), which cannot be a formula.
// Numbers we write ourselves (a negative 2019 本年增/减) are written as numbers.

import type { Report } from '../types';
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

export const REPORT_CSV_HEADER = ['类别', '编号', '表格', '行', '列', '数值', '原文', '状态', '应为', '表中', '说明'];

/** The report as one sheet: report facts, then every value read, then every check, then text claims. */
export function reportToCsv(report: Report): string {
  const rows: Cell[][] = [REPORT_CSV_HEADER];
  const meta: [string, Cell][] = [
    ['agency', report.report?.agency],
    ['year', report.report?.year],
    ['format', report.report?.format],
    ['title', report.source?.title],
    ['url', report.source?.url],
    ['checkedAt', report.source?.checkedAt],
    ['tool', report.tool ? `${report.tool.name} ${report.tool.version}` : ''],
  ];
  for (const [k, v] of meta)
    rows.push([
      '报告',
      k,
      '',
      '',
      '',
      typeof v === 'number' ? v : null,
      typeof v === 'number' ? '' : (v ?? ''),
      '',
      null,
      null,
      '',
    ]);
  for (const [field, v] of Object.entries(report.values ?? {})) {
    const p = describeField(field);
    const note = [
      v.blank ? '空白（不等于 0）' : '',
      v.unit ? `单位：${v.unit}` : '',
      v.note ? `脚注标记“${v.note}”` : '',
      v.problem ?? '',
    ]
      .filter(Boolean)
      .join('；');
    rows.push([
      '数值',
      field,
      p.table ? TABLE_NAMES[p.table].zh : '',
      p.row,
      p.column,
      v.value,
      v.raw,
      v.blank ? 'blank' : '',
      null,
      null,
      note,
    ]);
  }
  for (const c of report.checks ?? []) {
    const d = describeCheck(c.id, c.cells);
    let msg = c.message;
    if (c.culprit) msg += `；可能出错的单元格：${fieldInWords(c.culprit.field)}，应为 ${c.culprit.suggested}`;
    if (c.assumedZero?.length) msg += `；按 0 计的空白单元格：${c.assumedZero.map((f) => fieldInWords(f)).join('、')}`;
    rows.push([
      '检查',
      c.id,
      d.table ? TABLE_NAMES[d.table].zh : '',
      d.row,
      d.column,
      null,
      '',
      `${c.status}（${STATUS_ZH[c.status] ?? c.status}）`,
      c.expected,
      c.actual,
      msg,
    ]);
  }
  for (const n of report.narrative ?? []) {
    rows.push([
      '正文',
      n.id ?? '',
      '正文与表格',
      n.field ? describeField(n.field).row : '',
      n.field ? describeField(n.field).column : '',
      n.value,
      n.quote,
      `${n.status}（${STATUS_ZH[n.status] ?? n.status}）`,
      n.expected,
      null,
      n.message,
    ]);
  }
  for (const n of report.notices ?? []) rows.push(['提示', n.id, '', '', '', null, '', n.level, null, null, n.message]);
  return toCsv(rows);
}

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
