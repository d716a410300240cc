// Offset-preserving normalization of the report's prose. Matching runs on normalized text (simplified,
// ASCII digits and punctuation, no pinyin, no stray spaces) while every claim's position must still point
// into the original text, where the page marks go. lib/normalize/text.ts does the same steps for labels but
// changes lengths (pinyin stripping, whitespace collapsing), so this variant keeps a map back instead.

import { simplifyChar } from '../normalize/t2s';

export interface NormalizedText {
  /** Normalized text: simplified, full-width folded, pinyin stripped, spaces only between non-Han characters. */
  text: string;
  /** map[i] = offset in the original text of normalized character i; map[text.length] = original length. */
  map: Int32Array;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
// Pinyin written after a Han character by accessibility toolbars: 號(hào), 區(qū) (seed 002). Lowercase
// letters only, so "(APP)" and "(www.x.gov.cn)" survive.
const PINYIN = /^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[)）]/;
const SPACE = /[ \t\r\f\v\u00a0\u3000\u200b\ufeff\u2002\u2003\u2009]/;

/** Is this character one next to which a space carries no meaning (Han or CJK punctuation)? */
function tight(ch: string | undefined): boolean {
  if (ch === undefined || ch === '\n') return true;
  return HAN.test(ch) || /[\u3000-\u303f\uff00-\uffef，。、；：！？（）“”‘’《》〔〕【】]/.test(ch);
}

function fold(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  return ch;
}

/** Linear in the length of `src`. */
export function normalizeProse(src: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (SPACE.test(ch)) {
      // Collapse a run of spaces; keep one only between two characters where it separates words or
      // numbers ("2024 年" needs none, "IPv6 and" does).
      let j = i;
      while (j < src.length && SPACE.test(src[j]!)) j++;
      const prev = out.length ? out[out.length - 1] : undefined;
      const next = j < src.length ? src[j] : undefined;
      if (!tight(prev) && !tight(next)) {
        out.push(' ');
        map.push(i);
      }
      i = j;
      continue;
    }
    if ((ch === '(' || ch === '（') && i > 0 && HAN.test(src[i - 1]!)) {
      const m = PINYIN.exec(src.slice(i, i + 10));
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    out.push(simplifyChar(fold(ch)));
    map.push(i);
    i++;
  }
  map.push(src.length);
  return { text: out.join(''), map: Int32Array.from(map) };
}

/** Original [start, end) of the normalized range [start, end). */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = n.map[start]!;
  const e = end > start ? n.map[end - 1]! + 1 : s;
  return { start: s, end: e };
}
