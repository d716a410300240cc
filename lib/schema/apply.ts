// Table 三 (收到和处理政府信息公开申请情况) as data. Row and column ids are the public contract of
// ../shared/FORMAT.md §3. Extraction (lib/extract/apply.ts) and the rules read only this file.
//
// `match` patterns are tried against a row's *leaf* label (its last label cell, growing leftwards when the
// leaf alone does not match: text dumps split "行政规范性\n文件"), on simplified, full-width-folded text with
// all whitespace removed and the leading numbering ("（三）", "1.", "四、") stripped. `group` rows hold no numbers themselves; their label sets the context that
// decides a bare leaf such as "3.其他".
import { idJoiner } from './tables';

export type ApplyFormat = '2021' | '2019';

export interface ApplyColumn {
  id: string;
  /** Short Chinese name used in messages. */
  name: string;
  /** English name used in the English UI. */
  en: string;
}

export const APPLY_COLUMNS: readonly ApplyColumn[] = [
  { id: 'natural_person', name: '自然人', en: 'natural persons' },
  { id: 'commercial', name: '商业企业', en: 'commercial enterprises' },
  { id: 'research', name: '科研机构', en: 'research institutions' },
  { id: 'nonprofit', name: '社会公益组织', en: 'non-profit organizations' },
  { id: 'legal_service', name: '法律服务机构', en: 'legal service institutions' },
  { id: 'other_org', name: '其他', en: 'other organizations' },
  { id: 'total', name: '总计', en: 'total' },
];

/** The six applicant columns that add up to `total`. */
export const APPLY_ADDEND_COLUMNS = APPLY_COLUMNS.filter((c) => c.id !== 'total');

export interface ApplyRow {
  id: string;
  /** Label as printed in the national format (used in messages). */
  label: string;
  en: string;
  /** Leaf-label patterns (simplified Chinese, whitespace removed). */
  match: RegExp[];
  /** Group this row sits under (matches ApplyGroup.id), if any. */
  group?: string;
  /** A result row: summed into （七）总计. */
  result?: boolean;
  /** Built-in formats this row exists in (FormatDef.apply.rows of lib/schema/formats.ts is derived from it). */
  formats: readonly string[];
  /** Matches only when the current group is `group` (for bare leaves like "3.其他"). */
  needsGroup?: boolean;
}

export interface ApplyGroup {
  id: string;
  label: string;
  match: RegExp;
}

export const APPLY_GROUPS: readonly ApplyGroup[] = [
  { id: 'results', label: '三、本年度办理结果', match: /办理结果/ },
  { id: 'withheld', label: '（三）不予公开', match: /不予公开/ },
  { id: 'unavailable', label: '（四）无法提供', match: /无法提供/ },
  { id: 'not_processed', label: '（五）不予处理', match: /不予处理|不予受理/ },
  { id: 'handled_otherwise', label: '（六）其他处理', match: /其他处理/ },
];

const BOTH = ['2021', '2019'] as const;
const Y2021 = ['2021'] as const;
const Y2019 = ['2019'] as const;

// Order matters twice: it is the printed order (position fallback, result rows), and the first row whose
// pattern matches a leaf wins — so specific patterns come before generic ones by construction below.
export const APPLY_ROWS: readonly ApplyRow[] = [
  {
    id: 'new',
    label: '一、本年新收政府信息公开申请数量',
    en: 'new requests this year',
    match: [/本年新收|新收.*申请/],
    formats: BOTH,
  },
  {
    id: 'carried_over',
    label: '二、上年结转政府信息公开申请数量',
    en: 'carried over from last year',
    match: [/上年结转/],
    formats: BOTH,
  },
  {
    id: 'granted',
    label: '（一）予以公开',
    en: 'granted',
    match: [/^予以公开/],
    group: 'results',
    result: true,
    formats: BOTH,
  },
  {
    id: 'partly_granted',
    label: '（二）部分公开',
    en: 'partly granted',
    match: [/部分公开/],
    group: 'results',
    result: true,
    formats: BOTH,
  },
  {
    id: 'withheld.state_secret',
    label: '（三）不予公开 1.属于国家秘密',
    en: 'withheld: state secret',
    match: [/国家秘密/],
    group: 'withheld',
    result: true,
    formats: BOTH,
  },
  {
    id: 'withheld.prohibited_by_law',
    label: '2.其他法律行政法规禁止公开',
    en: 'withheld: prohibited by other laws',
    match: [/禁止公开/],
    group: 'withheld',
    result: true,
    formats: BOTH,
  },
  {
    id: 'withheld.three_safety_one_stability',
    label: '3.危及“三安全一稳定”',
    en: 'withheld: "three safeties, one stability"',
    match: [/三安全一稳定|三安全/],
    group: 'withheld',
    result: true,
    formats: BOTH,
  },
  {
    id: 'withheld.third_party_rights',
    label: '4.保护第三方合法权益',
    en: 'withheld: third-party rights',
    match: [/第三方/],
    group: 'withheld',
    result: true,
    formats: BOTH,
  },
  {
    id: 'withheld.internal_affairs',
    label: '5.属于三类内部事务信息',
    en: 'withheld: internal affairs',
    match: [/内部事务/],
    group: 'withheld',
    result: true,
    formats: BOTH,
  },
  {
    id: 'withheld.process_info',
    label: '6.属于四类过程性信息',
    en: 'withheld: process information',
    match: [/过程性/],
    group: 'withheld',
    result: true,
    formats: BOTH,
  },
  {
    id: 'withheld.enforcement_file',
    label: '7.属于行政执法案卷',
    en: 'withheld: enforcement files',
    match: [/执法案卷/],
    group: 'withheld',
    result: true,
    formats: BOTH,
  },
  {
    id: 'withheld.admin_query',
    label: '8.属于行政查询事项',
    en: 'withheld: administrative query',
    match: [/行政查询/],
    group: 'withheld',
    result: true,
    formats: BOTH,
  },
  {
    id: 'unavailable.not_held',
    label: '（四）无法提供 1.本机关不掌握相关政府信息',
    en: 'unavailable: not held',
    match: [/不掌握/],
    group: 'unavailable',
    result: true,
    formats: BOTH,
  },
  {
    id: 'unavailable.needs_creation',
    label: '2.没有现成信息需要另行制作',
    en: 'unavailable: would need creating',
    match: [/另行制作|没有现成/],
    group: 'unavailable',
    result: true,
    formats: BOTH,
  },
  {
    id: 'unavailable.unclear_after_correction',
    label: '3.补正后申请内容仍不明确',
    en: 'unavailable: unclear after correction',
    match: [/仍不明确|补正后/],
    group: 'unavailable',
    result: true,
    formats: BOTH,
  },
  {
    id: 'not_processed.petition',
    label: '（五）不予处理 1.信访举报投诉类申请',
    en: 'not processed: petitions and complaints',
    match: [/信访|举报投诉/],
    group: 'not_processed',
    result: true,
    formats: BOTH,
  },
  {
    id: 'not_processed.repeated',
    label: '2.重复申请',
    en: 'not processed: repeated request',
    match: [/重复申请/],
    group: 'not_processed',
    result: true,
    formats: BOTH,
  },
  {
    id: 'not_processed.publication',
    label: '3.要求提供公开出版物',
    en: 'not processed: publications',
    match: [/出版物/],
    group: 'not_processed',
    result: true,
    formats: BOTH,
  },
  {
    id: 'not_processed.excessive',
    label: '4.无正当理由大量反复申请',
    en: 'not processed: excessive requests',
    match: [/大量反复/],
    group: 'not_processed',
    result: true,
    formats: BOTH,
  },
  {
    id: 'not_processed.reconfirm',
    label: '5.要求行政机关确认或重新出具已获取信息',
    en: 'not processed: reconfirmation',
    match: [/确认或重新出具|重新出具/],
    group: 'not_processed',
    result: true,
    formats: BOTH,
  },
  {
    id: 'handled_otherwise.overdue_correction',
    label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    en: 'otherwise: no correction in time',
    match: [/逾期不补正/],
    group: 'handled_otherwise',
    result: true,
    formats: Y2021,
  },
  {
    id: 'handled_otherwise.overdue_fee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    en: 'otherwise: fee not paid in time',
    match: [/缴纳费用|收费通知/],
    group: 'handled_otherwise',
    result: true,
    formats: Y2021,
  },
  {
    id: 'handled_otherwise.misc',
    label: '3.其他',
    en: 'otherwise: other',
    match: [/^其他$/],
    group: 'handled_otherwise',
    needsGroup: true,
    result: true,
    formats: Y2021,
  },
  {
    id: 'handled_otherwise',
    label: '（六）其他处理',
    en: 'handled otherwise',
    match: [/^其他处理$/],
    group: 'results',
    result: true,
    formats: Y2019,
  },
  { id: 'total', label: '（七）总计', en: 'total', match: [/^总计$/, /^合计$/], group: 'results', formats: BOTH },
  {
    id: 'carried_forward',
    label: '四、结转下年度继续办理',
    en: 'carried forward to next year',
    match: [/结转下/],
    formats: BOTH,
  },
];

const ROWS: Record<ApplyFormat, readonly ApplyRow[]> = {
  '2021': APPLY_ROWS.filter((r) => r.formats.includes('2021')),
  '2019': APPLY_ROWS.filter((r) => r.formats.includes('2019')),
};

export function applyRows(format: ApplyFormat): readonly ApplyRow[] {
  return ROWS[format];
}

export function applyResultRows(format: ApplyFormat): readonly ApplyRow[] {
  return ROWS[format].filter((r) => r.result);
}

const joinApply = idJoiner('apply.');

export function applyField(row: string, col: string): string {
  return joinApply(row, col);
}

const FIELDS: Record<ApplyFormat, readonly string[]> = {
  '2021': ROWS['2021'].flatMap((r) => APPLY_COLUMNS.map((c) => applyField(r.id, c.id))),
  '2019': ROWS['2019'].flatMap((r) => APPLY_COLUMNS.map((c) => applyField(r.id, c.id))),
};

export function applyFields(format: ApplyFormat): readonly string[] {
  return FIELDS[format];
}
