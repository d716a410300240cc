// An attached PDF/DOCX → its report: the file rebuilt as HTML (lib/files) and checked by the caller's HTML
// check (the light DOM in the CLI, DOMParser in the batch page — the two give identical reports,
// tests/html-equivalence.test.ts). Shared by `gouji check <url>` and the batch page, so a report whose
// tables are in an attachment reads the same in both. pdf.js is loaded by the caller, only when a PDF comes.
import { rebuildFile, type PdfJsModule } from '../files';
import type { Report } from '../types';

export type HtmlCheck = (html: string, opts: { url: string; source: 'pdf' | 'docx' }) => Report;

export function attachmentReader(
  pdfjs: () => Promise<PdfJsModule>,
  check: HtmlCheck,
): (bytes: Uint8Array, name: string) => Promise<Report> {
  return async (bytes, name) => {
    let path = name;
    try {
      path = decodeURIComponent(new URL(name).pathname);
    } catch {
      /* a plain name */
    }
    // pdf.js may transfer the buffer: a copy. A FileReadError goes out as it is: its code says why in any
    // language (lib/batch/run.ts whyOf).
    const r = await rebuildFile(new Uint8Array(bytes), path, pdfjs);
    const report = check(r.html, { url: name, source: r.source });
    report.notices.unshift(...r.notices);
    return report;
  };
}
