// What a gov.cn page that fails the gate gets from the light content script: html[data-gouji-state=none],
// one gouji:result to the background, and a message listener so the popup's requests are answered the
// same way as on report pages. No observer, no timer. `release()` hands the page over to the engine
// (the popup's "检查此页" on this page) with the attribute back as it was.
import { ATTR, STATE } from '../../lib/contract';
import { answer, type Handlers, type Message } from '../../lib/ext/protocol';
import { LIST_MIN_LINKS } from '../../lib/batch/list-gate';
import { mountListChip } from './list-chip';

export interface RuntimeLike {
  sendMessage(msg: Message): Promise<unknown>;
  onMessage: {
    addListener(cb: (msg: unknown) => Promise<unknown> | undefined): void;
    removeListener(cb: (msg: unknown) => Promise<unknown> | undefined): void;
  };
}

export interface Light {
  release(): void;
}

/**
 * On a list page (`listLinks` ≥ 2 report links) the page also gets a small chip, bottom right, offering the
 * batch: a button in a shadow root, removed with the marks. Page text is never read into it.
 */
export function settleNone(doc: Document, runtime: RuntimeLike, signal: AbortSignal, listLinks = 0): Light {
  const html = doc.documentElement;
  const before = html.getAttribute(ATTR.state);
  let visible = true;
  let chip: Element | null = null;
  const isList = listLinks >= LIST_MIN_LINKS;
  const show = (v: boolean) => {
    visible = v;
    if (v) html.setAttribute(ATTR.state, STATE.none);
    else if (before === null) html.removeAttribute(ATTR.state);
    else html.setAttribute(ATTR.state, before);
    if (v && isList && !chip)
      chip = mountListChip(
        doc,
        listLinks,
        () => void runtime.sendMessage({ type: 'gouji:open-batch', list: doc.location?.href ?? '' }).catch(() => {}),
      );
    if (!v && chip) {
      chip.remove();
      chip = null;
    }
  };
  show(true);
  const result: Message = isList
    ? { type: 'gouji:result', state: STATE.none, report: null, listLinks }
    : { type: 'gouji:result', state: STATE.none, report: null };
  runtime.sendMessage(result).catch(() => {});
  // The popup's requests, answered as on report pages (lib/ext/protocol.ts Replies).
  const handlers: Handlers = {
    'gouji:set-marks': (msg) => {
      show(msg.visible !== false);
      return visible;
    },
    'gouji:get-marks': () => visible,
    'gouji:focus': () => false,
  };
  const listener = (msg: unknown): Promise<unknown> | undefined => answer(handlers, msg, undefined);
  runtime.onMessage.addListener(listener);
  const release = () => {
    runtime.onMessage.removeListener(listener);
    show(false);
  };
  signal.addEventListener('abort', release, { once: true });
  return { release };
}

export interface WatchOptions {
  /** Stop watching after this long (the page is then decided: not a report). */
  maxMs?: number;
  /** Mutations are batched: the gate runs at most once per this many ms, and only after a change. */
  batchMs?: number;
}

/**
 * Late content: a page whose title and article arrive after load (XHR, templates, SPA shells). Until the
 * gate passes, one MutationObserver on the document notes that something changed; the gate is asked again
 * at most once per `batchMs`, only after a change, and for `maxMs` at most. A page that never changes costs
 * nothing but the observer's registration. Returns a function that stops watching.
 */
export function watchLate(
  doc: Document,
  passes: () => boolean,
  onPass: () => void,
  signal: AbortSignal,
  opts: WatchOptions = {},
): () => void {
  const maxMs = opts.maxMs ?? 10_000;
  const batchMs = opts.batchMs ?? 250;
  const MO = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    if (done) return;
    done = true;
    mo?.disconnect();
    if (timer) clearTimeout(timer);
    clearTimeout(deadline);
    signal.removeEventListener('abort', stop);
  };
  const check = () => {
    timer = null;
    if (done) return;
    if (passes()) {
      stop();
      onPass();
    }
  };
  const mo =
    MO && doc.documentElement
      ? new MO(() => {
          if (!timer && !done) timer = setTimeout(check, batchMs);
        })
      : null;
  // <title> changes are childList/characterData records in <head>; the article fills <body>.
  mo?.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const deadline = setTimeout(() => {
    if (timer) check();
    stop();
  }, maxMs);
  signal.addEventListener('abort', stop, { once: true });
  return stop;
}
