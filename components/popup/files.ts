// What the popup offers for reports that are files: the PDF open in the tab, the attachments a report page
// links to (.pdf/.docx, and .doc/.wps/.ofd which the report view answers with what to do), a file on disk.
// Each opens the report view (report.html). Pure helpers here; the browser calls live in the popup host.

import { documentUrl, viewerFile } from '../../lib/attachments';

export interface Attachment {
  url: string;
  name: string;
}

export const ATTACHMENT_RE = /\.(pdf|docx|doc|wps|ofd)(?:[?#]|$)/i;

/** Is this tab URL a PDF open in the browser's viewer? */
export function isPdfUrl(url: string | null | undefined): boolean {
  if (!url || !/^https?:/i.test(url)) return false;
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/**
 * What the tab's address and title say about it: `pdf` (a .pdf path, or Chrome's viewer titled with a
 * .pdf name), `page` (not http(s), or a web page or other document by its extension), `unknown`
 * (/download?id=123, /attach/abc: the server decides; see probePdf).
 */
export function pdfTabGuess(url: string | null | undefined, title?: string | null): 'pdf' | 'page' | 'unknown' {
  if (!url || !/^https?:/i.test(url)) return 'page';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'page';
  }
  if (/\.pdf$/i.test(path) || /\.pdf$/i.test((title ?? '').trim())) return 'pdf';
  if (/\.[a-z0-9]{1,6}$/i.test(path) && !/\.(do|action|ashx|aspx?|jsp|php|cgi)$/i.test(path)) return 'page';
  return 'unknown';
}

interface HeaderBag {
  get(name: string): string | null;
}

/** A response is a PDF by its content type, its attachment file name, or its first bytes (`%PDF-`). */
export function isPdfResponse(headers: HeaderBag, head?: Uint8Array): boolean {
  if (/application\/(x-)?pdf/i.test(headers.get('content-type') ?? '')) return true;
  if (/filename\*?=[^;]*\.pdf["']?\s*(;|$)/i.test(headers.get('content-disposition') ?? '')) return true;
  return !!head && head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === '%PDF-';
}

/**
 * Is the document at `url` a PDF? Asked only for the tab the user opened the popup on when neither its
 * address nor its document tells (the PDF viewer runs no script we can ask): a HEAD request, then, when
 * the server does not say, the first KB (a range request; the body is not read further). At most `ms`.
 */
export async function probePdf(
  url: string,
  fetchFn: (input: string, init?: RequestInit) => Promise<Response> = fetch,
  ms = 5000,
): Promise<boolean> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ms);
  try {
    const init = { credentials: 'include', signal: ctl.signal, redirect: 'follow' } as const;
    const head = await fetchFn(url, { ...init, method: 'HEAD' }).catch(() => null);
    if (head?.ok) {
      if (isPdfResponse(head.headers)) return true;
      if (/text\/html|xml|json|text\/plain/i.test(head.headers.get('content-type') ?? '')) return false;
    }
    const res = await fetchFn(url, { ...init, headers: { Range: 'bytes=0-1023' } });
    if (!res.ok) return false;
    if (isPdfResponse(res.headers)) return true;
    const reader = res.body?.getReader();
    if (!reader) return false;
    const { value } = await reader.read();
    void reader.cancel().catch(() => undefined);
    return isPdfResponse({ get: () => null }, value);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    ctl.abort();
  }
}

/** Runs in the page (scripting.executeScript): the document's MIME type (Chrome's PDF viewer: application/pdf). */
export function documentContentType(): string {
  return document.contentType;
}

/** What a page holds that may lead to a document, as written: collected in the page, judged in the popup. */
export interface PageRefs {
  /** The page's own address (a PDF viewer page shows its document). */
  url: string;
  /** What relative addresses resolve against (`document.baseURI`). */
  base: string;
  /** Links (`href`, their text), then frames, embeds and objects (their address, their `title`). */
  refs: { raw: string; text: string }[];
}

/**
 * Runs in the page (scripting.executeScript, so self-contained): the addresses as written, nothing judged —
 * which of them are documents is lib/attachments.ts's one rule, applied in the popup (attachmentsOf).
 */
export function collectDocumentRefs(): PageRefs {
  const refs: { raw: string; text: string }[] = [];
  for (const a of Array.from(document.querySelectorAll('a[href]')))
    refs.push({ raw: a.getAttribute('href') ?? '', text: a.textContent ?? '' });
  for (const el of Array.from(document.querySelectorAll('iframe[src], frame[src], embed[src], object[data]')))
    refs.push({
      raw: el.getAttribute(el.localName === 'object' ? 'data' : 'src') ?? '',
      text: el.getAttribute('title') ?? '',
    });
  return { url: location.href, base: document.baseURI, refs };
}

/**
 * The report's documents a page holds, at most 12, deduplicated: the one a PDF viewer page shows (pdf.js's
 * viewer.html?file=…) first, then links, then what the page shows in a frame, an embed or an object — each
 * resolved by lib/attachments.ts documentUrl and kept when its path is a file the report view answers
 * (ATTACHMENT_RE).
 */
export function attachmentsOf(page: PageRefs): Attachment[] {
  const seen = new Set<string>();
  const out: Attachment[] = [];
  const add = (url: string | null, text: string) => {
    if (!url || seen.has(url) || out.length >= 12) return;
    const path = new URL(url).pathname;
    if (!ATTACHMENT_RE.test(path)) return;
    seen.add(url);
    const file = decodeURIComponent(path.split('/').pop() ?? '');
    out.push({ url, name: (text.replace(/\s+/g, ' ').trim() || file).slice(0, 60) });
  };
  add(viewerFile(page.url), '');
  for (const { raw, text } of page.refs) add(documentUrl(raw, page.base), text);
  return out;
}

/** report.html's address for a URL (the contract other views link to: report.html?url=<absolute URL>). */
export function reportViewPath(url?: string): string {
  return url ? `/report.html?url=${encodeURIComponent(url)}` : '/report.html';
}
