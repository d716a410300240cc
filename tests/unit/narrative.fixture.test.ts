// The constructed provincial-office page (tests/fixtures/narrative-provincial.html) through the real
// pipeline: its tables are consistent, and its text quotes two 自然人 cells as if they were totals. The
// page marks the two numbers that must fail (data-expect-narrative="<entry>"); every other claim passes.

import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../lib/check';
import { fixtureNames, loadFixture } from '../support/fixtures';

const fx = loadFixture('narrative-provincial');

// Any fixture page may mark the numbers in its text that must fail: <span data-expect-narrative="<entry>">N</span>.
describe('fixtures that declare narrative failures', () => {
  const declaring = fixtureNames()
    .map((n) => loadFixture(n))
    .filter((f) => f.html.includes('data-expect-narrative'));
  it('include the provincial fixture', () => expect(declaring.map((f) => f.name)).toContain('narrative-provincial'));
  for (const f of declaring) {
    it(`${f.name}: failing claims = marked numbers, both ways`, () => {
      const doc = f.happy();
      const a = checkDocument(doc, { url: f.meta.url });
      const marked = Array.from(doc.querySelectorAll('[data-expect-narrative]'))
        .map((el) => `${el.getAttribute('data-expect-narrative')}=${(el.textContent ?? '').replace(/,/g, '')}`)
        .sort();
      const failed = a.report.narrative
        .filter((c) => c.status === 'fail')
        .map((c) => `${String(c.id).split(':')[1]}=${c.value}`)
        .sort();
      expect(failed).toEqual(marked);
    });
  }
});

describe('narrative-provincial fixture', () => {
  it('tables are consistent: every table check passes', () => {
    const { report } = checkDocument(fx.happy(), { url: fx.meta.url });
    expect(report.detected).toBe(true);
    expect(report.report.format).toBe('2021');
    expect(report.summary).toMatchObject({ checks: 42, pass: 42, fail: 0, uncertain: 0 });
  });

  for (const dom of ['happy', 'linkedom'] as const) {
    it(`fails exactly the claims the page marks, and no others (${dom})`, () => {
      const doc = fx[dom]();
      const { report } = checkDocument(doc, { url: fx.meta.url });
      const marked = Array.from(doc.querySelectorAll('[data-expect-narrative]')).map(
        (el) => `${el.getAttribute('data-expect-narrative')}=${el.textContent}`,
      );
      const failed = report.narrative
        .filter((c) => c.status === 'fail')
        .map((c) => `${String(c.id).split(':')[1]}=${c.value}`);
      expect(failed.sort()).toEqual(marked.sort());
      expect(marked).toHaveLength(2);
      expect(report.narrative.filter((c) => c.status !== 'fail').every((c) => c.status === 'pass')).toBe(true);
      // The wrong numbers are the 自然人 cells; the messages give the real totals.
      const received = report.narrative.find((c) => String(c.id).startsWith('narrative:apply.received:'))!;
      expect(report.values['apply.new.natural_person']!.value).toBe(received.value);
      expect(received).toMatchObject({ expected: 350, field: 'apply.new.total' });
      const granted = report.narrative.find((c) => String(c.id).startsWith('narrative:apply.granted:'))!;
      expect(report.values['apply.granted.natural_person']!.value).toBe(granted.value);
      expect(granted).toMatchObject({ expected: 170, message: '正文为 150 件，表三“予以公开”总计为 170' });
      // Correct restatements of every kind are there, and pass.
      const passed = new Set(
        report.narrative.filter((c) => c.status === 'pass').map((c) => String(c.id).split(':')[1]),
      );
      for (const id of [
        'apply.carried_over',
        'apply.applicant.commercial',
        'apply.partly_granted',
        'apply.withheld',
        'apply.unavailable',
        'apply.not_processed',
        'apply.handled_otherwise',
        'apply.carried_forward',
        'review.count',
        'litigation.count',
        'active.licensing',
        'active.penalty',
        'active.coercion',
        'active.normative.issued',
        'active.normative.repealed',
        'active.normative.in_force',
        'text-sum',
        'share',
      ])
        expect(passed, id).toContain(id);
    });
  }

  it('claimRange points at the number on the page, inside the marked span for the failures (happy-dom)', () => {
    const doc = fx.happy();
    const a = checkDocument(doc, { url: fx.meta.url });
    for (const c of a.report.narrative) {
      const range = a.claimRange(c);
      expect(range, c.id).not.toBeNull();
      expect(range!.toString().replace(/,/g, '')).toBe(String(c.value));
      if (c.status === 'fail') {
        const el = range!.startContainer.parentElement!;
        expect(el.getAttribute('data-expect-narrative')).toBe(String(c.id).split(':')[1]);
      }
    }
  });

  it('does not read numbers from the page script, the metadata table or the tables', () => {
    const { report } = checkDocument(fx.happy(), { url: fx.meta.url });
    expect(report.narrative.some((c) => c.value === 999)).toBe(false);
    expect(report.narrative.some((c) => c.value === 5231 && c.status === 'pass')).toBe(true);
    // 5231 appears in the text and in table 二: one claim only, from the text.
    expect(report.narrative.filter((c) => c.value === 5231)).toHaveLength(1);
  });
});
