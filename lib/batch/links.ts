// A list page (the 政府信息公开年报 column of a site): links whose text looks like a report title —
// 年度报告 or 年报, and a year. The page itself is not a report; its links are what a batch checks.

import { documentsOn } from '../attachments';
import { normalizeText } from '../normalize/text';

export interface ReportLink {
  /** Absolute address (resolved against the page's). */
  url: string;
  /** The link's text, whitespace collapsed. */
  text: string;
  /** The year in the text, if any. */
  year: number | null;
}

const TITLE = /(年度?报告|年报)/;
const YEAR = /((?:19|20)\d{2})\s*年/;

/** Every distinct link on the page whose text names an annual report and a year, in page order. */
export function findReportLinks(doc: Document, baseUrl: string): ReportLink[] {
  const out: ReportLink[] = [];
  const seen = new Set<string>();
  const anchors = doc.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && out.length < 2000; i++) {
    const a = anchors[i]!;
    const raw = (a.getAttribute('title') || a.textContent || '').slice(0, 300);
    const text = normalizeText(raw);
    if (text.length < 6 || !TITLE.test(text)) continue;
    const year = YEAR.exec(text) ?? /((?:19|20)\d{2})/.exec(text);
    if (!year) continue;
    const href = a.getAttribute('href') ?? '';
    if (/^\s*(javascript|mailto|data):/i.test(href) || href.trim().startsWith('#')) continue;
    let url: string;
    try {
      const u = new URL(href.trim(), baseUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      u.hash = '';
      url = u.href;
    } catch {
      continue;
    }
    if (seen.has(url) || url === baseUrl) continue;
    seen.add(url);
    out.push({ url, text: collapseText(a.textContent || raw), year: Number(year[1]) });
  }
  return out;
}

const collapseText = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);

/** A list page: at least two report-title links. (One link is a report page's "related" box.) */
export function isListPage(links: readonly ReportLink[]): boolean {
  return links.length >= 2;
}

/**
 * Documents a report page links or shows inline (PDF, Word, WPS, Excel, OFD; lib/attachments.ts documentsOn:
 * links, frames, embeds, PDF viewers), resolved, links first, in page order.
 */
export function findAttachments(doc: Document, baseUrl: string): string[] {
  return documentsOn(doc, baseUrl, 200).map((d) => d.url);
}

const NEXT_TEXT = /^(?:下一页|下页|后页|下一頁|下頁|next(?: page)?|›|»|>)$/i;
const PAGE_NUMBER = /^\d{1,3}$/;
/** TRS and similar CMSs write their pager with a script: createPageHTML(total, current, "index", "html"). */
const CREATE_PAGE =
  /createPageHTML\(\s*(?:['"][^'"]*['"]\s*,\s*)?(\d{1,4})\s*,\s*(\d{1,4})\s*,\s*['"]([\w.-]{1,40})['"]\s*,\s*['"](\w{1,8})['"]/;

/**
 * The other pages of a list (its pagination), same host only, in order of discovery: the "下一页" link,
 * the numbered links of the pager, and the pages a `createPageHTML(n, i, "index", "html")` script writes
 * (index.html, index_1.html … index_{n-1}.html beside the current page). The caller caps how many it follows.
 */
export function findListPages(doc: Document, baseUrl: string): string[] {
  const out: string[] = [];
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    return out;
  }
  const base = baseUrl.replace(/#.*$/, '');
  const add = (href: string) => {
    if (!href || /^\s*(javascript|mailto|data):/i.test(href) || href.trim().startsWith('#')) return;
    try {
      const u = new URL(href.trim(), baseUrl);
      u.hash = '';
      if (
        (u.protocol === 'http:' || u.protocol === 'https:') &&
        u.host === host &&
        u.href !== base &&
        !out.includes(u.href)
      )
        out.push(u.href);
    } catch {
      /* not an address */
    }
  };
  const anchors = doc.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && i < 5000; i++) {
    const a = anchors[i]!;
    const text = (a.textContent || a.getAttribute('title') || '').replace(/\s+/g, ' ').trim();
    if (NEXT_TEXT.test(text) || PAGE_NUMBER.test(text)) add(a.getAttribute('href') ?? '');
  }
  const scripts = doc.querySelectorAll('script');
  for (let i = 0; i < scripts.length; i++) {
    const m = CREATE_PAGE.exec((scripts[i]!.textContent ?? '').slice(0, 20_000));
    if (!m) continue;
    const total = Math.min(Number(m[1]), 200);
    for (let p = 0; p < total; p++) add(p === 0 ? `${m[3]}.${m[4]}` : `${m[3]}_${p}.${m[4]}`);
  }
  return out;
}
