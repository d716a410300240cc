import { describe, expect, it } from 'vitest';
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import {
  T2S_ALWAYS,
  hasT2S,
  lookupPair,
  simplifyChar,
  t2sMissed,
  toSimplified,
  traditionalBits,
} from '../../../lib/normalize/t2s';
import { T2S_FROM, T2S_TO } from '../../../lib/normalize/t2s-table';
import { T2S_SET_ASTRAL, T2S_SET_BMP } from '../../../lib/normalize/t2s-set';
import { t2sPairs, t2sSet } from '../../../bench/make-t2s-table';

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

describe('the set of characters the table changes (lib/normalize/t2s-set.ts)', () => {
  it('is what the generator makes of the table (regenerate: node --import tsx bench/make-t2s-table.ts)', () => {
    expect({ bmp: T2S_SET_BMP, astral: T2S_SET_ASTRAL }).toEqual(t2sSet(T2S_FROM));
  });
  it('decodes to exactly the characters of the table: every BMP one marked, nothing else', () => {
    const bits = traditionalBits();
    const expected = new Uint8Array(bits.length);
    let astral = '';
    for (const ch of T2S_FROM) {
      const c = ch.codePointAt(0)!;
      if (c > 0xffff) astral += ch;
      else expected[c - 0x3400] = 1;
    }
    expect(Buffer.from(bits).equals(Buffer.from(expected))).toBe(true);
    expect(T2S_SET_ASTRAL).toBe(astral);
    expect(T2S_SET_BMP.length + T2S_SET_ASTRAL.length).toBeLessThan(4000);
  });
  it("the pairs the engine knows without the table (the chrome's 繁體/簡體) are the table's own", () => {
    for (const [from, to] of Object.entries(T2S_ALWAYS)) expect(lookupPair(from), from).toBe(to);
  });
  it('with the table there (every build but the in-page engine) nothing is ever missed', () => {
    expect(hasT2S()).toBe(true);
    toSimplified('政府資訊公開 𠁞');
    expect(t2sMissed()).toBe(false);
  });
});
