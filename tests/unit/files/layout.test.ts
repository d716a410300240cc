// The two readers' shape rules on hand-made input: DOCX gridSpan/vMerge → colspan/rowspan exactly; PDF
// rules → cells with their spans, a label printed one character per line, wrapped labels, a table cut by a
// page break, page numbers dropped.
import { describe, expect, it } from 'vitest';
import { documentXmlToBlocks } from '../../../lib/files/docx';
import { pagesToBlocks, type PdfPageContent, type PdfSegment, type PdfText } from '../../../lib/files/pdf-layout';
import { documentHtml, esc } from '../../../lib/files/html';

const W = (body: string) => `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (t: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(t)}</w:tc>`;

describe('DOCX', () => {
  it('gridSpan is colspan, vMerge restart/continue is rowspan, paragraphs stay paragraphs', () => {
    const xml = W(
      p('某某局2024年政府信息公开工作年度报告') +
        `<w:tbl><w:tr>${tc('组', '<w:vMerge w:val="restart"/>')}${tc('表头', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('', '<w:vMerge/>')}${tc('1')}${tc('2')}</w:tr>` +
        `<w:tr>${tc('', '<w:vMerge w:val="continue"/>')}${tc('3')}${tc('')}</w:tr></w:tbl>` +
        p('A &amp; B &lt;x&gt;'),
    );
    expect(documentXmlToBlocks(xml)).toEqual([
      { kind: 'p', text: '某某局2024年政府信息公开工作年度报告' },
      {
        kind: 'table',
        rows: [
          [
            { text: '组', colspan: 1, rowspan: 3 },
            { text: '表头', colspan: 2, rowspan: 1 },
          ],
          [
            { text: '1', colspan: 1, rowspan: 1 },
            { text: '2', colspan: 1, rowspan: 1 },
          ],
          [
            { text: '3', colspan: 1, rowspan: 1 },
            { text: '', colspan: 1, rowspan: 1 },
          ],
        ],
      },
      { kind: 'p', text: 'A & B <x>' },
    ]);
  });
  it('text from the file is only ever text in the rebuilt HTML', () => {
    const html = documentHtml([
      { kind: 'p', text: '<img src=x onerror=alert(1)>' },
      { kind: 'table', rows: [[{ text: '<script>x</script>' }]] },
    ]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain(esc('<img src=x onerror=alert(1)>'));
  });
});

/** A ruled grid: rows top→bottom at ys, columns at xs; `open` lists [row, col] slots merged with the slot below / right. */
function grid(
  ys: number[],
  xs: number[],
  mergeDown: [number, number][] = [],
  mergeRight: [number, number][] = [],
): PdfSegment[] {
  const segs: PdfSegment[] = [];
  for (let r = 0; r < ys.length; r++) {
    for (let c = 0; c < xs.length - 1; c++) {
      if (r > 0 && r < ys.length - 1 && mergeDown.some(([mr, mc]) => mr === r - 1 && mc === c)) continue;
      segs.push({ x0: xs[c]!, x1: xs[c + 1]!, y0: ys[r]! - 0.3, y1: ys[r]! + 0.3 });
    }
  }
  for (let c = 0; c < xs.length; c++) {
    for (let r = 0; r < ys.length - 1; r++) {
      if (c > 0 && c < xs.length - 1 && mergeRight.some(([mr, mc]) => mr === r && mc === c - 1)) continue;
      segs.push({ x0: xs[c]! - 0.3, x1: xs[c]! + 0.3, y0: ys[r + 1]!, y1: ys[r]! });
    }
  }
  return segs;
}

const t = (str: string, x: number, y: number, size = 10): PdfText => ({
  str,
  x,
  y,
  w: str.length * size * (/^[\d.]+$/.test(str) ? 0.55 : 1),
  size,
});

describe('PDF layout', () => {
  it('a rowspan label printed one character per line, a wrapped label, blanks as empty cells, page numbers dropped', () => {
    // Rows at 700/680/660/640; columns 100 | 130 | 300 | 340. Column 0 spans the three rows.
    const page: PdfPageContent = {
      width: 595,
      height: 842,
      segments: grid(
        [700, 680, 660, 640],
        [100, 130, 300, 340],
        [
          [0, 0],
          [1, 0],
        ],
      ),
      texts: [
        t('某某局2024年政府信息公开工作年度报告', 100, 760, 14),
        t('三', 110, 685),
        t('、', 110, 675),
        t('结', 110, 665),
        t('果', 110, 655),
        t('（一）予以公开', 135, 686),
        t('4', 315, 686),
        t('（二）部分公开（区分处理的，', 135, 671),
        t('只计这一情形）', 135, 663),
        t('0', 315, 667),
        t('（三）不予公开', 135, 646),
        t('- 3 -', 290, 40),
      ],
    };
    const blocks = pagesToBlocks([page]);
    expect(blocks).toEqual([
      { kind: 'p', text: '某某局2024年政府信息公开工作年度报告' },
      {
        kind: 'table',
        rows: [
          [
            { text: '三、结果', rowspan: 3, colspan: 1 },
            { text: '（一）予以公开', rowspan: 1, colspan: 1 },
            { text: '4', rowspan: 1, colspan: 1 },
          ],
          [
            { text: '（二）部分公开（区分处理的，只计这一情形）', rowspan: 1, colspan: 1 },
            { text: '0', rowspan: 1, colspan: 1 },
          ],
          [
            { text: '（三）不予公开', rowspan: 1, colspan: 1 },
            { text: '', rowspan: 1, colspan: 1 },
          ],
        ],
      },
    ]);
  });
  it('a header spanning columns is colspan; a one-column box around prose is not a table', () => {
    const page: PdfPageContent = {
      width: 595,
      height: 842,
      segments: [...grid([700, 680, 660], [100, 200, 300], [], [[0, 0]]), ...grid([600, 580, 560], [100, 500])],
      texts: [
        t('行政复议', 140, 686),
        t('1', 150, 666),
        t('2', 250, 666),
        t('第一行正文', 110, 586),
        t('第二行正文', 110, 566),
      ],
    };
    const blocks = pagesToBlocks([page]);
    expect(blocks[0]).toEqual({
      kind: 'table',
      rows: [
        [{ text: '行政复议', rowspan: 1, colspan: 2 }],
        [
          { text: '1', rowspan: 1, colspan: 1 },
          { text: '2', rowspan: 1, colspan: 1 },
        ],
      ],
    });
    expect(blocks.slice(1).every((b) => b.kind === 'p')).toBe(true);
  });
});

describe('PDF tables printed without rules', () => {
  // 10-point text; a width of 10 per CJK character and 5.5 per digit.
  const T = (str: string, x: number, y: number): PdfText => ({
    str,
    x,
    y,
    w: [...str].reduce((a, c) => a + (/[\x20-\x7e]/.test(c) ? 5.5 : 10), 0),
    size: 10,
  });
  /** A number right-aligned at `right`. */
  const R = (n: string, right: number, y: number) => T(n, right - n.length * 5.5, y);

  it('columns from right-aligned numbers, a blank kept empty, a wrapped label joined, prose and page number apart', () => {
    const texts = [
      T('二、主动公开政府信息情况', 60, 760),
      T('项目', 60, 740),
      T('本年制发', 200, 740),
      T('本年废止', 280, 740),
      T('现行有效', 360, 740),
      T('规章', 60, 720),
      R('12', 240, 720),
      R('3', 320, 720),
      R('1,024', 400, 720),
      // A label that wraps onto a second line, its numbers on the first.
      T('行政规范性文件（含', 60, 700),
      R('7', 240, 700),
      // the 本年废止 cell is blank
      R('88', 400, 700),
      T('部门文件）', 60, 686),
      T('其他', 60, 666),
      R('0', 240, 666),
      R('0', 320, 666),
      R('0', 400, 666),
      // Prose with numbers in it is not a row: the runs touch.
      T('全年共受理申请', 60, 630),
      T('189', 130, 630),
      T('件，办结', 146.5, 630),
      T('176', 186.5, 630),
      T('件。', 203, 630),
      T('- 3 -', 290, 40),
    ];
    const blocks = pagesToBlocks([{ width: 595, height: 842, texts, segments: [] }]);
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const rows = (tables[0] as { rows: { text: string }[][] }).rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      ['项目', '本年制发', '本年废止', '现行有效'],
      ['规章', '12', '3', '1,024'],
      ['行政规范性文件（含部门文件）', '7', '', '88'],
      ['其他', '0', '0', '0'],
    ]);
    const paras = blocks.filter((b) => b.kind === 'p').map((b) => (b as { text: string }).text);
    expect(paras).toEqual(['二、主动公开政府信息情况', '全年共受理申请189件，办结176件。']);
  });

  it('a side label printed one character per line spans the rows it runs along', () => {
    const texts: PdfText[] = [T('合计', 60, 760), R('5', 260, 760), R('6', 320, 760)];
    const chars = '办理结果'.split('');
    for (let k = 0; k < 4; k++) {
      texts.push(T(chars[k]!, 60, 740 - k * 20), T(`项${k + 1}`, 90, 740 - k * 20));
      texts.push(R(String(k), 260, 740 - k * 20), R(String(k + 1), 320, 740 - k * 20));
    }
    const blocks = pagesToBlocks([{ width: 595, height: 842, texts, segments: [] }]);
    const rows = (blocks.find((b) => b.kind === 'table') as { rows: { text: string; rowspan?: number }[][] }).rows;
    expect(rows[1]![0]).toEqual({ text: '办理结果', rowspan: 4 });
    expect(rows.slice(1).map((r) => r.slice(-3).map((c) => c.text))).toEqual([
      ['项1', '0', '1'],
      ['项2', '1', '2'],
      ['项3', '2', '3'],
      ['项4', '3', '4'],
    ]);
  });
});
