// The vocabulary that ties numbers written in the report's text to table fields (FORMAT.md §7), as data.
// lib/narrative reads only this file to decide what a number is about; docs/narrative.md explains each
// entry and docs/rules/narrative.*.md the rules that use them.
//
// Every pattern runs on normalized text (simplified, full-width folded to ASCII, pinyin stripped, no
// spaces next to Han characters). `before` is matched against the number's *left window*: the text from
// the previous clause break (，；。：、 or a line break) or the previous number, whichever is nearer, up to
// the number. `after` is matched against the text right after the unit. Entries are tried in order and
// the first that matches wins, so specific phrases ("不予公开", "其他处理（含撤销申请）") come before the
// generic "办理…申请" they contain.

export type NarrativeTable = 'apply' | 'active' | 'review';

/** Units a number must carry to be considered at all (longest first: "万元" before "元"). */
export const NARRATIVE_UNITS = ['人次', '万元', '件', '条', '宗', '家', '起', '元', '%'] as const;
export type NarrativeUnit = (typeof NARRATIVE_UNITS)[number];

/** Words just before a number that make it approximate ("约102条", "近百"): a mismatch is a warning. */
export const APPROX_BEFORE = /(约|大约|近|将近|接近|超过|超|逾|多达)$/;
/** Between number and unit: "220余份", "100多件". */
export const APPROX_INFIX = /^(余|多)/;

/**
 * Numbers never read as claims. Ordinals (第711号, 第3次), growth against last year ("同比增加20.4%",
 * "较上年增加118件": FORMAT.md counts these as not comparable, and they would flood the list).
 */
export const SKIP_BEFORE =
  /(第|增加|减少|增长|下降|提高|提升|上升|降低|增幅|降幅|多出|少于|多于|高于|低于)(了|约|近)?$/;
export const SKIP_CLAUSE = /(同比|环比|较上年|比上年|较去年|比去年|较上一年|比上一年|较\d{4}年|比\d{4}年)/;

/**
 * The report's first section heading. Numbers above it are page chrome (site statistics widgets, "浏览次数",
 * navigation), not the report's text; when the heading is missing, the whole prose is read.
 */
export const FIRST_SECTION = /一[、.]?\s?总体(情况|概述|概况)/;

/** Marks a number as a total in the text ("共发布信息约102条"): the head of a written sum. */
/**
 * A clause about another year ("2023年收到申请40件", "去年办理…") is not about this report's tables: such
 * numbers are not claims. "上年结转" is the table's own row and stays.
 */
export const OTHER_YEAR = /(19|20)\d{2}(?=年)|去年|上一?年(?!度?结转)|前一年/g;

/**
 * A clause whose subject is one office acting for another ("区政府办代表区政府受理政府信息公开申请17件",
 * "由办公室代为办理…"): the number is that office's share of the work, while the tables may count every
 * body the report covers (a district report's tables often sum all its departments). Such a number
 * agreeing with a table is a pass; disagreeing proves nothing (info, `narrative.part-scope`).
 */
export const PART_SCOPE =
  /代表[^，,。；;：:\d]{0,16}(受理|收到|接收|办理|答复|处理|办结)|代为(受理|收到|接收|办理|答复|处理|办结)/;

// 共 but not 公共, 共享, 共同, 共建 …: "公共资源交易信息12条" is not a total.
export const TOTAL_MARKER = /(?<!公)共(?!享|同|建|治|性|识|有关)|累计|合计|总计|总数|总量|全年/;
/** Right after a total: the list that follows is exhaustive and must add up. */
export const EXHAUSTIVE_CUE = /^[^。；;\d]{0,12}?(涵盖|包括|包含|分别为|分别是)/;
/** Starts a partial list ("其中…"): never an error; a pass when it happens to add up. */
export const PARTIAL_CUE = /其中/;
/** Opens the last item of a list ("…、以及政府信息公开年度报告1条"), tested on the text since the previous item. */
export const LAST_ITEM = /^(以及|及|和|与)/;
/** A list ending in 等 is partial whatever cue opened it. */
export const LIST_ETC = /^等/;

/** "占 x%" and "占比 x%": a share of a whole. */
export const SHARE_BEFORE = /占[^，。；;\d]{0,12}$/;

/**
 * Topics decide which row words such as "废止" and "现行有效" are about: the nearest topic mentioned
 * before the number in the same sentence ("共制发行政规范性文件16件、废止8件" → 规范性文件).
 */
export const NARRATIVE_TOPICS: Readonly<Record<string, RegExp>> = {
  normative: /规范性文件/g,
  regulations: /规章(?!制度)/g,
};

/** One way to read a claim: the sum of `fields` (or of a row group's totals), under a display name. */
export interface NarrativeOption {
  /** Field id, or a descriptive id for sums (docs/narrative.md lists them). */
  field: string;
  /** Name in Chinese messages, e.g. "表三“本年新收”总计". */
  name: string;
  /** Fields added up; `{p}` is replaced by the table-二 prefix of the format (FormatDef.active.prefix). */
  sum?: readonly string[];
  /**
   * Per format id, fields when they differ from `sum`; null: that format's table has no such cell (the
   * claim stays info). E.g. `{ '2019': null }`: the 2019 table 二 has no 制发/废止/现行有效 columns.
   */
  sumIn?: Readonly<Record<string, readonly string[] | null>>;
  /** Sum the `total` column of every table-三 row whose id is `group` or starts with `group.`. */
  group?: string;
}

export type NarrativeTarget =
  /** Pass when any option equals the number (收到 N 件 may mean new, new + carried over, or （七）总计). */
  | { kind: 'any'; options: readonly NarrativeOption[] }
  /** Columns of the table-三 row the sentence is about (see docs/narrative.md "Applicant claims"). */
  | { kind: 'applicant'; columns: readonly string[]; name: string };

export interface NarrativeEntry {
  /** Stable id: claim ids are "narrative:<id>:<start>". */
  id: string;
  table: NarrativeTable;
  /** Rule (docs/rules/<rule>.md) this entry belongs to. */
  rule: 'narrative.apply' | 'narrative.active' | 'narrative.review';
  en: string;
  units: readonly NarrativeUnit[];
  before?: readonly RegExp[];
  after?: readonly RegExp[];
  /** Left window must not match (e.g. "申请" in "行政复议申请" is not a 政府信息公开申请). */
  exclude?: RegExp;
  /** Must occur in the paragraph. */
  context?: RegExp;
  /** Key of NARRATIVE_TOPICS that must be the nearest topic before the number in its sentence. */
  topic?: string;
  /**
   * Also matches a bare verb ("收到依申请公开67宗，办理67宗") when the previous claim in the sentence
   * came from one of these entries.
   */
  chain?: { before: RegExp; after: readonly string[] };
  /** After the unit: "行政复议7件，均获维持" → the upheld cell equals N and the others are 0. */
  allUpheld?: { after: RegExp; group: string; groups: readonly string[] };
  target: NarrativeTarget;
  // Each entry's examples and counterexamples are in lib/schema/narrative.examples.ts, under its id.
}

// A short gap of words between a keyword and its number: "予以公开的125件", "不予受理的1件".
const GAP = '[^，,。；;：:、\\d]{0,8}';
// The same, for result categories: no 信息 in the gap. "不予公开信息1535条" counts documents withheld from
// publication, not requests answered that way.
const CAT_GAP = '(?:(?!信息)[^，,。；;：:、\\d]){0,8}';
// Things people receive and handle that are not 政府信息公开申请.
// "受理行政许可申请1200件" is about licensing, not disclosure requests.
const NOT_DISCLOSURE =
  /复议|诉讼|留言|信访|投诉|举报|咨询|来信|来电|热线|12345|建议|提案|议案|信箱|许可|审批|备案|登记|办件/;
// Subsets of the requests, not their total: "政府信息公开申请延期答复3件", "收到撤回申请2件".
const NOT_A_COUNT = /延期|逾期|超期|补正|转办|转送|转交|撤回|撤销|告知/;

// Table 四 counts only reviews and suits about information disclosure; a 司法局's "办理行政复议案件120件"
// is about all its reviews. The paragraph must say it is about disclosure.
const DISCLOSURE_CONTEXT = /信息公开|依申请|公开申请/;

const HEADLINE: readonly NarrativeOption[] = [
  { field: 'apply.new.total', name: '表三“本年新收”总计', sum: ['apply.new.total'] },
  {
    field: 'apply.new+carried_over.total',
    name: '“本年新收”与“上年结转”总计之和',
    sum: ['apply.new.total', 'apply.carried_over.total'],
  },
  { field: 'apply.total.total', name: '“（七）总计”', sum: ['apply.total.total'] },
];
const HEADLINE_HANDLED: readonly NarrativeOption[] = [HEADLINE[2]!, HEADLINE[0]!, HEADLINE[1]!];

const APPLY_UNITS = ['件', '条', '宗'] as const;

export const NARRATIVE_VOCABULARY: readonly NarrativeEntry[] = [
  // ── Table 三: results by category ──
  {
    id: 'apply.granted_or_partly',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'granted in full or in part',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`(予以公开|全部公开)(和|及|与|、|或|以及)部分公开${CAT_GAP}$`)],
    target: {
      kind: 'any',
      options: [
        {
          field: 'apply.granted+partly_granted.total',
          name: '表三“予以公开”与“部分公开”总计之和',
          sum: ['apply.granted.total', 'apply.partly_granted.total'],
        },
      ],
    },
  },
  {
    id: 'apply.granted',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'granted',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`(?<!不)(予以公开|全部公开|同意公开)${CAT_GAP}$`)],
    target: {
      kind: 'any',
      options: [{ field: 'apply.granted.total', name: '表三“予以公开”总计', sum: ['apply.granted.total'] }],
    },
  },
  {
    id: 'apply.partly_granted',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'partly granted',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`部分公开${CAT_GAP}$`)],
    target: {
      kind: 'any',
      options: [
        { field: 'apply.partly_granted.total', name: '表三“部分公开”总计', sum: ['apply.partly_granted.total'] },
      ],
    },
  },
  {
    id: 'apply.withheld',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'withheld',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`不予(以)?公开${CAT_GAP}$`)],
    target: {
      kind: 'any',
      options: [{ field: 'apply.withheld.*.total', name: '表三“不予公开”各项总计之和', group: 'withheld' }],
    },
  },
  {
    id: 'apply.unavailable',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'unavailable',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`无法提供${CAT_GAP}$`)],
    target: {
      kind: 'any',
      options: [{ field: 'apply.unavailable.*.total', name: '表三“无法提供”各项总计之和', group: 'unavailable' }],
    },
  },
  {
    // Seed 004 writes "不予受理的1件" for （五）不予处理.
    id: 'apply.not_processed',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'not processed',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`不予(处理|受理)${CAT_GAP}$`)],
    target: {
      kind: 'any',
      options: [{ field: 'apply.not_processed.*.total', name: '表三“不予处理”各项总计之和', group: 'not_processed' }],
    },
  },
  {
    // Seed 004: "其他处理(含撤销申请)58件" — the bracket holds "申请", hence this entry comes before apply.handled.
    id: 'apply.handled_otherwise',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'handled otherwise',
    units: APPLY_UNITS,
    context: /申请/,
    before: [/其他处理[^，,。；;：:、\d]{0,12}$/],
    target: {
      kind: 'any',
      options: [
        { field: 'apply.handled_otherwise.*.total', name: '表三“其他处理”各项总计之和', group: 'handled_otherwise' },
      ],
    },
  },
  {
    id: 'apply.carried_over',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'carried over from last year',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`上(一)?年(度)?结转${GAP}$`)],
    target: {
      kind: 'any',
      options: [{ field: 'apply.carried_over.total', name: '表三“上年结转”总计', sum: ['apply.carried_over.total'] }],
    },
  },
  {
    // "剩余8件转下年度办理" (seed 004): the keyword follows the number.
    id: 'apply.carried_forward',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'carried forward to next year',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`(结转|转入|转)(至|到)?下(一)?年(度)?${GAP}$`)],
    // Only "申请" may stand between the unit and the verb: "2条留言转下年度办理" is not about requests.
    after: [/^(申请)?(需|将|已|依法)?(结转|转入|转|留)(至|到|入)?下(一)?年(度)?(继续)?(办理)?/],
    target: {
      kind: 'any',
      options: [
        {
          field: 'apply.carried_forward.total',
          name: '表三“结转下年度继续办理”总计',
          sum: ['apply.carried_forward.total'],
        },
      ],
    },
  },
  // ── Table 三: applicant columns of the row the sentence is about ──
  {
    id: 'apply.applicant.natural_person',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'natural persons',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`自然人${GAP}$`)],
    after: [/^(为|是|系|来自|由)?自然人/],
    target: { kind: 'applicant', columns: ['natural_person'], name: '“自然人”' },
  },
  {
    id: 'apply.applicant.organizations',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'legal persons and other organizations',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`法人(或|和|及|与)其他组织${GAP}$`)],
    after: [/^(为|是|系|来自|由)?法人(或|和|及|与)其他组织/],
    target: {
      kind: 'applicant',
      columns: ['commercial', 'research', 'nonprofit', 'legal_service', 'other_org'],
      name: '“法人或其他组织”（五列之和）',
    },
  },
  {
    id: 'apply.applicant.commercial',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'commercial enterprises',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`商业企业${GAP}$`)],
    after: [/^(为|是|系|来自|由)?商业企业/],
    target: { kind: 'applicant', columns: ['commercial'], name: '“商业企业”' },
  },
  {
    id: 'apply.applicant.research',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'research institutions',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`科研机构${GAP}$`)],
    after: [/^(为|是|系|来自|由)?科研机构/],
    target: { kind: 'applicant', columns: ['research'], name: '“科研机构”' },
  },
  {
    id: 'apply.applicant.nonprofit',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'non-profit organizations',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`社会公益组织${GAP}$`)],
    after: [/^(为|是|系|来自|由)?社会公益组织/],
    target: { kind: 'applicant', columns: ['nonprofit'], name: '“社会公益组织”' },
  },
  {
    id: 'apply.applicant.legal_service',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'legal service institutions',
    units: APPLY_UNITS,
    context: /申请/,
    before: [new RegExp(`法律服务机构${GAP}$`)],
    after: [/^(为|是|系|来自|由)?法律服务机构/],
    target: { kind: 'applicant', columns: ['legal_service'], name: '“法律服务机构”' },
  },
  {
    // "1件为其他申请" (seed 004). Only after the number: "其他" before a number means too many things.
    id: 'apply.applicant.other_org',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'other organizations',
    units: APPLY_UNITS,
    context: /申请/,
    after: [/^(为|是|系|来自|由)?其他(组织|机构|申请人|类)?(的)?(申请|提出)/],
    target: { kind: 'applicant', columns: ['other_org'], name: '“其他”' },
  },
  // ── Table 三: headline counts (FORMAT.md §7: any of the three meanings passes) ──
  {
    // A handling verb makes it apply.handled ("答复政府信息公开申请34430件", Shanghai 2023).
    id: 'apply.received',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'requests received',
    units: APPLY_UNITS,
    exclude: new RegExp(`${NOT_DISCLOSURE.source}|${NOT_A_COUNT.source}|办理|答复|办结|审结|回复`),
    context: DISCLOSURE_CONTEXT,
    before: [
      /(?<!不予)(收到|受理|新收|接收|接到|收悉)[^，,。；;：:、\d]{0,16}申请(?!人|书|表|材料)[^，,。；;：:、\d]{0,8}$/,
      /(政府信息公开|依申请公开)申请(数量|总数|总量)?(共|为|共计|合计)?$/,
    ],
    target: { kind: 'any', options: HEADLINE },
  },
  {
    id: 'apply.handled',
    table: 'apply',
    rule: 'narrative.apply',
    en: 'requests handled',
    units: APPLY_UNITS,
    exclude: new RegExp(`${NOT_DISCLOSURE.source}|${NOT_A_COUNT.source}`),
    context: DISCLOSURE_CONTEXT,
    before: [
      /(?<!不予|其他)(办理|答复|办结|处理|审结|回复)[^，,。；;：:、\d]{0,16}申请(?!人|书|表|材料)[^，,。；;：:、\d]{0,8}$/,
      /(依申请公开|政府信息公开申请)[^，,。；;：:、\d]{0,6}(办理|答复|办结|处理)[^，,。；;：:、\d]{0,4}$/,
    ],
    chain: { before: /^(共|已|均已|全部)?(办理|答复|办结|处理)(完毕)?$/, after: ['apply.received'] },
    target: { kind: 'any', options: HEADLINE_HANDLED },
  },
  // ── Table 四 ──
  {
    id: 'review.count',
    table: 'review',
    rule: 'narrative.review',
    en: 'administrative reviews',
    units: ['件', '宗', '起'],
    exclude: /决定书|调解书|意见书|诉讼/,
    context: DISCLOSURE_CONTEXT,
    before: [/行政复议[^，,。；;：:、\d]{0,10}$/],
    allUpheld: {
      after: /^[，,]?(且|并)?(结果)?(均|全部|都|皆)(已)?(为|获得|获|被|予以|得到)?(复议机关)?(维持|支持)/,
      group: 'review',
      groups: ['review'],
    },
    target: { kind: 'any', options: [{ field: 'review.total', name: '表四“行政复议”总计', sum: ['review.total'] }] },
  },
  {
    id: 'litigation.count',
    table: 'review',
    rule: 'narrative.review',
    en: 'lawsuits',
    units: ['件', '宗', '起'],
    exclude: /复议/,
    context: DISCLOSURE_CONTEXT,
    before: [/行政诉讼[^，,。；;：:、\d]{0,10}$/, /(被起诉|应诉)[^，,。；;：:、\d]{0,6}$/],
    allUpheld: {
      after: /^[，,]?(且|并)?(结果)?(均|全部|都|皆)(已)?(为|获得|获|被|予以|得到)?(法院)?(维持|支持)/,
      group: 'litigation',
      groups: ['litigation.direct', 'litigation.after_review'],
    },
    target: {
      kind: 'any',
      options: [
        {
          field: 'litigation.*.total',
          name: '表四“行政诉讼”两栏总计之和',
          sum: ['litigation.direct.total', 'litigation.after_review.total'],
        },
      ],
    },
  },
  // ── Table 二 ──
  {
    id: 'active.licensing',
    table: 'active',
    rule: 'narrative.active',
    en: 'licensing decisions',
    // "受理行政许可申请1200件" counts applications, the table counts decisions.
    units: ['件', '宗', '起'],
    exclude: /事项|项目|证照|窗口|申请|受理|收到/,
    before: [/行政许可[^，,。；;：:、\d]{0,10}$/],
    target: {
      kind: 'any',
      options: [
        { field: '{p}.licensing.decisions', name: '表二“行政许可”本年处理决定数量', sum: ['{p}.licensing.decisions'] },
      ],
    },
  },
  {
    id: 'active.penalty',
    table: 'active',
    rule: 'narrative.active',
    en: 'penalty decisions',
    units: ['件', '宗', '起'],
    exclude: /事项|项目/,
    before: [/行政处罚[^，,。；;：:、\d]{0,10}$/],
    target: {
      kind: 'any',
      options: [
        { field: '{p}.penalty.decisions', name: '表二“行政处罚”本年处理决定数量', sum: ['{p}.penalty.decisions'] },
      ],
    },
  },
  {
    id: 'active.coercion',
    table: 'active',
    rule: 'narrative.active',
    en: 'coercive measures',
    units: ['件', '宗', '起'],
    exclude: /事项|项目/,
    before: [/行政强制[^，,。；;：:、\d]{0,10}$/],
    target: {
      kind: 'any',
      options: [
        { field: '{p}.coercion.decisions', name: '表二“行政强制”本年处理决定数量', sum: ['{p}.coercion.decisions'] },
      ],
    },
  },
  {
    // 信息处理费 is charged on applications (section 六), not the 行政事业性收费 of table 二.
    id: 'active.fees',
    table: 'active',
    rule: 'narrative.active',
    en: 'administrative fees',
    units: ['万元', '元'],
    exclude: /处理费|信息处理|手续费/,
    before: [/收费[^，,。；;：:、\d]{0,10}$/],
    target: {
      kind: 'any',
      options: [
        {
          field: '{p}.fees.amount',
          name: '表二“行政事业性收费”本年收费金额（万元）',
          sum: ['{p}.fees.amount'],
          sumIn: { '2019': null },
        },
      ],
    },
  },
  ...docEntries('normative', '行政规范性文件'),
  ...docEntries('regulations', '规章'),
];

// 规章 and 规范性文件 take the same three words; the topic decides the row.
function docEntries(row: 'normative' | 'regulations', label: string): NarrativeEntry[] {
  const field = (col: string) => `active.${row}.${col}`;
  const opt = (col: string, colName: string): NarrativeOption => ({
    field: field(col),
    name: `表二“${label}”${colName}`,
    sum: [field(col)],
    sumIn: { '2019': null },
  });
  return [
    {
      id: `active.${row}.issued`,
      table: 'active',
      rule: 'narrative.active',
      en: `${row}: issued`,
      // "规章13件(含新制定5件,修改4件)" (Shanghai 2022): a breakdown inside 含, where 本年制发 may count both.
      units: ['件'],
      topic: row,
      exclude: /含/,
      before: [/(制发|印发|出台|制定)[^，,。；;：:、\d]{0,10}$/],
      target: { kind: 'any', options: [opt('issued', '本年制发件数')] },
    },
    {
      id: `active.${row}.repealed`,
      table: 'active',
      rule: 'narrative.active',
      en: `${row}: repealed`,
      units: ['件'],
      topic: row,
      before: [/废止[^，,。；;：:、\d]{0,10}$/],
      target: { kind: 'any', options: [opt('repealed', '本年废止件数')] },
    },
    {
      id: `active.${row}.in_force`,
      table: 'active',
      rule: 'narrative.active',
      en: `${row}: in force`,
      units: ['件'],
      topic: row,
      before: [/现行有效[^，,。；;：:、\d]{0,10}$/],
      target: { kind: 'any', options: [opt('in_force', '现行有效件数')] },
    },
  ];
}

/** Entries whose number states a headline total (a new statement, never an item of a written list). */
export const HEADLINE_ENTRIES: ReadonlySet<string> = new Set([
  'apply.received',
  'apply.handled',
  'review.count',
  'litigation.count',
]);

/** Entries that name a table-三 result row or group: "不予公开3件，其中自然人2件" is about that row. */
export const APPLY_ROW_OF_ENTRY: Readonly<Record<string, readonly string[]>> = {
  'apply.granted': ['granted'],
  'apply.partly_granted': ['partly_granted'],
  'apply.granted_or_partly': ['granted', 'partly_granted'],
  'apply.withheld': ['withheld'],
  'apply.unavailable': ['unavailable'],
  'apply.not_processed': ['not_processed'],
  'apply.handled_otherwise': ['handled_otherwise'],
  'apply.carried_over': ['carried_over'],
  'apply.carried_forward': ['carried_forward'],
};
