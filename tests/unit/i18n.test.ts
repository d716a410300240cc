// The one string system (lib/i18n): Chinese and English have the same keys and the same {placeholders}, no
// string is empty, and t() fills what it is given and leaves the rest visible.
import { describe, expect, it } from 'vitest';
import { CATALOG, t, type MessageKey } from '../../lib/i18n';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('lib/i18n', () => {
  const zhKeys = Object.keys(CATALOG.zh).sort();
  const enKeys = Object.keys(CATALOG.en).sort();

  it('zh and en have the same keys', () => {
    expect(enKeys).toEqual(zhKeys);
    expect(zhKeys.length).toBeGreaterThan(300);
  });

  it('every key has the same placeholders in both languages', () => {
    const differ = zhKeys.filter(
      (k) => placeholders(CATALOG.zh[k as MessageKey]).join() !== placeholders(CATALOG.en[k as MessageKey]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('no string is empty; English carries no Chinese except the language switch', () => {
    for (const k of zhKeys as MessageKey[]) {
      expect(CATALOG.zh[k].length, k).toBeGreaterThan(0);
      expect(CATALOG.en[k].length, k).toBeGreaterThan(0);
      if (k !== 'switchLang' && k !== 'switchLangLabel') expect(CATALOG.en[k], k).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fills placeholders, keeps unknown ones visible', () => {
    expect(t('zh', 'verdict.undecided', { n: 3 })).toBe('3 项无法判断');
    expect(t('en', 'verdict.undecided', { n: 3 })).toBe('3 undecided');
    expect(t('en', 'verdict.undecided')).toBe('{n} undecided');
  });
});
