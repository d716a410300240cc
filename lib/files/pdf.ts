// PDF → page content (text items with positions, drawn segments) with pdf.js. The pdf.js module is passed
// in: the CLI gives the Node "legacy" build, the extension's report view the browser build with its bundled
// worker. Nothing here runs in the content script or the in-page engine.

import type * as PdfJs from 'pdfjs-dist';
import { FileReadError } from './errors';
import { t } from '../i18n';
import { pagesToBlocks, textLength, type PdfPageContent, type PdfSegment, type PdfText } from './pdf-layout';
import type { HtmlBlock } from './html';

export type PdfJsModule = Pick<typeof PdfJs, 'getDocument' | 'OPS'>;

export const MAX_PDF_PAGES = 300;
/** The Chinese of a scanned PDF's error (FileReadError 'pdf-scanned'); code compares the error's `code`. */
export const SCANNED_MESSAGE = t('zh', 'file.pdf-scanned');

type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Axis-aligned straight segments of the paths in an operator list, in user space. */
export function segmentsOf(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  OPS: PdfJsModule['OPS'],
  page: { width: number; height: number },
): PdfSegment[] {
  const out: PdfSegment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args?.[0]) {
      stack.push(ctm);
      ctm = mul(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const buf = (args[1] as (Float32Array | null)[] | undefined)?.[0];
      if (!buf) continue;
      // One big rectangle (a frame around the page or the article) is a box, not a table's rules: tables
      // draw their rules edge by edge, and a box would swallow every table inside it.
      const mm = args[2] as ArrayLike<number> | null | undefined;
      if (mm && buf.length <= 16) {
        const p0 = [ctm[0] * mm[0]! + ctm[2] * mm[1]! + ctm[4], ctm[1] * mm[0]! + ctm[3] * mm[1]! + ctm[5]];
        const p1 = [ctm[0] * mm[2]! + ctm[2] * mm[3]! + ctm[4], ctm[1] * mm[2]! + ctm[3] * mm[3]! + ctm[5]];
        if (Math.abs(p1[0]! - p0[0]!) > page.width * 0.5 && Math.abs(p1[1]! - p0[1]!) > page.height * 0.3) continue;
      }
      let start: [number, number] | null = null;
      let cur: [number, number] | null = null;
      const seg = (a: [number, number], b: [number, number]) => {
        const x0 = Math.min(a[0], b[0]);
        const x1 = Math.max(a[0], b[0]);
        const y0 = Math.min(a[1], b[1]);
        const y1 = Math.max(a[1], b[1]);
        // Page-sized frames (backgrounds) are not table rules.
        if (x1 - x0 > page.width * 0.97 || y1 - y0 > page.height * 0.9) return;
        if (x1 - x0 <= 2.5 || y1 - y0 <= 2.5) out.push({ x0, y0, x1, y1 });
      };
      const at = (x: number, y: number): [number, number] => [
        ctm[0] * x + ctm[2] * y + ctm[4],
        ctm[1] * x + ctm[3] * y + ctm[5],
      ];
      for (let k = 0; k < buf.length;) {
        const op = buf[k++];
        if (op === 0) {
          cur = start = at(buf[k]!, buf[k + 1]!);
          k += 2;
        } else if (op === 1) {
          const p = at(buf[k]!, buf[k + 1]!);
          if (cur) seg(cur, p);
          cur = p;
          k += 2;
        } else if (op === 2) {
          cur = at(buf[k + 4]!, buf[k + 5]!);
          k += 6;
        } else if (op === 3) {
          cur = at(buf[k + 2]!, buf[k + 3]!);
          k += 4;
        } else if (op === 4) {
          if (cur && start) seg(cur, start);
          cur = start;
        } else break;
      }
    }
  }
  return out;
}

// CJK Radicals Supplement forms that stand for a simplified ideograph (no compatibility decomposition).
const SUPPLEMENT: Record<string, string> = {
  '\u2EA0': '民',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ED0': '钅',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
};

/**
 * A font subset may map a glyph to its Kangxi radical (U+2F00–U+2FDF: "⾏政许可", "⼀、") or a radical-supplement
 * form (U+2E80–U+2EFF: "⼈⺠", "部⻔") instead of the ideograph people read ("行政许可", "人民", "部门"); the
 * text layer then names no row and quotes no sentence as written. Those code points go to their ideographs;
 * nothing else is touched.
 */
export const unradical = (s: string): string =>
  s.replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));

export interface PdfRead {
  blocks: HtmlBlock[];
  pages: number;
  /** Pages read (at most MAX_PDF_PAGES). */
  pagesRead: number;
}

/** Read a PDF into blocks. Throws FileReadError (damaged, encrypted, scanned) with a message for the user. */
export async function readPdf(data: Uint8Array, pdfjs: PdfJsModule): Promise<PdfRead> {
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  // pdf.js hands the buffer to its worker (detaching it): it gets a copy, the caller keeps the bytes.
  try {
    doc = await pdfjs.getDocument({
      data: data.slice(),
      isEvalSupported: false,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException') throw new FileReadError('pdf-encrypted');
    throw new FileReadError('pdf-broken', { detail: e instanceof Error ? e.message : String(e) });
  }
  try {
    const pages: PdfPageContent[] = [];
    const n = Math.min(doc.numPages, MAX_PDF_PAGES);
    for (let i = 1; i <= n; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const size = { width: x1 - x0, height: y1 - y0 };
      const tc = await page.getTextContent();
      const texts: PdfText[] = [];
      for (const it of tc.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, c, d, e, f] = it.transform as Matrix;
        // Vertical text runs (b ≠ 0) keep their origin; their characters are joined by the cell they fall in.
        texts.push({
          str: unradical(it.str),
          x: e - x0,
          y: f - y0,
          w: it.width || Math.abs(a) * it.str.length,
          size: Math.hypot(c, d) || Math.hypot(a, b) || 10,
        });
      }
      const ops = await page.getOperatorList();
      const segments = segmentsOf(ops.fnArray, ops.argsArray, pdfjs.OPS, size).map((s) => ({
        x0: s.x0 - x0,
        x1: s.x1 - x0,
        y0: s.y0 - y0,
        y1: s.y1 - y0,
      }));
      pages.push({ ...size, texts, segments });
      page.cleanup();
    }
    if (textLength(pages) < Math.max(20, pages.length * 5)) throw new FileReadError('pdf-scanned');
    return { blocks: pagesToBlocks(pages), pages: doc.numPages, pagesRead: n };
  } finally {
    void doc.destroy();
  }
}
