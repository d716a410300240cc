// Traditional → simplified, characters only. The full opencc-js bundle is 1.2 MB; a content script cannot
// carry it. TSCharacters (≈30 KB) maps one character to one character, which is all table labels need
// (繁體 pages come from the sites' own toolbars, which convert character by character too) and keeps
// offsets stable for the narrative marks.
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';

let convert: ((s: string) => string) | null = null;
let charMap: Map<string, string> | null = null;

// Most text on these pages is already simplified or ASCII: skip the converter when no character could
// possibly be traditional. The test is cheap (one regex scan) and saves the trie walk.
const MAYBE_HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function toSimplified(text: string): string {
  if (!MAYBE_HAN.test(text)) return text;
  convert ??= ConverterFactory([TSCharacters]);
  return convert(text);
}

/** One character (code point) to its simplified form, same length in code points. */
export function simplifyChar(ch: string): string {
  if (!charMap) {
    charMap = new Map();
    for (const entry of TSCharacters.split('|')) {
      const sp = entry.indexOf(' ');
      if (sp > 0) charMap.set(entry.slice(0, sp), entry.slice(sp + 1).split(' ')[0]!);
    }
  }
  return charMap.get(ch) ?? ch;
}

/**
 * Build both conversion tables now (≈10–20 ms cold in a browser), so a caller can pay for it in an idle
 * task of its own instead of inside the first analysis (the content script does).
 */
export function warmUp(): void {
  toSimplified('國');
  simplifyChar('國');
}
