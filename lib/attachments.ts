// Attachments, in one place: which links are a report published as a document, which of those Gouji can read
// (lib/files: PDF and DOCX), and from which hosts an attachment may be fetched. Used by the missing-tables
// cause (lib/causes.ts), the batch (lib/batch/links.ts, run.ts), the in-page chip (components/inpage/model.ts)
// and the background's report-view opener (entrypoints/background.ts). Examples: tests/unit/attachments.test.ts.

/** A link to a document a report may be published as: PDF, Word, WPS, Excel, OFD (path, before ?/#). */
export const DOCUMENT_LINK = /\.(pdf|docx?|wps|xlsx?|et|ofd)(?:[?#]|$)/i;

export const isDocumentLink = (href: string): boolean => DOCUMENT_LINK.test(href.trim());

/** What lib/files reads; the other document kinds ask to be saved as .docx or PDF first. */
const CHECKABLE = /\.(pdf|docx)(?:[?#]|$)/i;

/** An absolute http(s) address of a PDF or DOCX (by its name: the bytes are sniffed when read). */
export function isCheckableAttachment(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && CHECKABLE.test(u.pathname);
  } catch {
    return false;
  }
}

/** A linked document Gouji cannot read as it is (.doc, .wps, .xls, .et, .ofd): to be saved as .docx or PDF. */
export function isSaveAsAttachment(url: string): boolean {
  try {
    const u = new URL(url);
    return DOCUMENT_LINK.test(u.pathname) && !CHECKABLE.test(u.pathname);
  } catch {
    return false;
  }
}

/** Whether a name (a URL or a file name) is a PDF or DOCX, whatever follows it (?query, #fragment). */
export const isCheckableName = (name: string): boolean => CHECKABLE.test(name);

export const isGovCn = (host: string): boolean => host === 'gov.cn' || host.endsWith('.gov.cn');

/**
 * An attachment may be fetched when it is on the page's own host or on a gov.cn host (the only hosts the
 * extension has permission for, and the CLI's batch stays as polite).
 */
export function attachmentHostAllowed(pageUrl: string | undefined, fileUrl: string): boolean {
  try {
    const file = new URL(fileUrl);
    if (isGovCn(file.hostname)) return true;
    return !!pageUrl && new URL(pageUrl).hostname === file.hostname;
  } catch {
    return false;
  }
}

/**
 * A PDF viewer page given its document in a `file` parameter: pdf.js's `web/viewer.html?file=…` (or `#file=…`),
 * which many gov.cn sites use to show a report inline, in a frame or a tab of its own. Only a page named
 * viewer.html is unwrapped: a `download.jsp?file=…` is a server's own parameter, not an address.
 */
const VIEWER_PAGE = /\/viewer\.html?$/i;
/** The same page as written in an address, before it is parsed (a cheap first test). */
const VIEWER_ADDRESS = /viewer\.html?(?:[?#]|$)/i;

/**
 * The document an address leads to, resolved against `base`: the file a PDF viewer page shows (VIEWER_PAGE),
 * or the address itself when it names a document (DOCUMENT_LINK, tested on the address as written). Only
 * http(s); null for anything else (a page, javascript:, data:, no address).
 */
export function documentUrl(raw: string, base?: string): string | null {
  const s = raw.trim();
  // Most links are neither (a list page's thousands): a test of the string, before any URL is built.
  if (!DOCUMENT_LINK.test(s) && !VIEWER_ADDRESS.test(s)) return null;
  let u: URL;
  try {
    u = base ? new URL(s, base) : new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // A viewer page is never the document itself: its file, or nothing.
  if (VIEWER_PAGE.test(u.pathname)) return viewerFile(u);
  return DOCUMENT_LINK.test(s) ? u.href : null;
}

/** The document a PDF viewer page at `url` shows (VIEWER_PAGE), resolved; null for any other address. */
export function viewerFile(url: URL | string): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (!VIEWER_PAGE.test(u.pathname)) return null;
  const file = u.searchParams.get('file') ?? new URLSearchParams(u.hash.slice(1)).get('file');
  if (!file) return null;
  try {
    // pdf.js resolves the file against the viewer's own address.
    const f = new URL(file.trim(), u.href);
    return (f.protocol === 'http:' || f.protocol === 'https:') && DOCUMENT_LINK.test(f.pathname) ? f.href : null;
  } catch {
    return null;
  }
}

/** One document a page links or shows: its resolved address and the element's own words for it. */
export interface DocumentRef {
  url: string;
  /** The link's text, or an embedding element's `title`. */
  text: string;
}

/**
 * The distinct documents under `root` (documentUrl, resolved against `base`), links first, then what the page
 * shows inline — a report shown in a frame or a PDF viewer is often the page's only trace of its tables:
 * `<a href>`, then `<iframe src>`, `<frame src>`, `<embed src>`, `<object data>`. At most `max`.
 */
export function documentsOn(root: Element | Document, base: string | undefined, max: number): DocumentRef[] {
  const links: DocumentRef[] = [];
  const shown: DocumentRef[] = [];
  const seen = new Set<string>();
  // One query, one walk. Over a page of 5,000 links in linkedom (the CLI's batch): the links alone took 2.8 ms,
  // a walk per tag 9.5, this one list 5.2.
  const els = root.querySelectorAll(ADDRESSED);
  for (let i = 0; i < els.length && links.length + shown.length < max; i++) {
    const el = els[i]!;
    const attr = ADDRESS_OF[el.localName.toLowerCase()];
    const raw = attr ? el.getAttribute(attr) : null;
    const url = raw ? documentUrl(raw, base) : null;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    if (attr === 'href') links.push({ url, text: el.textContent ?? '' });
    else shown.push({ url, text: el.getAttribute('title') ?? '' });
  }
  return [...links, ...shown];
}

/** The elements that link or show a document, and the attribute that holds its address. */
const ADDRESS_OF: Readonly<Record<string, string>> = {
  a: 'href',
  iframe: 'src',
  frame: 'src',
  embed: 'src',
  object: 'data',
};
const ADDRESSED = Object.entries(ADDRESS_OF)
  .map(([tag, attr]) => `${tag}[${attr}]`)
  .join(', ');
