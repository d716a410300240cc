// Flattened text from PDFs: rows as "label v1 … v7" lines, page furniture inside tables, rotated labels one
// character per line. The real files are read in real-reports.test.ts; these are the shapes, made small.

import { describe, expect, it } from 'vitest';
import { isPageFurniture, textRows, tokenize } from '../../../lib/extract/text-rows';
import { checkText } from '../../../lib/check';

const shape = (text: string) => textRows(text).map((r) => [r.labels.map((l) => l.raw), r.values.map((v) => v.raw)]);

describe('text rows from PDF text', () => {
  it('splits the numbers off the end of a "label v1 … v7" line, keeping their offsets', () => {
    const text = '一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21';
    expect(shape(text)).toEqual([[['一、本年新收政府信息公开申请数量'], ['21', '0', '0', '0', '0', '0', '21']]]);
    const toks = tokenize(text);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('reads a line of numbers alone as that many cells, and keeps "12 件" as one cell', () => {
    expect(shape('3、其他\n67 3 0 0 1 0 71')).toEqual([[['3、其他'], ['67', '3', '0', '0', '1', '0', '71']]]);
    expect(shape('行政许可\n12 件')).toEqual([[['行政许可'], ['12 件']]]);
    expect(shape('行政许可 12 件')).toEqual([[['行政许可 12 件'], []]]);
  });

  it('drops page breaks and page numbers, never a cell', () => {
    for (const l of ['=====PAGE=====', '- 4 -', '－ 12 －', '第 3 页', '第3页 共5页', '3/5'])
      expect(isPageFurniture(l), l).toBe(true);
    for (const l of ['4', '- 4', '2023', '第二十条']) expect(isPageFurniture(l), l).toBe(false);
    expect(
      shape('（四）无法提供 1 0 0 0 0 0 1\n=====PAGE=====\n- 5 -\n2.没有现成信息需要另行制作 3 0 0 0 0 0 3'),
    ).toEqual([
      [['（四）无法提供'], ['1', '0', '0', '0', '0', '0', '1']],
      [['2.没有现成信息需要另行制作'], ['3', '0', '0', '0', '0', '0', '3']],
    ]);
  });

  it('prose ending in a word keeps its numbers inside the label', () => {
    expect(shape('2023 年，我区主动公开政府信息 1136 条。')).toEqual([
      [['2023 年，我区主动公开政府信息 1136 条。'], []],
    ]);
  });

  it('a table 四 whose 15 values come after the last row (the PDF shape) is read, and never throws', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 行政诉讼',
      '结果',
      '维持',
      '尚未',
      '审结 总 计',
      '未经复议直接起诉 复议后起诉',
      '10 1 0 0 0 0 0 0 0 0 5 0 0 0 0',
    ].join('\n');
    const r = checkText(`某某区人民政府2023年政府信息公开工作年度报告\n${text}`).report;
    expect(r.values['review.upheld']?.value).toBe(10);
    expect(r.values['litigation.after_review.total']?.value).toBe(0);
  });
});
