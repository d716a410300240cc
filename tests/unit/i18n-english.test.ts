// English mode names everything in English (issue #11 item 8): every row and column of every table of every
// format has an English name (lib/schema), so a finding, a tooltip, a cell list or a grid header never falls
// back to the report's Chinese words in English mode.
import { describe, expect, it } from 'vitest';
import { FORMATS, activeFieldsOf, applyFieldsOf, formatName } from '../../lib/schema/formats';
import { fieldName, fieldPlace } from '../../lib/schema/fields';
import { REVIEW_GROUPS, REVIEW_KEYS } from '../../lib/schema/review';
import { TABLE_KEYS, tableName } from '../../lib/schema/tables';
import { cellInWords } from '../../lib/rules/render';
import { checkTitle, fieldInWords } from '../../lib/export/labels';

const CJK = /[\u4e00-\u9fff]/;

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
