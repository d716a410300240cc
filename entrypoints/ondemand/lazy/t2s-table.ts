// The engine's stand-in for lib/normalize/t2s-table.ts (lib/ext/packs.ts, pack "t2s"): the same object, with
// no pairs until entrypoints/ondemand/packs.ts loads /engine-t2s.js and lib/normalize/t2s.ts `provideT2S`
// fills it. Meanwhile the engine knows which characters the table changes (lib/normalize/t2s-set.ts) and
// records any it met (`t2sMissed`), so a page that needs the table is read again once it is there.
export const T2S_TABLE = { from: '', to: '' };
