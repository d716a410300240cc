// One batch: the reports a list page links (or a list of addresses), fetched politely (./fetch), each
// checked by the caller's `inspect` (linkedom in the CLI, DOMParser in the extension), classified into
// one row state, then the cross-year check between reports of the same body. Pure: no DOM, no globals.

import { groupErrors } from '../errors';
import type { Report, TableKey } from '../types';
import { yearOverYear } from '../year-over-year';
import { sameBody } from './body';
import { FetchError, type Fetcher } from './fetch';
import { isAttachmentUrl, isListPage, type ReportLink } from './links';

export type RowState = 'report' | 'none' | 'old' | 'missing' | 'attachment' | 'error';
export const ROW_STATES: readonly RowState[] = ['report', 'none', 'old', 'missing', 'attachment', 'error'];

/** What `inspect` tells of one page. */
export interface Inspected {
  report: Report;
  /** Attached files the page links (PDF, Word …), absolute. */
  attachments: string[];
  /** Report-title links on the page (a list page has several). */
  links: ReportLink[];
}

export type Inspect = (html: string, url: string) => Inspected;

export interface YearResult {
  status: 'pass' | 'fail' | 'uncertain';
  /** Failing columns. */
  fail: number;
  previousYear: number;
  previousUrl: string | null;
}

export interface BatchRow {
  /** The report's address as linked. */
  url: string;
  /** The link's text on the list page. */
  text?: string;
  state: RowState;
  /** Why: the error, or what made the state. */
  reason?: string;
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
}

export const YOY_RULE = 'apply.year-over-year';

function emptyRow(url: string, text: string | undefined, state: RowState, reason: string): BatchRow {
  return {
    url,
    text,
    state,
    reason,
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
  if (!report.detected) {
    row.state = 'none';
    row.reason = isList ? '列表页（不是年度报告）' : '不是政府信息公开工作年度报告';
  } else if (report.report.format === 'old') {
    row.state = 'old';
    row.reason = `${report.report.year ?? ''} 年度报告使用旧格式，未核对`;
  } else if (!anyTable) {
    const file = attachments.find((a) => /\.pdf(?:$|[?#])/i.test(a)) ?? attachments[0];
    if (file) {
      row.state = 'attachment';
      row.attachment = file;
      row.reason = '统计表格在附件中';
    } else {
      row.state = 'missing';
      row.reason = '页面上没有找到统计表格';
    }
  }
  return row;
}

export interface CheckDeps {
  fetcher: Fetcher;
  inspect: Inspect;
}

/** Fetch and check one address. Never throws: a failure is a row in state `error`. */
export async function checkUrl(url: string, deps: CheckDeps, text?: string): Promise<Checked> {
  let got;
  try {
    got = await deps.fetcher.get(url);
  } catch (e) {
    return { row: emptyRow(url, text, 'error', e instanceof FetchError || e instanceof Error ? e.message : String(e)) };
  }
  if (!got.text) {
    // A PDF / Word file linked directly: its tables are in the attachment itself.
    if (isAttachmentUrl(got.finalUrl) || got.bytes.length)
      return { row: { ...emptyRow(url, text, 'attachment', '报告是附件文件'), attachment: got.finalUrl } };
    return { row: emptyRow(url, text, 'error', '页面是空的') };
  }
  try {
    const seen = deps.inspect(got.text, url);
    const isList = isListPage(seen.links);
    const row = rowOf(url, text, seen.report, seen.attachments, isList);
    if (row.attachment) {
      seen.report.notices.push({ id: 'attachment', level: 'warn', message: `统计表格在附件中：${row.attachment}` });
    }
    return isList ? { row, report: seen.report, links: seen.links } : { row, report: seen.report };
  } catch (e) {
    return { row: emptyRow(url, text, 'error', `无法解析：${e instanceof Error ? e.message : String(e)}`) };
  }
}

/** The report links of a list page (empty when the page is not a list), or the error. */
export async function readList(url: string, deps: CheckDeps): Promise<{ links: ReportLink[]; error?: string }> {
  try {
    const got = await deps.fetcher.get(url);
    if (!got.text) return { links: [], error: '列表页不是网页' };
    return { links: deps.inspect(got.text, url).links };
  } catch (e) {
    return { links: [], error: e instanceof Error ? e.message : String(e) };
  }
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
