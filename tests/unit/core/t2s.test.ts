import { describe, expect, it } from 'vitest';
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { lookupPair, simplifyChar, toSimplified } from '../../../lib/normalize/t2s';
import { T2S_FROM, T2S_TO } from '../../../lib/normalize/t2s-table';
import { t2sPairs } from '../../../bench/make-t2s-table';

describe('toSimplified', () => {
  it('converts exactly as opencc-js ConverterFactory([TSCharacters]) does, over the whole dictionary', () => {
    const opencc = ConverterFactory([TSCharacters]);
    const sources = TSCharacters.split('|').map((e) => e.slice(0, e.indexOf(' ')));
    const all = sources.join('');
    expect(toSimplified(all)).toBe(opencc(all));
    expect(sources.length).toBeGreaterThan(3000);
  });
  it('finds every pair without the Map (a page with few traditional characters never builds it)', () => {
    const from = Array.from(T2S_FROM);
    const to = Array.from(T2S_TO);
    for (let i = 0; i < from.length; i++) expect(lookupPair(from[i]!)).toBe(to[i]);
    for (const ch of ['办', 'a', '\ud840', '\udc00', '']) expect(lookupPair(ch)).toBeUndefined();
    for (let i = 0; i < from.length; i++) expect(simplifyChar(from[i]!)).toBe(to[i]);
  });
  it('keeps simplified text, ASCII and mixed text as they are', () => {
    expect(toSimplified('辦理結果 (一) 123 办理结果')).toBe('办理结果 (一) 123 办理结果');
    const s = '本年新收政府信息公开申请数量';
    expect(toSimplified(s)).toBe(s);
  });
});

describe('phrase-level 繁體 (issue #8)', () => {
  it('maps the Taiwan words real converters emit, only where the source had them, keeping offsets', () => {
    expect(toSimplified('行政規範性檔案')).toBe('行政规范性文件');
    expect(toSimplified('政府資訊公開工作年度報告')).toBe('政府信息公开工作年度报告');
    expect(toSimplified('軟體與網路')).toBe('软件与网络');
    // A simplified page's own words are left alone, even next to traditional text.
    expect(toSimplified('档案馆 規範')).toBe('档案馆 规范');
    expect(toSimplified('档案馆')).toBe('档案馆');
    for (const s of ['行政規範性檔案', '政府資訊公開']) expect(toSimplified(s)).toHaveLength(s.length);
  });
});

describe('the t2s table (lib/normalize/t2s-table.ts)', () => {
  it('is exactly the pairs of opencc-js TSCharacters that change a character (regenerate: node --import tsx bench/make-t2s-table.ts)', () => {
    const { from, to } = t2sPairs(TSCharacters);
    expect(T2S_FROM).toBe(from);
    expect(T2S_TO).toBe(to);
    expect([...T2S_FROM].length).toBe([...T2S_TO].length);
  });
});
