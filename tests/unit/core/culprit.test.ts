import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../lib/check';
import { happyDoc } from '../../support/dom';
import { reportPage, type Values } from '../../support/pages';
import { seedValues } from '../../support/seeds';

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

  // A lone failing identity (each table-四 cell is in one identity only): a cell is named only when it is
  // the one value that fits, or a 总计 of 0 over filled parts.
  it('a table-四 total above its parts: any addend could be short, no cell is named, the row is', () => {
    const got = culprits({ 'review.total': 12 });
    expect(got).toEqual({ fails: ['review.sum:review'], culprits: {}, unexplained: ['review.sum:review'] });
    const r = checkDocument(happyDoc(reportPage({ ...seedValues('000'), 'review.total': 12 }))).report;
    expect(r.checks.find((c) => c.id === 'review.sum:review')!.message).toMatch(
      /这一行中有一格有误，无法判断是哪一格$/,
    );
  });
  it('a table-四 total below one part it cannot be: only the total fits', () => {
    // seed 000: 维持 6 + 纠正 0 + 其他 4 + 尚未审结 1 = 11; total 3 → no part can drop by 8 and stay ≥ 0.
    expect(culprits({ 'review.total': 3 })).toEqual({
      fails: ['review.sum:review'],
      culprits: { 'review.total': 11 },
      unexplained: [],
    });
  });
  it('a table-四 total below a part that could absorb the difference: two fits, no culprit', () => {
    // total 5: 维持 6 → 0 also fits (6 + 0 + 4 + 1 = 11 → 0 + 0 + 4 + 1 = 5).
    expect(culprits({ 'review.total': 5 })).toMatchObject({ culprits: {}, unexplained: ['review.sum:review'] });
  });
  it('a table-四 total of 0 over filled parts: the template 0 left in place', () => {
    // 维持 5 + 0 + 0 + 0 = 总计 0 (hongze-2023's 复议后起诉 row): 维持 → 0 fits too, but a total of 0 over a
    // filled part is the template's 0 never filled in.
    const page = {
      ...seedValues('000'),
      'review.upheld': 5,
      'review.other': 0,
      'review.pending': 0,
      'review.total': 0,
    };
    const r = checkDocument(happyDoc(reportPage(page))).report;
    const c = r.checks.find((x) => x.id === 'review.sum:review')!;
    expect(c.culprit).toEqual({
      field: 'review.total',
      suggested: 5,
      explains: ['review.sum:review'],
      basis: 'zero-total',
    });
  });
  it('a table-三 row sum failing alone (its columns pass) names no cell', () => {
    // 总计 of a row off by one while every column still adds up cannot happen with one wrong cell; the row
    // and the column sums disagree about which cell to move, so nothing is named.
    const got = culprits({
      'apply.granted.natural_person': 51,
      'apply.granted.commercial': 3,
      'apply.granted.total': 55,
    });
    expect(got.culprits).toEqual({});
  });
});
