// Shared by the in-page unit tests: a fresh happy-dom window per page, an InPage wired to the real core
// and a recording `send`, and readers of the page contract.
import type { Window } from 'happy-dom';
import { pageWindow } from './dom';
import { checkDocument } from '../../lib/check';
import { quickGate } from '../../lib/detect';
import { ANCHOR_SELECTOR, ATTR, HOST_SELECTOR, PART } from '../../lib/contract';
import { typedSend, type Message } from '../../lib/ext/protocol';
import { InPage } from '../../entrypoints/ondemand/app';
import { setTrustCheck } from '../../components/inpage/trust';

// happy-dom dispatches nothing trusted: these tests stand for the user's own clicks and keys.
// (tests/unit/inpage-hostile.test.ts keeps the real check.)
setTrustCheck(() => true);

export interface Harness {
  win: Window;
  doc: Document;
  inpage: InPage;
  sent: Message[];
  abort: AbortController;
  /** What `send` answers (per message type); throw to simulate a missing background. */
  replies: Partial<Record<Message['type'], unknown>>;
}

/** The address the in-page tests' pages live at (the seed-000 report's site). */
export const PAGE_URL = 'https://www.zs.gov.cn/zwgk/art/2025/1/23/art_1.html';

export function openPage(
  html: string,
  url = PAGE_URL,
  opts: { quietMs?: number; blankAsZero?: boolean } = {},
): Harness {
  const win = pageWindow(html, url);
  const doc = win.document as unknown as Document;
  const sent: Message[] = [];
  const replies: Harness['replies'] = {};
  const abort = new AbortController();
  const inpage = new InPage({
    doc,
    signal: abort.signal,
    analyze: (d, o) => checkDocument(d, opts.blankAsZero ? { ...o, blankAsZero: true } : o),
    gate: quickGate,
    send: typedSend(async (msg) => {
      sent.push(msg);
      const r = replies[msg.type];
      if (r instanceof Error) throw r;
      return r;
    }),
    quietMs: opts.quietMs ?? 20,
    lateContentMs: 200,
  });
  return { win, doc, inpage, sent, abort, replies };
}

export function html(doc: Document): string {
  return doc.documentElement.outerHTML;
}

/** Cells carrying `name`, as field id → attribute value. */
export function marked(doc: Document, name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of doc.querySelectorAll(`[${name}]`))
    out.set(el.getAttribute(ATTR.field) ?? el.localName, el.getAttribute(name)!);
  return out;
}

export function shadow(doc: Document): ShadowRoot {
  const host = doc.querySelector(HOST_SELECTOR);
  if (!host?.shadowRoot) throw new Error('no shadow host');
  return host.shadowRoot;
}

/** Lay the shadow UI out now (the page does it in an animation frame) and let Preact render. */
export async function ui(h: Harness): Promise<ShadowRoot> {
  h.inpage.relayout();
  await sleep(0);
  return shadow(h.doc);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Our focusable marks (`target` buttons in the keyboard anchors' shadow roots), in page order. */
export function targets(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll(ANCHOR_SELECTOR)].flatMap((a) => [
    ...(a.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${PART.target}"]`) ?? []),
  ]);
}

/** The focused mark (inside its anchor's shadow root), or null. */
export function focusedTarget(doc: Document): HTMLElement | null {
  // The document sees the anchor's host as focused; its own shadow root knows which mark.
  const host = doc.activeElement;
  if (!host?.matches(ANCHOR_SELECTOR)) return null;
  return (host.shadowRoot?.activeElement as HTMLElement | null | undefined) ?? null;
}
