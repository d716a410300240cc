// /engine-en.js — the in-page engine's English strings as a pack of their own (lib/ext/packs.ts): loaded by
// the engine (entrypoints/ondemand/packs.ts) only when the page is to be read in English. It leaves the
// catalog on the isolated world's global; the engine copies it into its own (empty) English catalog.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageEn } from '../lib/i18n/page.en';
import { PACKS_GLOBAL } from '../lib/ext/packs';

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
  (g[PACKS_GLOBAL] ??= {}).en = pageEn;
});
