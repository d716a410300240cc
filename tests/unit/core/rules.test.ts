import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../lib/check';
import { RULES } from '../../../lib/rules';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
import { happyDoc } from '../../support/dom';
import { reportPage, type Values } from '../../support/pages';
import { seedValues } from '../../support/seeds';

function run(change: Values, base = '000') {
  const values = { ...seedValues(base), ...change };
  return checkDocument(happyDoc(reportPage(values))).report;
}
const failing = (r: ReturnType<typeof run>) =>
  r.checks
    .filter((c) => c.status === 'fail')
    .map((c) => c.id)
    .sort();
const uncertain = (r: ReturnType<typeof run>) =>
  r.checks
    .filter((c) => c.status === 'uncertain')
    .map((c) => c.id)
    .sort();
const byId = (r: ReturnType<typeof run>, id: string) => r.checks.find((c) => c.id === id)!;

describe('the rule registry', () => {
  it('is explicit and ordered, ids match files and docs', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'apply.row-sum',
      'apply.result-sum',
      'apply.balance',
      'review.sum',
      'value.count',
    ]);
  });
  it('every rule has its file lib/rules/<id>.ts and its page docs/rules/<id>.md', () => {
    for (const r of RULES) {
      expect(existsSync(join(ROOT, 'lib/rules', `${r.id}.ts`)), r.id).toBe(true);
      expect(existsSync(join(ROOT, 'docs/rules', `${r.id}.md`)), r.id).toBe(true);
    }
  });
  it('a full 2021 report has 25 + 7 + 7 + 3 = 42 identity checks, in registry order', () => {
    const r = run({});
    expect(r.checks).toHaveLength(42);
    expect(r.checks.slice(0, 25).every((c) => c.rule === 'apply.row-sum')).toBe(true);
    expect(r.checks.map((c) => c.id)).toContain('apply.row-sum:withheld.state_secret');
    expect(r.checks.map((c) => c.id).slice(-3)).toEqual([
      'review.sum:review',
      'review.sum:litigation.direct',
      'review.sum:litigation.after_review',
    ]);
  });
});

describe('apply.row-sum', () => {
  it('fails with the arithmetic spelled out', () => {
    const r = run({ 'apply.new.total': 190 });
    const c = byId(r, 'apply.row-sum:new');
    expect(c).toMatchObject({ status: 'fail', expected: 189, actual: 190, messageId: 'apply.row-sum.fail' });
    expect(c.cells[0]).toBe('apply.new.total');
    expect(c.message).toContain('本行合计应为 189（167 + 8 + 0 + 0 + 1 + 13），表中为 190');
  });
  it('a blank addend counts as 0 and is recorded', () => {
    const r = run({ 'apply.new.research': '—' });
    const c = byId(r, 'apply.row-sum:new');
    expect(c.status).toBe('pass');
    expect(c.assumedZero).toEqual(['apply.new.research']);
    expect(c.message).toContain('空白按 0 计');
    expect(r.values['apply.new.research']).toMatchObject({ value: null, blank: true, raw: '—' });
  });
  it('a blank total is uncertain, never fail; where that cell is an addend it counts as 0 (FORMAT.md §5)', () => {
    const r = run({ 'apply.granted.total': '' });
    expect(byId(r, 'apply.row-sum:granted')).toMatchObject({
      status: 'uncertain',
      messageId: 'identity.total-blank',
      actual: null,
    });
    // In the 总计 column's result sum the blank is an addend: 0 is assumed and recorded, and 128 ≠ 183.
    expect(failing(r)).toEqual(['apply.result-sum:total']);
    expect(byId(r, 'apply.result-sum:total').assumedZero).toEqual(['apply.granted.total']);
  });
  it('all addends blank is uncertain', () => {
    const blanks = Object.fromEntries(
      ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org'].map((c) => [
        `apply.partly_granted.${c}`,
        '/',
      ]),
    );
    const r = run(blanks);
    expect(byId(r, 'apply.row-sum:partly_granted')).toMatchObject({
      status: 'uncertain',
      messageId: 'identity.all-blank',
    });
  });
});

describe('apply.result-sum and apply.balance', () => {
  it('a wrong （七）总计 cell fails its row sum, column sum and balance; the culprit is that cell', () => {
    const r = run({ 'apply.total.natural_person': 160 });
    expect(failing(r)).toEqual([
      'apply.balance:natural_person',
      'apply.result-sum:natural_person',
      'apply.row-sum:total',
    ]);
    for (const id of failing(r))
      expect(byId(r, id).culprit).toMatchObject({ field: 'apply.total.natural_person', suggested: 161 });
    expect(byId(r, 'apply.balance:natural_person').message).toContain(
      '本年新收 167 + 上年结转 3 = 170，而 （七）总计 160 + 结转下年度 9 = 169，两边相差 1',
    );
  });
  it('a blank （七）总计 makes result-sum and balance uncertain', () => {
    const r = run({ 'apply.total.commercial': '' });
    expect(uncertain(r)).toEqual(['apply.balance:commercial', 'apply.result-sum:commercial']);
    // …while in the （七）总计 row's own sum it is an addend counted as 0.
    expect(failing(r)).toEqual(['apply.row-sum:total']);
  });
  it('other blanks in the balance count as 0', () => {
    const r = run({ 'apply.carried_over.research': '' });
    expect(byId(r, 'apply.balance:research')).toMatchObject({
      status: 'pass',
      assumedZero: ['apply.carried_over.research'],
    });
  });
});

describe('review.sum', () => {
  it('checks each of the three groups', () => {
    const r = run({ 'litigation.after_review.total': 2 });
    expect(failing(r)).toEqual(['review.sum:litigation.after_review']);
    const c = byId(r, 'review.sum:litigation.after_review');
    expect(c.message).toContain('总计应为 1（维持 0 + 纠正 0 + 其他 1 + 尚未审结 0），表中为 2');
    expect(c.culprit).toBeUndefined(); // one failing check: a wrong total and a wrong addend look alike
  });
});

describe('value.count', () => {
  it('a negative count fails, anchored at the cell', () => {
    const r = run({ 'apply.granted.research': -1, 'apply.granted.total': 54 });
    expect(failing(r)).toContain('value.nonneg:apply.granted.research');
  });
  it('a decimal count fails integrality', () => {
    const r = run({ 'apply.granted.research': '0.5' });
    expect(failing(r)).toContain('value.integer:apply.granted.research');
  });
  it('decimal amounts are not counts', () => {
    const r = run({ 'active.fees.amount': '2181.669177' });
    expect(failing(r)).toEqual([]);
    expect(r.values['active.fees.amount']).toMatchObject({ value: 2181.669177, decimals: 6 });
  });
});
