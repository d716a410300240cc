// /engine-t2s.js — the traditional→simplified table as a pack of the in-page engine (lib/ext/packs.ts):
// loaded only for a page whose text has traditional characters beyond the chrome's "繁體" switch (a page
// in 繁體 mode). It leaves the table on the isolated world's global; the engine hands it to
// lib/normalize/t2s.ts (`provideT2S`) and reads the page again.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { T2S_TABLE } from '../lib/normalize/t2s-table';
import { PACKS_GLOBAL } from '../lib/ext/packs';

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
  (g[PACKS_GLOBAL] ??= {}).t2s = T2S_TABLE;
});
