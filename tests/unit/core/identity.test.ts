import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../lib/rules/identity';
import type { ValueEntry } from '../../../lib/types';
import { parseCell } from '../../../lib/normalize/number';

const vals = (o: Record<string, string>) =>
  new Map<string, ValueEntry>(
    Object.entries(o).map(([k, raw]) => {
      const p = parseCell(raw);
      return [
        k,
        {
          value: p.value,
          raw,
          ...(p.kind === 'blank' ? { blank: true } : {}),
          ...(p.decimals ? { decimals: p.decimals } : {}),
        },
      ];
    }),
  );
const spec = (amounts: boolean) => ({
  id: 't:x',
  rule: 't',
  subject: '测试',
  lhs: ['a', 'b'],
  rhs: ['t'],
  amounts,
  describe: () => 'd',
});

describe('identity evaluation', () => {
  it('amounts compare as intervals by their written decimals (XBRL Calculation 1.1)', () => {
    // 1.2 + 3.4 = 4.6 exactly; 4.6 vs a total written as 5 (±0.5) overlaps [4.5, 5.5].
    const r = evaluate(spec(true), vals({ a: '1.2', b: '3.4', t: '5' }));
    expect(r.check.status).toBe('pass');
    expect(r.check.intervals).toEqual({ expected: [4.5, 4.7], actual: [4.5, 5.5] });
    expect(r.check.message).toContain('应为 [4.5, 4.7]，表中为 [4.5, 5.5]');
    const f = evaluate(spec(true), vals({ a: '1.2', b: '3.4', t: '4.8' }));
    expect(f.check.status).toBe('fail');
    expect(f.check.intervals).toEqual({ expected: [4.5, 4.7], actual: [4.75, 4.85] });
  });
  it('counts always compare exactly, even when a cell has decimals', () => {
    const r = evaluate(spec(false), vals({ a: '12.5', b: '0', t: '12' }));
    expect(r.check.status).toBe('fail');
    expect(r.residual).toBe(0.5);
    expect(r.check.intervals).toBeUndefined();
  });
  it('a missing cell or an unreadable one is uncertain with the reason', () => {
    expect(evaluate(spec(false), vals({ a: '1', t: '1' })).check).toMatchObject({
      status: 'uncertain',
      messageId: 'identity.missing',
      expected: null,
    });
    const m = new Map<string, ValueEntry>([
      ['a', { value: 1, raw: '1' }],
      ['b', { value: null, raw: '见附件', problem: '不是数字' }],
      ['t', { value: 1, raw: '1' }],
    ]);
    expect(evaluate(spec(false), m).check).toMatchObject({ status: 'uncertain', messageId: 'identity.unreadable' });
  });
});
