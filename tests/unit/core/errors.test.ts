// "An error is a cell": groupErrors on the fixture pages that carry their own expected culprits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../lib/check';
import { errorCounts, groupErrors } from '../../../lib/errors';
import { happyDoc } from '../../support/dom';

const page = (name: string) => {
  const html = readFileSync(new URL(`../../fixtures/${name}.html`, import.meta.url), 'utf8');
  const url = /name="gouji-fixture-url" content="([^"]+)"/.exec(html)?.[1];
  return checkDocument(happyDoc(html, url), { url }).report;
};

describe('groupErrors', () => {
  it('counts one wrong addend once, with the two checks it breaks under it', () => {
    const r = page('error-addend');
    const errors = groupErrors(r);
    const failing = r.checks.filter((c) => c.status === 'fail');
    expect(failing.length).toBeGreaterThanOrEqual(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      kind: 'cell',
      field: failing[0]!.culprit!.field,
      suggested: failing[0]!.culprit!.suggested,
    });
    expect(errors[0]!.checks.sort()).toEqual(failing.map((c) => c.id).sort());
    expect(errorCounts(r)).toEqual({ errors: 1, failingChecks: failing.length, prose: 0 });
  });

  it('two independent errors are two', () => {
    const r = page('error-two');
    expect(groupErrors(r).map((e) => e.kind)).toEqual(['cell', 'cell']);
    expect(errorCounts(r).failingChecks).toBe(4);
  });

  it('a failing check without a culprit is an error of its own', () => {
    const r = page('error-review');
    const errors = groupErrors(r);
    expect(errors).toEqual([{ key: 'check:review.sum:review', kind: 'check', checks: ['review.sum:review'] }]);
  });

  it('a contradiction between text and table is an error, and comes first', () => {
    const r = page('error-addend');
    r.narrative = [
      {
        quote: '收到申请 5 件',
        value: 5,
        unit: '件',
        field: 'apply.new.total',
        status: 'fail',
        expected: 6,
        message: 'x',
        id: 'narrative:new:10',
      },
    ];
    const errors = groupErrors(r);
    expect(errors[0]).toEqual({
      key: 'prose:narrative:new:10',
      kind: 'prose',
      field: 'apply.new.total',
      checks: [],
      claim: 'narrative:new:10',
    });
    expect(errorCounts(r)).toMatchObject({ errors: 2, prose: 1 });
  });

  it('a consistent report has no errors', () => {
    expect(errorCounts(page('seed000-plain'))).toEqual({ errors: 0, failingChecks: 0, prose: 0 });
    expect(groupErrors(null)).toEqual([]);
  });
});
