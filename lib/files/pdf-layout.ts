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

/** A number as a table cell prints it (full-width digits, thousands commas, decimals, a minus). */
const NUMERIC = /^[-−－]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?$/;
const isNum = (t: PdfText) => NUMERIC.test(t.str);
/** What a table prints in a cell it leaves blank on purpose ("—", "/", "无"): a cell of its column all the same. */
const isCell = (t: PdfText) => isNum(t) || /^(?:[—–\-－―/／]+|无)$/.test(t.str.trim());

interface Line {
  y: number;
  items: PdfText[];
  size: number;
}

/** A table printed without rules, rebuilt from how its numbers line up. */
export interface LooseTable {
  top: number;
  rows: HtmlCell[][];
  /** Column anchors (x of the numbers' chosen edge) and how many header rows lead. */
  anchors: number[];
  header: number;
}

type Edge = (t: PdfText) => number;
const EDGES: Edge[] = [(t) => t.x + t.w, (t) => t.x, (t) => t.x + t.w / 2];

/** Cluster values within `tol`: the clusters' means, ascending. */
function clusters(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: { sum: number; n: number; last: number }[] = [];
  for (const v of sorted) {
    const c = out[out.length - 1];
    if (c && v - c.last <= tol) {
      c.sum += v;
      c.n++;
      c.last = v;
    } else out.push({ sum: v, n: 1, last: v });
  }
  return out.map((c) => c.sum / c.n);
}

const nearest = (anchors: readonly number[], v: number) => {
  let best = 0;
  for (let i = 1; i < anchors.length; i++) if (Math.abs(anchors[i]! - v) < Math.abs(anchors[best]! - v)) best = i;
  return best;
};

/**
 * Tables printed without ruling lines (Word→PDF exports, WPS prints of borderless tables). A table is a run of
 * lines holding numbers that line up: its columns are the clusters of the numbers' edges (right, left or centre —
 * whichever lines them up best), everything left of the first column is the row's label. A line of labels
 * alone joins the row of numbers nearest to it (a wrapped label, a group label centred over its rows); the
 * lines above the first row of numbers whose words sit over the columns are the header; a label printed one
 * character per line down the side becomes one cell spanning the rows it runs along. A blank cell stays
 * empty. The items used are added to `taken`.
 */
export function looseTables(items: readonly PdfText[], taken: Set<PdfText>): LooseTable[] {
  // Words: runs of text items that touch (a font change mid-word splits a run: "申请" + "⼈情况") are one.
  const parts = new Map<PdfText, PdfText[]>();
  const all: Line[] = lines(items.filter((t) => !taken.has(t))).map((l) => {
    const words: PdfText[] = [];
    for (const t of l) {
      const prev = words[words.length - 1];
      if (prev && !isCell(prev) && !isCell(t) && t.x - (prev.x + prev.w) < t.size * 0.12) {
        const merged = { ...prev, str: prev.str + t.str, w: t.x + t.w - prev.x };
        parts.set(merged, [...(parts.get(prev) ?? [prev]), t]);
        words[words.length - 1] = merged;
      } else words.push(t);
    }
    return { y: l.reduce((a, t) => a + t.y, 0) / l.length, items: words, size: Math.max(...l.map((t) => t.size)) };
  });
  const out: LooseTable[] = [];
  // A number in a cell stands apart (a column's gap on each side); a number in a sentence touches its words
  // ("共受理", "189", "件" printed as three runs). A line with numbers of the second kind is prose.
  const apart = (l: Line, k: number) => {
    const t = l.items[k]!;
    const prev = l.items[k - 1];
    const next = l.items[k + 1];
    const gap = t.size * 0.6;
    return (!prev || t.x - (prev.x + prev.w) >= gap) && (!next || next.x - (t.x + t.w) >= gap);
  };
  const prose = (l: Line) => l.items.some((t, k) => isNum(t) && !apart(l, k));
  const strong = (l: Line) => !prose(l) && l.items.filter(isNum).length >= 2;
  let i = 0;
  while (i < all.length) {
    if (!strong(all[i]!)) {
      i++;
      continue;
    }
    // The run of lines around this one that belong to one table.
    const size = all[i]!.size;
    const gapOk = (a: Line, b: Line) => Math.abs(a.y - b.y) <= Math.max(a.size, b.size) * 3.2;
    let numX = Math.min(...all[i]!.items.filter(isNum).map((t) => t.x));
    const labelOnly = (l: Line) => l.items.every((t) => t.x + t.w / 2 < numX - size * 0.5);
    const overNumbers = (l: Line) =>
      l.items.some((t) => t.x + t.w / 2 >= numX - size * 0.5) &&
      l.items.every((t) => t.str.length <= 16 || t.x + t.w / 2 < numX - size * 0.5);
    const body: Line[] = [all[i]!];
    let pending: Line[] = [];
    let j = i + 1;
    for (; j < all.length; j++) {
      const l = all[j]!;
      if (!gapOk(body[body.length - 1]!, l) && !(pending.length && gapOk(pending[pending.length - 1]!, l))) break;
      if (prose(l)) break;
      const nums = l.items.filter(isNum);
      if (nums.length && nums.every((t) => t.x >= numX - size * 2) && (strong(l) || overNumbers(l))) {
        numX = Math.min(numX, ...nums.map((t) => t.x));
        body.push(...pending, l);
        pending = [];
      } else if (labelOnly(l)) pending.push(l);
      else if (overNumbers(l) && all.slice(j + 1, j + 3).some((n) => n.items.some(isNum))) {
        body.push(...pending, l);
        pending = [];
      } else break;
    }
    // A label that wraps below the last row of numbers (within a line of it) is still that row's.
    const last = body[body.length - 1]!;
    for (const l of pending)
      if (last.y - l.y <= l.size * 1.6 && l.items[0]!.x > body[0]!.items[0]!.x + size) body.push(l);
    const valueLines = body.filter((l) => l.items.some(isNum));
    const strongCount = valueLines.filter(strong).length;
    if (strongCount < 2 && !valueLines.some((l) => l.items.filter(isNum).length >= 5)) {
      i = j;
      continue;
    }
    // The header: lines above whose words sit over the columns, with the label lines between them.
    const head: Line[] = [];
    let hp: Line[] = [];
    for (let k = i - 1; k >= 0; k--) {
      const l = all[k]!;
      const below = hp[hp.length - 1] ?? head[head.length - 1] ?? body[0]!;
      if (!gapOk(l, below)) break;
      if ((l.items.some(isNum) && !l.items.every(isNum)) || prose(l)) break;
      if (overNumbers(l)) {
        head.push(...hp, l);
        hp = [];
      } else if (labelOnly(l)) hp.push(l);
      else break;
    }
    head.reverse();
    const tables = buildLoose(head, body, numX, size);
    if (tables.length) {
      for (const l of [...head, ...body]) for (const t of l.items) for (const p of parts.get(t) ?? [t]) taken.add(p);
      out.push(...tables);
    }
    i = j;
  }
  return out;
}

function buildLoose(head: Line[], body: Line[], numX: number, size: number): LooseTable[] {
  const nums = body.flatMap((l) => l.items.filter(isCell));
  // The edge the numbers line up on: the one giving the fewest columns.
  const tol = Math.max(3, size * 0.6);
  let edge = EDGES[0]!;
  let anchors = clusters(nums.map(edge), tol);
  for (const e of EDGES.slice(1)) {
    const a = clusters(nums.map(e), tol);
    if (a.length < anchors.length) [edge, anchors] = [e, a];
  }
  if (anchors.length < 1 || anchors.length > 40) return [];
  // A label ends before the first column of numbers (a header word over a right-aligned column may start
  // left of its numbers, but it reaches them).
  const isLabel = (t: PdfText) => t.x + t.w <= numX + size * 0.3;
  // A label printed one character per line down the side: single characters stacked at one x.
  const left = Math.min(...[...head, ...body].flatMap((l) => l.items.map((t) => t.x)));
  const stacked = new Set<PdfText>();
  const col = body.flatMap((l) => l.items.filter((t) => isLabel(t) && Math.abs(t.x - left) <= size * 0.6));
  const singles = col.filter((t) => /^\S[、，,.．]?$/u.test(t.str.trim())).sort((a, b) => b.y - a.y);
  for (let a = 0; a < singles.length;) {
    let b = a + 1;
    while (b < singles.length && singles[b - 1]!.y - singles[b]!.y <= singles[b]!.size * 2.2) b++;
    if (b - a >= 4) for (const t of singles.slice(a, b)) stacked.add(t);
    a = b;
  }

  // Rows: each line with numbers (or words over the columns) is a row; label lines join the nearest row.
  const rowLines = body.filter((l) => l.items.some((t) => !isLabel(t)));
  if (!rowLines.length) return [];
  const rows = rowLines.map((l) => ({ y: l.y, items: [...l.items] }));
  // The usual distance between rows: a label line that far from every row is a row of its own
  // ("第二十条第（五）项"); nearer, it is a wrapped or centred label of the nearest row.
  const pitches = rowLines
    .slice(1)
    .map((l, k) => rowLines[k]!.y - l.y)
    .sort((a, b) => a - b);
  const pitch = pitches.length ? pitches[Math.floor(pitches.length / 2)]! : size * 2;
  // ("第二十条第（五）项" starts where the row labels start; a group label centred over its rows is indented.)
  const labelLeft = Math.min(
    ...rowLines.flatMap((l) => l.items.filter((t) => isLabel(t) && !stacked.has(t)).map((t) => t.x)),
  );
  const own: { y: number; items: PdfText[] }[] = [];
  for (const l of body) {
    if (rowLines.includes(l) || l.items.every((t) => stacked.has(t))) continue;
    let best = rows[0]!;
    for (const r of rows) if (Math.abs(r.y - l.y) < Math.abs(best.y - l.y)) best = r;
    if (Math.abs(best.y - l.y) >= pitch * 0.85 && l.items[0]!.x <= labelLeft + size * 0.5)
      own.push({ y: l.y, items: [...l.items] });
    else best.items.push(...l.items);
  }
  rows.push(...own);
  rows.sort((a, b) => b.y - a.y);
  const labelCells = (items: PdfText[]): string[] => {
    const ls = items.filter((t) => isLabel(t) && !stacked.has(t));
    if (!ls.length) return [];
    // Label columns: the x where label words start (a wrapped label keeps its column).
    const starts = clusters(
      ls.map((t) => t.x),
      size * 1.2,
    );
    return starts.map((x) =>
      joinLines(lines(ls.filter((t) => nearest(starts, t.x) === starts.indexOf(x))).map(lineText)),
    );
  };
  // Words over the columns (headers, a 无 or —) go by their centre between the gutters of the numbers.
  const colOf = (t: PdfText) => nearest(anchors, edge(t));
  const lefts = anchors.map(() => Infinity);
  const rights = anchors.map(() => -Infinity);
  for (const t of nums) {
    const c = colOf(t);
    lefts[c] = Math.min(lefts[c]!, t.x);
    rights[c] = Math.max(rights[c]!, t.x + t.w);
  }
  // A column no number was printed in (blank all the way down, e.g. table 四's last 总计 left empty) is
  // known by its header words alone: words over the header, clear of every column of numbers.
  const pitch0 = anchors.length > 1 ? (anchors[anchors.length - 1]! - anchors[0]!) / (anchors.length - 1) : size * 4;
  const extra = clusters(
    head
      .flatMap((l) => l.items)
      .filter((t) => !isLabel(t) && t.w < pitch0)
      .map((t) => t.x + t.w / 2)
      .filter((cx) => lefts.every((l, k) => cx < l - pitch0 * 0.4 || cx > rights[k]! + pitch0 * 0.4))
      .filter(
        (cx) =>
          cx > rights[rights.length - 1]! ||
          anchors.some(
            (_, k) => k > 0 && cx > rights[k - 1]! && cx < lefts[k]! && lefts[k]! - rights[k - 1]! > pitch0 * 1.4,
          ),
      ),
    pitch0 * 0.4,
  );
  for (const cx of extra) {
    const at = anchors.findIndex((_, k) => lefts[k]! > cx);
    const k = at < 0 ? anchors.length : at;
    anchors.splice(k, 0, cx);
    lefts.splice(k, 0, cx - pitch0 * 0.3);
    rights.splice(k, 0, cx + pitch0 * 0.3);
  }
  const gutters = anchors.slice(1).map((_, k) => (rights[k]! + lefts[k + 1]!) / 2);
  const textCol = (t: PdfText) => {
    const cx = t.x + t.w / 2;
    let c = 0;
    while (c < gutters.length && cx > gutters[c]!) c++;
    return c;
  };
  const valueCells = (items: PdfText[]): string[] => {
    const cells: PdfText[][] = Array.from({ length: anchors.length }, () => []);
    for (const t of items) if (!isLabel(t)) cells[isCell(t) ? colOf(t) : textCol(t)]!.push(t);
    return cells.map((c) => joinLines(lines(c).map(lineText)));
  };
  const built = rows.map((r) => ({ y: r.y, labels: labelCells(r.items), values: valueCells(r.items) }));
  const heads = head.map((l) => ({ y: l.y, labels: labelCells(l.items), values: valueCells(l.items) }));
  // The stacked label spans the rows it runs along.
  const stackTop = stacked.size ? Math.max(...[...stacked].map((t) => t.y)) : 0;
  const stackBottom = stacked.size ? Math.min(...[...stacked].map((t) => t.y)) : 0;
  const stackText = stacked.size
    ? [...stacked]
        .sort((a, b) => b.y - a.y)
        .map((t) => t.str.trim())
        .join('')
    : '';
  const inStack = built.map((r) => stacked.size > 0 && r.y <= stackTop + size && r.y >= stackBottom - size);
  const width = Math.max(
    0,
    ...built.map((r, k) => r.labels.length + (inStack[k] ? 1 : 0)),
    ...heads.map((h) => h.labels.length),
  );
  const line = (labels: string[], values: string[], span: number): HtmlCell[] => {
    const room = width - span;
    if (room <= 0 && !labels.length) return values.map((text) => ({ text }));
    const cells: HtmlCell[] = labels.length
      ? labels.map((text, k) => ({
          text,
          ...(k === 0 && labels.length < room ? { colspan: room - labels.length + 1 } : {}),
        }))
      : [{ text: '', ...(room > 1 ? { colspan: room } : {}) }];
    return [...cells, ...values.map((text) => ({ text }))];
  };
  // Rows in order, each a header (words only) or a row of numbers; a table printed as several small ones
  // (table 二's 第二十条 blocks, each with its 信息内容 header) splits where a header follows numbers, each
  // part as wide as the columns it uses. Rows without a number keep no trailing empty cells (those would read
  // as blank values); rows of numbers keep theirs (a blank is not a zero).
  const all = [...heads.map((h) => ({ ...h, stack: false })), ...built.map((r, k) => ({ ...r, stack: inStack[k]! }))];
  const hasNum = (v: string[]) => v.some((x) => NUMERIC.test(x));
  const parts: (typeof all)[] = [];
  let cur: typeof all = [];
  let sawNum = false;
  for (const r of all) {
    const num = hasNum(r.values);
    if (!num && sawNum && r.values.some(Boolean)) {
      // The label rows just before this header ("第二十条第（五）项") open the next part with it.
      let k = cur.length;
      while (k > 0 && !hasNum(cur[k - 1]!.values) && !cur[k - 1]!.values.some(Boolean)) k--;
      parts.push(cur.slice(0, k));
      cur = cur.slice(k);
      sawNum = false;
    }
    cur.push(r);
    sawNum ||= num;
  }
  parts.push(cur);
  const stackRows = all.filter((r) => r.stack).length;
  const tables: LooseTable[] = [];
  for (const part of parts) {
    if (!part.some((r) => hasNum(r.values))) continue;
    const used = Math.max(...part.map((r) => r.values.reduce((m, v, k) => (v ? k + 1 : m), 0)));
    const rows: HtmlCell[][] = [];
    let stackDone = false;
    for (const r of part) {
      const values = r.values.slice(0, used);
      if (!hasNum(values)) {
        while (values.length && !values[values.length - 1]) values.pop();
        if (!values.length) {
          rows.push([{ text: r.labels.join(''), ...(width + used > 1 ? { colspan: width + used } : {}) }]);
          continue;
        }
      }
      const cells = line(r.labels, values, r.stack ? 1 : 0);
      if (r.stack && !stackDone) {
        cells.unshift({ text: stackText, rowspan: stackRows });
        stackDone = true;
      }
      rows.push(cells);
    }
    tables.push({ top: part[0]!.y + size, rows, anchors: anchors.slice(0, used), header: 0 });
  }
  return tables;
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
    const built: { top: number; rows: HtmlCell[][]; loose?: LooseTable }[] = tables.map((f) => ({
      top: f.y1,
      rows: buildTable(f, items, taken),
    }));
    // Page numbers go first: a footer "- 2 -" is not a row of a table printed without rules.
    for (const l of lines(items.filter((t) => !taken.has(t)))) {
      const y = l[0]!.y;
      const nearEdge = y < page.height * 0.12 || y > page.height * 0.88;
      if (nearEdge && PAGE_NUMBER.test(lineText(l).trim())) for (const t of l) taken.add(t);
    }
    for (const t of looseTables(items, taken)) built.push({ top: t.top, rows: t.rows, loose: t });
    built.sort((a, b) => b.top - a.top);
    const rest = items.filter((t) => !taken.has(t));
    const textLines = lines(rest);
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
