// Wiring of InPage to the extension APIs, shared by the content script and the on-demand script. Both
// run in the extension's isolated world of the same page, so a second start (the popup's "检查此页" on a
// gov.cn page the content script already handles) reuses the running instance instead of marking twice.
import { browser } from 'wxt/browser';
import { checkDocument } from '../../lib/check';
import { quickGate } from '../../lib/detect';
import { isGoujiMessage, type Message } from '../../lib/ext/protocol';
import type { PageStateValue } from '../../lib/contract';
import { InPage } from './app';

const KEY = '__goujiInPage';
type Holder = { [KEY]?: InPage };

export function boot(signal: AbortSignal, force: boolean): Promise<PageStateValue> {
  const holder = globalThis as unknown as Holder;
  const running = holder[KEY];
  if (running && !running.disposed) return running.start(force);

  const inpage = new InPage({
    doc: document,
    signal,
    analyze: (doc, opts) => checkDocument(doc, opts),
    gate: quickGate,
    send: (msg: Message) => browser.runtime.sendMessage(msg),
  });
  holder[KEY] = inpage;

  const listener = (msg: unknown): Promise<unknown> | undefined =>
    isGoujiMessage(msg) ? inpage.handleMessage(msg) : undefined;
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(listener);
    if (holder[KEY] === inpage) delete holder[KEY];
  }, { once: true });

  return inpage.start(force);
}
