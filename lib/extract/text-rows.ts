// Flattened text → logical rows. What innerText or a scraper gives: one cell per line (seeds 000, 004) or
// "|"-separated cells (seeds 002, 003, where runs of "|||" stand for spanned cells). Empty cells vanish in
// such text, so a blank cell cannot be told from a span: rows that come out short are reported, not guessed.
//
// Text extracted from a PDF (../shared/real-reports/*.pdftext.txt) adds three shapes: a table row is one
// line "label v1 v2 … v7" (the numbers separated by spaces), page breaks and page numbers ("=====PAGE=====",
// "- 4 -", "第 4 页") fall inside tables, and rotated labels come one character per line. The first two are
// handled here (numbers split off the end of a line; page furniture dropped); single characters are just
// more label tokens, which the parsers join.

import { parseCell } from '../normalize/number';
import { labelCell, valueCell, type LogicalRow } from './rows';
import { isSpaceCode, trimEndWhere } from '../normalize/text';

export interface TextToken {
  text: string;
  start: number;
  end: number;
}

/** Page furniture a PDF text layer leaves inside tables: never a cell. */
const PAGE_FURNITURE =
  /^(?:=+\s*PAGE\s*=+|[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/i;

export function isPageFurniture(line: string): boolean {
  return PAGE_FURNITURE.test(line);
}

function trimmed(raw: string, at: number): TextToken | null {
  const t1 = raw.replace(/^[\s\u00a0\u3000]+/, '');
  const lead = raw.length - t1.length;
  // Not a /\s+$/ regex: on a run of 120,000 spaces that is quadratic (13 s).
  const t = trimEndWhere(t1, isSpaceCode);
  return t ? { text: t, start: at + lead, end: at + lead + t.length } : null;
}

/**
 * "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21" → the label and seven number tokens. Only a run of
 * numbers at the end of the segment is split off; a segment that reads as one cell value with at most one
 * number word ("12 件") stays whole. A segment with no trailing number is returned whole.
 */
function splitTrailingNumbers(tok: TextToken): TextToken[] {
  if (!/\d[\s\u00a0\u3000]*$/.test(tok.text) || !/[\s\u00a0\u3000]/.test(tok.text)) return [tok];
  const words: TextToken[] = [];
  const re = /[^\s\u00a0\u3000]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tok.text)))
    words.push({ text: m[0], start: tok.start + m.index, end: tok.start + m.index + m[0].length });
  let cut = words.length;
  while (cut > 0 && parseCell(words[cut - 1]!.text).kind === 'number') cut--;
  if (cut === words.length) return [tok];
  // "12 件" is one cell; "67 3 0 0 1 0 71" (which would read as one number once spaces go) is seven.
  if (words.length - cut < 2 && parseCell(tok.text).kind !== 'text') return [tok];
  const out: TextToken[] = [];
  if (cut > 0)
    out.push({ text: tok.text.slice(0, words[cut - 1]!.end - tok.start), start: tok.start, end: words[cut - 1]!.end });
  out.push(...words.slice(cut));
  return out;
}

export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  const lineRe = /[^\n]+/g;
  let line: RegExpExecArray | null;
  while ((line = lineRe.exec(text))) {
    const whole = trimmed(line[0], line.index);
    if (!whole || isPageFurniture(whole.text)) continue;
    const re = /[^|]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line[0]))) {
      const tok = trimmed(m[0], line.index + m.index);
      if (tok) tokens.push(...splitTrailingNumbers(tok));
    }
  }
  return tokens;
}

export function textRows(text: string): LogicalRow[] {
  const rows: LogicalRow[] = [];
  let row: LogicalRow = { labels: [], values: [], table: -1 };
  for (const tok of tokenize(text)) {
    const v = valueCell(tok.text, undefined, [tok.start, tok.end]);
    if (v.parsed.kind === 'text') {
      if (row.values.length) {
        rows.push(row);
        row = { labels: [], values: [], table: -1 };
      }
      row.labels.push(labelCell(tok.text, undefined, [tok.start, tok.end]));
    } else row.values.push(v);
  }
  if (row.labels.length || row.values.length) rows.push(row);
  return rows;
}
