// The report view's reading of a file: its kind from its bytes, then the same checkDocument / checkText as
// everywhere. No DOM at module level (DOMParser is called when checking), so unit tests import it.
import { checkDocument, checkText, type Analysis } from '../../lib/check';
import { fileKind, rebuildFile, type PdfJsModule } from '../../lib/files';

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/<meta[^>]+charset\s*=\s*["']?(gb2312|gbk|gb18030)/i.test(head)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export interface Checked {
  analysis: Analysis;
  source: 'pdf' | 'docx' | 'html' | 'text';
  /** Paragraph texts of a rebuilt PDF/DOCX (shown as the body). */
  body: string[];
  /** Pages of a PDF. */
  pages?: number;
}

/**
 * Check a file's bytes. What it is comes from its first bytes (`%PDF-`, `PK` with word/document.xml, an OLE
 * header), never from the name alone: a PDF served at /download?id=123 or a DOCX at /attach/abc is read as
 * what it is, and a page served at a .pdf address (a login page, an error page) is read as a page.
 */
export async function checkBytes(
  bytes: Uint8Array,
  name: string,
  url: string | undefined,
  loadPdfjs: () => Promise<PdfJsModule>,
): Promise<Checked> {
  const kind = fileKind(bytes, name);
  const looksHtml = /<!doctype html|<html|<table|<body/i.test(
    new TextDecoder('latin1').decode(bytes.subarray(0, 2048)),
  );
  if (
    kind === 'html' ||
    (kind !== 'pdf' && kind !== 'docx' && kind !== 'legacy-office' && kind !== 'ofd' && looksHtml)
  ) {
    const doc = new DOMParser().parseFromString(decodeText(bytes), 'text/html');
    return { analysis: checkDocument(doc, { url }), source: 'html', body: [] };
  }
  if (kind === 'text') return { analysis: checkText(decodeText(bytes), { url }), source: 'text', body: [] };
  const r = await rebuildFile(bytes, name, loadPdfjs);
  const doc = new DOMParser().parseFromString(r.html, 'text/html');
  const analysis = checkDocument(doc, { url, source: r.source });
  analysis.report.notices.unshift(...r.notices);
  const body = Array.from(doc.querySelectorAll('p'), (p) => p.textContent ?? '').filter(Boolean);
  return { analysis, source: r.source, body, ...(r.pages ? { pages: r.pages } : {}) };
}
