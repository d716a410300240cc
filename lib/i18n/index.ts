// The one string system: every string of the in-page view, the popup, the follow-up, batch, 历史 and report
// pages, the CSV and letter labels, the CLI's human output and the findings' English, keyed, Chinese first
// and English switchable at run time (the extension's own `browser.i18n` follows the browser's language and
// cannot be switched from a button; only the manifest strings stay in public/_locales). The catalogs are
// lib/i18n/zh.ts and lib/i18n/en.ts (same keys, same `{placeholders}`: tests/unit/i18n.test.ts). Keys are
// ids: tests assert ids and data attributes, not this text. Findings are rendered in lib/rules/render.ts.

import { zh, type MessageKey } from './zh';
import { en } from './en';

export type { MessageKey } from './zh';
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export const CATALOG: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { zh, en };

export type Params = Record<string, string | number>;

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const s = CATALOG[lang]?.[key] ?? zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
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

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  // ISO-like order reads the same in both languages; `lang` is kept for a future localized form.
  void lang;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
