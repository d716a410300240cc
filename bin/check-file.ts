// Reading one saved report: decoding (bin/decode.ts: BOM, declared charset, detection), HTML through the fast
// path (lib/html: htmlparser2 into a light DOM, the same checks; srcdoc frames too), .txt through the text extractor.
import { extname } from 'node:path';
import { checkText } from '../lib/check';
import { checkHtml } from '../lib/html/check-html';
import type { Report } from '../lib/types';
import { DEFAULT_MAX_MB, readInput } from './inputs';
import { decodeBytes } from './decode';

export { DecodeError, decodeBytes } from './decode';

/** Decode a saved page (see bin/decode.ts); throws a DecodeError with a clear message when it cannot. */
export function decode(buf: Uint8Array): string {
  return decodeBytes(buf).text;
}

export function checkFile(file: string, url?: string, maxBytes = DEFAULT_MAX_MB * 1048576): Report {
  const text = decode(readInput(file, maxBytes));
  if (extname(file).toLowerCase() === '.txt') return checkText(text, { url }).report;
  return checkHtml(text, { url }).report;
}
