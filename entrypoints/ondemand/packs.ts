// Loading the engine's packs (lib/ext/packs.ts): a part of the engine most pages never need, fetched from the
// extension the first time a page needs it. Two ways in, as for the engine itself: on gov.cn pages the pack
// is web-accessible and imported like /ondemand.js; elsewhere (the popup's "检查此页" injected the engine)
// the import is refused and the background injects the pack into this frame (scripting.executeScript, under
// the same activeTab grant that let the popup inject the engine). Either way the pack's script leaves its
// payload on the isolated world's global, and nothing from the page is read.
import { PACKS, PACKS_GLOBAL, type PackName } from '../../lib/ext/packs';
import type { Lang } from '../../lib/i18n/page';
import { pageEn } from '../../lib/i18n/page.en';
import type { Send } from '../../lib/ext/protocol';
import { clearT2sMissed, hasT2S, provideT2S, t2sMissed } from '../../lib/normalize/t2s';

export interface PackLoader {
  /** The extension URL of a built file (runtime.getURL); absent: import is not tried. */
  getURL?: (path: string) => string;
  /** Asks the background to inject a pack into this frame. */
  send: Send;
  /** Dynamic import (a parameter so tests can stand in for the browser's module loader). */
  importUrl?: (url: string) => Promise<unknown>;
}

const loading = new Map<PackName, Promise<boolean>>();

function payload(name: PackName): unknown {
  const g = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
  return g[PACKS_GLOBAL]?.[name];
}

/** Loads a pack once per page (later calls share the first's promise); true when its payload is there. */
export function loadPack(name: PackName, via: PackLoader): Promise<boolean> {
  if (payload(name) !== undefined) return Promise.resolve(true);
  let p = loading.get(name);
  if (!p) {
    const importUrl = via.importUrl ?? ((url: string) => import(/* @vite-ignore */ url));
    // Every call inside the chain: once the extension is reloaded, getURL and sendMessage throw at once
    // ("Extension context invalidated"), and that must end as "not loaded", never as an exception.
    p = Promise.resolve()
      .then(() => via.getURL?.(PACKS[name].file))
      .then((url) => (url ? importUrl(url).then(() => true) : false))
      .catch(() => false)
      .then(async (imported) => {
        if (imported && payload(name) !== undefined) return true;
        const reply = await Promise.resolve()
          .then(() => via.send({ type: 'gouji:load-pack', pack: name }))
          .catch(() => undefined);
        return !!reply?.ok && payload(name) !== undefined;
      })
      .then((ok) => {
        // A failed load may be tried again (the background was restarting, the frame was not ready).
        if (!ok) loading.delete(name);
        return ok;
      });
    loading.set(name, p);
  }
  return p;
}

/** Whether the engine's strings in `lang` are all there (Chinese always is). */
export function hasLang(lang: Lang): boolean {
  return lang === 'zh' || Object.keys(pageEn).length > 0;
}

/**
 * Makes the engine's strings in `lang` available: loads the English pack into the engine's English catalog
 * when it is not there yet. Resolves false when it could not be loaded (the page then stays in Chinese,
 * key by key, which `t` falls back to).
 */
export async function ensureLang(lang: Lang, via: PackLoader): Promise<boolean> {
  if (hasLang(lang)) return true;
  if (!(await loadPack('en', via))) {
    console.warn('[gouji] the English strings could not be loaded; the page stays in Chinese');
    return false;
  }
  if (!hasLang('en')) Object.assign(pageEn, payload('en') as Record<string, string>);
  return true;
}

/**
 * After a run of the analysis: did it meet a traditional character it could not convert (the table is a
 * pack: lib/normalize/t2s.ts)? Then the table is loaded and the run must be done again ('again'); 'show'
 * when nothing was missed; { error } when the table could not be loaded — a page in 繁體 is not read
 * without it (its labels would not match, and half a reading is never shown as a result).
 */
export async function afterRun(via: PackLoader, error: () => string): Promise<'show' | 'again' | { error: string }> {
  if (!t2sMissed()) return 'show';
  clearT2sMissed();
  // Loaded meanwhile (for a run that finished first): this run still read without it.
  if (hasT2S()) return 'again';
  if (!(await loadPack('t2s', via))) return { error: error() };
  provideT2S(payload('t2s') as { from: string; to: string });
  return hasT2S() ? 'again' : { error: error() };
}
