// Files that are not web pages: PDF and DOCX are rebuilt as HTML documents (paragraphs and tables with
// their spans) so the DOM path reads them unchanged; .doc/.wps/.xls/.et/.ofd are recognized and refused
// with what to do. The caller parses the HTML (linkedom in the CLI, DOMParser in the report view) and calls
// checkDocument(doc, { source }).

import { FileReadError } from './errors';
import { t } from '../i18n';
import { readPdf, type PdfJsModule } from './pdf';
import { documentHtml } from './html';

export { FileReadError, fileErrorText, FILE_ERROR_CODES, type FileErrorCode, type FileErrorKey } from './errors';
export { SCANNED_MESSAGE, type PdfJsModule } from './pdf';

export type FileKind = 'pdf' | 'docx' | 'html' | 'text' | 'legacy-office' | 'ofd' | 'unknown';

/** The advice every format to save first ends with (Chinese; the error itself is FileReadError 'save-as'). */
export const SAVE_AS_MESSAGE = t('zh', 'file.saveAsAdvice');

/** Tell a file's kind from its first bytes, then its name. */
export function fileKind(bytes: Uint8Array, name = ''): FileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const b = bytes;
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  // OLE compound file: .doc, .wps, .xls, .et, .ppt.
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'legacy-office';
  if (b[0] === 0x50 && b[1] === 0x4b) {
    if (ext === 'ofd') return 'ofd';
    if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx';
    // A zip by another name: look for the entry names in its central directory.
    const tail = new TextDecoder('latin1').decode(b.subarray(Math.max(0, b.length - 65536)));
    if (tail.includes('word/document.xml')) return 'docx';
    if (/OFD\.xml/i.test(tail)) return 'ofd';
    return 'unknown';
  }
  if (['doc', 'wps', 'xls', 'xlsx', 'et', 'dot'].includes(ext)) return 'legacy-office';
  if (ext === 'ofd') return 'ofd';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (['html', 'htm', 'shtml', 'xhtml'].includes(ext)) return 'html';
  return 'unknown';
}

/** Extensions that mean "a file Gouji can read" when walking folders and picking files. */
export const READABLE_EXTENSIONS = ['.html', '.htm', '.shtml', '.txt', '.pdf', '.docx'] as const;
/** Extensions recognized and answered with SAVE_AS_MESSAGE. */
export const SAVE_AS_EXTENSIONS = ['.doc', '.wps', '.xls', '.et', '.ofd'] as const;

export interface RebuiltDocument {
  source: 'pdf' | 'docx';
  html: string;
  pages?: number;
  notices: { id: string; level: 'info' | 'warn'; message: string }[];
}

/**
 * Rebuild a PDF or DOCX as HTML. Throws FileReadError for a file that cannot be read (damaged, scanned,
 * encrypted) and for the formats to save as .docx or PDF first.
 */
export async function rebuildFile(
  bytes: Uint8Array,
  name: string,
  pdfjs: () => Promise<PdfJsModule>,
): Promise<RebuiltDocument> {
  const kind = fileKind(bytes, name);
  if (kind === 'legacy-office' || kind === 'ofd')
    throw new FileReadError('save-as', { name: name.replace(/^.*[\\/]/, '') || kind });
  // The zip reader (fflate) is loaded with the first DOCX: its tables and worker probe cost every CLI run
  // ~1 ms (`--help` included) otherwise.
  if (kind === 'docx') {
    const { readDocx } = await import('./docx');
    return { source: 'docx', html: documentHtml(readDocx(bytes)), notices: [] };
  }
  if (kind === 'pdf') {
    const r = await readPdf(bytes, await pdfjs());
    const notices: RebuiltDocument['notices'] = [];
    if (r.pagesRead < r.pages)
      notices.push({
        id: 'pdf.pages-skipped',
        level: 'warn',
        message: `PDF 共 ${r.pages} 页，只读取了前 ${r.pagesRead} 页`,
      });
    return { source: 'pdf', html: documentHtml(r.blocks), pages: r.pages, notices };
  }
  if (/\.pdf$/i.test(name)) throw new FileReadError('not-pdf');
  if (/\.docx$/i.test(name)) throw new FileReadError('not-docx');
  throw new FileReadError('not-readable');
}
