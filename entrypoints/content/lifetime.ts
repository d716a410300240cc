// How long our scripts in a page live — decided by the extension, never by the page.
//
// WXT's ContentScriptContext invalidates itself when it sees its "content script started" event on the
// document (the event name is derived from the public extension id: any page script can dispatch it), so a
// gov.cn page could switch Gouji off. Nothing of ours hangs off ctx.signal. Our lifetime ends only when the
// extension context itself is gone — `browser.runtime.id` reads undefined once the extension was reloaded,
// updated or removed. That is checked (cheaply) whenever something happens that may follow an update: a
// newer copy of the content script announcing itself (WXT's document event; the postMessage that copies of
// earlier versions also sent — ours no longer does: entrypoints/content/index.ts), the tab coming back
// into view, the user pointing at or focusing the page. A page can fire these events as often as it likes;
// all they do is make us look at `alive()`, which the page cannot influence.
export const INVALIDATED = 'gouji:extension-updated';

export interface LifetimeOptions {
  doc: Document;
  win: Window;
  /** true while the extension context is valid (`browser.runtime?.id != null`). */
  alive(): boolean;
  /** WXT's event name for "a newer content script started" (ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE). */
  startedEvent?: string;
}

export function extensionLifetime(o: LifetimeOptions): AbortSignal {
  const ctl = new AbortController();
  const check = () => {
    if (ctl.signal.aborted) return;
    let ok: boolean;
    try {
      ok = o.alive();
    } catch {
      ok = false;
    }
    if (!ok) ctl.abort(INVALIDATED);
  };
  const opts: AddEventListenerOptions = { capture: true, passive: true, signal: ctl.signal };
  if (o.startedEvent) {
    o.doc.addEventListener(o.startedEvent, check, opts);
    o.win.addEventListener(
      'message',
      (e) => {
        if ((e as MessageEvent).data?.type === o.startedEvent) check();
      },
      opts,
    );
  }
  o.doc.addEventListener('visibilitychange', check, opts);
  o.win.addEventListener('pageshow', check, opts);
  o.win.addEventListener('focus', check, opts);
  o.doc.addEventListener('pointerdown', check, opts);
  o.doc.addEventListener('keydown', check, opts);
  return ctl.signal;
}

/** `browser.runtime.id` without throwing (it throws or reads undefined once the context is invalidated). */
export function runtimeAlive(runtime: () => { id?: string } | undefined): () => boolean {
  return () => {
    try {
      return runtime()?.id != null;
    } catch {
      return false;
    }
  };
}
