// The engine's extension API without webextension-polyfill (entrypoints/ondemand/ext-api.ts): Chrome's
// `chrome` adapted the way the polyfill does it, so the background (which keeps the polyfill) sees the same
// answers, rejections and "no answer".
import { describe, expect, it } from 'vitest';
import { fromChrome } from '../../entrypoints/ondemand/ext-api';

type ChromeListener = (msg: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined;

function fakeChrome(reply: () => Promise<unknown>) {
  const listeners: ChromeListener[] = [];
  const chrome = {
    runtime: {
      id: 'x',
      sendMessage: () => reply(),
      onMessage: {
        addListener: (cb: ChromeListener) => void listeners.push(cb),
        removeListener: (cb: ChromeListener) => void listeners.splice(listeners.indexOf(cb), 1),
      },
    },
    storage: {
      local: { get: async () => ({}) },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  };
  /** Deliver a message as Chrome does; resolves with what the listener sent back (or 'no answer'). */
  const deliver = (msg: unknown) =>
    new Promise((resolve) => {
      let keep = false;
      for (const l of listeners) keep = l(msg, {}, resolve) === true || keep;
      if (!keep) resolve('no answer');
    });
  return { chrome, listeners, deliver };
}

describe('the engine API on Chrome (no polyfill)', () => {
  it('answers a message with the value its listener resolves to, and keeps the channel open for it', async () => {
    const f = fakeChrome(async () => undefined);
    const api = fromChrome(f.chrome);
    const cb = (msg: unknown) => ((msg as { type: string }).type === 'ours' ? Promise.resolve(42) : undefined);
    api.runtime.onMessage.addListener(cb);
    expect(await f.deliver({ type: 'ours' })).toBe(42);
    expect(await f.deliver({ type: 'other' })).toBe('no answer');
    api.runtime.onMessage.removeListener(cb);
    expect(f.listeners).toHaveLength(0);
  });

  it('sends a rejection as the polyfill does', async () => {
    const f = fakeChrome(async () => undefined);
    fromChrome(f.chrome).runtime.onMessage.addListener(() => Promise.reject(new Error('boom')));
    expect(await f.deliver({})).toEqual({ __mozWebExtensionPolyfillReject__: true, message: 'boom' });
  });

  it('reads the polyfill’s rejection and a closed port like the polyfill', async () => {
    const rejected = fromChrome(
      fakeChrome(async () => ({ __mozWebExtensionPolyfillReject__: true, message: 'no' })).chrome,
    );
    await expect(rejected.runtime.sendMessage({})).rejects.toThrow('no');
    const closed = fromChrome(
      fakeChrome(() => Promise.reject(new Error('The message port closed before a response was received.'))).chrome,
    );
    await expect(closed.runtime.sendMessage({})).resolves.toBeUndefined();
    const gone = fromChrome(fakeChrome(() => Promise.reject(new Error('Receiving end does not exist.'))).chrome);
    await expect(gone.runtime.sendMessage({})).rejects.toThrow('Receiving end');
    const ok = fromChrome(fakeChrome(async () => ({ checkIds: ['a'] })).chrome);
    await expect(ok.runtime.sendMessage({})).resolves.toEqual({ checkIds: ['a'] });
  });

  it('reads the extension id live: undefined once the extension context is gone', () => {
    const f = fakeChrome(async () => undefined);
    const api = fromChrome(f.chrome);
    expect(api.runtime.id).toBe('x');
    (f.chrome.runtime as { id?: string }).id = undefined;
    expect(api.runtime.id).toBeUndefined();
  });
});
