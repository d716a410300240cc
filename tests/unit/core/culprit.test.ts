import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../lib/check';
import { happyDoc } from './dom';
import { reportPage, type Values } from './template';
import { seedValues } from './seeds';

function culprits(change: Values) {
  const r = checkDocument(happyDoc(reportPage({ ...seedValues('000'), ...change }))).report;
  const fails = r.checks.filter((c) => c.status === 'fail');
  const found = new Map(fails.filter((c) => c.culprit).map((c) => [c.culprit!.field, c.culprit!.suggested]));
  return {
    fails: fails.map((c) => c.id).sort(),
    culprits: Object.fromEntries(found),
    unexplained: fails.filter((c) => !c.culprit).map((c) => c.id),
  };
}

describe('culprit', () => {
  it('a wrong applicant cell in a result row: intersection of its row and column', () => {
    expect(culprits({ 'apply.granted.natural_person': 51 })).toEqual({
      fails: ['apply.result-sum:natural_person', 'apply.row-sum:granted'],
      culprits: { 'apply.granted.natural_person': 50 },
      unexplained: [],
    });
  });
  it('a wrong row total', () => {
    expect(culprits({ 'apply.unavailable.not_held.total': 65 })).toMatchObject({
      fails: ['apply.result-sum:total', 'apply.row-sum:unavailable.not_held'],
      culprits: { 'apply.unavailable.not_held.total': 66 },
    });
  });
  it('a wrong 本年新收 addend: its row sum and its column balance', () => {
    expect(culprits({ 'apply.new.other_org': 12 })).toMatchObject({
      fails: ['apply.balance:other_org', 'apply.row-sum:new'],
      culprits: { 'apply.new.other_org': 13 },
    });
  });
  it('the grand total', () => {
    expect(culprits({ 'apply.total.total': 184 })).toMatchObject({
      fails: ['apply.balance:total', 'apply.result-sum:total', 'apply.row-sum:total'],
      culprits: { 'apply.total.total': 183 },
    });
  });
  it('two independent errors get two culprits', () => {
    expect(culprits({ 'apply.granted.natural_person': 51, 'apply.not_processed.repeated.total': 3 })).toEqual({
      fails: [
        'apply.result-sum:natural_person',
        'apply.result-sum:total',
        'apply.row-sum:granted',
        'apply.row-sum:not_processed.repeated',
      ],
      culprits: { 'apply.granted.natural_person': 50, 'apply.not_processed.repeated.total': 2 },
      unexplained: [],
    });
  });
  it('a blank cell that should hold a number is named with the value it needs', () => {
    expect(culprits({ 'apply.granted.natural_person': '' })).toMatchObject({
      culprits: { 'apply.granted.natural_person': 50 },
    });
  });
  it('no culprit when no single cell explains the failures', () => {
    // Two cells of one row changed in opposite directions: only the two column sums fail.
    const got = culprits({ 'apply.granted.natural_person': 51, 'apply.granted.commercial': 3 });
    expect(got.fails).toEqual(['apply.result-sum:commercial', 'apply.result-sum:natural_person']);
    expect(got.culprits).toEqual({});
  });
});
