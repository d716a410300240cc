// The engine's stand-in for lib/i18n/page.en.ts (lib/ext/packs.ts, pack "en"): the same export, an empty
// catalog that entrypoints/ondemand/packs.ts fills in place once /engine-en.js has been loaded. Until then
// `t('en', key)` falls back to the Chinese string of that key (lib/i18n/page.ts).
import type { PageKey } from '../../../lib/i18n/page.zh';

export const pageEn = {} as Record<PageKey, string>;
