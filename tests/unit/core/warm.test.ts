import { describe, expect, it } from 'vitest';
import { checkText } from '../../../lib/check';
import { warmUp } from '../../../lib/warm';
import { seedText } from '../../support/seeds';

describe('warmUp', () => {
  it('runs once without touching any page, and leaves results unchanged', () => {
    const before = checkText(seedText('000'), { now: new Date(0) }).report;
    expect(() => warmUp()).not.toThrow();
    warmUp();
    expect(checkText(seedText('000'), { now: new Date(0) }).report).toEqual(before);
  });
});
