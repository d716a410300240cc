// Offset-preserving normalization of the report's prose. Matching runs on normalized text (simplified,
// ASCII digits and punctuation, no pinyin, no stray spaces) while every claim's position must still point
// into the original text, where the page marks go. lib/normalize/text.ts does the same steps for labels but
// changes lengths (pinyin stripping, whitespace collapsing), so this variant keeps a map back instead.

import { isTraditionalCode, simplifyChar, traditionalBits } from '../normalize/t2s';
import { drainSteps, STEP_CHARS, type Steps } from '../steps';

export interface NormalizedText {
  /** Normalized text: simplified, full-width folded, pinyin stripped, spaces only between non-Han characters. */
  text: string;
  /** map[i] = offset in the original text of normalized character i; map[text.length] = original length. */
  map: Int32Array;
}

// Character classes by code unit: this runs over every character of the page text, so no regex per char.
const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isSpace = (c: number) =>
  c === 0x20 ||
  c === 0x09 ||
  c === 0x0d ||
  c === 0x0b ||
  c === 0x0c ||
  c === 0xa0 ||
  c === 0x3000 ||
  c === 0x200b ||
  c === 0xfeff ||
  c === 0x2002 ||
  c === 0x2003 ||
  c === 0x2009;
// Pinyin written after a Han character by accessibility toolbars: 號(hào), 區(qū) (seed 002). Lowercase
// letters only, so "(APP)" and "(www.x.gov.cn)" survive.
const PINYIN = /^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[)）]/;

/** Next to these a space carries no meaning: Han, CJK and full-width punctuation, ASCII punctuation, line ends. */
function tight(c: number): boolean {
  return (
    c < 0 ||
    c === 0x0a ||
    isHan(c) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2c ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0x21 ||
    c === 0x3f
  );
}

/** Linear in the length of `src`. */
export function normalizeProse(src: string): NormalizedText {
  return drainSteps(normalizeProseSteps(src));
}

/** `normalizeProse`, yielding every `STEP_CHARS` characters (the in-page engine, issue #13). */
export function* normalizeProseSteps(src: string): Steps<NormalizedText> {
  const out: string[] = [];
  const map = new Int32Array(src.length + 1);
  let n = 0;
  let last = -1; // code of the last character written
  let i = 0;
  // Characters that stay as they are (nearly all of them) are copied a run at a time: `src[from, i)`.
  let from = 0;
  const flush = () => {
    if (from < i) out.push(src.slice(from, i));
  };
  let pause = STEP_CHARS;
  const trad = traditionalBits();
  while (i < src.length) {
    if (i >= pause) {
      pause = i + STEP_CHARS;
      yield;
    }
    let c = src.charCodeAt(i);
    // The bulk of the text first, without a call: simplified Han and plain ASCII (a traditional character
    // goes on to the general path below).
    if ((c >= 0x3400 && c <= 0x9fff && trad[c - 0x3400] !== 1) || (c > 0x20 && c < 0x7f && c !== 0x28)) {
      map[n++] = i;
      last = c;
      i++;
      continue;
    }
    if (isSpace(c)) {
      // Collapse a run of spaces; keep one only between two characters where it separates words or
      // numbers ("2024 年" needs none, "IPv6 and" does).
      flush();
      let j = i + 1;
      while (j < src.length && isSpace(src.charCodeAt(j))) j++;
      if (!tight(last) && j < src.length && !tight(src.charCodeAt(j))) {
        out.push(' ');
        map[n++] = i;
        last = 0x20;
      }
      i = from = j;
      continue;
    }
    if ((c === 0x28 || c === 0xff08) && i > 0 && isHan(src.charCodeAt(i - 1))) {
      const m = PINYIN.exec(src.slice(i, i + 10));
      if (m) {
        flush();
        i = from = i + m[0].length;
        continue;
      }
    }
    if (c >= 0xff01 && c <= 0xff5e) {
      flush();
      c -= 0xfee0;
      out.push(String.fromCharCode(c));
      from = i + 1;
    } else if (isHan(c) && isTraditionalCode(c)) {
      flush();
      out.push(simplifyChar(src[i]!));
      from = i + 1;
    }
    map[n++] = i;
    last = c;
    i++;
  }
  flush();
  map[n] = src.length;
  return { text: out.join(''), map: map.subarray(0, n + 1) };
}

/** Original [start, end) of the normalized range [start, end). */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = n.map[start]!;
  const e = end > start ? n.map[end - 1]! + 1 : s;
  return { start: s, end: e };
}
