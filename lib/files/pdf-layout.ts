// PDF page content → the blocks of a rebuilt HTML document. Input is what pdf.js gives: text items with
// their positions, and the line segments the page draws (table rules). Tables are rebuilt from their rules
// — rows between horizontal rules, columns between vertical ones, a cell as far as no rule separates it
// (so a label spanning rows becomes rowspan, a header spanning columns colspan, exactly as the HTML table
// the DOM path reads) — and every text item inside goes to the cell under its centre, lines of one cell
// joined (wrapped labels, labels printed one character per line). Text outside tables becomes paragraphs;
// page numbers are dropped. Pure: no pdf.js here (lib/files/pdf.ts feeds it), so tests give it plain data.

import type { HtmlBlock, HtmlCell } from './html';

export interface PdfText {
  str: string;
  /** Baseline start, PDF user space (y grows upwards). */
  x: number;
  y: number;
  /** Advance width and font size, user space. */
  w: number;
  size: number;
}

/** An axis-aligned segment the page draws (a rule), x0 ≤ x1, y0 ≤ y1. */
export interface PdfSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageContent {
  width: number;
  height: number;
  texts: PdfText[];
  segments: PdfSegment[];
}

interface HRule {
  y: number;
  x0: number;
  x1: number;
}
interface VRule {
  x: number;
  y0: number;
  y1: number;
}

const TOL = 3;

/** Split items that hold several cells' text ("0  0  0") so each piece lands in its own cell. */
function splitItems(texts: readonly PdfText[]): PdfText[] {
  const out: PdfText[] = [];
  for (const t of texts) {
    const s = t.str;
    if (!s.trim()) continue;
    if (!/\S\s{2,}\S/.test(s) && !/\d\s+\d/.test(s)) {
      const lead = s.length - s.trimStart().length;
      out.push({ ...t, str: s.trim(), x: t.x + (t.w * lead) / s.length, w: (t.w * s.trim().length) / s.length });
      continue;
    }
    const re = /\S+(?:\s(?=[^\d\s])\S*)*/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      out.push({ ...t, str: m[0], x: t.x + (t.w * m.index) / s.length, w: (t.w * m[0].length) / s.length });
    }
  }
  return out;
}

export function rulesOf(segments: readonly PdfSegment[]): { h: HRule[]; v: VRule[] } {
  const h: HRule[] = [];
  const v: VRule[] = [];
  for (const s of segments) {
    const w = s.x1 - s.x0;
    const ht = s.y1 - s.y0;
    if (ht <= 2.5 && w >= 4) h.push({ y: (s.y0 + s.y1) / 2, x0: s.x0, x1: s.x1 });
    else if (w <= 2.5 && ht >= 4) v.push({ x: (s.x0 + s.x1) / 2, y0: s.y0, y1: s.y1 });
  }
  return { h: mergeH(h), v: mergeV(v) };
}

/** Collinear pieces that meet are one rule (a border drawn cell by cell). */
function mergeRules<T>(
  rules: T[],
  pos: (r: T) => number,
  lo: (r: T) => number,
  hi: (r: T) => number,
  make: (p: number, a: number, b: number) => T,
): T[] {
  const sorted = [...rules].sort((a, b) => pos(a) - pos(b));
  const out: T[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && pos(sorted[j]!) - pos(sorted[j - 1]!) <= 1) j++;
    const line = sorted.slice(i, j).sort((a, b) => lo(a) - lo(b));
    let cur: { p: number; a: number; b: number } | null = null;
    for (const r of line) {
      if (cur && lo(r) <= cur.b + TOL) cur.b = Math.max(cur.b, hi(r));
      else {
        if (cur) out.push(make(cur.p, cur.a, cur.b));
        cur = { p: pos(r), a: lo(r), b: hi(r) };
      }
    }
    if (cur) out.push(make(cur.p, cur.a, cur.b));
    i = j;
  }
  return out;
}

const mergeH = (rules: HRule[]) =>
  mergeRules(
    rules,
    (r) => r.y,
    (r) => r.x0,
    (r) => r.x1,
    (y, x0, x1): HRule => ({ y, x0, x1 }),
  );
const mergeV = (rules: VRule[]) =>
  mergeRules(
    rules,
    (r) => r.x,
    (r) => r.y0,
    (r) => r.y1,
    (x, y0, y1): VRule => ({ x, y0, y1 }),
  );

interface TableFrame {
  h: HRule[];
  v: VRule[];
  /** Distinct rule positions: ys descending (top first), xs ascending. */
  ys: number[];
  xs: number[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function distinct(values: number[], desc: boolean): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1]! > TOL) out.push(x);
  return desc ? out.reverse() : out;
}

/**
 * Edges that are not the table: a thin empty strip between a table's outer border and its cells' borders
 * (HTML border="1" prints both), and a tall band at the top or bottom that only the outermost verticals
 * cross (a table cut by a page break keeps its outer border up to the page's edge; a row is never that tall).
 */
function trim(ys: number[], xs: number[], v: readonly VRule[]): void {
  while (xs.length > 2 && xs[1]! - xs[0]! < 8) xs.shift();
  while (xs.length > 2 && xs[xs.length - 1]! - xs[xs.length - 2]! < 8) xs.pop();
  const inner = (y: number) =>
    v.some((r) => r.x > xs[0]! + TOL && r.x < xs[xs.length - 1]! - TOL && y > r.y0 && y < r.y1);
  while (ys.length > 2 && ys[0]! - ys[1]! > 150 && !inner((ys[0]! + ys[1]!) / 2)) ys.shift();
  while (
    ys.length > 2 &&
    ys[ys.length - 2]! - ys[ys.length - 1]! > 150 &&
    !inner((ys[ys.length - 2]! + ys[ys.length - 1]!) / 2)
  )
    ys.pop();
  while (ys.length > 2 && ys[0]! - ys[1]! < 4) ys.shift();
  while (ys.length > 2 && ys[ys.length - 2]! - ys[ys.length - 1]! < 4) ys.pop();
}

/** Tables: groups of horizontal and vertical rules that touch each other (≥ 2 of each). */
export function frames(h: HRule[], v: VRule[]): TableFrame[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < h.length; i++) {
    const a = h[i]!;
    for (let j = 0; j < v.length; j++) {
      const b = v[j]!;
      if (b.x >= a.x0 - TOL && b.x <= a.x1 + TOL && a.y >= b.y0 - TOL && a.y <= b.y1 + TOL) {
        parent[find(i)] = find(h.length + j);
      }
    }
  }
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
  }
  const out: TableFrame[] = [];
  for (const g of groups.values()) {
    // A table cut by a page break may have no rule along the cut: its verticals run on past the last
    // horizontal rule, and that strip is a row too.
    if (g.h.length && g.v.length) {
      const x0 = Math.min(...g.h.map((r) => r.x0));
      const x1 = Math.max(...g.h.map((r) => r.x1));
      const top = Math.max(...g.v.map((r) => r.y1));
      const bottom = Math.min(...g.v.map((r) => r.y0));
      if (top - Math.max(...g.h.map((r) => r.y)) > 6) g.h.push({ y: top, x0, x1 });
      if (Math.min(...g.h.map((r) => r.y)) - bottom > 6) g.h.push({ y: bottom, x0, x1 });
    }
    const ys = distinct(
      g.h.map((r) => r.y),
      true,
    );
    const xs = distinct(
      g.v.map((r) => r.x),
      false,
    );
    trim(ys, xs, g.v);
    // One column is a box around text (some reports frame every prose line), not a table.
    if (ys.length < 2 || xs.length < 3) continue;
    const x0 = xs[0]!;
    const x1 = xs[xs.length - 1]!;
    if (x1 - x0 < 40) continue;
    out.push({ ...g, ys, xs, x0, x1, y0: ys[ys.length - 1]!, y1: ys[0]! });
  }
  return out;
}

const ascii = (c: string | undefined) => !!c && /[A-Za-z0-9.,%]/.test(c);

/** Join text items into lines (top to bottom) and each line's items left to right. */
function lines(items: PdfText[]): PdfText[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: { y: number; items: PdfText[] }[] = [];
  for (const t of sorted) {
    const line = out.find((l) => Math.abs(l.y - t.y) <= Math.max(2, t.size * 0.45));
    if (line) line.items.push(t);
    else out.push({ y: t.y, items: [t] });
  }
  out.sort((a, b) => b.y - a.y);
  return out.map((l) => l.items.sort((a, b) => a.x - b.x));
}

function lineText(items: readonly PdfText[]): string {
  let s = '';
  let prev: PdfText | null = null;
  for (const t of items) {
    if (prev) {
      const gap = t.x - (prev.x + prev.w);
      if (gap > t.size * 0.2 && ascii(prev.str[prev.str.length - 1]) && ascii(t.str[0])) s += ' ';
    }
    s += t.str;
    prev = t;
  }
  return s;
}

function joinLines(parts: readonly string[]): string {
  let s = '';
  for (const p of parts) s += s && ascii(s[s.length - 1]) && ascii(p[0]) ? ` ${p}` : p;
  return s;
}

/** Rebuild one framed table; the items it takes are removed from `rest`. */
function buildTable(f: TableFrame, items: PdfText[], taken: Set<PdfText>): HtmlCell[][] {
  const rows = f.ys.length - 1;
  const cols = f.xs.length - 1;
  const coversV = (x: number, y: number) =>
    f.v.some((r) => Math.abs(r.x - x) <= TOL && y >= r.y0 - TOL && y <= r.y1 + TOL);
  const coversH = (y: number, x: number) =>
    f.h.some((r) => Math.abs(r.y - y) <= TOL && x >= r.x0 - TOL && x <= r.x1 + TOL);
  const owner: (number | undefined)[][] = Array.from({ length: rows }, () => new Array<number | undefined>(cols));
  const cells: { r: number; c: number; rs: number; cs: number; items: PdfText[] }[] = [];
  for (let r = 0; r < rows; r++) {
    const cy = (f.ys[r]! + f.ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      if (owner[r]![c] !== undefined) continue;
      const cx = (f.xs[c]! + f.xs[c + 1]!) / 2;
      let c2 = c + 1;
      while (c2 < cols && !coversV(f.xs[c2]!, cy) && owner[r]![c2] === undefined) c2++;
      let r2 = r + 1;
      while (r2 < rows && !coversH(f.ys[r2]!, cx) && owner[r2]![c] === undefined) r2++;
      const id = cells.length;
      cells.push({ r, c, rs: r2 - r, cs: c2 - c, items: [] });
      for (let i = r; i < r2; i++) for (let k = c; k < c2; k++) owner[i]![k] = id;
    }
  }
  for (const t of items) {
    const cx = t.x + t.w / 2;
    const cy = t.y + t.size * 0.3;
    if (cx < f.x0 || cx > f.x1 || cy > f.y1 || cy < f.y0) continue;
    let r = 0;
    while (r < rows - 1 && cy < f.ys[r + 1]!) r++;
    let c = 0;
    while (c < cols - 1 && cx > f.xs[c + 1]!) c++;
    const id = owner[r]![c];
    if (id === undefined) continue;
    cells[id]!.items.push(t);
    taken.add(t);
  }
  const out: HtmlCell[][] = Array.from({ length: rows }, () => []);
  for (const cell of cells) {
    const text = joinLines(lines(cell.items).map(lineText));
    out[cell.r]!.push({ text, rowspan: cell.rs, colspan: cell.cs });
  }
  return out;
}

const PAGE_NUMBER =
  /^(?:[-—–－_\s]*\d{1,4}[-—–－_\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

interface Para {
  text: string;
  /** Whether the paragraph may continue on the next line (its last line ran to the right margin). */
  open: boolean;
}

/** All pages → blocks, in reading order. */
export function pagesToBlocks(pages: readonly PdfPageContent[]): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let para: Para | null = null;
  const flush = () => {
    if (para?.text) blocks.push({ kind: 'p', text: para.text });
    para = null;
  };
  for (const page of pages) {
    const items = splitItems(page.texts);
    const { h, v } = rulesOf(page.segments);
    const tables = frames(h, v).sort((a, b) => b.y1 - a.y1);
    const taken = new Set<PdfText>();
    const built = tables.map((f) => ({ top: f.y1, rows: buildTable(f, items, taken) }));
    const rest = items.filter((t) => !taken.has(t));
    const textLines = lines(rest).filter((l) => {
      const y = l[0]!.y;
      const nearEdge = y < page.height * 0.12 || y > page.height * 0.88;
      return !(nearEdge && PAGE_NUMBER.test(lineText(l).trim()));
    });
    const left = Math.min(...textLines.map((l) => l[0]!.x));
    const right = Math.max(...textLines.map((l) => l[l.length - 1]!.x + l[l.length - 1]!.w));
    let ti = 0;
    let prevY: number | null = null;
    for (const l of textLines) {
      const y = l[0]!.y;
      while (ti < built.length && built[ti]!.top > y) {
        flush();
        blocks.push({ kind: 'table', rows: built[ti]!.rows });
        ti++;
        prevY = null;
      }
      const size = Math.max(...l.map((t) => t.size));
      const text = lineText(l);
      const last = l[l.length - 1]!;
      const indented =
        l[0]!.x - left > size * 1.2 || /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(text);
      const gap = prevY !== null && prevY - y > size * 2.2;
      const cur = para as Para | null;
      if (cur && cur.open && !indented && !gap)
        cur.text += ascii(cur.text[cur.text.length - 1]) && ascii(text[0]) ? ` ${text}` : text;
      else {
        flush();
        para = { text, open: true };
      }
      // A line that stops well short of the margin ends its paragraph (a number or a word that did not
      // fit moves whole to the next line, so "short" allows a few characters).
      para!.open = last.x + last.w >= right - size * 4;
      prevY = y;
    }
    for (; ti < built.length; ti++) {
      flush();
      blocks.push({ kind: 'table', rows: built[ti]!.rows });
    }
  }
  flush();
  return blocks;
}

/** Characters of text on the pages (a scanned PDF has next to none). */
export function textLength(pages: readonly PdfPageContent[]): number {
  let n = 0;
  for (const p of pages) for (const t of p.texts) n += t.str.replace(/\s+/g, '').length;
  return n;
}
