// The same seeds as DOM pages (tests/fixtures/seed*.html: Word paste, nested layout tables, ruby pinyin,
// 繁體 text with pinyin, split tables …): the claims read from the page must be those read from the seed's
// text dump — same entries, values and statuses — and each one must have its Range on the page. Some pages
// carry only part of the seed's text: a text claim is required on the page when its quote is there.

import { describe, expect, it } from 'vitest';
import { checkDocument, checkText } from '../../lib/check';
import type { NarrativeClaim } from '../../lib/types';
import { normalizeProse } from '../../lib/narrative/normalize';
import { proseFromDocument } from '../../lib/narrative/prose';
import { fixtureNames, loadFixture } from '../support/fixtures';
import { readSeed } from '../support/seeds';

const key = (c: NarrativeClaim) => `${String(c.id).split(':')[1]}=${c.value}:${c.status}`;
const squash = (s: string) => normalizeProse(s).text.replace(/\s+/g, '');

// Pages built from a seed without changes to its numbers.
const pages = fixtureNames()
  .map((n) => loadFixture(n))
  .filter((f) => f.meta.seed && Object.keys(f.meta.seedChanges).length === 0);

describe('narrative claims on seed pages equal those on the seed text', () => {
  it('covers the seed pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(new Set(pages.map((f) => f.meta.seed!.slice(0, 3)))).toEqual(new Set(['000', '001', '002', '003', '004']));
  });

  it('the DOM pages show the seed findings: 003 fails 1 条 and warns on 约102条; 002 (ruby) passes 292', () => {
    const claims = (name: string) => {
      const f = loadFixture(name);
      return checkDocument(f.happy(), { url: f.meta.url }).report.narrative.map(key);
    };
    expect(claims('seed003-nested-layout')).toEqual(['text-sum=102:warn', 'apply.received=1:fail']);
    expect(claims('seed002-ruby')).toEqual(['apply.handled=292:pass', 'text-sum=292:pass']);
  });

  for (const f of pages) {
    it(`${f.name} (happy-dom, linkedom)`, () => {
      const doc = f.happy();
      const pageText = squash(proseFromDocument(doc.body, []).text);
      const fromText = checkText(readSeed(f.meta.seed!))
        .report.narrative.filter((c) => pageText.includes(squash(c.quote)))
        .map(key);
      const a = checkDocument(doc, { url: f.meta.url });
      expect(a.report.narrative.map(key)).toEqual(fromText);
      for (const c of a.report.narrative) {
        const range = a.claimRange(c);
        expect(squash(range?.toString() ?? '').replace(/,/g, ''), `${f.name} ${c.id}`).toBe(String(c.value));
      }
      expect(checkDocument(f.linkedom(), { url: f.meta.url }).report.narrative.map(key)).toEqual(fromText);
    });
  }
});
