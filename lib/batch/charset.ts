// Decoding a fetched page: the charset named by Content-Type, else a BOM, else <meta charset> in the
// first 4 KB, else UTF-8 when the bytes are valid UTF-8, else GB18030 (what most gov.cn sites mean by
// gb2312/gbk). Big5 (Hong Kong / Taiwan-style pages, some 繁體 mirrors) is honoured when declared. Kept
// small and standalone (TextDecoder only) so a fuller decoder can replace it behind `decodeBytes`.

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  'x-euc-cn': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

function label(name: string | null | undefined): string | null {
  if (!name) return null;
  return (
    ALIASES[
      name
        .trim()
        .toLowerCase()
        .replace(/^["']|["']$/g, '')
    ] ?? null
  );
}

/** The charset a Content-Type header names ("text/html; charset=GBK" → "gb18030"), or null. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return label(m?.[1]);
}

export function decodeBytes(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const declared = charsetOfContentType(contentType);
  if (declared && declared !== 'utf-8') return new TextDecoder(declared).decode(bytes);
  let head = '';
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!);
  const meta = label(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]);
  if (!declared && meta && meta !== 'utf-8') return new TextDecoder(meta).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(meta && meta !== 'utf-8' ? meta : 'gb18030').decode(bytes);
  }
}
