// Which body (机关) published a report: reports of one body across years are matched by a normalized
// name. Steps: 繁體 → simplified, full-width folded, all whitespace removed, brackets dropped, then the
// government's office suffixes stripped — the report of 中山市人民政府 is often published as 中山市人民政府
// 办公室's — so 人民政府办公室 / 人民政府办公厅 / 政府办公室 / 政府办公厅 / 人民政府 / 政府 at the end all reduce
// to the place name ("中山市"). Departments keep their names (中山市财政局).
//
// Real names differ in more than suffixes: 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one body.
// `sameBody` also accepts one key ending with the other when both reports come from the same site and the
// shorter key has at least 3 characters (so 城区 alone never matches 汕尾市城区 of another site).

import { normalizeText } from '../normalize/text';

const SUFFIX = /(?:人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|人民政府|政府)$/;

export function bodyKey(name: string | null | undefined): string {
  if (!name) return '';
  let k = normalizeText(name)
    .replace(/\s+/g, '')
    .replace(/[()（）【】〔〕[\]"“”'‘’]/g, '');
  const stripped = k.replace(SUFFIX, '');
  if (stripped.length >= 2) k = stripped;
  return k;
}

export function hostOf(url: string | null | undefined): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

export interface BodyRef {
  agency: string | null;
  url: string | null;
}

export function sameBody(a: BodyRef, b: BodyRef): boolean {
  const ka = bodyKey(a.agency);
  const kb = bodyKey(b.agency);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const [short, long] = ka.length < kb.length ? [ka, kb] : [kb, ka];
  const ha = hostOf(a.url);
  return short.length >= 3 && long.endsWith(short) && ha !== '' && ha === hostOf(b.url);
}
