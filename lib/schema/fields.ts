// Field ids (FORMAT.md §2–§4, docs/fields.md) made and read in one place: `fieldId` builds them,
// `parseField` is the one decoder (table, format, row, column), `fieldName` names them in words.
// No other file splits a field id.

import type { Lang } from '../i18n';
import { isTableKey, TABLES, type TableKey } from './tables';
import { REVIEW_GROUPS, REVIEW_KEYS } from './review';
import { APPLY_COLUMNS } from './apply';
import {
  activeLayouts,
  allApplyRows,
  DEFAULT_FORMAT,
  FORMATS,
  formatOfActiveLayout,
  formatsGeneration,
  type FormatDef,
  type FormatId,
} from './formats';

export interface FieldParts {
  table: TableKey;
  /**
   * The first format (registry order, the default first) that has this field; a field several formats
   * share reports the earliest. Unknown rows or columns report the default format.
   */
  format: FormatId;
  /** Row id: a table-三 row ("withheld.state_secret"), a table-四 group ("litigation.direct"), a table-二 row. */
  row: string;
  /** Column id ("natural_person", "total", "upheld", "issued" …). */
  col: string;
  /** Both row and column are in the schema. */
  known: boolean;
}

/** The field id of a cell: fieldId('apply', 'new', 'total'), fieldId('active', 'fees', 'amount', FORMAT_2019). */
export function fieldId(table: TableKey, row: string, col: string, format: FormatDef = DEFAULT_FORMAT): string {
  if (table === 'apply') return `apply.${row}.${col}`;
  if (table === 'review') return `${row}.${col}`;
  return `${format.active.prefix}.${row}.${col}`;
}

const cache = new Map<string, FieldParts | null>();
let cachedAt = -1;

/** Table 三's columns by id (no column id holds a dot: the column is what follows an id's last one). */
const APPLY_COLUMN_BY_ID: ReadonlyMap<string, (typeof APPLY_COLUMNS)[number]> = new Map(
  APPLY_COLUMNS.map((c) => [c.id, c]),
);
/**
 * Each table-三 row id → the first format (registry order) that has it; made again when the registry changes.
 * A page decodes a few hundred ids once each, cold: searching every format's rows per id was ≈ 1–3 ms of the
 * in-page analysis (CPU profile, realistic page).
 */
let rowFormats: { at: number; map: Map<string, FormatDef> } | null = null;
function applyRowFormat(row: string): FormatDef | undefined {
  if (rowFormats?.at !== formatsGeneration()) {
    const map = new Map<string, FormatDef>();
    for (const f of FORMATS) for (const r of f.apply.rows) if (!map.has(r.id)) map.set(r.id, f);
    rowFormats = { at: formatsGeneration(), map };
  }
  return rowFormats.map.get(row);
}

function decode(id: string): FieldParts | null {
  if (id.startsWith('apply.')) {
    const rest = id.slice('apply.'.length);
    const dot = rest.lastIndexOf('.');
    const col = dot < 0 ? undefined : APPLY_COLUMN_BY_ID.get(rest.slice(dot + 1));
    const row = col ? rest.slice(0, dot) : rest;
    const fmt = applyRowFormat(row);
    return { table: 'apply', format: (fmt ?? DEFAULT_FORMAT).id, row, col: col?.id ?? '', known: !!fmt && !!col };
  }
  for (const g of REVIEW_GROUPS) {
    if (!id.startsWith(g.id + '.')) continue;
    const key = id.slice(g.id.length + 1);
    if (key.includes('.')) continue;
    const known = REVIEW_KEYS.some((k) => k.id === key);
    return { table: 'review', format: DEFAULT_FORMAT.id, row: g.id, col: key, known };
  }
  const m = /^([a-z0-9]+)\.([^.]+)\.([^.]+)$/.exec(id);
  if (m) {
    const layout = activeLayouts().find((l) => l.prefix === m[1]);
    if (layout) {
      const row = layout.rows.find((r) => r.id === m[2]);
      const known = !!row?.columns.some((c) => c.id === m[3]);
      return { table: 'active', format: formatOfActiveLayout(layout).id, row: m[2]!, col: m[3]!, known };
    }
  }
  return null;
}

/** Decodes a field id; null when it names no table (a narrative sum id, a typo). */
export function parseField(id: string): FieldParts | null {
  if (cachedAt !== formatsGeneration() || cache.size > 5000) {
    cache.clear();
    cachedAt = formatsGeneration();
  }
  let p = cache.get(id);
  if (p === undefined) cache.set(id, (p = decode(id)));
  return p;
}

export function tableOfField(id: string): TableKey | null {
  return parseField(id)?.table ?? null;
}

function activeColumn(p: FieldParts) {
  const layout = activeLayouts().find((l) => formatOfActiveLayout(l).id === p.format);
  const row = layout?.rows.find((r) => r.id === p.row);
  return { row, col: row?.columns.find((c) => c.id === p.col) };
}

/** Is the field an amount (decimal, interval comparison) rather than a count? */
export function isAmount(id: string): boolean {
  const p = parseField(id);
  return !!p && p.table === 'active' && !!activeColumn(p).col?.amount;
}

/** May the field be negative (2019 本年增/减)? */
export function isSigned(id: string): boolean {
  const p = parseField(id);
  return !!p && p.table === 'active' && !!activeColumn(p).col?.signed;
}

/** Where a field sits, in the report's own words: table key, row label, column name. */
export interface FieldPlace {
  table: TableKey | null;
  row: string;
  column: string;
}

const SHORT_ROW: Record<string, string> = {
  new: '本年新收',
  carried_over: '上年结转',
  total: '（七）总计',
  carried_forward: '结转下年度',
};

const GROUP_WORD: Record<string, string> = {
  withheld: '不予公开',
  unavailable: '无法提供',
  not_processed: '不予处理',
  handled_otherwise: '其他处理',
};

/**
 * A table-三 row's name for messages: the printed label without its group heading, the group word
 * put back for numbered leaves ("不予公开1.属于国家秘密"), at most 24 characters. `short`: the four
 * un-numbered rows by their gist ("本年新收").
 */
export function applyRowName(id: string, short = false): string {
  if (short && SHORT_ROW[id]) return SHORT_ROW[id]!;
  const row = allApplyRows().find((r) => r.id === id);
  if (!row) return id;
  const parts = row.label.split(' ');
  let name = parts[parts.length - 1]!;
  if (name.startsWith('（二）部分公开')) name = '（二）部分公开';
  if (row.group && row.group !== 'results' && /^\d\./.test(name)) {
    const group = GROUP_WORD[row.group];
    if (group) name = `${group}${name}`;
  }
  return name.length > 24 ? name.slice(0, 23) + '…' : name;
}

export function applyColumnName(id: string, lang: Lang = 'zh'): string {
  const c = APPLY_COLUMN_BY_ID.get(id);
  return c ? (lang === 'en' ? c.en : c.name) : id;
}

/**
 * A field's row and column as printed. `label: 'full'` gives table 三's whole printed row label
 * ("（三）不予公开 1.属于国家秘密"); 'message' the shorter one used in check messages.
 */
export function fieldPlace(id: string, lang: Lang = 'zh', label: 'full' | 'message' = 'full'): FieldPlace {
  const p = parseField(id);
  if (!p) return { table: null, row: id, column: '' };
  const en = lang === 'en';
  if (p.table === 'apply') {
    const row = allApplyRows().find((r) => r.id === p.row);
    const col = APPLY_COLUMN_BY_ID.get(p.col);
    const rowName = !row ? p.row : en ? row.en : label === 'full' ? row.label : applyRowName(p.row);
    return { table: 'apply', row: rowName, column: col ? (en ? col.en : col.name) : p.col };
  }
  if (p.table === 'review') {
    const g = REVIEW_GROUPS.find((x) => x.id === p.row);
    const k = REVIEW_KEYS.find((x) => x.id === p.col);
    return { table: 'review', row: g ? (en ? g.en : g.name) : p.row, column: k ? (en ? k.en : k.name) : p.col };
  }
  const { row, col } = activeColumn(p);
  return {
    table: 'active',
    row: row ? (en ? row.en : row.name) : p.row,
    column: col ? (en ? col.en : col.name) : p.col,
  };
}

/** "表三 （一）予以公开 · 自然人", "表四 行政复议 · 总计", "表二 规章 · 本年制发件数" (unknown ids as they are). */
export function fieldName(id: string, lang: Lang = 'zh'): string {
  // Every check message names its cells: a few hundred names per report, from ~300 ids. Memoized per
  // registry generation (a registered format can rename rows).
  if (nameGeneration !== formatsGeneration()) {
    NAMES.clear();
    nameGeneration = formatsGeneration();
  }
  const key = lang === 'zh' ? id : `${lang}\u0000${id}`;
  let name = NAMES.get(key);
  if (name === undefined) {
    const place = fieldPlace(id, lang, 'message');
    name = place.table ? `${TABLES[place.table].short[lang]} ${place.row} · ${place.column}` : id;
    if (NAMES.size > 5000) NAMES.clear();
    NAMES.set(key, name);
  }
  return name;
}

const NAMES = new Map<string, string>();
let nameGeneration = -1;

/**
 * The table a check is about: the table its rule is named after ("apply.row-sum" → apply), else the table
 * of its first cell ("value.count:…"); null for checks on no table.
 */
export function tableOfCheck(check: { id: string; rule?: string; cells?: readonly string[] }): TableKey | null {
  const head = (check.rule ?? check.id).split(/[.:]/)[0];
  if (isTableKey(head)) return head;
  const first = check.cells?.[0];
  return first ? tableOfField(first) : null;
}
