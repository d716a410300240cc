// One batch: the reports a list page links (or a list of addresses), fetched politely (./fetch), each
// checked by the caller's `inspect` (linkedom in the CLI, DOMParser in the extension), classified into
// one row state, then the cross-year check between reports of the same body. Pure: no DOM, no globals.

import { groupErrors } from '../errors';
import type { Report, TableKey } from '../types';
import type { PageState } from '../contract';
import { yearOverYear } from '../year-over-year';
import { sameBody } from './body';
import { FetchError, type Fetcher, type FetchErrorCode } from './fetch';
import type { MessageKey } from '../i18n';
import { FileReadError, type FileErrorKey } from '../files/errors';
import { isListPage, type ReportLink } from './links';
import { attachmentHostAllowed, isCheckableName, isDocumentLink } from '../attachments';

/**
 * A checked page's state in a batch, the history and the popup: a page state (lib/contract.ts), or a report
 * that could not be checked for a reason a batch names — old format, tables missing, tables in an attachment.
 */
export type RowState = PageState | 'old' | 'missing' | 'attachment';
export const ROW_STATES: readonly RowState[] = ['report', 'none', 'old', 'missing', 'attachment', 'error'];

/** What `inspect` tells of one page. */
export interface Inspected {
  report: Report;
  /** Attached files the page links (PDF, Word …), absolute. */
  attachments: string[];
  /** Report-title links on the page (a list page has several). */
  links: ReportLink[];
  /** A list page's other pages (its pagination, same host), when it has report links. */
  pages?: string[];
}

export type Inspect = (html: string, url: string) => Inspected;

export interface YearResult {
  status: 'pass' | 'fail' | 'uncertain';
  /** Failing columns. */
  fail: number;
  previousYear: number;
  previousUrl: string | null;
}

/** The i18n key of a row's reason (lib/i18n `reason…`): the reason in the reader's language. */
export type ReasonKey = Extract<MessageKey, `reason${string}`>;

/**
 * Why a row has its state, in words any language can give: the key of the message and its untranslated
 * parts (an address, a status, the platform's own error text). `reason` keeps the Chinese sentence (CSV, CLI).
 */
export interface Why {
  /** A reason of the batch (`reason…`), or why a file could not be read (`file.…`, lib/files/errors.ts). */
  id: ReasonKey | FileErrorKey;
  params?: Record<string, string | number>;
  /** What made it so (an attachment that could not be read: why not). */
  cause?: Why;
}

const FETCH_REASON: Record<FetchErrorCode, ReasonKey> = {
  http: 'reasonHttp',
  timeout: 'reasonTimeout',
  'timeout-read': 'reasonTimeoutRead',
  connect: 'reasonConnect',
  'redirect-out': 'reasonRedirectOut',
  redirects: 'reasonRedirects',
  'too-large': 'reasonTooLarge',
  read: 'reasonRead',
  cancelled: 'reasonCancelled',
  'not-http': 'reasonNotHttp',
  host: 'reasonHost',
};

/** The reason of a failed fetch or read, in any language. */
export function whyOf(e: unknown): Why {
  if (e instanceof FetchError) return { id: FETCH_REASON[e.code], params: { detail: e.detail } };
  if (e instanceof FileReadError) return { id: e.key, params: { ...e.params } };
  const detail = e instanceof Error ? e.message : String(e);
  // Errors that lost their class on the way (a message passed as text): the two most met get their key.
  if (/扫描图片/.test(detail)) return { id: 'reasonScanned' };
  if (/另存为 \.docx 或 PDF/.test(detail)) return { id: 'reasonSaveAs' };
  return { id: 'reasonRead', params: { detail } };
}

export interface BatchRow {
  /** The report's address as linked. */
  url: string;
  /** The link's text on the list page. */
  text?: string;
  state: RowState;
  /** Why: the error, or what made the state (Chinese: the CSV, the CLI). */
  reason?: string;
  /** The same reason as a message key and its parameters (rows stored before it existed lack it). */
  why?: Why;
  /** Where the tables were read from when not the page itself: an attached (or linked) PDF or DOCX. */
  source?: 'pdf' | 'docx';
  agency: string | null;
  year: number | null;
  format: Report['report']['format'] | null;
  /** Per table: [cells read, cells expected]; null when no table was read. */
  tables: Record<TableKey, [number, number]> | null;
  /**
   * Errors (lib/errors.ts, the count the popup, badge and CLI show): one per probable wrong cell, one per
   * failing check without a culprit, one per number in the text that contradicts the tables — the
   * cross-year check not counted (see `yoy`). Rows stored before this field existed lack it.
   */
  errors?: number;
  /** Failing table checks (the cross-year check not counted: see `yoy`). */
  fail: number;
  uncertain: number;
  /** Numbers in the text that contradict the tables. */
  proseFail: number;
  /** The attached file holding the tables (state `attachment`). */
  attachment?: string;
  yoy?: YearResult;
}

export interface Checked {
  row: BatchRow;
  report?: Report;
  /** The report links of a list page (state `none`). */
  links?: ReportLink[];
  /** A list page's other pages (its pagination). */
  pages?: string[];
}

/** Pages of one list followed at most (its first page included): a 年报 column rarely spans more. */
export const MAX_LIST_PAGES = 20;

export const YOY_RULE = 'apply.year-over-year';

function emptyRow(url: string, text: string | undefined, state: RowState, reason: string, why: Why): BatchRow {
  return {
    url,
    text,
    state,
    reason,
    why,
    agency: null,
    year: null,
    format: null,
    tables: null,
    errors: 0,
    fail: 0,
    uncertain: 0,
    proseFail: 0,
  };
}

/** A row's error count; a row stored before `errors` existed counts its failing checks and contradictions. */
export const errorsOf = (r: Pick<BatchRow, 'errors' | 'fail' | 'proseFail'>): number =>
  r.errors ?? r.fail + r.proseFail;

/** The row a report gives (before the cross-year check). */
export function rowOf(
  url: string,
  text: string | undefined,
  report: Report,
  attachments: string[] = [],
  isList = false,
): BatchRow {
  const t = report.tables;
  const anyTable = t.active.found || t.apply.found || t.review.found;
  const row: BatchRow = {
    url,
    text,
    state: 'report',
    agency: report.report.agency,
    year: report.report.year,
    format: report.detected ? report.report.format : null,
    tables: anyTable
      ? {
          active: [t.active.cellsRead, t.active.cellsExpected],
          apply: [t.apply.cellsRead, t.apply.cellsExpected],
          review: [t.review.cellsRead, t.review.cellsExpected],
        }
      : null,
    errors: groupErrors({ checks: report.checks.filter((c) => c.rule !== YOY_RULE), narrative: report.narrative })
      .length,
    fail: report.checks.filter((c) => c.status === 'fail' && c.rule !== YOY_RULE).length,
    uncertain: report.checks.filter((c) => c.status === 'uncertain' && c.rule !== YOY_RULE).length,
    proseFail: report.narrative.filter((n) => n.status === 'fail').length,
  };
  const src = [t.active, t.apply, t.review].find((x) => x.found)?.source;
  if (src === 'pdf' || src === 'docx') row.source = src;
  if (!report.detected) {
    row.state = 'none';
    row.reason = isList ? '列表页（不是年度报告）' : '不是政府信息公开工作年度报告';
    row.why = { id: isList ? 'reasonListPage' : 'reasonNotReport' };
  } else if (report.report.format === 'old') {
    row.state = 'old';
    row.reason = `${report.report.year ?? ''} 年度报告使用旧格式，未核对`;
    row.why = { id: 'reasonOld', params: { year: report.report.year ?? '' } };
  } else if (!anyTable) {
    const file = attachments.find((a) => /\.pdf(?:$|[?#])/i.test(a)) ?? attachments[0];
    if (file) {
      row.state = 'attachment';
      row.attachment = file;
      row.reason = '统计表格在附件中';
      row.why = { id: 'reasonInAttachment' };
    } else {
      row.state = 'missing';
      row.reason = '页面上没有找到统计表格';
      row.why = { id: 'reasonNoTables' };
    }
  }
  return row;
}

export interface CheckDeps {
  fetcher: Fetcher;
  inspect: Inspect;
  /**
   * Read an attached PDF/DOCX as a report (the CLI passes pdf.js and the DOCX reader; the batch page
   * leaves attachments to the report view). `name` is the file's address, for its extension.
   */
  readAttachment?: (bytes: Uint8Array, name: string) => Promise<Report>;
}

/** Attached files tried per page at most (a page may link the same report as PDF and as Word). */
const MAX_ATTACHMENTS = 3;

/**
 * The report a page's attachment holds, checked as that page's report: `source.url` the page,
 * `source.attachment` the file. Only gov.cn files or files on the page's own host are fetched (through
 * the same polite fetcher, so the same pauses and size cap). Null with the reason when none could be read.
 */
async function checkAttachments(
  url: string,
  page: Report | null,
  files: string[],
  deps: CheckDeps,
): Promise<{ report: Report; file: string } | { reason: string; why: Why }> {
  const order = [
    ...files.filter((f) => /\.pdf(?:$|[?#])/i.test(f)),
    ...files.filter((f) => !/\.pdf(?:$|[?#])/i.test(f)),
  ];
  let failed: { reason: string; why: Why } | null = null;
  for (const file of order.slice(0, MAX_ATTACHMENTS)) {
    if (!attachmentHostAllowed(url, file)) {
      failed ??= {
        reason: `附件不在 gov.cn 或本网站上，未读取：${file}`,
        why: { id: 'reasonAttachmentElsewhere', params: { file } },
      };
      continue;
    }
    try {
      const got = await deps.fetcher.get(file);
      const rep = await deps.readAttachment!(got.bytes, got.finalUrl);
      const anyTable = rep.tables.active.found || rep.tables.apply.found || rep.tables.review.found;
      if (!anyTable) {
        failed ??= {
          reason: `附件中没有找到统计表格：${file}`,
          why: { id: 'reasonAttachmentNoTables', params: { file } },
        };
        continue;
      }
      if (page?.detected) {
        // The page says which report this is; the file may lack its title.
        rep.detected = true;
        rep.report.agency ??= page.report.agency;
        rep.report.year ??= page.report.year;
        if (rep.report.format === 'unknown') rep.report.format = page.report.format;
      }
      rep.source.url = url;
      rep.source.title = page?.source.title ?? rep.source.title;
      rep.source.attachment = file;
      return { report: rep, file };
    } catch (e) {
      failed ??= {
        reason: `附件无法读取（${file}）：${e instanceof Error ? e.message : String(e)}`,
        why: { id: 'reasonAttachmentUnreadable', params: { file }, cause: whyOf(e) },
      };
    }
  }
  if (!failed && files.length && !files.some(isCheckableName))
    return { reason: '附件不是 PDF 或 .docx', why: { id: 'reasonAttachmentNotPdf' } };
  return failed ?? { reason: '没有可读取的附件', why: { id: 'reasonAttachmentNone' } };
}

function hostOfUrl(u: string): string {
  try {
    return new URL(u).hostname;
  } catch {
    return '';
  }
}

/** Fetch and check one address. Never throws: a failure is a row in state `error`. */
export async function checkUrl(url: string, deps: CheckDeps, text?: string): Promise<Checked> {
  let got;
  try {
    got = await deps.fetcher.get(url);
  } catch (e) {
    return { row: emptyRow(url, text, 'error', e instanceof Error ? e.message : String(e), whyOf(e)) };
  }
  if (!got.text) {
    // A PDF / Word file linked directly: its tables are in the attachment itself.
    if (isDocumentLink(got.finalUrl) || got.bytes.length) {
      if (deps.readAttachment) {
        try {
          const rep = await deps.readAttachment(got.bytes, got.finalUrl);
          rep.source.url = url;
          rep.source.attachment = got.finalUrl;
          return { row: { ...rowOf(url, text, rep), attachment: got.finalUrl }, report: rep };
        } catch (e) {
          const why = `附件无法读取：${e instanceof Error ? e.message : String(e)}`;
          return {
            row: {
              ...emptyRow(url, text, 'attachment', why, { id: 'reasonFileUnreadable', cause: whyOf(e) }),
              attachment: got.finalUrl,
            },
          };
        }
      }
      return {
        row: {
          ...emptyRow(url, text, 'attachment', '报告是附件文件', { id: 'reasonAttachmentFile' }),
          attachment: got.finalUrl,
        },
      };
    }
    return { row: emptyRow(url, text, 'error', '页面是空的', { id: 'reasonEmpty' }) };
  }
  let seen: Inspected;
  try {
    seen = deps.inspect(got.text, url);
  } catch (e) {
    return { row: parseError(url, text, e) };
  }
  try {
    const isList = isListPage(seen.links);
    const row = rowOf(url, text, seen.report, seen.attachments, isList);
    if (row.state === 'attachment' && deps.readAttachment) {
      const read = await checkAttachments(url, seen.report, seen.attachments, deps);
      if ('report' in read) {
        read.report.notices.push({ id: 'attachment', level: 'info', message: `统计表格读自附件：${read.file}` });
        return { row: { ...rowOf(url, text, read.report), attachment: read.file }, report: read.report };
      }
      row.reason = read.reason;
      row.why = read.why;
    }
    if (row.attachment) {
      seen.report.notices.push({ id: 'attachment', level: 'warn', message: `统计表格在附件中：${row.attachment}` });
    }
    return isList
      ? { row, report: seen.report, links: seen.links, pages: seen.pages ?? [] }
      : { row, report: seen.report };
  } catch (e) {
    return { row: parseError(url, text, e) };
  }
}

function parseError(url: string, text: string | undefined, e: unknown): BatchRow {
  const detail = e instanceof Error ? e.message : String(e);
  return emptyRow(url, text, 'error', `无法解析：${detail}`, { id: 'reasonParse', params: { detail } });
}

export interface ListRead {
  links: ReportLink[];
  error?: string;
  /** The error as a message key (lib/i18n). */
  why?: Why;
  /** Pages of the list read (1 when it has no pagination). */
  pages: number;
}

/**
 * The report links of a list page and of its next pages (same host, at most MAX_LIST_PAGES pages in all,
 * each link once, in page order); empty when the page is not a list, or the error. `first` is the first
 * page already read (the CLI's --follow has it).
 */
export async function readList(
  url: string,
  deps: CheckDeps,
  first?: { links: ReportLink[]; pages?: string[] },
  maxPages = MAX_LIST_PAGES,
): Promise<ListRead> {
  let start = first;
  if (!start) {
    try {
      const got = await deps.fetcher.get(url);
      if (!got.text) return { links: [], error: '列表页不是网页', why: { id: 'reasonListNotPage' }, pages: 0 };
      start = deps.inspect(got.text, url);
    } catch (e) {
      return { links: [], error: e instanceof Error ? e.message : String(e), why: whyOf(e), pages: 0 };
    }
  }
  const links = [...start.links];
  const seenLinks = new Set(links.map((l) => l.url));
  const visited = new Set([url.replace(/#.*$/, '')]);
  const queue = [...(start.pages ?? [])];
  let pages = 1;
  while (queue.length && pages < maxPages) {
    const next = queue.shift()!;
    if (visited.has(next) || hostOfUrl(next) !== hostOfUrl(url)) continue;
    visited.add(next);
    let seen: Inspected;
    try {
      const got = await deps.fetcher.get(next);
      if (!got.text) continue;
      seen = deps.inspect(got.text, next);
    } catch {
      continue; // a page of the list that cannot be read: the others still count
    }
    pages++;
    for (const l of seen.links)
      if (!seenLinks.has(l.url) && !visited.has(l.url)) {
        seenLinks.add(l.url);
        links.push(l);
      }
    for (const p of seen.pages ?? []) if (!visited.has(p)) queue.push(p);
  }
  return { links, pages };
}

/**
 * The cross-year check: for each report, the same body's previous year — in this batch first, else in
 * `history` — gives yearOverYear's checks, appended to the report (and its summary), and the row's `yoy`.
 */
export function crossYear(items: readonly Checked[], history: readonly Report[] = []): void {
  const pool = [
    ...items.map((c) => c.report).filter((r): r is Report => !!r?.detected),
    ...history.filter((r) => r.detected),
  ];
  for (const item of items) {
    const rep = item.report;
    if (!rep?.detected || rep.report.year === null || item.row.state !== 'report') continue;
    if (rep.checks.some((c) => c.rule === YOY_RULE)) continue;
    const year = rep.report.year;
    const prev = pool.find(
      (p) =>
        p !== rep &&
        p.report.year === year - 1 &&
        sameBody({ agency: rep.report.agency, url: rep.source.url }, { agency: p.report.agency, url: p.source.url }),
    );
    if (!prev) continue;
    const extra = yearOverYear(rep, prev);
    if (!extra.length) continue;
    rep.checks.push(...extra);
    for (const c of extra) rep.summary[c.status]++;
    rep.summary.checks += extra.length;
    const fail = extra.filter((c) => c.status === 'fail').length;
    item.row.yoy = {
      status: fail ? 'fail' : extra.every((c) => c.status === 'pass') ? 'pass' : 'uncertain',
      fail,
      previousYear: year - 1,
      previousUrl: prev.source.url,
    };
  }
}

/** Run `task` over `items` with at most `n` at a time, in order of start; stops starting when `signal` aborts. */
export async function pool<T>(
  items: readonly T[],
  n: number,
  task: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
}

export const counts = (rows: readonly BatchRow[]): Record<RowState, number> => {
  const c = Object.fromEntries(ROW_STATES.map((s) => [s, 0])) as Record<RowState, number>;
  for (const r of rows) c[r.state]++;
  return c;
};
