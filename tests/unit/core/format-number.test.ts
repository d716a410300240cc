// One number formatter (lib/i18n/number.ts) behind the rules' and the narrative's messages.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../lib/i18n/number';
import { fmt as rulesFmt } from '../../../lib/rules/identity';
import { fmt as narrativeFmt } from '../../../lib/narrative/values';

describe('formatNumber', () => {
  it('rounds floating-point noise, keeps real decimals, no grouping', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1234567)).toBe('1234567');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(0.1234567)).toBe('0.1234567'); // 1234.567 元 in 万元: seven decimals stay
    expect(formatNumber(12.5)).toBe('12.5');
  });
  it('is the formatter of the rules and of the narrative', () => {
    expect(rulesFmt).toBe(formatNumber);
    expect(narrativeFmt).toBe(formatNumber);
  });
});
