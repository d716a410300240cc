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

/** gouji-<agency>-<year>.<ext>, e.g. "gouji-中山市人民政府办公室-2024.json". */
export function reportFilename(agency: string | null | undefined, year: number | null | undefined, ext: string): string {
  const y = typeof year === 'number' && Number.isInteger(year) ? String(year) : 'unknown-year';
  return `gouji-${safePart(agency, 'unknown-agency')}-${y}.${ext}`;
}

/** gouji-flags-<date>.<ext> */
export function flagsFilename(now: Date, ext: string): string {
  return `gouji-flags-${now.toISOString().slice(0, 10)}.${ext}`;
}
