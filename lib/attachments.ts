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
