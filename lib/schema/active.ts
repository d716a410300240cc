// Table 二 (主动公开政府信息情况) as data: FORMAT.md §2. The 2021 format has one to three value columns a
// row; the 2019 format (国办公开办函〔2019〕60号) has other columns and two more rows. Our 2019 ids
// (`active2019.*`) are documented in docs/fields.md.

export type ActiveFormat = '2021' | '2019';

export interface ActiveColumn {
  id: string;
  /** The column header as the national format prints it (used in Chinese messages). */
  name: string;
  /** English name used in the English UI (FORMAT.md §2, docs/fields.md). */
  en: string;
  /** Amount in 万元/元 (decimal, compared as an interval) rather than a count. */
  amount?: boolean;
  /** May be negative (2019 本年增/减). */
  signed?: boolean;
}

export interface ActiveRow {
  id: string;
  name: string;
  en: string;
  /** Patterns tried against the row label (simplified, whitespace removed). */
  match: RegExp;
  columns: readonly ActiveColumn[];
}

const DECISIONS: ActiveColumn = { id: 'decisions', name: '本年处理决定数量', en: 'decisions this year' };

export const ACTIVE_ROWS_2021: readonly ActiveRow[] = [
  {
    id: 'regulations',
    name: '规章',
    en: 'regulations',
    match: /^规章$/,
    columns: [
      { id: 'issued', name: '本年制发件数', en: 'issued this year' },
      { id: 'repealed', name: '本年废止件数', en: 'repealed this year' },
      { id: 'in_force', name: '现行有效件数', en: 'in force' },
    ],
  },
  {
    id: 'normative',
    name: '行政规范性文件',
    en: 'normative documents',
    match: /规范性文件/,
    columns: [
      { id: 'issued', name: '本年制发件数', en: 'issued this year' },
      { id: 'repealed', name: '本年废止件数', en: 'repealed this year' },
      { id: 'in_force', name: '现行有效件数', en: 'in force' },
    ],
  },
  { id: 'licensing', name: '行政许可', en: 'licensing', match: /^行政许可/, columns: [DECISIONS] },
  { id: 'penalty', name: '行政处罚', en: 'penalties', match: /^行政处罚/, columns: [DECISIONS] },
  { id: 'coercion', name: '行政强制', en: 'coercive measures', match: /^行政强制/, columns: [DECISIONS] },
  {
    id: 'fees',
    name: '行政事业性收费',
    en: 'administrative fees',
    match: /事业性收费/,
    columns: [
      { id: 'amount', name: '本年收费金额（万元）', en: 'fees collected this year (10,000 yuan)', amount: true },
    ],
  },
];

const ITEMS_2019: readonly ActiveColumn[] = [
  { id: 'prev_items', name: '上一年项目数量', en: 'items last year' },
  { id: 'change', name: '本年增/减', en: 'change this year (+/-)', signed: true },
  { id: 'decisions', name: '处理决定数量', en: 'decisions' },
];

const DOCS_2019: readonly ActiveColumn[] = [
  { id: 'created', name: '本年新制作数量', en: 'newly made this year' },
  { id: 'published', name: '本年新公开数量', en: 'newly disclosed this year' },
  { id: 'total', name: '对外公开总数量', en: 'total disclosed' },
];

export const ACTIVE_ROWS_2019: readonly ActiveRow[] = [
  { id: 'regulations', name: '规章', en: 'regulations', match: /^规章$/, columns: DOCS_2019 },
  { id: 'normative', name: '规范性文件', en: 'normative documents', match: /规范性文件/, columns: DOCS_2019 },
  { id: 'licensing', name: '行政许可', en: 'licensing', match: /^行政许可/, columns: ITEMS_2019 },
  {
    id: 'other_services',
    name: '其他对外管理服务事项',
    en: 'other external services',
    match: /对外管理服务/,
    columns: ITEMS_2019,
  },
  { id: 'penalty', name: '行政处罚', en: 'penalties', match: /^行政处罚/, columns: ITEMS_2019 },
  { id: 'coercion', name: '行政强制', en: 'coercive measures', match: /^行政强制/, columns: ITEMS_2019 },
  {
    id: 'fees',
    name: '行政事业性收费',
    en: 'administrative fees',
    match: /事业性收费/,
    columns: [
      { id: 'prev_items', name: '上一年项目数量', en: 'items last year' },
      { id: 'change', name: '本年增/减', en: 'change this year (+/-)', signed: true },
    ],
  },
  {
    id: 'procurement',
    name: '政府集中采购',
    en: 'central government procurement',
    match: /集中采购/,
    columns: [
      { id: 'items', name: '采购项目数量', en: 'procurement items' },
      { id: 'amount', name: '采购总金额', en: 'total procurement amount', amount: true },
    ],
  },
];

/** Header words that only the 2019 table 二 uses. */
export const ACTIVE_2019_HEADER = /新制作|新公开|对外公开总数|上一年项目|增\/?减|采购/;

export function activePrefix(format: ActiveFormat): string {
  return format === '2021' ? 'active' : 'active2019';
}

export function activeRows(format: ActiveFormat): readonly ActiveRow[] {
  return format === '2021' ? ACTIVE_ROWS_2021 : ACTIVE_ROWS_2019;
}

const FIELDS: Record<ActiveFormat, readonly string[]> = {
  '2021': ACTIVE_ROWS_2021.flatMap((r) => r.columns.map((c) => `active.${r.id}.${c.id}`)),
  '2019': ACTIVE_ROWS_2019.flatMap((r) => r.columns.map((c) => `active2019.${r.id}.${c.id}`)),
};

export function activeFields(format: ActiveFormat): readonly string[] {
  return FIELDS[format];
}
