// "生成反馈意见": a ready-to-send Chinese letter for one report, listing its errors with table, row,
// column and the arithmetic, to paste into the agency's 政务公开 mailbox. Built from the report's own
// failing checks (popup) or from the user's flags for that report (follow-up page; corrected and
// false-positive flags are left out). Plain text: mailbox forms take no formatting.

import type { Report } from './types';
import type { Flag } from './flags/model';
import { isActionable } from './flags/model';
import { describeCheck, fieldInWords } from './export/labels';
import { findingParts } from './rules/render';
import { DEFAULT_FORMAT, formatById } from './schema/formats';
import { TABLES } from './schema/tables';

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
      message: f.message,
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
    const quote = item.quote ? `正文“${item.quote.trim()}”` : '正文中的数字';
    return ensureStop(`${quote}与表格数据不一致：${item.message}`);
  }
  const where = placeOf(item);
  const body = findingParts(item).detail;
  let s = `${where}：${body}`;
  if (item.status === 'uncertain') s = `${where}：无法判断——${body}`;
  s = ensureStop(s);
  if (item.culprit)
    s += `经与相关行列交叉核对，可能是${fieldInWords(item.culprit.field)}的数值有误（按其余数据推算应为 ${item.culprit.suggested}），请一并核实。`;
  return s;
}

function dateZh(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** Where a check sits, in the letter's words: 第三部分“…”表“（一）予以公开”行“自然人”列. */
function placeOf(item: FeedbackItem, withTable = true): string {
  const d = describeCheck(item.checkId, item.cells);
  const where: string[] = [];
  if (d.table && withTable)
    where.push(`第${TABLES[d.table].full.zh.slice(0, 1)}部分“${TABLES[d.table].full.zh.slice(2)}”表`);
  if (d.row) where.push(`“${d.row}”行`);
  if (d.column) where.push(`“${d.column}”列`);
  return where.join('');
}

/**
 * One wrong cell breaks its row sum and its column sum: one entry for the cell, with the checks it
 * breaks listed inside (issue #11: an error is a cell, never the same culprit twice).
 */
function groupText(items: FeedbackItem[]): string {
  const culprit = items[0]!.culprit!;
  const d = describeCheck(items[0]!.checkId, items[0]!.cells);
  const table = d.table ? `第${TABLES[d.table].full.zh.slice(0, 1)}部分“${TABLES[d.table].full.zh.slice(2)}”表` : '';
  const checks = items.map(
    (item) => `${placeOf(item, false)}：${messageBody(item.message.trim()).replace(/[。.]$/, '')}`,
  );
  return `${table}${fieldInWords(culprit.field)}的数值可能有误（按其余数据推算应为 ${culprit.suggested}），它使以下 ${items.length} 项核对不一致——${checks.join('；')}。请一并核实。`;
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
  const agency = subject.agency?.trim() || '贵单位';
  const titled =
    (subject.title?.trim() && titleWithoutSite(subject.title)) ||
    (subject.agency && subject.year
      ? `${subject.agency}${subject.year}年度政府信息公开工作年度报告`
      : '政府信息公开工作年度报告');
  const entries = feedbackEntries(items);
  const lines: string[] = [];
  lines.push(`关于《${titled}》部分数据的意见`);
  lines.push('');
  lines.push(`${agency}：`);
  lines.push('');
  const where = subject.url ? `（网址：${subject.url}）` : '';
  const failing = items.filter((i) => i.kind === 'check' && i.status === 'fail').length;
  const also =
    failing > entries.filter((e) => e[0]!.kind === 'check' && e[0]!.status === 'fail').length
      ? `（涉及 ${failing} 项表格勾稽关系）`
      : '';
  lines.push(
    `    贵单位公开发布的《${titled}》${where}中，有 ${entries.length} 处数据经核对不一致${also}，恳请核实，如确有差错请予更正：`,
  );
  lines.push('');
  entries.forEach((group, i) =>
    lines.push(`    ${i + 1}. ${group.length > 1 ? groupText(group) : itemText(group[0]!)}`),
  );
  lines.push('');
  const basis = `以上按${(formatById(subject.format) ?? DEFAULT_FORMAT).citation}中表格的勾稽关系核对`;
  lines.push(
    `    ${basis}（如第三部分表格：每行各类申请人之和等于总计；第一项加第二项之和，等于第三项加第四项之和）。`,
  );
  lines.push('    感谢贵单位对政府信息公开工作的重视。');
  lines.push('');
  lines.push('此致');
  lines.push('敬礼');
  lines.push('');
  // 落款: who writes, how to reach them, the date — left for the sender to fill in.
  lines.push('反馈人：________________');
  lines.push('联系方式：________________');
  lines.push(dateZh(now));
  return lines.join('\n') + '\n';
}
