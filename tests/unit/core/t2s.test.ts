import { describe, expect, it } from 'vitest';
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { toSimplified } from '../../../lib/normalize/t2s';

describe('toSimplified', () => {
  it('converts exactly as opencc-js ConverterFactory([TSCharacters]) does, over the whole dictionary', () => {
    const opencc = ConverterFactory([TSCharacters]);
    const sources = TSCharacters.split('|').map((e) => e.slice(0, e.indexOf(' ')));
    const all = sources.join('');
    expect(toSimplified(all)).toBe(opencc(all));
    expect(sources.length).toBeGreaterThan(3000);
  });
  it('keeps simplified text, ASCII and mixed text as they are', () => {
    expect(toSimplified('辦理結果 (一) 123 办理结果')).toBe('办理结果 (一) 123 办理结果');
    const s = '本年新收政府信息公开申请数量';
    expect(toSimplified(s)).toBe(s);
  });
});
