// Gouji's content script on *.gov.cn pages: the light half. Design (docs/inpage.md):
//  - Most gov.cn pages are news, lists and home pages. `quickGate` on the title (and, failing that, the
//    body's text, read through XPath as textContent gives it — no layout, no writes) says "not a report" in
//    well under 2 ms; the page then gets html[data-gouji-state=none] and nothing else, and nothing keeps
//    running (light.ts).
//  - This script carries only the gate (a few KB): the engine — the lib/ core, the marks, the Preact
//    layer — is /ondemand.js, imported from the extension only when the gate passes (it is listed in
//    web_accessible_resources for gov.cn pages). The popup's "检查此页" injects the same file elsewhere.
//  - Every side effect hangs off our own lifetime signal (lifetime.ts; handed to the engine through the
//    isolated world's global), never WXT's ctx.signal, which a page can abort by dispatching WXT's
//    "content script started" event: when the extension is really reloaded or updated, marks are removed,
//    listeners let go, and a report page's chip says "勾稽已更新，请刷新本页".
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { quickGate } from '../../lib/detect';
import { ATTR, ONDEMAND_SCRIPT, PERF, STATE } from '../../lib/contract';
import type { Message } from '../../lib/ext/protocol';
import { gateSays } from '../../lib/gate';
import { countListLinks } from '../../lib/batch/list-gate';
import { settleNone, watchLate, type Light, type RuntimeLike } from './light';
import { extensionLifetime, runtimeAlive } from './lifetime';

type Handoff = { __goujiSignal?: AbortSignal; __goujiLight?: Light };

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  // Reports often sit in a same-origin <iframe src> or an <iframe srcdoc> (about:srcdoc, matched through
  // its parent): the script runs in every frame, each decides for itself, the background keeps the best.
  allFrames: true,
  matchAboutBlank: true,
  // WXT's context announces each start with a document event and, by default, also with window.postMessage
  // (its deprecated path): that message woke every gov.cn page's own message listeners, carried the
  // extension's id to any script on the page, and took ≈ 1.3 ms of this script's task (DOMWindow::DoPostMessage
  // in a trace). Older copies of this script still hear the document event (lifetime.ts).
  noScriptStartedPostMessage: true,
  main() {
    const t0 = performance.now();
    const pass = gateSays(document, quickGate);
    performance.measure(PERF.gate, { start: t0, end: performance.now() });
    const g = globalThis as unknown as Handoff;
    const signal = extensionLifetime({
      doc: document,
      win: window,
      alive: runtimeAlive(() => browser.runtime),
      // WXT's name for it (wxt/utils/internal/custom-events: `${runtime.id}:${ENTRYPOINT}:wxt:content-script-started`).
      startedEvent: `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`,
    });
    g.__goujiSignal = signal;
    const runtime = browser.runtime as unknown as RuntimeLike;
    if (!pass) {
      g.__goujiLight = settleNone(document, runtime, signal, countListLinks(document));
      // Not a report yet: the title or the article may still arrive. Watch cheaply for 10 s, then stop.
      watchLate(
        document,
        () => {
          // Each re-ask is measured like the first (bench:browser counts them on a page that never changes).
          const t = performance.now();
          const ok = gateSays(document, quickGate);
          performance.measure(PERF.gate, { start: t, end: performance.now() });
          return ok;
        },
        () => loadEngine(runtime),
        signal,
      );
      return;
    }
    loadEngine(runtime);
  },
});

function loadEngine(runtime: RuntimeLike): void {
  const url = browser.runtime.getURL(ONDEMAND_SCRIPT as '/ondemand.js');
  import(/* @vite-ignore */ url).catch((e: unknown) => {
    // The engine could not be loaded (extension reloaded mid-way, a broken build): say so, plainly.
    console.warn('[gouji] engine failed to load', e);
    document.documentElement.setAttribute(ATTR.state, STATE.error);
    const msg: Message = {
      type: 'gouji:result',
      state: STATE.error,
      report: null,
      error: `勾稽未能加载核对程序：${e instanceof Error ? e.message : String(e)}`,
    };
    runtime.sendMessage(msg).catch(() => {});
  });
}
