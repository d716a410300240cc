// The few extension APIs the engine uses, without webextension-polyfill (29 KB of the engine, unminified:
// `npm run size:report`). Firefox gives content scripts its own promise-based `browser`; Chrome's MV3
// `chrome` returns promises too, and only two things need adapting, both as the polyfill does them, because
// the background (which keeps the polyfill) answers through it:
//  - onMessage: a listener answering with a promise gets `sendResponse` + `return true`; a rejection is
//    sent as the polyfill's `{ __mozWebExtensionPolyfillReject__, message }`, which the background turns back
//    into a rejection;
//  - sendMessage: the polyfill's rejection object becomes a rejection, and "the message port closed before
//    a response was received" (no listener answered) an undefined answer.

type Listener = (msg: unknown) => Promise<unknown> | undefined;
type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

export interface EngineApi {
  runtime: {
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(cb: Listener): void; removeListener(cb: Listener): void };
    /** An extension file's URL (a pack the engine imports: entrypoints/ondemand/packs.ts). */
    getURL?(path: string): string;
    /** The extension's id; undefined once the extension context is gone (reloaded, updated, removed). */
    readonly id?: string;
  };
  storage: {
    local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
    onChanged: { addListener(cb: StorageListener): void; removeListener(cb: StorageListener): void };
  };
  i18n?: { getUILanguage?(): string };
}

const REJECT = '__mozWebExtensionPolyfillReject__';
const PORT_CLOSED = 'The message port closed before a response was received.';

type ChromeListener = (msg: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined;
interface ChromeLike {
  runtime: {
    id?: string;
    getURL?(path: string): string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(cb: ChromeListener): void; removeListener(cb: ChromeListener): void };
  };
  storage: EngineApi['storage'];
  i18n?: EngineApi['i18n'];
}

/** Chrome's `chrome` with promise-answering listeners and the polyfill's error protocol. */
export function fromChrome(chrome: ChromeLike): EngineApi {
  const wrapped = new WeakMap<Listener, ChromeListener>();
  return {
    runtime: {
      get id() {
        return chrome.runtime.id;
      },
      getURL: chrome.runtime.getURL ? (path) => chrome.runtime.getURL!(path) : undefined,
      sendMessage: (msg) =>
        chrome.runtime.sendMessage(msg).then(
          (reply) => {
            if (reply && typeof reply === 'object' && (reply as Record<string, unknown>)[REJECT])
              throw new Error(String((reply as { message?: unknown }).message ?? 'rejected'));
            return reply;
          },
          (e: unknown) => {
            if (e instanceof Error && e.message === PORT_CLOSED) return undefined;
            throw e;
          },
        ),
      onMessage: {
        addListener(cb) {
          const w: ChromeListener = (msg, _sender, sendResponse) => {
            const answer = cb(msg);
            if (!answer) return undefined;
            answer.then(sendResponse, (e: unknown) =>
              sendResponse({ [REJECT]: true, message: e instanceof Error ? e.message : String(e) }),
            );
            return true;
          };
          wrapped.set(cb, w);
          chrome.runtime.onMessage.addListener(w);
        },
        removeListener(cb) {
          const w = wrapped.get(cb);
          if (w) chrome.runtime.onMessage.removeListener(w);
          wrapped.delete(cb);
        },
      },
    },
    storage: chrome.storage,
    i18n: chrome.i18n,
  };
}

/** The engine's API: Firefox's own `browser`, else Chrome's `chrome` adapted. */
export function engineApi(): EngineApi {
  const g = globalThis as unknown as { browser?: EngineApi & { runtime: { id?: string } }; chrome?: ChromeLike };
  if (g.browser?.runtime?.id) return g.browser;
  return fromChrome(g.chrome!);
}
