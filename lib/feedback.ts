// "生成反馈意见": a ready-to-send Chinese letter for one report, listing its errors with table, row,
// column and the arithmetic, to paste into the agency's 政务公开 mailbox. Built from the report's own
// failing checks (popup) or from the user's flags for that report (follow-up page; corrected and
// false-positive flags are left out). Plain text: mailbox forms take no formatting.

import type { Report } from './types';
import type { Flag } from './flags/model';
import { isActionable } from './flags/model';
import { describeCheck, fieldInWords } from './export/labels';
import { findingParts, renderFlag, stateName } from './rules/render';
import { DEFAULT_FORMAT, formatById } from './schema/formats';
import { TABLES } from './schema/tables';
import { t, type MessageKey } from './i18n';

/** The letter is Chinese (an official letter); its words come from lib/i18n like every other string. */
const zh = (key: MessageKey, params?: Record<string, string | number>) => t('zh', key, params);

export interface FeedbackItem {
  checkId: string;
  kind: 'check' | 'narrative';
  status: 'fail' | 'uncertain' | 'warn';
  message: string;
  cells: string[];
  culprit?: { field: string; suggested: number };
  quote?: string;
}

export interface FeedbackSubject {
  agency: string | null;
  year: number | null;
  title: string | null;
  url: string | null;
  format?: string;
}

export function itemsFromReport(report: Report): FeedbackItem[] {
  const out: FeedbackItem[] = [];
  for (const c of report.checks ?? []) {
    if (c.status !== 'fail') continue;
    const item: FeedbackItem = {
      checkId: c.id,
      kind: 'check',
      status: 'fail',
      message: c.message,
      cells: c.cells ?? [],
    };
    if (c.culprit) item.culprit = { field: c.culprit.field, suggested: c.culprit.suggested };
    out.push(item);
  }
  (report.narrative ?? []).forEach((n) => {
    if (n.status !== 'fail') return;
    out.push({
      checkId: n.id ?? 'narrative',
      kind: 'narrative',
      status: 'fail',
      message: n.message,
      cells: n.field ? [n.field] : [],
      quote: n.quote,
    });
  });
  return out;
}

export function itemsFromFlags(flags: Flag[]): FeedbackItem[] {
  return flags.filter(isActionable).map((f) => {
    const item: FeedbackItem = {
      checkId: f.checkId,
      kind: f.kind,
      status: f.findingStatus,
      // Said again from the flag's parts (the letter is Chinese; the wording today's), else as saved.
      message: renderFlag(f, 'zh').text,
      cells: f.cells.map((c) => c.field),
    };
    if (f.culprit) item.culprit = { field: f.culprit.field, suggested: f.culprit.suggested };
    if (f.quote) item.quote = f.quote;
    return item;
  });
}

export function subjectOfReport(report: Report): FeedbackSubject {
  return {
    agency: report.report?.agency ?? null,
    year: report.report?.year ?? null,
    title: report.source?.title ?? null,
    url: report.source?.url ?? null,
    format: report.report?.format,
  };
}

/**
 * @deprecated for messages whose check id is known: use findingParts (lib/rules/render.ts), which takes the
 * subject and the culprit clause off by the structure the core wrote them in. Kept for bare strings.
 *
 * The core's messages start with their own subject ("表三“（一）予以公开”行：…"); where we already name
 * the place (the letter, the popup's finding title) only the part after it is shown.
 */
export function messageBody(message: string): string {
  const m = /^表[一二三四][^：:]{0,120}[：:]\s*/.exec(message);
  let body = m ? message.slice(m[0].length) : message;
  // lib/culprit.ts appends "。可能是“…”有误（…）" to each check it explains; we show the culprit on its
  // own line (popup) or sentence (letter), so the appended clause would say it twice.
  const i = body.indexOf('。可能是“');
  if (i >= 0 && /有误（[^）]*）$/.test(body)) body = body.slice(0, i);
  return body;
}

function ensureStop(s: string): string {
  const t = s.trim();
  return /[。！？.!?]$/.test(t) ? t : `${t}。`;
}

function itemText(item: FeedbackItem): string {
  if (item.kind === 'narrative') {
    const quote = item.quote ? zh('letter.textQuote', { quote: item.quote.trim() }) : zh('letter.textNumber');
    return ensureStop(zh('letter.narrative', { quote, message: item.message }));
  }
  const where = placeOf(item);
  const body = findingParts(item).detail;
  let s = zh('letter.item', { where, body });
  if (item.status === 'uncertain') s = zh('letter.itemUndecided', { where, state: stateName('uncertain', 'zh'), body });
  s = ensureStop(s);
  if (item.culprit)
    s += zh('letter.culprit', { cell: fieldInWords(item.culprit.field), value: item.culprit.suggested });
  return s;
}

function dateZh(d: Date): string {
  return zh('letter.date', { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() });
}

/** 第三部分“收到和处理政府信息公开申请情况”表 (the table's full name as the letter cites it). */
function partOf(table: keyof typeof TABLES): string {
  const full = TABLES[table].full.zh;
  return zh('letter.part', { n: full.slice(0, 1), name: full.slice(2) });
}

/** Where a check sits, in the letter's words: 第三部分“…”表“（一）予以公开”行“自然人”列. */
function placeOf(item: FeedbackItem, withTable = true): string {
  const d = describeCheck(item.checkId, item.cells);
  const where: string[] = [];
  if (d.table && withTable) where.push(partOf(d.table));
  if (d.row) where.push(zh('letter.row', { row: d.row }));
  if (d.column) where.push(zh('letter.column', { column: d.column }));
  return where.join('');
}

/**
 * One wrong cell breaks its row sum and its column sum: one entry for the cell, with the checks it
 * breaks listed inside (issue #11: an error is a cell, never the same culprit twice).
 */
function groupText(items: FeedbackItem[]): string {
  const culprit = items[0]!.culprit!;
  const d = describeCheck(items[0]!.checkId, items[0]!.cells);
  const table = d.table ? partOf(d.table) : '';
  // Each check's arithmetic, taken from its message by the structure the core wrote it in (findingParts).
  const checks = items.map((item) =>
    zh('letter.item', {
      where: placeOf(item, false),
      body: findingParts(item)
        .detail.trim()
        .replace(/[。.]$/, ''),
    }),
  );
  return zh('letter.group', {
    table,
    cell: fieldInWords(culprit.field),
    value: culprit.suggested,
    n: items.length,
    checks: checks.join(zh('letter.checkSep')),
  });
}

/** Entries of the letter: checks with the same probable culprit merged into one. */
export function feedbackEntries(items: FeedbackItem[]): FeedbackItem[][] {
  const out: FeedbackItem[][] = [];
  const byCulprit = new Map<string, FeedbackItem[]>();
  for (const item of items) {
    const key = item.kind === 'check' && item.status === 'fail' && item.culprit ? item.culprit.field : null;
    if (key === null) {
      out.push([item]);
      continue;
    }
    const group = byCulprit.get(key);
    if (group) group.push(item);
    else {
      const g = [item];
      byCulprit.set(key, g);
      out.push(g);
    }
  }
  return out;
}

/** A page title without the site's name: "…年度报告_中山市人民政府" → "…年度报告". */
export function titleWithoutSite(title: string): string {
  const parts = title.split(/\s*(?:_|\||｜| - | – | — |－{1,2}|——)\s*/).filter(Boolean);
  if (parts.length < 2) return title.trim();
  return (parts.find((p) => /报告|報告|年报|年報/.test(p)) ?? parts[0]!).trim();
}

/** The letter. Returns an empty string when there is nothing to report. */
export function feedbackText(subject: FeedbackSubject, items: FeedbackItem[], now: Date = new Date()): string {
  if (!items.length) return '';
  const agency = subject.agency?.trim() || zh('letter.agency');
  const titled =
    (subject.title?.trim() && titleWithoutSite(subject.title)) ||
    (subject.agency && subject.year
      ? zh('letter.titleOf', { agency: subject.agency, year: subject.year })
      : zh('letter.titleGeneric'));
  const entries = feedbackEntries(items);
  const lines: string[] = [];
  lines.push(zh('letter.heading', { title: titled }));
  lines.push('');
  lines.push(zh('letter.salutation', { agency }));
  lines.push('');
  const where = subject.url ? zh('letter.url', { url: subject.url }) : '';
  const failing = items.filter((i) => i.kind === 'check' && i.status === 'fail').length;
  const also =
    failing > entries.filter((e) => e[0]!.kind === 'check' && e[0]!.status === 'fail').length
      ? zh('letter.also', { n: failing })
      : '';
  lines.push(`    ${zh('letter.intro', { title: titled, url: where, n: entries.length, also })}`);
  lines.push('');
  entries.forEach((group, i) =>
    lines.push(`    ${i + 1}. ${group.length > 1 ? groupText(group) : itemText(group[0]!)}`),
  );
  lines.push('');
  lines.push(`    ${zh('letter.basis', { citation: (formatById(subject.format) ?? DEFAULT_FORMAT).citation })}`);
  lines.push(`    ${zh('letter.thanks')}`);
  lines.push('');
  lines.push(zh('letter.close1'));
  lines.push(zh('letter.close2'));
  lines.push('');
  // 落款: who writes, how to reach them, the date — left for the sender to fill in.
  lines.push(zh('letter.sender'));
  lines.push(zh('letter.contact'));
  lines.push(dateZh(now));
  return lines.join('\n') + '\n';
}
