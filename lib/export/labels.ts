// Field ids and check ids → where they are in the report, in words (table, row, column), for the CSV
// export, the popup and the 反馈意见 text. Names come from lib/schema (the format is data).

import { APPLY_COLUMNS, APPLY_ROWS } from '../schema/apply';
import { REVIEW_GROUPS } from '../schema/review';
import { fieldPlace, type FieldPlace } from '../schema/fields';
import { TABLES, type TableKey } from '../schema/tables';
import type { Lang } from '../i18n';

export type { Lang } from '../i18n';

/** The tables' names (lib/schema/tables.ts), in the shape the views have used. */
export const TABLE_NAMES: Record<TableKey, { zh: string; en: string; short: string; shortEn: string }> = {
  active: { zh: TABLES.active.full.zh, en: TABLES.active.full.en, short: TABLES.active.short.zh, shortEn: TABLES.active.short.en },
  apply: { zh: TABLES.apply.full.zh, en: TABLES.apply.full.en, short: TABLES.apply.short.zh, shortEn: TABLES.apply.short.en },
  review: { zh: TABLES.review.full.zh, en: TABLES.review.full.en, short: TABLES.review.short.zh, shortEn: TABLES.review.short.en },
};

export type Place = FieldPlace;

/** Where a field id sits: table, row label, column name (unknown ids are returned as they are). */
export function describeField(field: string, lang: Lang = 'zh'): Place {
  return fieldPlace(field, lang, 'full');
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
  if (d.table) parts.push(TABLES[d.table].short[lang]);
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
