// Field ids and check ids → where they are in the report, in words (table, row, column), for the CSV
// export, the popup and the 反馈意见 text. Names come from lib/schema (the format is data).

import type { TableKey } from '../types';
import { APPLY_COLUMNS, APPLY_ROWS } from '../schema/apply';
import { ACTIVE_ROWS_2019, ACTIVE_ROWS_2021 } from '../schema/active';
import { REVIEW_GROUPS, REVIEW_KEYS } from '../schema/review';

export type Lang = 'zh' | 'en';

export const TABLE_NAMES: Record<TableKey, { zh: string; en: string; short: string; shortEn: string }> = {
  active: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure', short: '表二', shortEn: 'Table II' },
  apply: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Requests received and handled', short: '表三', shortEn: 'Table III' },
  review: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Administrative review and litigation', short: '表四', shortEn: 'Table IV' },
};

export interface Place {
  table: TableKey | null;
  row: string;
  column: string;
}

function applyPlace(rest: string, lang: Lang): Place {
  const col = APPLY_COLUMNS.find((c) => rest.endsWith('.' + c.id));
  const rowId = col ? rest.slice(0, -(col.id.length + 1)) : rest;
  const row = APPLY_ROWS.find((r) => r.id === rowId);
  return {
    table: 'apply',
    row: row ? (lang === 'en' ? row.en : row.label) : rowId,
    column: col ? (lang === 'en' ? col.en : col.name) : '',
  };
}

/** Where a field id sits: table, row label, column name (unknown ids are returned as they are). */
export function describeField(field: string, lang: Lang = 'zh'): Place {
  if (field.startsWith('apply.')) return applyPlace(field.slice('apply.'.length), lang);
  for (const g of REVIEW_GROUPS) {
    for (const k of REVIEW_KEYS) {
      if (field === `${g.id}.${k.id}`) return { table: 'review', row: lang === 'en' ? g.en : g.name, column: lang === 'en' ? k.en : k.name };
    }
  }
  const m = /^(active|active2019)\.([^.]+)\.([^.]+)$/.exec(field);
  if (m) {
    const [, prefix, rowId = '', colId = ''] = m;
    const rows = prefix === 'active' ? ACTIVE_ROWS_2021 : ACTIVE_ROWS_2019;
    const row = rows.find((r) => r.id === rowId);
    const col = row?.columns.find((c) => c.id === colId);
    return { table: 'active', row: row ? (lang === 'en' ? row.en : row.name) : rowId, column: col ? col.name : colId };
  }
  return { table: null, row: field, column: '' };
}

/** "“（七）总计”行“自然人”列" — a cell in words. */
export function fieldInWords(field: string, lang: Lang = 'zh'): string {
  const p = describeField(field, lang);
  if (lang === 'en') return p.column ? `row “${p.row}”, column “${p.column}”` : p.row;
  return p.column ? `“${p.row}”行“${p.column}”列` : p.row;
}

export interface CheckPlace extends Place {
  /** What the check compares, in words. */
  what: string;
}

/** What a check id is about (table, row or column, and the identity). */
export function describeCheck(checkId: string, cells: string[] = [], lang: Lang = 'zh'): CheckPlace {
  const [rule, arg = ''] = checkId.split(':', 2) as [string, string?];
  const en = lang === 'en';
  if (rule === 'apply.row-sum') {
    const row = APPLY_ROWS.find((r) => r.id === arg);
    return { table: 'apply', row: row ? (en ? row.en : row.label) : arg, column: '', what: en ? 'row total' : '本行合计' };
  }
  if (rule === 'apply.result-sum') {
    const col = APPLY_COLUMNS.find((c) => c.id === arg);
    return { table: 'apply', row: en ? '(7) total' : '（七）总计', column: col ? (en ? col.en : col.name) : arg, what: en ? 'sum of the results' : '办理结果之和' };
  }
  if (rule === 'apply.balance') {
    const col = APPLY_COLUMNS.find((c) => c.id === arg);
    return {
      table: 'apply', row: '', column: col ? (en ? col.en : col.name) : arg,
      what: en ? 'new + carried over = total + carried forward' : '一 + 二 = （七）总计 + 四',
    };
  }
  if (rule === 'review.sum') {
    const g = REVIEW_GROUPS.find((x) => x.id === arg);
    return { table: 'review', row: g ? (en ? g.en : g.name) : arg, column: '', what: en ? 'upheld + corrected + other + pending = total' : '维持 + 纠正 + 其他 + 尚未审结 = 总计' };
  }
  if (checkId.startsWith('narrative:')) {
    return { table: null, row: '', column: '', what: en ? 'text vs. tables' : '正文与表格' };
  }
  // value.* and checks we do not know yet: describe their first cell.
  const first = cells[0];
  if (first) {
    const p = describeField(first, lang);
    return { ...p, what: en ? 'cell value' : '单元格数值' };
  }
  return { table: null, row: checkId, column: '', what: '' };
}

/** One line naming the place of a check: "表三 · “（一）予以公开”行 · 本行合计". */
export function checkTitle(checkId: string, cells: string[] = [], lang: Lang = 'zh'): string {
  const d = describeCheck(checkId, cells, lang);
  const parts: string[] = [];
  if (d.table) parts.push(lang === 'en' ? TABLE_NAMES[d.table].shortEn : TABLE_NAMES[d.table].short);
  if (lang === 'en') {
    if (d.row) parts.push(`row “${d.row}”`);
    if (d.column) parts.push(`column “${d.column}”`);
  } else {
    if (d.row) parts.push(`“${d.row}”行`);
    if (d.column) parts.push(`“${d.column}”列`);
  }
  if (d.what) parts.push(d.what);
  return parts.join(' · ');
}
