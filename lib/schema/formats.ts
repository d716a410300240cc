// The report formats as data: each format's 文号, its rows and columns per table, and the signals that
// recognize it on a page. Extraction, rules, narrative, views, the letter and the CLI read formats from
// here and never branch on a format's id. A new format (say a 2026 revision adding a table-三 row) is one
// `FormatDef` plus its row list, added to `BUILT_IN` below — tests/unit/core/formats.test.ts proves it
// with a format defined only in the test (`registerFormat`).

import type { Lang } from '../i18n';
import { ACTIVE_2019_HEADER, ACTIVE_ROWS_2019, ACTIVE_ROWS_2021, type ActiveRow } from './active';
import { APPLY_COLUMNS, APPLY_ROWS, type ApplyColumn, type ApplyRow } from './apply';
import { REVIEW_FIELDS } from './review';

/** The formats this build knows; registered formats (tests, future revisions) add their own ids. */
export type KnownFormat = '2021' | '2019';
/** A format's id: a built-in one, or a registered one (`string & {}` keeps the literals suggested). */
export type FormatId = KnownFormat | (string & {});

/** Table 二's layout in a format: its field-id prefix, rows (with their columns) and what recognizes it. */
export interface ActiveLayout {
  /** Field-id prefix: "active" (FORMAT.md §2), "active2019" (docs/fields.md). Unique per layout. */
  prefix: string;
  rows: readonly ActiveRow[];
  /** Header words only this layout prints (tested on the table's joined header text). */
  header?: RegExp;
  /** Item rows that carry at least `values` values here where the default layout has one. */
  wideItems?: { rows: readonly string[]; values: number };
}

export interface FormatDef {
  id: FormatId;
  /** 文号 of the notice that set the format. */
  docNo: string;
  /** "2021 年格式" / "2021 format". */
  name: Readonly<Record<Lang, string>>;
  /** How the follow-up letter cites the format ("《…格式》（国办公开办函〔2021〕30号）"). */
  citation: string;
  active: ActiveLayout;
  /**
   * Table 三: rows in printed order, and the columns. The format of a table 三 is recognized by its rows:
   * the format whose row list holds the most of the rows read wins; ties go to the earlier format.
   */
  apply: { rows: readonly ApplyRow[]; columns: readonly ApplyColumn[] };
  /** Table 四: its 15 field ids in page order. */
  review: { fields: readonly string[] };
}

const ACTIVE_2021: ActiveLayout = { prefix: 'active', rows: ACTIVE_ROWS_2021 };
const ACTIVE_2019: ActiveLayout = {
  prefix: 'active2019',
  rows: ACTIVE_ROWS_2019,
  header: ACTIVE_2019_HEADER,
  wideItems: { rows: ['licensing', 'penalty', 'coercion'], values: 3 },
};

export const FORMAT_2021: FormatDef = {
  id: '2021',
  docNo: '国办公开办函〔2021〕30号',
  name: { zh: '2021 年格式', en: '2021 format' },
  citation: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）',
  active: ACTIVE_2021,
  apply: { rows: APPLY_ROWS.filter((r) => r.formats.includes('2021')), columns: APPLY_COLUMNS },
  review: { fields: REVIEW_FIELDS },
};

export const FORMAT_2019: FormatDef = {
  id: '2019',
  docNo: '国办公开办函〔2019〕60号',
  name: { zh: '2019 年格式', en: '2019 format' },
  citation: '国办公开办函〔2019〕60号规定的年度报告格式',
  active: ACTIVE_2019,
  apply: { rows: APPLY_ROWS.filter((r) => r.formats.includes('2019')), columns: APPLY_COLUMNS },
  review: { fields: REVIEW_FIELDS },
};

const BUILT_IN: readonly FormatDef[] = [FORMAT_2021, FORMAT_2019];
const registry: FormatDef[] = [...BUILT_IN];

/** Every format, the default first (a table that shows no format's signal is read in the default). */
export const FORMATS: readonly FormatDef[] = registry;
export const DEFAULT_FORMAT: FormatDef = FORMAT_2021;

/**
 * Adds a format (tests; a future revision goes into BUILT_IN instead). Returns the function that removes
 * it again.
 */
export function registerFormat(def: FormatDef): () => void {
  if (registry.some((f) => f.id === def.id)) throw new Error(`format ${def.id} is already registered`);
  registry.push(def);
  generation++;
  return () => {
    const i = registry.indexOf(def);
    if (i >= 0) registry.splice(i, 1);
    generation++;
  };
}

let generation = 0;

/** Changes whenever the registry does (for caches derived from it). */
export function formatsGeneration(): number {
  return generation;
}

/** The format with this id, or null ('old', 'unknown', anything not registered). */
export function formatById(id: string | null | undefined): FormatDef | null {
  return registry.find((f) => f.id === id) ?? null;
}

/** Does the report format have tables we check (not 'old', not 'unknown')? */
export function isTableFormat(id: string | null | undefined): boolean {
  return formatById(id) !== null;
}

const NO_TABLE_NAMES: Record<string, Record<Lang, string>> = {
  old: { zh: '旧格式', en: 'old format' },
  unknown: { zh: '格式未知', en: 'not recognized' },
};

/** "2021 年格式", with `docNo` "2021 年格式（国办公开办函〔2021〕30号）"; 'old' and 'unknown' named too. */
export function formatName(id: string, lang: Lang = 'zh', opts: { docNo?: boolean } = {}): string {
  const f = formatById(id);
  if (!f) return (NO_TABLE_NAMES[id] ?? NO_TABLE_NAMES.unknown!)[lang];
  return opts.docNo && lang === 'zh' ? `${f.name.zh}（${f.docNo}）` : f.name[lang];
}

/** Table 二 layouts, each once, the default's first. */
export function activeLayouts(): ActiveLayout[] {
  const out: ActiveLayout[] = [];
  for (const f of registry) if (!out.some((l) => l.prefix === f.active.prefix)) out.push(f.active);
  return out;
}

/** The first format that prints table 二 in this layout. */
export function formatOfActiveLayout(layout: ActiveLayout): FormatDef {
  return registry.find((f) => f.active.prefix === layout.prefix) ?? DEFAULT_FORMAT;
}

let unionCache: { generation: number; rows: readonly ApplyRow[] } | null = null;

/**
 * Every table-三 row of every format, each id once, in match order: the built-in rows as listed in
 * lib/schema/apply.ts (specific patterns before generic ones), then rows only registered formats have.
 */
export function allApplyRows(): readonly ApplyRow[] {
  if (unionCache?.generation === generation) return unionCache.rows;
  const rows: ApplyRow[] = [...APPLY_ROWS];
  for (const f of registry) for (const r of f.apply.rows) if (!rows.some((x) => x.id === r.id)) rows.push(r);
  unionCache = { generation, rows };
  return rows;
}

/** The format a table 三 is in, from the row ids read (see FormatDef.apply). */
export function applyFormatOfRows(ids: ReadonlySet<string>): FormatDef {
  let best = DEFAULT_FORMAT;
  let bestScore = -1;
  for (const f of registry) {
    const score = f.apply.rows.filter((r) => ids.has(r.id)).length;
    if (score > bestScore) [best, bestScore] = [f, score];
  }
  return best;
}

const fieldCache = new WeakMap<FormatDef, { active: readonly string[]; apply: readonly string[] }>();

function fieldsOf(f: FormatDef): { active: readonly string[]; apply: readonly string[] } {
  let c = fieldCache.get(f);
  if (!c) {
    c = {
      active: f.active.rows.flatMap((r) => r.columns.map((col) => `${f.active.prefix}.${r.id}.${col.id}`)),
      apply: f.apply.rows.flatMap((r) => f.apply.columns.map((col) => `apply.${r.id}.${col.id}`)),
    };
    fieldCache.set(f, c);
  }
  return c;
}

/** Field ids of table 二 in the format's layout, in page order. */
export function activeFieldsOf(f: FormatDef): readonly string[] {
  return fieldsOf(f).active;
}

/** Field ids of table 三 in the format, in page order. */
export function applyFieldsOf(f: FormatDef): readonly string[] {
  return fieldsOf(f).apply;
}
