// English mode names everything in English (issue #11 item 8): every row and column of every table of every
// format has an English name (lib/schema), so a finding, a tooltip, a cell list or a grid header never falls
// back to the report's Chinese words in English mode.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../lib/check';
import { findingsOf } from '../../lib/flags/findings';
import { FlagStore } from '../../lib/flags/store';
import { FLAG_KEY_PREFIX, type Flag } from '../../lib/flags/model';
import { validateFlag } from '../../lib/flags/validate';
import { memoryArea } from '../../lib/ext/tabs';
import { feedbackText, itemsFromFlags } from '../../lib/feedback';
import { flagsToCsv } from '../../lib/export/csv';
import { renderCheck, renderClaim, renderFlag } from '../../lib/rules/render';
import type { Report } from '../../lib/types';
import { linkeDoc } from '../support/dom';
import { FORMATS, activeFieldsOf, applyFieldsOf, formatName } from '../../lib/schema/formats';
import { fieldName, fieldPlace } from '../../lib/schema/fields';
import { REVIEW_GROUPS, REVIEW_KEYS } from '../../lib/schema/review';
import { TABLE_KEYS, tableName } from '../../lib/schema/tables';
import { cellInWords } from '../../lib/rules/render';
import { checkTitle, fieldInWords } from '../../lib/export/labels';

const CJK = /[\u4e00-\u9fff]/;
const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const fixture = (name: string): Report =>
  checkDocument(linkeDoc(readFileSync(join(FIXTURES, name), 'utf8')), {
    url: `https://www.example.gov.cn/${name}`,
  }).report;

describe('every table, row and column has an English name', () => {
  it('every field of every format, in every form the views use', () => {
    let n = 0;
    for (const f of FORMATS) {
      for (const id of [...activeFieldsOf(f), ...applyFieldsOf(f), ...f.review.fields]) {
        const en = fieldPlace(id, 'en');
        const zh = fieldPlace(id, 'zh');
        expect(en.table, id).toBe(zh.table);
        expect(en.row, id).not.toBe('');
        expect(en.column, id).not.toBe('');
        for (const words of [en.row, en.column, fieldName(id, 'en'), cellInWords(id, 'en'), fieldInWords(id, 'en')])
          expect(words, `${id}: ${words}`).not.toMatch(CJK);
        n++;
      }
      expect(formatName(f.id, 'en')).not.toMatch(CJK);
    }
    expect(n).toBeGreaterThan(300);
    for (const g of REVIEW_GROUPS) expect(g.en).not.toMatch(CJK);
    for (const k of REVIEW_KEYS) expect(k.en).not.toMatch(CJK);
    for (const k of TABLE_KEYS)
      for (const form of ['short', 'full', 'topic'] as const) expect(tableName(k, 'en', form)).not.toMatch(CJK);
  });

  it('table 二 names its columns as FORMAT.md means them', () => {
    expect(fieldName('active.regulations.issued', 'en')).toBe('Table II regulations · issued this year');
    expect(fieldName('active.fees.amount', 'en')).toBe(
      'Table II administrative fees · fees collected this year (10,000 yuan)',
    );
    expect(fieldName('active2019.licensing.change', 'en')).toBe('Table II licensing · change this year (+/-)');
    expect(fieldName('active2019.procurement.amount', 'en')).toBe(
      'Table II central government procurement · total procurement amount',
    );
    // The Chinese stays the report's own header.
    expect(fieldName('active.regulations.issued')).toBe('表二 规章 · 本年制发件数');
  });

  it('a check on table 二 is placed in English', () => {
    const title = checkTitle('value.nonneg:active2019.licensing.prev_items', ['active2019.licensing.prev_items'], 'en');
    expect(title).not.toMatch(CJK);
    expect(title).toContain('items last year');
  });
});

describe('a flag says its finding again, in the reader’s language (renderFlag)', () => {
  const reports = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f, fixture(f)] as const);

  it('every flaggable finding of every fixture, through storage: Chinese = the core’s message, English = the report’s English', () => {
    let n = 0;
    const kinds = new Set<string>();
    for (const [name, r] of reports)
      for (const f of findingsOf(r)) {
        // As stored and read back (JSON, then the reader's validation): the parts survive.
        const raw = JSON.parse(
          JSON.stringify({
            ...f,
            v: 1,
            checkId: f.id,
            findingStatus: f.status,
            url: 'https://www.example.gov.cn/a.html',
            title: null,
            agency: null,
            year: null,
            status: 'open',
            note: '',
            createdAt: '2025-01-01T00:00:00Z',
            updatedAt: '2025-01-01T00:00:00Z',
          }),
        );
        const v = validateFlag(raw, new Date('2025-02-01T00:00:00Z'));
        expect(v.ok, `${name} ${f.id}`).toBe(true);
        const flag = (v as { flag: Flag }).flag;
        const zh = renderFlag(flag, 'zh');
        const en = renderFlag(flag, 'en');
        expect(zh.rendered, `${name} ${f.id}`).toBe(true);
        expect(zh.text, `${name} ${f.id}`).toBe(f.message);
        if (f.kind === 'check') {
          const c = r.checks.find((x) => x.id === f.id)!;
          expect(en.text, `${name} ${f.id}`).toBe(renderCheck(c, r.values, 'en').text);
          expect(en.detail).toBe(renderCheck(c, r.values, 'en').detail);
          kinds.add(`${c.rule}/${c.messageId}`);
        } else {
          const claim = r.narrative.find((x) => x.quote === f.quote && x.value === f.actual)!;
          expect(en.text, `${name} ${f.id}`).toBe(renderClaim(claim, 'en'));
          kinds.add(claim.messageId ?? '');
        }
        const raws = flag.cells.map((c) => c.raw).filter(Boolean);
        expect(
          raws.reduce((s, x) => s.split(x).join(''), en.text),
          `${name} ${f.id}: ${en.text}`,
        ).not.toMatch(CJK);
        n++;
      }
    expect(n).toBeGreaterThan(60);
    for (const k of ['apply.row-sum/apply.row-sum.fail', 'apply.row-sum/identity.total-blank', 'narrative.mismatch'])
      expect([...kinds], k).toContain(k);
  });

  it('a flag made before its parts were kept shows its saved message, and is never rewritten', async () => {
    const area = memoryArea();
    const store = new FlagStore(area, () => new Date('2025-03-01T00:00:00Z'));
    const r = fixture('error-addend.html');
    const check = r.checks.find((c) => c.status === 'fail')!;
    const got = await store.addFinding(r, check.id);
    expect(got.ok && got.flag.parts?.messageId).toBe(check.messageId);
    // An entry as an older build wrote it: no parts, no cell states.
    const key = [...area.data.keys()].find((k) => k.startsWith(FLAG_KEY_PREFIX))!;
    const { parts: _p, ...old } = area.data.get(key) as Flag;
    const oldEntry = { ...old, cells: old.cells.map(({ state: _s, ...c }) => c) };
    area.data.set(key, oldEntry);
    const loaded = await store.load();
    const flag = loaded.flags[0]!;
    expect(renderFlag(flag, 'en')).toMatchObject({ rendered: false, text: check.message });
    expect(renderFlag(flag, 'zh').text).toBe(check.message);
    expect(area.data.get(key)).toEqual(oldEntry);
  });

  it('the letter and the CSV say a flag from its parts (Chinese, the core’s words)', async () => {
    const area = memoryArea();
    const store = new FlagStore(area, () => new Date('2025-03-01T00:00:00Z'));
    const r = fixture('error-addend.html');
    for (const c of r.checks.filter((x) => x.status === 'fail')) await store.addFinding(r, c.id);
    const { flags } = await store.load();
    // A flag whose saved message is from another wording: the letter and the CSV say it as today.
    const reworded = flags.map((f) => ({ ...f, message: 'old wording' }));
    const letter = feedbackText({ agency: 'x', year: 2024, title: null, url: null }, itemsFromFlags(reworded));
    const csv = flagsToCsv(reworded);
    expect(letter).not.toContain('old wording');
    expect(csv).not.toContain('old wording');
    for (const f of flags) expect(csv).toContain(renderFlag(f, 'zh').text.split('。')[0]!);
  });
});
