// Reading one saved report: decoding (bin/decode.ts: BOM, declared charset, detection), HTML through
// linkedom (and the srcdoc documents of its frames), .txt through the text extractor.
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { checkDocument, checkText } from '../lib/check';
import { bestReport, srcdocSources } from '../lib/frames';
import type { Report } from '../lib/types';
import { DEFAULT_MAX_MB, readInput } from './inputs';
import { decodeBytes } from './decode';

export { DecodeError, decodeBytes } from './decode';

/** Decode a saved page (see bin/decode.ts); throws a DecodeError with a clear message when it cannot. */
export function decode(buf: Uint8Array): string {
  return decodeBytes(buf).text;
}

const MAX_FRAMES = 8;

export function checkHtml(html: string, url?: string): Report {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const results = [checkDocument(doc, { url })];
  // The article may be in an <iframe srcdoc> (a frame's own frames are not followed: one level).
  if (results[0]!.report.summary.fieldsFound === 0) {
    for (const src of srcdocSources(doc).slice(0, MAX_FRAMES)) {
      const inner = parseHTML(src.includes('<html') ? src : `<!doctype html><html><head></head><body>${src}</body></html>`).document;
      results.push(checkDocument(inner as unknown as Document, { url }));
    }
  }
  return bestReport(results)!.report;
}

export function checkFile(file: string, url?: string, maxBytes = DEFAULT_MAX_MB * 1048576): Report {
  const text = decode(readInput(file, maxBytes));
  if (extname(file).toLowerCase() === '.txt') return checkText(text, { url }).report;
  return checkHtml(text, url);
}
