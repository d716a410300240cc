// DOM → logical rows. Only "leaf" tables are read: a table that contains another table is page layout
// (seed 003's site wraps the report in layout tables). Cell text skips <rt>/<rp> (ruby pinyin) and
// script-like elements, so `<ruby>號<rt>hào</rt></ruby>` reads 號.

import { collapse } from '../normalize/text';
import {
  expandTable,
  isHiddenByMarkup,
  MAX_TABLE_SLOTS,
  TableTooLargeError,
  tableRows,
  type Grid,
  type HiddenTest,
} from './grid';
import { labelCell, valueCell, type LogicalRow, type ValueCell } from './rows';
import { drainSteps } from '../steps';

const SKIP = new Set(['rt', 'rp', 'script', 'style', 'template', 'noscript']);

function walkText(node: Node, out: string[]): void {
  for (let n = node.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) out.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const name = (n as Element).localName;
      if (SKIP.has(name)) continue;
      if ((n as Element).hasAttribute('style') || (n as Element).hasAttribute('hidden')) {
        if (isHiddenByMarkup(n as Element)) continue;
      }
      if (name === 'br' || name === 'p' || name === 'div') out.push(' ');
      walkText(n, out);
    }
  }
}

/** The visible text of a cell, whitespace collapsed. Word-pasted "<p><span>…</span></p>" reads as its text. */
export function cellText(el: Element): string {
  if (!el.firstElementChild) return collapse(el.textContent ?? '');
  const out: string[] = [];
  walkText(el, out);
  return collapse(out.join(''));
}

export interface Scan {
  /** Every <table> under the root, in document order. */
  tables: Element[];
  /** Content of title-like <meta>s (ArticleTitle, og:title). */
  metas: string[];
  /** Text of h1–h3, in document order. */
  headings: string[];
  /** Content of `<meta name="ContentSource">` (the publishing body, on gov.cn CMS pages). */
  sources?: string[];
}

/**
 * One pass over the elements under `root` (a TreeWalker: native in browsers, and the cheapest walk in
 * linkedom — its querySelectorAll / getElementsByTagName each walk the whole tree again).
 */
export function scanElements(doc: Document, root: Element): Scan {
  return drainSteps(scanElementsSteps(doc, root));
}

/** Elements walked between two yields of the stepped readers (a few ms of work in a browser). */
export const STEP_NODES = 4000;

/** What a `<meta>` says, if it is one the scan keeps (a title, or the publishing body). */
function readMeta(n: Element, metas: string[], sources: string[]): void {
  if (/^(ArticleTitle|og:title)$/i.test(n.getAttribute('name') ?? n.getAttribute('property') ?? '')) {
    metas.push(n.getAttribute('content') ?? '');
  } else if (/^ContentSource$/i.test(n.getAttribute('name') ?? '')) {
    sources.push(n.getAttribute('content') ?? '');
  }
}

/**
 * The same scan through the browser's own queries (`live`: a page's DOM, where querySelectorAll matches
 * natively and only the matches reach script; a walk in script touches every element of the site's
 * chrome). Both list in document order, so the result is the walk's.
 */
export function scanElementsByQuery(root: Element): Scan {
  const metas: string[] = [];
  const sources: string[] = [];
  const all = (sel: string): Element[] => {
    const found = Array.from(root.querySelectorAll(sel));
    // querySelectorAll leaves out the root itself; the walk starts there.
    return root.matches(sel) ? [root, ...found] : found;
  };
  for (const m of all('meta')) readMeta(m, metas, sources);
  return {
    tables: all('table'),
    metas,
    headings: all('h1,h2,h3').map((h) => h.textContent ?? ''),
    sources,
  };
}

export function* scanElementsSteps(doc: Document, root: Element, live = false): Generator<void, Scan> {
  if (live && typeof root.querySelectorAll === 'function') return scanElementsByQuery(root);
  const tables: Element[] = [];
  const headings: string[] = [];
  const metas: string[] = [];
  const sources: string[] = [];
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let count = 0;
  for (let n = walker.currentNode as Element | null; n; n = walker.nextNode() as Element | null) {
    if (++count % STEP_NODES === 0) yield;
    const name = n.localName;
    if (name === 'table') tables.push(n);
    else if (name === 'h1' || name === 'h2' || name === 'h3') headings.push(n.textContent ?? '');
    else if (name === 'meta') readMeta(n, metas, sources);
  }
  return { tables, metas, headings, sources };
}

/** The report candidates among tables in document order: leaf tables (a table holding another is layout). */
export function leafTables(all: readonly Element[]): Element[] {
  // In document order a nested table comes right after the table holding it, so one contains() per table
  // tells layout tables apart.
  return all.filter((t, i) => !(all[i + 1] && t.contains(all[i + 1]!)));
}

export function gridRows(grid: Grid, tableIndex: number, texts: Map<Element, string>): LogicalRow[] {
  const out: LogicalRow[] = [];
  for (let r = 0; r < grid.cells.length; r++) {
    const line = grid.cells[r]!;
    const row: LogicalRow = { labels: [], values: [], table: tableIndex };
    // Distinct cells of the row in column order; a colspan cell appears once.
    let prev: Element | null = null;
    const distinct: { el: Element; text: string; spanned: boolean }[] = [];
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (!cell || cell.el === prev) continue;
      prev = cell.el;
      let text = texts.get(cell.el);
      if (text === undefined) {
        text = cellText(cell.el);
        texts.set(cell.el, text);
      }
      distinct.push({ el: cell.el, text, spanned: cell.row !== r });
    }
    // Values: the trailing run of number-or-blank cells that start in this row (a value spanning down
    // from an earlier row must not be counted twice). Everything before is label.
    let cut = distinct.length;
    const values: ValueCell[] = [];
    while (cut > 0) {
      const d = distinct[cut - 1]!;
      if (d.spanned) break;
      const v = valueCell(d.text, d.el);
      if (v.parsed.kind === 'text') break;
      v.table = grid.table;
      values.push(v);
      cut--;
    }
    row.values = values.reverse();
    for (let i = 0; i < cut; i++) {
      const d = distinct[i]!;
      if (d.text) row.labels.push(labelCell(d.text, d.el, undefined, d.spanned));
    }
    out.push(row);
  }
  return out;
}

// Text columns beside the data: a trailing 备注 / 说明 (a remark in some rows would end the row's run of
// values there, and the row would be lost) or a leading 序号 (its numbers are not data). Recognized by their
// header cell, the column is dropped from every row.
const TEXT_COLUMN = /^(?:备注|備註|备注说明|说明|說明|附注|附註|序号|序號|编号|編號)$/;

function textOf(el: Element, texts: Map<Element, string>): string {
  let t = texts.get(el);
  if (t === undefined) {
    t = cellText(el);
    texts.set(el, t);
  }
  return t;
}

export function dropTextColumns(grid: Grid, texts: Map<Element, string>): Grid {
  const drop: number[] = [];
  const head = Math.min(grid.cells.length, 6);
  for (let r = 0; r < head; r++) {
    for (const cell of grid.cells[r]!) {
      if (!cell || cell.row !== r || cell.colspan !== 1 || drop.includes(cell.col)) continue;
      if (TEXT_COLUMN.test(textOf(cell.el, texts).replace(/\s+/g, ''))) drop.push(cell.col);
    }
  }
  if (!drop.length) return grid;
  const cells = grid.cells.map((line) =>
    line.map((cell, c) => (cell && drop.includes(c) && cell.colspan === 1 ? undefined : cell)),
  );
  return { ...grid, cells };
}

export interface DomRows {
  rows: LogicalRow[];
  tables: Element[];
  /**
   * Tables skipped: 'too-long' (more rows than a report table has), 'page-too-large' (the page's slot budget ran
   * out: nothing after it is read) or 'error' (reading it threw).
   */
  problems: { table: Element; kind: 'too-long' | 'page-too-large' | 'error'; message: string }[];
}

// The report tables have at most ~40 rows (table 三: 25 data rows under a 3-row header). A table far
// longer is a data listing (or a hostile page), never one of them: skip it before expanding it, so a
// 10,000-row table next to a report costs almost nothing.
export const MAX_REPORT_TABLE_ROWS = 400;

/** Grid slots expanded per page, all tables together: past it the remaining tables are not read. */
export const MAX_PAGE_SLOTS = 150_000;

export function domRows(allTables: readonly Element[], hidden: HiddenTest = isHiddenByMarkup): DomRows {
  return drainSteps(domRowsSteps(allTables, hidden));
}

/** `domRows` one table per step: the in-page engine yields to the page between tables (issue #13). */
export function* domRowsSteps(
  allTables: readonly Element[],
  hidden: HiddenTest = isHiddenByMarkup,
): Generator<void, DomRows> {
  const tables = leafTables(allTables);
  const rows: LogicalRow[] = [];
  const problems: DomRows['problems'] = [];
  const texts = new Map<Element, string>();
  let budget = MAX_PAGE_SLOTS;
  let read = 0;
  let stopped = false;
  for (let i = 0; i < tables.length && !stopped; i++) {
    const t = tables[i]!;
    if (i) yield;
    const n = tableRows(t).length;
    if (n > MAX_REPORT_TABLE_ROWS) {
      problems.push({ table: t, kind: 'too-long', message: `跳过一个 ${n} 行的表格（年报统计表不会这么长）` });
      continue;
    }
    try {
      const grid = expandTable(t, Math.min(MAX_TABLE_SLOTS, budget), hidden);
      budget -= grid.slots ?? 0;
      rows.push(...gridRows(dropTextColumns(grid, texts), i, texts));
      read++;
    } catch (e) {
      if (e instanceof TableTooLargeError && budget < MAX_TABLE_SLOTS && e.slots === budget) {
        // The page as a whole is too large: say how far we got, and read nothing more.
        stopped = true;
        problems.push({
          table: t,
          kind: 'page-too-large',
          message: `页面过大，只核对了前 ${read} 个表格（共 ${tables.length} 个；表格展开后超过 ${MAX_PAGE_SLOTS} 格）`,
        });
        continue;
      }
      problems.push({ table: t, kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { rows, tables, problems };
}
