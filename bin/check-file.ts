// Reading one saved report: decoding (UTF-8, GBK), HTML through linkedom, .txt through the text extractor.
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { checkDocument, checkText } from '../lib/check';
import type { Report } from '../lib/types';
import { DEFAULT_MAX_MB, readInput } from './inputs';

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

export function checkFile(file: string, url?: string, maxBytes = DEFAULT_MAX_MB * 1048576): Report {
  const text = decode(readInput(file, maxBytes));
  if (extname(file).toLowerCase() === '.txt') return checkText(text, { url }).report;
  const { document } = parseHTML(text);
  return checkDocument(document as unknown as Document, { url }).report;
}
