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

// Phrase-level conversion as real converters (opencc TW phrases, the sites' 繁體 toolbars) emit it: the
// Taiwan words for 信息, 文件, 软件 … ("規範性檔案" for 规范性文件). Only in text that had traditional
// characters, and only pairs of equal length, so offsets stay stable for the narrative marks.
const PHRASES: Record<string, string> = { 資訊: '信息', 訊息: '信息', 檔案: '文件', 軟體: '软件', 硬體: '硬件', 網路: '网络', 列印: '打印' };
const PHRASE_RE = /資訊|訊息|檔案|軟體|硬體|網路|列印/;
// The same phrases after character conversion (资讯, 讯息, 档案 …): replaced only where the source had the
// traditional phrase (a simplified page's own 档案 stays 档案).
const CONVERTED_RE = /资讯|讯息|档案|软体|硬体|网路|列印/g;

export function toSimplified(text: string): string {
  const out = toSimplifiedChars(text);
  if (out === text || !PHRASE_RE.test(text) || out.length !== text.length) return out;
  return out.replace(CONVERTED_RE, (m, at: number) => PHRASES[text.slice(at, at + m.length)] ?? m);
}

function toSimplifiedChars(text: string): string {
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
