// The one string system (lib/i18n): Chinese and English have the same keys and the same {placeholders}, no
// string is empty, and t() fills what it is given and leaves the rest visible. The in-page engine's part
// (lib/i18n/page.*.ts) has the same checks of its own, is all of the whole catalog's page keys, and is the
// only part the engine's bundle reaches.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CATALOG, t, type MessageKey } from '../../lib/i18n';
import { PAGE_CATALOG, t as pageT, type PageKey } from '../../lib/i18n/page';
import { enginePacksEsbuild } from '../support/engine-build';

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

  it('says English plurals by count: {n|one|other}', () => {
    expect(t('en', 'countErrors', { n: 1 })).toBe('error');
    expect(t('en', 'countErrors', { n: 0 })).toBe('errors');
    expect(t('en', 'rvSummaryErrors', { errors: 1, checks: 2 })).toBe('1 error, 2 failing checks');
    expect(t('en', 'rvSummaryErrors', { errors: 3, checks: 1 })).toBe('3 errors, 1 failing check');
    expect(t('zh', 'rvSummaryErrors', { errors: 1, checks: 2 })).not.toMatch(/\|/);
  });

  it('fills placeholders, keeps unknown ones visible', () => {
    expect(t('zh', 'verdict.undecided', { n: 3 })).toBe('3 项无法判断');
    expect(t('en', 'verdict.undecided', { n: 3 })).toBe('3 undecided');
    expect(t('en', 'verdict.undecided')).toBe('{n} undecided');
  });
});

describe("lib/i18n/page (the in-page engine's part)", () => {
  const zhKeys = Object.keys(PAGE_CATALOG.zh).sort();

  it('zh and en have the same keys and placeholders', () => {
    expect(Object.keys(PAGE_CATALOG.en).sort()).toEqual(zhKeys);
    const differ = zhKeys.filter(
      (k) => placeholders(PAGE_CATALOG.zh[k as PageKey]).join() !== placeholders(PAGE_CATALOG.en[k as PageKey]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('is part of the whole catalog, with the same strings', () => {
    for (const k of zhKeys as PageKey[]) {
      expect(CATALOG.zh[k], k).toBe(PAGE_CATALOG.zh[k]);
      expect(CATALOG.en[k], k).toBe(PAGE_CATALOG.en[k]);
      expect(pageT('en', k), k).toBe(t('en', k));
    }
  });

  it('holds every notice (lib/rules/render.ts builds `notice.<id>` keys at run time)', () => {
    const notices = Object.keys(CATALOG.zh).filter((k) => k.startsWith('notice.'));
    expect(notices.length).toBeGreaterThan(10);
    expect(notices.filter((k) => !(k in PAGE_CATALOG.zh))).toEqual([]);
  });

  // The background (background.js) needs no UI string either: findings' words and the follow-up statuses.
  it.each(['entrypoints/ondemand/index.ts', 'entrypoints/background.ts'])(
    '%s bundles only this part, not the whole catalog',
    async (entry) => {
      const root = resolve(import.meta.dirname, '../..');
      const out = await build({
        plugins: entry.includes('ondemand') ? [enginePacksEsbuild()] : [],
        entryPoints: [resolve(root, entry)],
        absWorkingDir: root,
        bundle: true,
        write: false,
        metafile: true,
        format: 'esm',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        logLevel: 'silent',
        outfile: 'out.js',
      });
      const inputs = Object.keys(out.metafile.inputs);
      expect(inputs).toContain('lib/i18n/page.zh.ts');
      expect(inputs.filter((f) => /^lib\/i18n\/(zh|en|index)\.ts$/.test(f))).toEqual([]);
      // The engine's English is a pack (lib/ext/packs.ts): /engine-en.js, loaded when a page is read in English.
      if (entry.includes('ondemand')) {
        expect(inputs).not.toContain('lib/i18n/page.en.ts');
        expect(inputs).toContain('entrypoints/ondemand/lazy/page-en.ts');
      }
    },
  );

  it('the English pack carries the English strings, and the engine built as shipped does not', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const opts = {
      absWorkingDir: root,
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'silent',
      charset: 'utf8',
      outfile: 'out.js',
    } as const;
    const pack = await build({ ...opts, entryPoints: [resolve(root, 'entrypoints/engine-en.ts')] });
    const engine = await build({
      ...opts,
      entryPoints: [resolve(root, 'entrypoints/ondemand/index.ts')],
      plugins: [enginePacksEsbuild()],
      define: { 'import.meta.env.BROWSER': '"chrome"', 'import.meta.env.MANIFEST_VERSION': '3' },
    });
    const packText = pack.outputFiles[0]!.text;
    const engineText = engine.outputFiles[0]!.text;
    // Every English string of the page catalog that differs from its Chinese one.
    const english = (Object.keys(PAGE_CATALOG.en) as PageKey[])
      .map((k) => PAGE_CATALOG.en[k])
      .filter((v) => v.length > 24 && /^[\x20-\x7e]+$/.test(v));
    expect(english.length).toBeGreaterThan(30);
    for (const v of english) expect(packText, v).toContain(JSON.stringify(v).slice(1, -1));
    expect(english.filter((v) => engineText.includes(JSON.stringify(v).slice(1, -1)))).toEqual([]);
  });
});
