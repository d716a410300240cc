// The string system of the in-page engine (ondemand.js): `t` over the page part of the catalog only
// (lib/i18n/page.zh.ts, page.en.ts), so the engine every report page loads does not carry the popup's, the
// follow-up page's, batch's, the CLI's and the exports' strings. Everything else imports lib/i18n (index.ts),
// whose catalog is the page part plus the rest, and whose `t` takes any key. Code bundled into the engine
// imports this module instead: a key outside the page part is then a type error, and
// tests/unit/i18n.test.ts checks that the engine's (and the background's) module graph never reaches
// lib/i18n/zh.ts or en.ts.

import { pageZh, type PageKey } from './page.zh';
import { pageEn } from './page.en';

export type { PageKey } from './page.zh';
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export type Params = Record<string, string | number>;

export const PAGE_CATALOG: Readonly<Record<Lang, Readonly<Record<PageKey, string>>>> = { zh: pageZh, en: pageEn };

/**
 * Fill a catalog string's `{placeholders}` from params (placeholders without a param stay as written). English
 * plurals: `{n|error|errors}` says the first word when the param `n` is 1, the second otherwise.
 */
export function fill(s: string, params: Params): string {
  return s
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, other: string) =>
      k in params ? (Number(params[k]) === 1 ? one : other) : m,
    )
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function t(lang: Lang, key: PageKey, params: Params = {}): string {
  return fill(PAGE_CATALOG[lang]?.[key] ?? pageZh[key] ?? key, params);
}

/** Chinese unless the stored choice (or a non-Chinese browser when nothing is stored) says English. */
export function pickLang(stored: unknown, uiLanguage?: string): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  if (uiLanguage && !/^zh\b/i.test(uiLanguage) && /^en\b/i.test(uiLanguage)) return 'en';
  return 'zh';
}

/** storage.local key of the language choice (shared by the popup, the follow-up, batch and 历史 pages). */
export const LANG_KEY = 'gouji:settings:lang';

/** storage.local key of 空白按 0 计 (`true` when on; absent or anything else: off, blank is not zero). */
export const BLANK_AS_ZERO_KEY = 'gouji:settings:blank-as-zero';
