// What a gov.cn page that fails the gate gets from the light content script: html[data-gouji-state=none],
// one gouji:result to the background, and a message listener so the popup's requests are answered the
// same way as on report pages. No observer, no timer. `release()` hands the page over to the engine
// (the popup's "检查此页" on this page) with the attribute back as it was.
import { ATTR, STATE } from '../../lib/contract';
import { isGoujiMessage, type Message } from '../../lib/ext/protocol';

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

export function settleNone(doc: Document, runtime: RuntimeLike, signal: AbortSignal): Light {
  const html = doc.documentElement;
  const before = html.getAttribute(ATTR.state);
  let visible = true;
  const show = (v: boolean) => {
    visible = v;
    if (v) html.setAttribute(ATTR.state, STATE.none);
    else if (before === null) html.removeAttribute(ATTR.state);
    else html.setAttribute(ATTR.state, before);
  };
  show(true);
  runtime.sendMessage({ type: 'gouji:result', state: STATE.none, report: null }).catch(() => {});
  const listener = (msg: unknown): Promise<unknown> | undefined => {
    if (!isGoujiMessage(msg)) return undefined;
    if (msg.type === 'gouji:set-marks') {
      show(msg.visible !== false);
      return Promise.resolve(visible);
    }
    if (msg.type === 'gouji:get-marks') return Promise.resolve(visible);
    if (msg.type === 'gouji:focus') return Promise.resolve(false);
    return undefined;
  };
  runtime.onMessage.addListener(listener);
  const release = () => {
    runtime.onMessage.removeListener(listener);
    show(false);
  };
  signal.addEventListener('abort', release, { once: true });
  return { release };
}
