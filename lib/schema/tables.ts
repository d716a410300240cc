// The three statistical tables of the report: their keys and their names, the one copy every message,
// view, export and the CLI read (FORMAT.md §2–§4). `full` is the section heading as the national format
// prints it; `short` the way messages refer to a table ("表三“（七）总计”行"); `topic` the parenthesised
// gist used where a table is named in passing ("表二（主动公开）").

import type { Lang } from '../i18n';

export type TableKey = 'active' | 'apply' | 'review';

export interface TableInfo {
  key: TableKey;
  /** "表二" / "Table II". */
  short: Readonly<Record<Lang, string>>;
  /** "二、主动公开政府信息情况" / "II. Proactive disclosure". */
  full: Readonly<Record<Lang, string>>;
  /** "主动公开" / "proactive disclosure". */
  topic: Readonly<Record<Lang, string>>;
}

export const TABLES: Readonly<Record<TableKey, TableInfo>> = {
  active: {
    key: 'active',
    short: { zh: '表二', en: 'Table II' },
    full: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure' },
    topic: { zh: '主动公开', en: 'proactive disclosure' },
  },
  apply: {
    key: 'apply',
    short: { zh: '表三', en: 'Table III' },
    full: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Requests received and handled' },
    topic: { zh: '依申请公开', en: 'requests' },
  },
  review: {
    key: 'review',
    short: { zh: '表四', en: 'Table IV' },
    full: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Administrative review and litigation' },
    topic: { zh: '行政复议、行政诉讼', en: 'administrative review and litigation' },
  },
};

/** The tables in the report's printed order. */
export const TABLE_KEYS: readonly TableKey[] = ['active', 'apply', 'review'];

export function isTableKey(x: unknown): x is TableKey {
  return x === 'active' || x === 'apply' || x === 'review';
}

/** A table's name: "表二", "二、主动公开政府信息情况", or with its topic "表二（主动公开）". */
export function tableName(key: TableKey, lang: Lang = 'zh', form: 'short' | 'full' | 'topic' = 'short'): string {
  const t = TABLES[key];
  if (form === 'full') return t.full[lang];
  if (form === 'short') return t.short[lang];
  return lang === 'zh' ? `${t.short.zh}（${t.topic.zh}）` : `${t.short.en} (${t.topic.en})`;
}

// Field ids are joined from their parts on every page (thousands of times a run). One string per id:
// the same object every time, so the Maps the core keys by field id hash it once, not once per page.

/** `${prefix}${a}.${b}`, interned: the same string object for the same parts. */
export function idJoiner(prefix: string): (a: string, b: string) => string {
  const ids = new Map<string, Map<string, string>>();
  return (a, b) => {
    let inner = ids.get(a);
    if (!inner) {
      if (ids.size > 2000) ids.clear(); // ids come from a small vocabulary; bounded all the same
      ids.set(a, (inner = new Map()));
    }
    let id = inner.get(b);
    if (id === undefined) {
      if (inner.size > 2000) inner.clear();
      inner.set(b, (id = `${prefix}${a}.${b}`));
    }
    return id;
  };
}
