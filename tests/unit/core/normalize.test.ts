import { describe, expect, it } from 'vitest';
import { collapse, foldWidth, labelKey, normalizeText, stripNumbering, stripPinyin } from '../../../lib/normalize/text';
import { toSimplified, simplifyChar } from '../../../lib/normalize/t2s';
import { parseCell } from '../../../lib/normalize/number';

describe('text normalization', () => {
  it('folds full-width digits and punctuation', () => {
    expect(foldWidth('１６７（一）：，')).toBe('167(一):,');
  });
  it('strips text pinyin after Han characters only', () => {
    expect(stripPinyin('索引號(hào):')).toBe('索引號:');
    expect(stripPinyin('年度報(bào)告')).toBe('年度報告');
    expect(stripPinyin('网站(www.swchengqu.gov.cn)')).toBe('网站(www.swchengqu.gov.cn)');
    expect(stripPinyin('平台(APP)')).toBe('平台(APP)');
  });
  it('converts traditional to simplified character by character', () => {
    expect(toSimplified('辦理結果')).toBe('办理结果');
    expect(toSimplified('本年新收')).toBe('本年新收');
    expect(simplifyChar('總')).toBe('总');
    expect(simplifyChar('a')).toBe('a');
  });
  it('collapses whitespace including nbsp and ideographic space', () => {
    expect(collapse(' 结果\n\u00a0纠正\u3000 ')).toBe('结果 纠正');
  });
  it('normalizes a traditional pinyin label to the schema key', () => {
    expect(labelKey('（三）不予公開 1.屬(shǔ)於國家秘密')).toBe('(三)不予公开1.属于国家秘密');
    expect(normalizeText('結果<br>纠正'.replace('<br>', '\n'))).toBe('结果 纠正');
  });
  it('strips leading numbering of labels', () => {
    expect(stripNumbering('(七)总计')).toBe('总计');
    expect(stripNumbering('3.其他')).toBe('其他');
    expect(stripNumbering('四、结转下年度继续办理')).toBe('结转下年度继续办理');
    expect(stripNumbering('三安全一稳定')).toBe('三安全一稳定');
  });
});

describe('number parsing', () => {
  it.each([
    ['21,943', 21943, 0],
    ['１６７', 167, 0],
    ['2181.669177', 2181.669177, 6],
    ['21273.89', 21273.89, 2],
    ['0', 0, 0],
    [' 12 ', 12, 0],
    ['-3', -3, 0],
    ['－3', -3, 0],
  ])('%s → %d', (raw, value, decimals) => {
    const p = parseCell(raw);
    expect(p.kind).toBe('number');
    expect(p.value).toBe(value);
    expect(p.decimals).toBe(decimals);
  });
  it('keeps the unit written inside a cell', () => {
    expect(parseCell('251000元')).toMatchObject({ kind: 'number', value: 251000, unit: '元' });
    expect(parseCell('12件')).toMatchObject({ kind: 'number', value: 12, unit: '件' });
  });
  it.each(['', '\u00a0', '—', '-', '/', '_', '无', '——', '－'])('blank %j is blank, never 0', (raw) => {
    expect(parseCell(raw)).toMatchObject({ kind: 'blank', value: null });
  });
  it.each(['1.属于国家秘密', '第二十条第（一）项', '三安全一稳定', '2024年', '见附件', '1,2345', '12元5'])(
    'label %j is text, its digits are not read',
    (raw) => {
      expect(parseCell(raw).kind).toBe('text');
    },
  );
});
