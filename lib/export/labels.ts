// Field ids and check ids → where they are in the report, in words (table, row, column), for the CSV
// export, the popup and the 反馈意见 text. Names come from lib/schema (the format is data).

import { ruleById } from '../rules';
import type { CheckPlace } from '../rules/define';
import { fieldPlace, type FieldPlace } from '../schema/fields';
import { TABLES, type TableKey } from '../schema/tables';
import { t, type Lang } from '../i18n/page';

export type { Lang } from '../i18n/page';

/** The tables' names (lib/schema/tables.ts), in the shape the views have used. */
export const TABLE_NAMES: Record<TableKey, { zh: string; en: string; short: string; shortEn: string }> = {
  active: {
    zh: TABLES.active.full.zh,
    en: TABLES.active.full.en,
    short: TABLES.active.short.zh,
    shortEn: TABLES.active.short.en,
  },
  apply: {
    zh: TABLES.apply.full.zh,
    en: TABLES.apply.full.en,
    short: TABLES.apply.short.zh,
    shortEn: TABLES.apply.short.en,
  },
  review: {
    zh: TABLES.review.full.zh,
    en: TABLES.review.full.en,
    short: TABLES.review.short.zh,
    shortEn: TABLES.review.short.en,
  },
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

export type { CheckPlace } from '../rules/define';

/** What a check id is about (table, row or column, and the identity): the check's rule places it. */
export function describeCheck(checkId: string, cells: string[] = [], lang: Lang = 'zh'): CheckPlace {
  const [ruleId, arg = ''] = checkId.split(':', 2) as [string, string?];
  const place = ruleById(ruleId)?.place;
  if (place) return place(arg, lang);
  if (checkId.startsWith('narrative:')) {
    return { table: null, row: '', column: '', what: t(lang, 'place.claims') };
  }
  // value.* and checks we do not know yet: describe their first cell.
  const first = cells[0];
  if (first) {
    const p = describeField(first, lang);
    return { ...p, what: t(lang, 'place.cellValue') };
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
