// Text normalization shared by every extractor: what a label or a cell "says", whatever the page did to it.

import { toSimplified, whenT2SProvided } from './t2s';

// Pinyin added after characters by accessibility toolbars, as text: 號(hào), 報(bào). Only lowercase
// latin letters with tone marks, right after a Han character, so "(APP)" or "(www.x.gov.cn)" survive.
const PINYIN_TEXT = /([\u3400-\u9fff])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})[)）]/g;

/** Full-width ASCII (！ to ～) and the ideographic space → ASCII. */
const WIDE = /[\uff01-\uff5e\u3000\u00a0]/;

const WIDE_ALL = /[\uff01-\uff5e\u3000\u00a0]/g;
const foldChar = (ch: string): string => {
  const c = ch.charCodeAt(0);
  return c >= 0xff01 ? String.fromCharCode(c - 0xfee0) : ' ';
};

export function foldWidth(s: string): string {
  // One native replace: a character-by-character concatenation was most of normalizeText's time on prose.
  return WIDE.test(s) ? s.replace(WIDE_ALL, foldChar) : s;
}

export function stripPinyin(s: string): string {
  return s.indexOf('(') < 0 && s.indexOf('（') < 0 ? s : s.replace(PINYIN_TEXT, '$1');
}

/**
 * `s` without its trailing characters for which `drop` holds. Linear: a regex such as /[\s]+$/ retries
 * from every position of a long run that does not reach the end (120,000 spaces mid-line took 13 s).
 */
export function trimEndWhere(s: string, drop: (code: number) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Whitespace as the extractors see it: ASCII/Unicode spaces, &nbsp;, the ideographic space. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}

/** Collapse whitespace (incl. &nbsp;, newlines) to single spaces and trim. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Pinyin stripped, full-width folded, simplified, whitespace collapsed. */
export function normalizeText(s: string): string {
  return collapse(toSimplified(foldWidth(stripPinyin(s))));
}

// Labels come from a small vocabulary (the national format), page after page and run after run (the
// content script re-runs on mutations): memoize, bounded.
const KEYS = new Map<string, string>();
// Keys made before the in-page engine had its traditional→simplified table kept those characters.
whenT2SProvided(() => KEYS.clear());

/** A label as matched against the schema: normalized, with all whitespace removed. */
export function labelKey(s: string): string {
  let k = KEYS.get(s);
  if (k === undefined) {
    k = normalizeText(s).replace(/ /g, '');
    if (KEYS.size > 20_000) KEYS.clear();
    if (s.length < 200) KEYS.set(s, k);
  }
  return k;
}

// Leading numbering of a label: "（三）", "(七)", "1.", "2、", "四、", "三." …
const NUMBERING =
  /^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、)]|\d{1,2}(?=[\u3400-\u9fff]))+/;

export function stripNumbering(key: string): string {
  return key.replace(NUMBERING, '');
}
