// Where our labels go: beside the numbers, never over them (issue #11). Each marked cell gets one label
// (a 12 px icon, or the culprit's "✎ 应为 N" badge); it is put in the first free place among: the
// cell's own padding right or left of its text, above or below its text, across the cell's top
// corners (over the grid lines), then the gutters left and right of the table. "Free" means it meets
// no text rectangle of the table (every cell's Range.getClientRects) and no label already placed.
// Nothing is written to the page: the labels are drawn in our shadow layer at these positions.
// Pure: boxes in, positions out; unit-tested without a browser, measured in Chromium by the e2e suite.
import type { Box } from './types';

export interface LabelRequest {
  key: string;
  w: number;
  h: number;
  /** The marked cell's border box. */
  cell: Box;
  /** The union of the cell's text rectangles (null when the cell shows no text). */
  text: Box | null;
  /** The table's border box (for the gutters). */
  table: Box;
}

const GAP = 2;

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function candidates(r: LabelRequest): Box[] {
  const { cell, text, w, h, table } = r;
  const t = text ?? { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2, w: 0, h: 0 };
  const midY = Math.max(cell.y + 1, Math.min(t.y + (t.h - h) / 2, cell.y + cell.h - h - 1));
  const out: Box[] = [
    // Inside the cell, in its padding: right of the text, left of the text, above, below.
    { x: cell.x + cell.w - w - GAP, y: midY, w, h },
    { x: cell.x + GAP, y: midY, w, h },
    { x: cell.x + cell.w - w - GAP, y: cell.y + 1, w, h },
    { x: cell.x + cell.w - w - GAP, y: cell.y + cell.h - h - 1, w, h },
    { x: cell.x + GAP, y: cell.y + 1, w, h },
    // Across the top corners and the top edge (over the grid lines, between the rows' texts).
    { x: cell.x + cell.w - w / 2, y: cell.y - h / 2, w, h },
    { x: cell.x - w / 2, y: cell.y - h / 2, w, h },
    { x: cell.x + cell.w - w, y: cell.y - h / 2, w, h },
    { x: cell.x + cell.w - w / 2, y: cell.y + cell.h - h / 2, w, h },
  ];
  // The gutters beside the table, at the cell's height: right, then left (if on the page).
  out.push({ x: table.x + table.w + GAP + 2, y: midY, w, h });
  if (table.x - w - GAP - 2 >= 0) out.push({ x: table.x - w - GAP - 2, y: midY, w, h });
  return out;
}

/**
 * Positions for the labels. A label with no free place is left out (its cell keeps its outline and its
 * focusable button; the tooltip says the same): a label never covers a number.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  maxX = Infinity,
): Map<string, Box> {
  const placed = new Map<string, Box>();
  const taken: Box[] = [];
  for (const r of requests) {
    for (const c of candidates(r)) {
      if (c.x < 0 || c.y < 0 || c.x + c.w > maxX) continue;
      if (obstacles.some((o) => intersects(c, o))) continue;
      if (taken.some((o) => intersects(c, o))) continue;
      placed.set(r.key, c);
      taken.push(c);
      break;
    }
  }
  return placed;
}

/** Width of a one-line label at 11 px (Han and full-width ≈ 11 px, the rest ≈ 6.5 px) plus padding. */
export function labelWidth(text: string, padding = 10): number {
  let w = padding;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef\u2190-\u2bff]/.test(ch) ? 11 : 6.5;
  return Math.ceil(w);
}

/**
 * Where a table's summary chip goes: above the table at its right, then at its left, then in the gutters
 * beside its top — the first place that meets no text (the heading above, the header row) and stays on
 * the page. Null when there is none: the caller shows the compact chip, or nothing.
 */
export function placeChip(
  size: { w: number; h: number },
  table: Box,
  obstacles: readonly Box[],
  maxX: number,
): Box | null {
  const { w, h } = size;
  // 2 px clear of the table: a collapsed border sticks out of the table's box by half its width.
  const cands: Box[] = [
    { x: table.x + table.w - w, y: table.y - h - 2, w, h },
    { x: table.x, y: table.y - h - 2, w, h },
    { x: table.x + table.w + 4, y: table.y, w, h },
    { x: table.x - w - 4, y: table.y, w, h },
  ];
  for (const c of cands) {
    if (c.x < 0 || c.y < 0 || c.x + c.w > maxX) continue;
    if (obstacles.some((o) => intersects(c, o))) continue;
    return c;
  }
  return null;
}

/**
 * Where a tooltip goes: never over `avoid` (the marked cell and its neighbours' text, or the number in the
 * text and its line), so the reader sees the numbers it talks about. Tried in order: below, above, right,
 * left of `avoid`, each kept inside the visible part of the page (`view`, document coordinates, minus the
 * navigator bar). `keepClear` is what it should leave visible too when it can — our table chips, the
 * table's header row and the heading above it: the first place clear of both wins; else the place inside
 * the view that covers least of `keepClear`; when none fits the view, below `avoid` (the page scrolls) —
 * still clear of it.
 */
export function placeTooltip(
  size: { w: number; h: number },
  anchor: Box,
  avoid: Box,
  view: Box,
  keepClear: readonly Box[] = [],
): Box {
  const { w, h } = size;
  const M = 8;
  const clampX = (x: number) => Math.max(view.x + M, Math.min(x, view.x + view.w - w - M));
  const clampY = (y: number) => Math.max(view.y + M, Math.min(y, view.y + view.h - h - M));
  const below: Box = { x: clampX(anchor.x), y: avoid.y + avoid.h + 4, w, h };
  const cands: Box[] = [
    below,
    { x: clampX(anchor.x), y: avoid.y - h - 4, w, h },
    { x: avoid.x + avoid.w + 4, y: clampY(anchor.y), w, h },
    { x: avoid.x - w - 4, y: clampY(anchor.y), w, h },
    // Beside, level with the bottom of `avoid` (a tall tooltip beside a top row reaches down, not up).
    { x: avoid.x + avoid.w + 4, y: clampY(avoid.y + avoid.h - h), w, h },
    { x: avoid.x - w - 4, y: clampY(avoid.y + avoid.h - h), w, h },
  ];
  const inside = (b: Box) =>
    b.x >= view.x + M - 0.5 &&
    b.y >= view.y + M - 0.5 &&
    b.x + b.w <= view.x + view.w - M + 0.5 &&
    b.y + b.h <= view.y + view.h - M + 0.5;
  const fits = cands.filter((c) => inside(c) && !intersects(c, avoid));
  if (!fits.length) return below;
  const covered = (c: Box) => keepClear.reduce((sum, k) => sum + overlapArea(c, k), 0);
  const clear = fits.find((c) => covered(c) === 0);
  if (clear) return clear;
  // Each of those meets the chip or the header: the same rows and columns slid along the window's edges
  // and the other side of the cell, nearest to the cell first.
  const ys = [below.y, avoid.y - h - 4, clampY(anchor.y), clampY(avoid.y + avoid.h - h)];
  const xs = [
    clampX(anchor.x),
    clampX(avoid.x + avoid.w - w),
    avoid.x + avoid.w + 4,
    avoid.x - w - 4,
    view.x + M,
    view.x + view.w - w - M,
  ];
  const cx = anchor.x + anchor.w / 2;
  const cy = anchor.y + anchor.h / 2;
  const far = (c: Box) => Math.hypot(c.x + c.w / 2 - cx, c.y + c.h / 2 - cy);
  const more = ys
    .flatMap((y) => xs.map((x) => ({ x, y, w, h })))
    .filter((c) => inside(c) && !intersects(c, avoid))
    .sort((a, b) => far(a) - far(b));
  const slid = more.find((c) => covered(c) === 0);
  if (slid) return slid;
  let best = fits[0]!;
  let least = covered(best);
  for (const c of fits.slice(1)) {
    const a = covered(c);
    if (a < least) [best, least] = [c, a];
  }
  return best;
}

/** Area of the intersection of two boxes (0 when they do not meet). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function unionBox(bs: readonly Box[]): Box | null {
  if (!bs.length) return null;
  const x = Math.min(...bs.map((b) => b.x));
  const y = Math.min(...bs.map((b) => b.y));
  return { x, y, w: Math.max(...bs.map((b) => b.x + b.w)) - x, h: Math.max(...bs.map((b) => b.y + b.h)) - y };
}
