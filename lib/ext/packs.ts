// Engine packs (issue #14): parts of the in-page engine (ondemand.js) that most report pages never need,
// built as scripts of their own and loaded by the engine only when a page does need them. Pure data, shared
// by the build (wxt.config.ts swaps each pack's module for its stand-in in the engine's build), the engine
// (entrypoints/ondemand/packs.ts loads a pack), the background (which injects a pack where the page could
// not import it) and the bench and tests (which build the engine the same way).
//  - en: the engine's English strings (lib/i18n/page.en.ts, ≈ 13 KB minified): only when the user reads
//    the page in English. Until it is loaded the stand-in is an empty catalog, and `t` falls back to
//    Chinese key by key — never a missing string.
//  - t2s: the traditional→simplified table (lib/normalize/t2s-table.ts, ≈ 19 KB minified): only for a page
//    with traditional characters beyond the chrome's "繁體" switch. The engine carries the set of characters
//    the table changes (≈ 3.5 KB); meeting one it cannot convert, it loads the pack and reads the page again
//    before showing anything (lib/normalize/t2s.ts, entrypoints/ondemand/packs.ts).

/** A pack: its built script, the module it carries, and the stand-in the engine is built with. */
export interface PackDef {
  /** The pack's script, as built (an unlisted script; web-accessible to gov.cn pages like the engine). */
  file: `/${string}.js`;
  /** The module the engine would otherwise bundle (path from the repository root). */
  module: string;
  /** What the engine's build takes instead: the same exports, empty until the pack is loaded. */
  standIn: string;
}

export const PACKS = {
  en: {
    file: '/engine-en.js',
    module: 'lib/i18n/page.en.ts',
    standIn: 'entrypoints/ondemand/lazy/page-en.ts',
  },
  t2s: {
    file: '/engine-t2s.js',
    module: 'lib/normalize/t2s-table.ts',
    standIn: 'entrypoints/ondemand/lazy/t2s-table.ts',
  },
} as const satisfies Record<string, PackDef>;

export type PackName = keyof typeof PACKS;

/** The isolated world's global a loaded pack leaves its payload on (`globalThis[PACKS_GLOBAL][name]`). */
export const PACKS_GLOBAL = '__goujiPacks';

export function isPackName(x: unknown): x is PackName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(PACKS, x);
}
