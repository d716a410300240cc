// Expanding a <table> into a grid the way the HTML table algorithm does (rowspan/colspan, rowspan="0",
// bogus values), reading attributes only: linkedom has no table.rows / cells / colSpan.

export interface GridCell {
  el: Element;
  /** Row and column where the cell starts. */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface Grid {
  table: Element;
  rows: Element[];
  /** grid[r][c] = the cell covering that slot (undefined for holes). */
  cells: (GridCell | undefined)[][];
  width: number;
  /** Grid slots the spans cover (what expanding it cost). */
  slots?: number;
}

/** Slots one table may expand to. The report tables need about 1,500 (table 三: 28 rows × 10 columns). */
export const MAX_TABLE_SLOTS = 50_000;

/** Spans may cover at most this many slots per cell of the table (plus a margin): real tables ≈ 1.2. */
const SLOTS_PER_CELL = 8;
const SLOT_MARGIN = 5_000;

const MAX_COLSPAN = 1000; // HTML caps colspan at 1000 and rowspan at 65534
const MAX_ROWSPAN = 65534;

function spanAttr(el: Element, name: string, dflt: number, max: number): number {
  const v = el.getAttribute(name);
  if (v === null) return dflt;
  const n = parseInt(v.trim(), 10);
  if (!Number.isFinite(n) || n < 0) return dflt;
  return Math.min(n, max);
}

/**
 * `el` is a `<tag>` (`tag` in lower case). A lower-case localName (every element of an HTML document) answers
 * alone; only another (an XML document's `<TD>`) asks the tagName too.
 */
function isTag(el: Element, tag: string): boolean {
  const name = el.localName;
  if (name === tag) return true;
  return typeof name === 'string' && name === name.toLowerCase() ? false : el.tagName === tag.toUpperCase();
}

/** The <tr> elements of a table in document order (direct, or in thead/tbody/tfoot), not nested tables'. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    if (isTag(child, 'tr')) rows.push(child);
    else if (isTag(child, 'tbody') || isTag(child, 'thead') || isTag(child, 'tfoot')) {
      for (const tr of Array.from(child.children)) if (isTag(tr, 'tr')) rows.push(tr);
    }
  }
  return rows;
}

/** Thrown when a table would need more grid slots than any real report has (hostile or broken spans). */
export class TableTooLargeError extends Error {
  constructor(readonly slots: number) {
    super(`table too large: more than ${slots} grid slots`);
  }
}

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/**
 * A cell or row that is not shown: the `hidden` attribute, or an inline display:none / visibility:hidden
 * (CMS print templates leave hidden duplicate cells). In the browser the caller may add the computed style.
 */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

export type HiddenTest = (el: Element) => boolean;

interface Span {
  el: Element;
  colspan: number;
  /** Clipped at the last row (rowspan="0" already resolved). */
  rowspan: number;
}

export function expandTable(table: Element, maxSlots = MAX_TABLE_SLOTS, hidden: HiddenTest = isHiddenByMarkup): Grid {
  // A hidden row or cell takes no place in the grid: the browser lays the table out without it.
  const rows = tableRows(table).filter((tr) => !hidden(tr));
  // Count first (attributes only), expand after: a table whose spans blow up (100 cells of colspan 1000 ×
  // rowspan 400 blocked the page for 1.5 s) is refused before a single slot is written.
  // Each row's cells with their spans, read once for the count and the expansion.
  const spans: Span[][] = [];
  let cost = 0;
  let count = 0;
  for (let r = 0; r < rows.length; r++) {
    const list: Span[] = [];
    for (const el of Array.from(rows[r]!.children)) {
      if (!isTag(el, 'td') && !isTag(el, 'th')) continue;
      count++;
      const colspan = Math.max(1, spanAttr(el, 'colspan', 1, MAX_COLSPAN));
      let rowspan = spanAttr(el, 'rowspan', 1, MAX_ROWSPAN);
      // rowspan="0" spans to the end of the section; any span is clipped at the last row.
      if (rowspan === 0 || r + rowspan > rows.length) rowspan = rows.length - r;
      cost += rowspan * colspan;
      list.push({ el, colspan, rowspan });
    }
    spans.push(list);
    if (cost > maxSlots) throw new TableTooLargeError(maxSlots);
  }
  if (cost > SLOTS_PER_CELL * count + SLOT_MARGIN) throw new TableTooLargeError(SLOTS_PER_CELL * count + SLOT_MARGIN);
  let slots = 0;
  const cells: (GridCell | undefined)[][] = rows.map(() => []);
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const line = cells[r]!;
    let c = 0;
    for (const { el, colspan, rowspan } of spans[r]!) {
      if (hidden(el)) continue;
      while (line[c]) c++;
      slots += rowspan * colspan;
      if (slots > maxSlots) throw new TableTooLargeError(maxSlots);
      const cell: GridCell = { el, row: r, col: c, rowspan, colspan };
      for (let dr = 0; dr < rowspan; dr++) {
        const target = cells[r + dr]!;
        for (let dc = 0; dc < colspan; dc++) target[c + dc] = cell;
      }
      c += colspan;
      if (c > width) width = c;
    }
  }
  return { table, rows, cells, width, slots };
}
