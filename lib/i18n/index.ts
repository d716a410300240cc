// The one string system: every string of the in-page view, the popup, the follow-up, batch, 历史 and report
// pages, the CSV and letter labels, the CLI's human output and the findings' English, keyed, Chinese first
// and English switchable at run time (the extension's own `browser.i18n` follows the browser's language and
// cannot be switched from a button; only the manifest strings stay in public/_locales). The catalogs are
// lib/i18n/zh.ts and lib/i18n/en.ts (same keys, same `{placeholders}`: tests/unit/i18n.test.ts); the in-page
// engine's strings (its marks, chips and tooltips, and the findings' words) are their part lib/i18n/page.zh.ts
// and page.en.ts, which code bundled into ondemand.js reaches through lib/i18n/page.ts alone. Keys are
// ids: tests assert ids and data attributes, not this text. Findings are rendered in lib/rules/render.ts.

import { zh, type MessageKey } from './zh';
import { en } from './en';
import { fill, type Lang, type Params } from './page';

export type { MessageKey } from './zh';
export type { Lang, Params, PageKey } from './page';
export { LANGS, pickLang, LANG_KEY, BLANK_AS_ZERO_KEY } from './page';

export const CATALOG: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { zh, en };

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return fill(CATALOG[lang]?.[key] ?? zh[key] ?? key, params);
}

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  // ISO-like order reads the same in both languages; `lang` is kept for a future localized form.
  void lang;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
