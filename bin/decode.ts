// Decoding a saved page or text file (the CLI's only charset logic). Order, as a browser does it: a byte
// order mark; then a declared charset (<meta charset>, <meta http-equiv="Content-Type" content="…;
// charset=…">, <?xml encoding>), by its WHATWG label; then detection: UTF-16 without a BOM (NUL bytes at
// every other position), valid UTF-8, and else GB18030 or Big5, whichever decodes without errors and reads
// as more of the words reports are made of. Everything goes through TextDecoder (Node's full ICU). Bytes
// that no candidate decodes are an error with a clear message — never "not a report".

import { t, type MessageKey, type Params } from '../lib/i18n';

/** Bytes no charset reads: the message in Chinese, `key`/`params` for the --lang language (bin/cli.ts). */
export class DecodeError extends Error {
  override name = 'DecodeError';
  constructor(
    readonly key: Extract<MessageKey, `reason${string}`>,
    readonly params: Params = {},
  ) {
    super(t('zh', key, params));
  }
}

/** The declared charset label in the first 4 KB, if any (lowercased, as written). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

import { Buffer, isUtf8 } from 'node:buffer';

/** Bytes as Latin-1 (one char per byte): the declaration sniffer's view of the head. */
function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

// Node's ICU Big5 decoder does not report every invalid byte even when fatal: it yields C1 controls (0x80 →
// U+0080) and private-use characters instead. A legacy decoding holding controls, U+FFFD or more than a
// trace of private-use characters was not a decoding (UTF-8 files may hold a few: PDF fonts' glyphs).
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]/;
const PRIVATE = /[\ue000-\uf8ff]/g;

function tryDecode(label: string, bytes: Uint8Array): string | null {
  // isUtf8 and Buffer#toString are simdutf in Node: a fraction of a fatal TextDecoder's time on a 100 KB page.
  if (label === 'utf-8')
    return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (label === 'utf-8' || label.startsWith('utf-16')) return text;
  if (CONTROL.test(text)) return null;
  return (text.match(PRIVATE)?.length ?? 0) * 200 > text.length ? null : text;
}

function isLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: ASCII markup leaves a NUL in every other byte. */
function utf16Guess(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 2048) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.3 && even < half * 0.05) return 'utf-16le';
  if (even > half * 0.3 && odd < half * 0.05) return 'utf-16be';
  return null;
}

// Frequent characters of reports, in both scripts: a wrong double-byte decoding yields rare characters.
const COMMON = new Set([
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信息申请报告开公资讯公開報請資訊規範檔案處務辦關係這個為與總計',
]);

function score(s: string): number {
  let n = 0;
  for (const ch of s.slice(0, 20000)) if (COMMON.has(ch)) n++;
  return n;
}

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const u16 = utf16Guess(bytes);
  if (u16) {
    const t = tryDecode(u16, bytes);
    if (t !== null) return { text: t, encoding: u16 };
  }
  const declared = declaredCharset(bytes);
  // A page saved as UTF-8 often keeps its original "gb2312" declaration: a declaration the bytes
  // contradict is ignored (valid multi-byte UTF-8 is almost never valid-looking GBK text by chance).
  if (declared && isLabel(declared)) {
    const enc = new TextDecoder(declared).encoding;
    if (!enc.startsWith('utf-16')) {
      const t = tryDecode(enc, bytes);
      if (
        t !== null &&
        !(enc !== 'utf-8' && tryDecode('utf-8', bytes) !== null && bytes.subarray(0, 65536).some((b) => b > 0x7f))
      ) {
        return { text: t, encoding: enc };
      }
    }
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (bytes.subarray(0, 65536).includes(0)) throw new DecodeError('reasonDecodeBinary');
  const candidates = (['gb18030', 'big5'] as const)
    .map((enc) => ({ enc, text: tryDecode(enc, bytes) }))
    .filter((c): c is { enc: 'gb18030' | 'big5'; text: string } => c.text !== null);
  if (!candidates.length) {
    throw declared ? new DecodeError('reasonDecodeDeclared', { declared }) : new DecodeError('reasonDecodeCharset');
  }
  candidates.sort((a, b) => score(b.text) - score(a.text));
  return { text: candidates[0]!.text, encoding: candidates[0]!.enc };
}
