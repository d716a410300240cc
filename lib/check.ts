// checkDocument / checkText: the one entry point of the core. Pipeline: logical rows (DOM or text) →
// the three table parsers → values → the rule registry → culprits → detection → the report object.

import { TOOL } from './version';
import {
  REPORT_SCHEMA,
  type Check,
  type NarrativeClaim,
  type Report,
  type ReportFormat,
  type ReportNotice,
  type TableKey,
  type TableSummary,
  type ValueEntry,
} from './types';
import { domRowsSteps, scanElementsSteps } from './extract/dom-rows';
import type { HiddenTest } from './extract/grid';
import { textRows } from './extract/text-rows';
import { parseApply, type FieldCell, type ParsedTable } from './extract/apply';
import { parseReview } from './extract/review';
import { parseActive } from './extract/active';
import type { LogicalRow } from './extract/rows';
import { activeFieldsOf, applyFieldsOf, DEFAULT_FORMAT, formatById } from './schema/formats';
import { TABLE_KEYS, tableName } from './schema/tables';
import { tableOfCheck } from './schema/fields';
import { RULES, summarize, type Evaluated } from './rules';
import { findCulprits } from './culprit';
import {
  countSections,
  hasOldStatsTable,
  isNoticeAboutReports,
  isOwnReportTitle,
  parseReportTitle,
  type TitleInfo,
} from './detect';
import { agencyFromMetaRow, agencyFromSources } from './agency';
import { collapse } from './normalize/text';
import { checkNarrativeSteps } from './narrative';
import { drainSteps, type Steps } from './steps';
import { missingTableCauses } from './causes';
import { proseFromText, proseStepsFromDocument, type Prose } from './narrative/prose';

export interface CheckOptions {
  url?: string;
  /** Page title, when the caller knows it better than the document does. */
  title?: string;
  now?: Date;
  /** Element holding the article (defaults to the body). */
  root?: Element;
  /** What the document was rebuilt from (a PDF or DOCX turned into HTML by lib/files): tables say so. */
  source?: 'pdf' | 'docx';
  /**
   * Which cells and rows are not shown (take no place in the grid, are not values). Defaults to what the
   * markup says (`hidden`, inline display:none / visibility:hidden); the live page adds the computed style
   * (class rules of CMS print templates), which only a browser knows.
   */
  hidden?: HiddenTest;
  /**
   * 空白按 0 计 (the user's option, off by default: blank is not zero): a blank total and all-blank cells
   * count as 0 too, so every identity gets a verdict. The report records it (`options.blankAsZero`).
   */
  blankAsZero?: boolean;
  /**
   * The document is a browser's live page (the in-page engine): the scans use the browser's native queries
   * and sibling links where a walk in script would touch every node of the site's chrome. Same result.
   */
  live?: boolean;
}

export interface Analysis {
  report: Report;
  /** DOM only: field id → the cell element it was read from. */
  elements: Map<string, Element>;
  /** DOM only: every <table> a report table was read from. */
  tables: Element[];
  tableElements: Record<TableKey, Element[]>;
  /** DOM only: where a narrative claim's number is in the page. */
  claimRange(claim: NarrativeClaim): Range | null;
}

interface Extracted {
  active: ParsedTable;
  apply: ParsedTable;
  review: ParsedTable;
}

function extract(rows: readonly LogicalRow[]): Extracted {
  const apply = parseApply(rows);
  const applyStart = apply.range?.[0] ?? rows.length;
  const review = parseReview(rows, apply.range ? apply.range[1] + 1 : 0);
  const active = parseActive(rows, apply.range ? applyStart : (review.range?.[0] ?? rows.length));
  return { active, apply, review };
}

function toEntry(fc: FieldCell): ValueEntry {
  const p = fc.cell.parsed;
  const e: ValueEntry = { value: p.value, raw: fc.cell.raw };
  if (p.kind === 'blank') e.blank = true;
  if (p.decimals) e.decimals = p.decimals;
  if (p.unit) e.unit = p.unit;
  if (p.kind === 'text') e.problem = '不是数字';
  if (p.note) e.note = p.note;
  return e;
}

const hasNumber = (t: ParsedTable) => t.cells.some((c) => c.cell.parsed.kind === 'number');

function findTitle(candidates: (string | null | undefined)[]): TitleInfo | null {
  let first: TitleInfo | null = null;
  for (const c of candidates) {
    if (!c) continue;
    // Only the start of a long text can hold the title (findTitle is also given the whole body).
    const info = parseReportTitle(c.slice(0, 4000));
    if (!info) continue;
    if (info.agency || first) {
      // A title line without its body ("2023 年政府信息公开工作年度报告" under a line "洪泽区人民政府", as PDF
      // text has it) takes the agency the fuller text gives for the same year.
      if (!first) return info;
      return info.agency && info.year === first.year ? { ...first, agency: info.agency } : first;
    }
    first = info;
  }
  return first;
}

/** The body named in full: the metadata row, then `<meta name="ContentSource">`, then the title's. */
function withFullAgency(info: TitleInfo | null, bodyText: string, sources: readonly string[]): TitleInfo | null {
  if (!info) return info;
  const agency = agencyFromMetaRow(bodyText) ?? agencyFromSources(sources);
  return agency ? { ...info, agency } : info;
}

interface Built {
  report: Report;
  fieldCells: Map<string, FieldCell>;
}

/** What the page says about itself besides its tables (lib/detect.ts). */
interface Signals {
  /** The page's own title is a report's title. */
  ownTitle: boolean;
  /** The page is a notice about the reports (format notice, 编制/报送/发布, 指南, 解读 …). */
  notice: boolean;
  /** The pre-2019 statistics table is in the text. */
  oldTable: boolean;
}

function build(
  x: Extracted,
  titleInfo: TitleInfo | null,
  sections: number,
  opts: CheckOptions,
  title: string | null,
  extraNotices: ReportNotice[],
  source: 'dom' | 'text' | 'pdf' | 'docx',
  sig: Signals = { ownTitle: false, notice: false, oldTable: false },
): Built {
  const notices: ReportNotice[] = [...extraNotices];
  const anyTable = hasNumber(x.apply) || hasNumber(x.review) || hasNumber(x.active);
  // Enough for "report": filled tables; or a report title with three of the six sections, or as the page's
  // own title (the body may be late, or elsewhere); or, for a pre-2019 year, two old-style sections or the
  // old statistics table. A notice about the reports, with no filled table, is never one.
  const old = !!titleInfo?.year && titleInfo.year <= 2018 && (sections >= 2 || sig.oldTable);
  const detected = anyTable || (!sig.notice && !!titleInfo && (sections >= 3 || sig.ownTitle || old));
  const year = titleInfo?.year ?? null;

  // Table 三 says the format best, then table 二; table 四 alone reads as the default format. The id is a
  // registered format's (ReportFormat lists the built-in ones; a registered test format passes through).
  let format = (
    x.apply.found ? x.apply.format! : x.active.found ? x.active.format! : x.review.found ? DEFAULT_FORMAT.id : 'unknown'
  ) as ReportFormat;
  if (detected && year !== null && year <= 2018) format = 'old';

  const found: Record<TableKey, boolean> = {
    active: format !== 'old' && hasNumber(x.active),
    apply: format !== 'old' && hasNumber(x.apply),
    review: format !== 'old' && hasNumber(x.review),
  };
  const values = new Map<string, ValueEntry>();
  const fieldCells = new Map<string, FieldCell>();
  if (detected && format !== 'old') {
    for (const key of TABLE_KEYS) {
      if (!found[key]) continue;
      for (const fc of x[key].cells) {
        if (values.has(fc.field)) continue;
        values.set(fc.field, toEntry(fc));
        fieldCells.set(fc.field, fc);
      }
      for (const n of x[key].notices) notices.push({ ...n, level: 'warn' });
    }
  }

  // Table 二 is expected in the layout it showed when it was read (a 2021 table 二 beside a 2019 table 三 in
  // the real hongze-2023 report; a 2021 table 三 under a 2019 table 二); otherwise in the report format's.
  const reportFormat = formatById(format) ?? DEFAULT_FORMAT;
  const shown = found.active ? formatById(x.active.format) : undefined;
  const activeFormat = shown ?? (reportFormat.active !== DEFAULT_FORMAT.active ? reportFormat : DEFAULT_FORMAT);
  const expectedFields: Record<TableKey, readonly string[]> = {
    active: activeFieldsOf(activeFormat),
    apply: applyFieldsOf(reportFormat),
    review: reportFormat.review.fields,
  };
  const tables = {} as Record<TableKey, TableSummary>;
  for (const key of TABLE_KEYS) {
    const expected = expectedFields[key];
    const read = found[key] ? expected.filter((f) => values.has(f)) : [];
    tables[key] = {
      found: found[key],
      cellsExpected: expected.length,
      cellsRead: read.length,
      blank: read.filter((f) => values.get(f)!.blank),
      missing: found[key] ? expected.filter((f) => !values.has(f)) : [...expected],
    };
    if (found[key]) tables[key].source = source;
  }

  let evaluated: Evaluated[] = [];
  if (detected && format !== 'old') {
    const ctx = { values, format, found, blankAsZero: !!opts.blankAsZero };
    evaluated = RULES.flatMap((r) => r.run(ctx));
    findCulprits(evaluated, values);
  }
  const checks: Check[] = evaluated.map((e) => e.check);
  if (detected && format !== 'old') notices.push(...blankNotices(tables, checks, !!opts.blankAsZero));

  if (!detected) {
    notices.push({
      id: 'not-report',
      level: 'info',
      message: '此页不是政府信息公开工作年度报告（未找到报告标题与统计表格）',
    });
  } else if (format === 'old') {
    notices.push({
      id: 'old-format',
      level: 'info',
      message: `${year} 年度报告为旧格式（2019 年以前），不核对勾稽关系`,
    });
  } else {
    const missing = TABLE_KEYS.filter((k) => !found[k]);
    if (missing.length === 3) {
      notices.push({
        id: 'tables-missing',
        level: 'warn',
        message: '页面上没有找到统计表格（可能是图片或附件），表格数据无法核对',
      });
    } else if (missing.length) {
      notices.push({
        id: 'tables-partly-missing',
        level: 'warn',
        message: `页面上没有找到${missing.map((k) => tableName(k, 'zh', 'topic')).join('、')}`,
      });
    }
  }

  const fieldsExpected =
    detected && format !== 'old' ? Object.values(tables).reduce((s, t) => s + t.cellsExpected, 0) : 0;
  const fieldsFound = Object.values(tables).reduce((s, t) => s + t.cellsRead, 0);
  // A loop, not Object.fromEntries: a quarter of the time on ~200 entries (the CLI builds one per file).
  const valueObject: Record<string, ValueEntry> = {};
  values.forEach((v, k) => (valueObject[k] = v));
  const report: Report = {
    schema: REPORT_SCHEMA,
    tool: { name: TOOL.name, version: TOOL.version },
    source: { url: opts.url ?? null, title, checkedAt: (opts.now ?? new Date()).toISOString() },
    detected,
    report: {
      agency: detected ? (titleInfo?.agency ?? null) : null,
      year: detected ? year : null,
      format: detected ? format : 'unknown',
    },
    tables,
    values: valueObject,
    checks,
    narrative: [],
    notices,
    summary: {
      ...summarize(checks),
      fieldsFound,
      fieldsExpected,
    },
  };
  if (opts.blankAsZero) report.options = { blankAsZero: true };
  return { report, fieldCells };
}

/** The checks that could not be decided only because of blanks (a blank total, or every other cell blank). */
export const BLANK_UNDECIDED: ReadonlySet<string> = new Set(['identity.total-blank', 'identity.all-blank']);

/**
 * Blanks said once per table (issue #11): "表三中有 N 个空白单元格…M 项勾稽关系无法核对" instead of one
 * failure text per cell; with 空白按 0 计 on, what the option did. Notice ids: `blanks-undecided.<table>`,
 * `blank-as-zero.<table>`.
 */
function blankNotices(
  tables: Record<TableKey, TableSummary>,
  checks: readonly Check[],
  asZero: boolean,
): ReportNotice[] {
  const out: ReportNotice[] = [];
  for (const key of TABLE_KEYS) {
    const blanks = tables[key].blank.length;
    if (!blanks) continue;
    const name = tableName(key, 'zh');
    if (asZero) {
      out.push({
        id: `blank-as-zero.${key}`,
        level: 'info',
        message: `已选“空白按 0 计”：${name}中 ${blanks} 个空白单元格（含总计）均按 0 核对`,
      });
      continue;
    }
    const undecided = checks.filter(
      (c) => c.status === 'uncertain' && BLANK_UNDECIDED.has(c.messageId ?? '') && tableOfCheck(c) === key,
    ).length;
    if (!undecided) continue;
    out.push({
      id: `blanks-undecided.${key}`,
      level: 'info',
      message: `${name}中有 ${blanks} 个空白单元格（空白不等于 0），其中总计或全部数据为空白的 ${undecided} 项勾稽关系无法核对`,
    });
  }
  return out;
}

/**
 * Prose read for numbers, at most (characters). A report's text is 5,000–30,000 characters; a page with
 * 1 MB of text around a report (a data dump, a hostile page) is read only this far, and says so.
 */
export const MAX_PROSE_CHARS = 100_000;

function* addNarrativeSteps(report: Report, prose: Prose): Steps<void> {
  if (!report.detected || report.report.format === 'old') return;
  if (prose.text.length > MAX_PROSE_CHARS || prose.truncated) {
    report.notices.push({
      id: 'narrative.truncated',
      level: 'info',
      message: `页面过大，只核对了正文前 ${MAX_PROSE_CHARS} 字中的数字`,
    });
    const whole = prose;
    prose = { text: whole.text.slice(0, MAX_PROSE_CHARS), rangeAt: (s, e) => whole.rangeAt(s, e) };
  }
  try {
    report.narrative = yield* checkNarrativeSteps(prose, report);
  } catch (e) {
    report.notices.push({
      id: 'narrative.error',
      level: 'warn',
      message: `正文数字核对出错：${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

/**
 * The part of the page the report's prose is read from: the smallest element around its tables that holds
 * every section heading the whole page holds (一、总体情况 … ), or `root` when no element below it does, the
 * page has fewer than three such headings, or no table was read. Site chrome (menus, sidebars, footers) is
 * then left out of the narrative check.
 */
function* articleSteps(root: Element, tables: readonly Element[], sections: number): Steps<Element> {
  if (!tables.length || sections < 3) return root;
  let around: Element | null = tables[0]!;
  for (const t of tables.slice(1)) while (around && !around.contains(t)) around = around.parentElement;
  for (let el = around, n = 0; el && el !== root && n < 12; el = el.parentElement, n++) {
    yield;
    if (countSections(el.textContent ?? '') >= sections) return root.contains(el) ? el : root;
  }
  return root;
}

function usedRange(x: Extracted): [number, number] | null {
  const ranges = [x.active.range, x.apply.range, x.review.range].filter((r): r is [number, number] => !!r);
  return ranges.length ? [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))] : null;
}

/** The element to read: linkedom throws on `body` of a document parsed from an empty string. */
function rootOf(doc: Document): Element | null {
  try {
    return doc.body ?? doc.documentElement ?? null;
  } catch {
    return doc.documentElement ?? null;
  }
}

export function checkDocument(doc: Document, opts: CheckOptions = {}): Analysis {
  return drainSteps(checkDocumentSteps(doc, opts));
}

/**
 * `checkDocument` in steps (same result): each `next()` does a bounded piece of work — a few thousand
 * elements scanned, one table read, a few thousand prose nodes walked, the checks, the narrative — so the
 * in-page engine can give the page its main thread back between them (issue #13: no task over 50 ms).
 */
export function* checkDocumentSteps(doc: Document, opts: CheckOptions = {}): Generator<void, Analysis> {
  const root = opts.root ?? rootOf(doc);
  const scan = root
    ? yield* scanElementsSteps(doc, doc.documentElement ?? root, !!opts.live)
    : { tables: [], metas: [], headings: [] };
  yield;
  // Tables live in <body>; only a caller-given article root needs the (linkedom-costly) contains() filter.
  const tablesInRoot = opts.root ? scan.tables.filter((t) => opts.root!.contains(t)) : scan.tables;
  const { rows, problems } = yield* domRowsSteps(tablesInRoot, opts.hidden);
  yield;
  const x = extract(rows);
  yield;
  const bodyText = root?.textContent ?? '';
  yield;
  let docTitle: string | null = opts.title ?? null;
  try {
    docTitle ??= collapse(doc.title ?? '') || null;
  } catch {
    docTitle = null;
  }
  const own =
    [...scan.metas, ...scan.headings.slice(0, 3), docTitle]
      .map((c) => (c ? isOwnReportTitle(c) : null))
      .find(Boolean) ?? null;
  const titleInfo = withFullAgency(
    own ?? findTitle([...scan.metas, docTitle, ...scan.headings, bodyText]),
    bodyText,
    scan.sources ?? [],
  );
  const pageTitle = scan.metas[0] || scan.headings[0] || docTitle;
  // Each of these reads the whole body text once (1 MB on a hostile page): a step each.
  yield;
  const notice = isNoticeAboutReports(pageTitle ?? null, bodyText);
  yield;
  const sig: Signals = { ownTitle: !!own, notice, oldTable: hasOldStatsTable(bodyText) };
  yield;
  const sections = countSections(bodyText);
  yield;
  const notices: ReportNotice[] = problems.map((p) => ({
    id: 'extract.table-too-large',
    level: 'info',
    message: p.kind === 'error' ? `有一个表格过大或结构异常，已跳过（${p.message}）` : p.message,
  }));
  const { report, fieldCells } = build(
    x,
    titleInfo,
    sections,
    opts,
    docTitle ?? titleInfo?.title ?? null,
    notices,
    opts.source ?? 'dom',
    sig,
  );
  yield;

  if (report.detected && report.report.format !== 'old' && root && !TABLE_KEYS.every((k) => report.tables[k].found)) {
    // Name the cause when the page shows it: a linked document, or images where the tables would be.
    const causes = missingTableCauses(root, opts.url);
    if (causes.length) {
      const generic = report.notices.find((n) => n.id === 'tables-missing');
      if (generic) generic.message = '页面上没有找到统计表格，表格数据无法在页面上核对';
      report.notices.push(...causes.filter((c) => generic || c.id === 'tables-in-attachment'));
    }
  }

  const elements = new Map<string, Element>();
  for (const [field, fc] of fieldCells) if (fc.cell.el) elements.set(field, fc.cell.el);
  const tableElements: Record<TableKey, Element[]> = { active: [], apply: [], review: [] };
  for (const key of TABLE_KEYS) {
    if (!report.tables[key].found) continue;
    const set = new Set<Element>();
    for (const fc of x[key].cells) if (fc.cell.table) set.add(fc.cell.table);
    tableElements[key] = [...set];
  }
  const used = [...new Set([...tableElements.active, ...tableElements.apply, ...tableElements.review])];
  let prose: Prose | null = null;
  if (report.detected && root) {
    yield;
    const article = yield* articleSteps(root, used, sections);
    prose = yield* proseStepsFromDocument(article, used, MAX_PROSE_CHARS, !!opts.live);
    yield;
    yield* addNarrativeSteps(report, prose);
  }
  return {
    report,
    elements,
    tables: used,
    tableElements,
    claimRange: (claim) => (prose && claim.position ? prose.rangeAt(claim.position.start, claim.position.end) : null),
  };
}

export function checkText(text: string, opts: CheckOptions = {}): Analysis {
  return drainSteps(checkTextSteps(text, opts));
}

/** `checkText` in steps (the in-page warm-up runs it on a synthetic report, a slice at a time). */
export function* checkTextSteps(text: string, opts: CheckOptions = {}): Steps<Analysis> {
  const rows = textRows(text);
  yield;
  const x = extract(rows);
  yield;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 40);
  const titleInfo = withFullAgency(findTitle([opts.title, ...lines, text]), text, []);
  const firstLine = opts.title ?? lines[0] ?? null;
  const sig: Signals = {
    ownTitle: false,
    notice: isNoticeAboutReports(firstLine, text),
    oldTable: hasOldStatsTable(text),
  };
  const { report } = build(
    x,
    titleInfo,
    countSections(text),
    opts,
    opts.title ?? titleInfo?.title ?? null,
    [],
    'text',
    sig,
  );
  // Table regions of the text, excluded from the prose the narrative check reads.
  const exclude: [number, number][] = [];
  const used = usedRange(x);
  if (used) {
    for (let i = used[0]; i <= Math.min(used[1], rows.length - 1); i++) {
      const row = rows[i]!;
      const cells = [...row.labels.filter((l) => l.raw.length <= 60), ...row.values];
      for (const c of cells) if (c.span) exclude.push(c.span);
    }
  }
  yield;
  yield* addNarrativeSteps(report, proseFromText(text, exclude));
  return {
    report,
    elements: new Map(),
    tables: [],
    tableElements: { active: [], apply: [], review: [] },
    claimRange: () => null,
  };
}
