// DOCX (a zip of WordprocessingML) → the blocks of a rebuilt HTML document: paragraphs as <p>, w:tbl as
// <table> with w:gridSpan → colspan and w:vMerge → rowspan, exactly. The XML is read with a small tag
// scanner (only w:p, w:r, w:t, w:tab, w:br, w:tbl, w:tr, w:tc and their span properties matter), so the
// reader needs no DOM and runs the same in the CLI and the extension.

import { strFromU8, unzipSync } from 'fflate';
import { type HtmlBlock, type HtmlCell } from './html';
import { FileReadError } from './errors';

export { FileReadError } from './errors';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`${name}\\s*=\\s*"([^"]*)"|${name}\\s*=\\s*'([^']*)'`).exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : null;
}

interface Cell {
  text: string[];
  col: number;
  span: number;
  /** 'restart' | 'continue' | null */
  vmerge: string | null;
  rowspan: number;
  /** Blocks of a table nested in the cell (layout): kept, the outer cell holds only its own text. */
  nested: HtmlBlock[];
}

interface Table {
  rows: Cell[][];
  gridBefore: number;
}

/** Convert word/document.xml to blocks. Exported for tests. */
export function documentXmlToBlocks(xml: string): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  // Stack of open tables; the innermost receives cells.
  const tables: { t: Table; row: Cell[] | null; cell: Cell | null; col: number }[] = [];
  let para: string[] | null = null;
  let inText = false;
  const re = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let steps = 0;
  const emit = (b: HtmlBlock) => {
    const top = tables[tables.length - 1];
    if (top?.cell) top.cell.nested.push(b);
    else out.push(b);
  };
  while ((m = re.exec(xml))) {
    if (++steps > 5_000_000) throw new FileReadError('docx-too-large');
    if (m[6] !== undefined) {
      if (inText && para) para.push(decodeEntities(m[6]));
      continue;
    }
    const closing = m[1] === '/';
    const selfClosing = m[5] === '/';
    const ns = m[2] ?? '';
    const name = m[3]!;
    if (ns !== 'w:') continue;
    const attrs = m[4] ?? '';
    const top = tables[tables.length - 1];
    switch (name) {
      case 'p':
        if (!closing) {
          para = [];
          if (selfClosing) {
            para = null;
            if (!top?.cell) out.push({ kind: 'p', text: '' });
          }
        } else if (para) {
          const text = para.join('');
          if (top?.cell) top.cell.text.push(text);
          else out.push({ kind: 'p', text });
          para = null;
        }
        break;
      case 't':
        inText = !closing && !selfClosing;
        break;
      case 'tab':
        if (para && !closing) para.push(' ');
        break;
      case 'br':
      case 'cr':
        if (para && !closing) para.push(' ');
        break;
      case 'tbl':
        if (!closing) tables.push({ t: { rows: [], gridBefore: 0 }, row: null, cell: null, col: 0 });
        else {
          const done = tables.pop();
          if (done) emit({ kind: 'table', rows: finishTable(done.t) });
        }
        break;
      case 'tr':
        if (!top) break;
        if (!closing) {
          top.row = [];
          top.col = 0;
          top.t.rows.push(top.row);
        } else top.row = null;
        break;
      case 'gridBefore':
        if (top?.row && !top.cell) top.col += Math.max(0, Number(attr(attrs, 'w:val')) || 0);
        break;
      case 'tc':
        if (!top?.row) break;
        if (!closing) {
          top.cell = { text: [], col: top.col, span: 1, vmerge: null, rowspan: 1, nested: [] };
          top.row.push(top.cell);
          if (selfClosing) {
            top.col += 1;
            top.cell = null;
          }
        } else if (top.cell) {
          top.col += top.cell.span;
          for (const b of top.cell.nested) out.push(b);
          top.cell = null;
        }
        break;
      case 'gridSpan':
        if (top?.cell && !closing) top.cell.span = Math.max(1, Math.min(64, Number(attr(attrs, 'w:val')) || 1));
        break;
      case 'vMerge':
        if (top?.cell && !closing) top.cell.vmerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
    }
  }
  return out;
}

function finishTable(t: Table): HtmlCell[][] {
  // Continue cells add one to the rowspan of the cell above that starts at the same grid column.
  const origin = new Map<number, Cell>();
  const rows: Cell[][] = [];
  for (const row of t.rows) {
    const out: Cell[] = [];
    const seen = new Set<number>();
    for (const c of row) {
      seen.add(c.col);
      if (c.vmerge === 'continue') {
        const o = origin.get(c.col);
        if (o) {
          o.rowspan++;
          continue;
        }
      }
      origin.set(c.col, c);
      out.push(c);
    }
    for (const col of [...origin.keys()]) if (!seen.has(col)) origin.delete(col);
    rows.push(out);
  }
  return rows.map((r) =>
    r.map((c): HtmlCell => ({
      text: c.text.join(' ').replace(/\s+/g, ' ').trim(),
      colspan: c.span,
      rowspan: c.rowspan,
    })),
  );
}

export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** Read a .docx file into blocks. Throws FileReadError with a message for the user. */
export function readDocx(bytes: Uint8Array): HtmlBlock[] {
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        total += f.originalSize;
        if (total > MAX_DOCX_BYTES) throw new FileReadError('docx-too-large');
        return true;
      },
    });
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError('docx-broken');
  }
  const doc = files['word/document.xml'];
  if (!doc) throw new FileReadError('docx-no-body');
  return documentXmlToBlocks(strFromU8(doc));
}
