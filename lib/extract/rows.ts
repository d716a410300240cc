// The common currency of extraction: "logical rows". A DOM table gives one per <tr>; flattened text gives
// one per run of labels followed by a run of numbers (seeds 000/004 put one cell per line, seeds 002/003 use
// "|" separators). The table parsers (apply.ts, review.ts, active.ts) read only logical rows, so DOM and text
// pages go through the same code.

import { parseCell, type ParsedCell } from '../normalize/number';
import { labelKey } from '../normalize/text';

export interface ValueCell {
  /** Cell text as found (whitespace collapsed). */
  raw: string;
  parsed: ParsedCell;
  /** DOM cell, when read from a page. */
  el?: Element;
  /** The <table> the cell belongs to (DOM). */
  table?: Element;
  /** Character range in the source text, when read from text. */
  span?: [number, number];
}

export interface LabelCell {
  /** Normalized label with whitespace removed (simplified, full-width folded, pinyin stripped). */
  key: string;
  raw: string;
  el?: Element;
  span?: [number, number];
  /** The label comes from a cell spanning down from an earlier row (DOM rowspan). */
  spanned?: boolean;
}

export interface LogicalRow {
  labels: LabelCell[];
  values: ValueCell[];
  /** Index of the source <table> (DOM) or -1 (text). */
  table: number;
}

export function valueCell(raw: string, el?: Element, span?: [number, number]): ValueCell {
  return { raw, parsed: parseCell(raw), el, span };
}

export function labelCell(raw: string, el?: Element, span?: [number, number], spanned?: boolean): LabelCell {
  return { key: labelKey(raw), raw, el, span, spanned };
}

/**
 * Find which trailing label run of a row matches: try the leaf label alone, then the last two joined, and
 * so on (text dumps split one label over lines: "行政规范性" / "文件"). Returns the first non-null result.
 */
export function matchLeaf<T>(labels: readonly LabelCell[], test: (key: string) => T | null, maxJoin = 4): T | null {
  let joined = '';
  for (let i = labels.length - 1, n = 0; i >= 0 && n < maxJoin; i--, n++) {
    joined = labels[i]!.key + joined;
    if (!joined) continue;
    const r = test(joined);
    if (r !== null) return r;
  }
  return null;
}

export function joinedKey(labels: readonly LabelCell[]): string {
  return labels.map((l) => l.key).join('');
}

/**
 * Fit a row's values to the width a table needs: blank cells beyond the width at the edges are layout
 * (empty label cells, trailing colspan fillers), not data. Returns null when the row cannot be fitted.
 */
export function fitWidth(values: readonly ValueCell[], width: number, prefer: 'start' | 'end'): ValueCell[] | null {
  const v = values.slice();
  if (prefer === 'start') {
    while (v.length > width && v[v.length - 1]!.parsed.kind === 'blank' && !v[v.length - 1]!.raw) v.pop();
    while (v.length > width && v[0]!.parsed.kind === 'blank' && !v[0]!.raw) v.shift();
  } else {
    while (v.length > width && v[0]!.parsed.kind === 'blank' && !v[0]!.raw) v.shift();
    while (v.length > width && v[v.length - 1]!.parsed.kind === 'blank' && !v[v.length - 1]!.raw) v.pop();
  }
  if (v.length === width) return v;
  return null;
}
