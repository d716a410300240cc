// Flattened text → logical rows. What innerText or a scraper gives: one cell per line (seeds 000, 004) or
// "|"-separated cells (seeds 002, 003, where runs of "|||" stand for spanned cells). Empty cells vanish in
// such text, so a blank cell cannot be told from a span: rows that come out short are reported, not guessed.

import { labelCell, valueCell, type LogicalRow } from './rows';
import { isSpaceCode, trimEndWhere } from '../normalize/text';

export interface TextToken {
  text: string;
  start: number;
  end: number;
}

export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  const re = /[^\n|]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const trimmed = raw.replace(/^[\s\u00a0\u3000]+/, '');
    const lead = raw.length - trimmed.length;
    const t = trimEndWhere(trimmed, isSpaceCode);
    if (!t) continue;
    tokens.push({ text: t, start: m.index + lead, end: m.index + lead + t.length });
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
