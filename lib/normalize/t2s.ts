// Traditional → simplified, characters only, from opencc-js's TSCharacters dictionary (≈30 KB; the full
// opencc-js bundle is 1.2 MB, far too big for a content script). Every TSCharacters entry maps one
// character to one character, which is all table labels need (繁體 pages come from the sites' own
// toolbars, which convert character by character too), so a Map does what opencc's ConverterFactory trie
// does (tests/unit/core/t2s.test.ts proves it over the whole dictionary) at a fraction of its set-up cost
// (the trie took ≈15 ms to build in Chromium, on every report page) and keeps offsets stable for the
// narrative marks.
import TSCharacters from 'opencc-js/dict/TSCharacters';

let charMap: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (!charMap) {
    charMap = new Map();
    for (const entry of TSCharacters.split('|')) {
      const sp = entry.indexOf(' ');
      if (sp > 0) charMap.set(entry.slice(0, sp), entry.slice(sp + 1).split(' ')[0]!);
    }
  }
  return charMap;
}

// Most text on these pages is already simplified or ASCII: skip the lookup when no character could
// possibly be traditional.
const MAYBE_HAN = /[\u3400-\u9fff\uf900-\ufaff\ud840-\ud87f]/;

export function toSimplified(text: string): string {
  if (!MAYBE_HAN.test(text)) return text;
  const map = table();
  let out = '';
  let changed = false;
  for (const ch of text) {
    const s = map.get(ch);
    if (s !== undefined && s !== ch) {
      out += s;
      changed = true;
    } else out += ch;
  }
  return changed ? out : text;
}

/** One character (code point) to its simplified form. */
export function simplifyChar(ch: string): string {
  return table().get(ch) ?? ch;
}
