// What the popup offers for reports that are files: the PDF open in the tab, the attachments a report page
// links to (.pdf/.docx, and .doc/.wps/.ofd which the report view answers with what to do), a file on disk.
// Each opens the report view (report.html). Pure helpers here; the browser calls live in the popup host.

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

/** Runs in the page (scripting.executeScript): the report's attachment links, at most 12, deduplicated. */
export function collectAttachments(): Attachment[] {
  const re = /\.(pdf|docx|doc|wps|ofd)(?:[?#]|$)/i;
  const seen = new Set<string>();
  const out: { url: string; name: string }[] = [];
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = (a as HTMLAnchorElement).href;
    if (!/^https?:/i.test(href) || seen.has(href)) continue;
    let path = '';
    try {
      path = new URL(href).pathname;
    } catch {
      continue;
    }
    if (!re.test(path)) continue;
    seen.add(href);
    const file = decodeURIComponent(path.split('/').pop() ?? '');
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    out.push({ url: href, name: (text || file).slice(0, 60) });
    if (out.length >= 12) break;
  }
  return out;
}

/** report.html's address for a URL (the contract other views link to: report.html?url=<absolute URL>). */
export function reportViewPath(url?: string): string {
  return url ? `/report.html?url=${encodeURIComponent(url)}` : '/report.html';
}
