// Reading one saved report: decoding (bin/decode.ts: BOM, declared charset, detection), HTML through the fast
// path (lib/html: htmlparser2 into a light DOM, the same checks; srcdoc frames too), .txt through the text extractor,
// PDF and DOCX rebuilt as HTML by lib/files (pdf.js's Node build is loaded only when a PDF comes).
import { extname } from 'node:path';
import { checkText } from '../lib/check';
import { checkHtml } from '../lib/html/check-html';
import { parseLightHtml } from '../lib/html/light-dom';
import type { Report } from '../lib/types';
import { inspectDocument } from '../lib/batch/inspect';
import type { Inspected } from '../lib/batch/run';
import { DEFAULT_MAX_MB, InputFileError, readInput } from './inputs';
import { decodeBytes } from './decode';
import { fileKind, FileReadError, rebuildFile, type PdfJsModule, type RebuiltDocument } from '../lib/files';
import { whyOf } from '../lib/batch/run';

export { DecodeError, decodeBytes } from './decode';

/** Options every check of this process uses (the CLI's `--blank-as-zero`; workers get them in workerData). */
export const checkDefaults: { blankAsZero?: boolean } = {};
const withDefaults = <T extends object>(o: T) => (checkDefaults.blankAsZero ? { ...o, blankAsZero: true } : o);

/** Decode a saved page (see bin/decode.ts); throws a DecodeError with a clear message when it cannot. */
export function decode(buf: Uint8Array): string {
  return decodeBytes(buf).text;
}

export function checkFile(file: string, url?: string, maxBytes = DEFAULT_MAX_MB * 1048576): Report {
  return checkPage(readInput(file, maxBytes), file, url);
}

/** A page or a text dump, by its name: decoded, then read as flattened text (.txt) or as HTML. */
function checkPage(bytes: Uint8Array, file: string, url?: string): Report {
  const text = decode(bytes);
  if (extname(file).toLowerCase() === '.txt') return checkText(text, withDefaults({ url })).report;
  return checkHtml(text, withDefaults({ url })).report;
}

/** A file the CLI refuses with a reason (bin/inputs.ts). */
export { InputFileError as InputError };

const loadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJsModule>;

/** The HTML a PDF or DOCX is rebuilt as (what `checkFileAsync` checks). */
export async function rebuild(
  file: string,
  bytes: Uint8Array = readInput(file, DEFAULT_MAX_MB * 1048576),
): Promise<RebuiltDocument> {
  try {
    return await rebuildFile(bytes, file, loadPdfjs);
  } catch (e) {
    if (e instanceof FileReadError) throw new InputFileError(e.message, e.code === 'save-as' ? 3 : 2, whyOf(e));
    throw e;
  }
}

/** Like checkFile, for every input the CLI takes: also PDF and DOCX; .doc/.wps/.xls/.et/.ofd are refused. */
export async function checkFileAsync(file: string, url?: string, maxBytes = DEFAULT_MAX_MB * 1048576): Promise<Report> {
  const ext = extname(file).toLowerCase();
  const bytes = readInput(file, maxBytes);
  const kind = fileKind(bytes, file);
  if (
    kind === 'pdf' ||
    kind === 'docx' ||
    kind === 'legacy-office' ||
    kind === 'ofd' ||
    ext === '.pdf' ||
    ext === '.docx'
  ) {
    // pdf.js takes a plain Uint8Array (not a Buffer, which readInput gives), and may transfer it: a copy.
    const r = await rebuild(file, new Uint8Array(bytes));
    const report = checkHtml(r.html, withDefaults({ url, source: r.source })).report;
    report.notices.unshift(...r.notices);
    return report;
  }
  return checkPage(bytes, file, url);
}

/**
 * An HTML string → report, attachments, report links: the one place the CLI turns fetched HTML into a
 * report. Through the light DOM (lib/html/light-dom.ts; its querySelectorAll takes the `a[href]` the link
 * readers ask for), so the CLI never loads linkedom (tests/unit/html-equivalence.test.ts holds the links equal).
 */
export function inspectHtml(html: string, url: string): Inspected {
  return inspectDocument(parseLightHtml(html) as unknown as Document, url, withDefaults({}));
}
