// File names that every OS accepts. Windows forbids <>:"/\|?* and control characters, names ending in a
// dot or space, and the device names CON, PRN, AUX, NUL, COM1–9, LPT1–9; most file systems cap a name
// at 255 bytes (a Chinese character is 3 bytes in UTF-8). Agency names are long ("……人民政府办公厅……").

import { trimEndWhere } from '../normalize/text';

const dotOrSpace = (c: number) => c === 0x2e || c === 0x20;

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** One safe name component: forbidden characters → "_", whitespace collapsed, at most `maxBytes` UTF-8. */
export function safePart(s: string | null | undefined, fallback: string, maxBytes = 120): string {
  let out = String(s ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+/, '');
  // No more UTF-16 units than bytes allowed (a character is at least one byte), so the byte loop below
  // stays short whatever a page's title holds; trailing dots and spaces cut without a /[. ]+$/ regex.
  out = trimEndWhere(Array.from(out.slice(0, maxBytes + 1)).join(''), dotOrSpace);
  if (!out) out = fallback;
  if (RESERVED.test(out)) out = `_${out}`;
  const enc = new TextEncoder();
  while (enc.encode(out).length > maxBytes) out = Array.from(out).slice(0, -1).join('');
  return trimEndWhere(out, dotOrSpace) || fallback;
}

/** Where the report came from, for names that must not collide when body or year is unknown. */
export interface FilenameSource {
  url?: string | null;
  /** ISO time of the check (report.source.checkedAt). */
  checkedAt?: string | null;
}

/** "www.zs.gov.cn_zwgk_ndbg_post_1" from a URL: host and path, the extension dropped. */
function urlPart(url: string): string {
  try {
    const u = new URL(url);
    const path = decodeURIComponent(u.pathname)
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .replace(/\/+/g, '_')
      .replace(/^_+|_+$/g, '');
    return [u.hostname, path].filter(Boolean).join('_');
  } catch {
    return '';
  }
}

/**
 * gouji-<agency>-<year>.<ext>, e.g. "gouji-中山市人民政府办公室-2024.json". When body or year is unknown and
 * the caller says where the report came from, the page's host + path and the check's date stand in
 * ("gouji-www.zs.gov.cn_art_2025_1_1-2025-01-23.json"), so two unnamed reports never share a name.
 */
export function reportFilename(
  agency: string | null | undefined,
  year: number | null | undefined,
  ext: string,
  from?: FilenameSource,
): string {
  const hasYear = typeof year === 'number' && Number.isInteger(year);
  const y = hasYear ? String(year) : 'unknown-year';
  const named = !!agency && !!String(agency).trim();
  if ((!named || !hasYear) && from) {
    const where = from.url ? urlPart(from.url) : '';
    const date = from.checkedAt && /^\d{4}-\d{2}-\d{2}/.test(from.checkedAt) ? from.checkedAt.slice(0, 10) : '';
    if (where || date) {
      const who = named ? safePart(agency, 'unknown-agency', 80) : safePart(where, 'unknown-page', 120);
      const when = hasYear ? y : date || 'unknown-year';
      const extra = named && where ? `-${safePart(where, '', 80)}` : '';
      return `gouji-${who}${extra}-${when}.${ext}`;
    }
  }
  return `gouji-${safePart(agency, 'unknown-agency')}-${y}.${ext}`;
}

/** gouji-flags-<date>.<ext> */
export function flagsFilename(now: Date, ext: string): string {
  return `gouji-flags-${now.toISOString().slice(0, 10)}.${ext}`;
}
