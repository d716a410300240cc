// Reading one saved report: decoding (UTF-8, GBK), HTML through linkedom, .txt through the text extractor,
// PDF and DOCX rebuilt as HTML by lib/files (pdf.js's Node build is loaded only when a PDF comes).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { checkDocument, checkText } from '../lib/check';
import type { Report } from '../lib/types';
import { fileKind, FileReadError, rebuildFile, type PdfJsModule, type RebuiltDocument } from '../lib/files';

/** Decode a saved page: BOM, then <meta charset>, then UTF-8 if valid, else GB18030 (many gov.cn sites). */
export function decode(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (label && /^(gb2312|gbk|gb18030|x-gbk)$/.test(label)) return new TextDecoder('gb18030').decode(buf);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

export function checkFile(file: string, url?: string): Report {
  const text = decode(readFileSync(file));
  if (extname(file).toLowerCase() === '.txt') return checkText(text, { url }).report;
  const { document } = parseHTML(text);
  return checkDocument(document as unknown as Document, { url }).report;
}

/** A file the CLI refuses with a reason; `code` is the exit code it implies (2 unreadable, 3 unsupported). */
export class InputError extends Error {
  constructor(message: string, readonly code: 2 | 3) {
    super(message);
    this.name = 'InputError';
  }
}

const loadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJsModule>;

/** The HTML a PDF or DOCX is rebuilt as (what `checkFileAsync` checks). */
export async function rebuild(file: string, bytes: Uint8Array = new Uint8Array(readFileSync(file))): Promise<RebuiltDocument> {
  try {
    return await rebuildFile(bytes, file, loadPdfjs);
  } catch (e) {
    if (e instanceof FileReadError) throw new InputError(e.message, /另存为/.test(e.message) ? 3 : 2);
    throw e;
  }
}

/** Like checkFile, for every input the CLI takes: also PDF and DOCX; .doc/.wps/.xls/.et/.ofd are refused. */
export async function checkFileAsync(file: string, url?: string): Promise<Report> {
  const ext = extname(file).toLowerCase();
  const bytes = new Uint8Array(readFileSync(file));
  const kind = fileKind(bytes, file);
  if (kind === 'pdf' || kind === 'docx' || kind === 'legacy-office' || kind === 'ofd' || ext === '.pdf' || ext === '.docx') {
    const r = await rebuild(file, bytes);
    const { document } = parseHTML(r.html);
    const report = checkDocument(document as unknown as Document, { url, source: r.source }).report;
    report.notices.unshift(...r.notices);
    return report;
  }
  return checkFile(file, url);
}
