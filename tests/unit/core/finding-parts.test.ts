// Messages in parts by their structure (lib/rules/render.ts): over every check of every fixture page, the
// subject is the rule's own, the detail and the culprit clause come apart exactly where the core joined
// them — and agree with what the old prefix-stripping regex (messageBody) gave, so views and the letter
// show the same text as before.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../lib/check';
import { messageBody } from '../../../lib/feedback';
import { checkDetail, findingParts, ruleOfCheck } from '../../../lib/rules/render';
import { linkeDoc } from '../../support/dom';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

describe('findingParts', () => {
  it('takes every fixture check message apart by its rule’s subject and its culprit', { timeout: 120_000 }, () => {
    let checks = 0;
    let culprits = 0;
    for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.html'))) {
      const report = checkDocument(linkeDoc(readFileSync(join(FIXTURES, f), 'utf8'))).report;
      for (const c of report.checks) {
        const p = findingParts({ checkId: c.id, message: c.message, culprit: c.culprit });
        expect(ruleOfCheck(c.id)?.id, c.id).toBe(c.rule);
        expect(p.subject, c.id).not.toBeNull();
        expect([p.subject, '：', p.detail, p.culprit ? `。${p.culprit}` : ''].join(''), c.id).toBe(c.message);
        expect(!!p.culprit, c.id).toBe(!!c.culprit);
        expect(p.detail, `${f} ${c.id}`).toBe(messageBody(c.message));
        checks++;
        if (p.culprit) culprits++;
      }
    }
    expect(checks).toBeGreaterThan(1000);
    expect(culprits).toBeGreaterThan(5);
  });

  it('leaves a message it cannot place whole', () => {
    expect(findingParts({ checkId: 'narrative:apply.new:12', message: '正文写 5 件，表中为 6 件' })).toEqual({
      subject: null,
      detail: '正文写 5 件，表中为 6 件',
      culprit: null,
    });
  });
});

describe('checkDetail', () => {
  const page = (name: string) => checkDocument(linkeDoc(readFileSync(join(FIXTURES, name), 'utf8'))).report;

  it('renders English from the check’s numbers and the report’s words, Chinese as the core wrote it', () => {
    const report = page('error-row-total.html');
    const failing = report.checks.filter((c) => c.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const c of failing) {
      const en = checkDetail(c, report.values, 'en');
      // lib/rules/render.ts: the checked cell is named by the subject (renderCheck), the detail is the arithmetic.
      expect(en, c.id).toMatch(/^(the row total|\(7\) Total|the total) should be \d+,? \(?.+\); the table shows \d+$/);
      expect(en).toContain(`should be ${c.expected}`);
      expect(en).toContain(`the table shows ${c.actual}`);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/); // apply/review rows and columns have English names
      expect(checkDetail(c, report.values, 'zh')).toBe(
        findingParts({ checkId: c.id, message: c.message, culprit: c.culprit }).detail,
      );
    }
  });

  it('says why a check is undecided, naming the cells', () => {
    const report = page('blanks.html');
    const undecided = report.checks.filter((c) => c.status === 'uncertain');
    expect(undecided.length).toBeGreaterThan(0);
    for (const c of undecided) expect(checkDetail(c, report.values, 'en'), c.id).toMatch(/^cannot be checked: /);
  });
});
