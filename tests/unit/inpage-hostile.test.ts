// Issue #13, "the page cannot steer us": what a page script can do to the in-page UI with the real trust
// check (this file does not relax it, unlike the users of tests/support/inpage.ts). Real DOM (happy-dom), real core.
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { pageWindow } from '../support/dom';
import { ANCHOR_SELECTOR, ATTR, HOST_SELECTOR, PART, STATE } from '../../lib/contract';
import { checkDocument } from '../../lib/check';
import { quickGate } from '../../lib/detect';
import { typedSend, type Message } from '../../lib/ext/protocol';
import { InPage } from '../../entrypoints/ondemand/app';
import { pageCss } from '../../entrypoints/ondemand/marks';
import { extensionLifetime, INVALIDATED, runtimeAlive } from '../../entrypoints/content/lifetime';
import { pageChipText } from '../../components/inpage/strings';
import { sitePage } from '../support/pages';

const WRONG = { 'apply.new.natural_person': 165 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface H {
  win: Window;
  doc: Document;
  inpage: InPage;
  sent: Message[];
  abort: AbortController;
}
let h: H | null = null;
afterEach(() => {
  h?.abort.abort();
  h?.win.close();
  h = null;
});

function open(html: string, before?: (win: Window) => void): H {
  const win = pageWindow(html, 'https://www.zs.gov.cn/zwgk/art/2025/1/23/art_1.html', before);
  const doc = win.document as unknown as Document;
  const sent: Message[] = [];
  const abort = new AbortController();
  const inpage = new InPage({
    doc,
    signal: abort.signal,
    analyze: (d, o) => checkDocument(d, o),
    gate: quickGate,
    send: typedSend(async (msg) => {
      sent.push(msg);
      return msg.type === 'gouji:flag-add' ? { ok: true } : undefined;
    }),
    quietMs: 20,
    lateContentMs: 200,
  });
  return { win, doc, inpage, sent, abort };
}

async function layer(x: H): Promise<ShadowRoot> {
  x.inpage.relayout();
  await sleep(0);
  return x.doc.querySelector(HOST_SELECTOR)!.shadowRoot!;
}

describe('a page script cannot act through our UI', () => {
  it('synthetic clicks and keys (isTrusted false) on our buttons flag nothing and pin nothing', async () => {
    h = open(sitePage({ set: WRONG }));
    expect(await h.inpage.start()).toBe(STATE.report);
    const root = await layer(h);
    // What the page did in the audit: focus a mark (a focus event only shows the tooltip), press Enter,
    // click "标记跟进", type a note, click save.
    // Our marks are in the keyboard anchors' shadow roots (not tests/support/inpage: it trusts every event).
    const target = h.doc
      .querySelector(ANCHOR_SELECTOR)!
      .shadowRoot!.querySelector<HTMLElement>(`[part~="${PART.target}"][data-key="apply.new.total"]`)!;
    target.dispatchEvent(new h.win.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }) as unknown as Event);
    await sleep(0);
    expect(h.inpage.store.active.peek()?.pinned ?? false).toBe(false);
    h.inpage.activate('apply.new.total', 'pin'); // the user pins it (our own call, as a real Enter would)
    await sleep(0);
    const flagBtn = root.querySelector<HTMLElement>(`[part~="${PART.flag}"]`)!;
    expect(flagBtn).not.toBeNull();
    flagBtn.click();
    await sleep(0);
    expect(root.querySelector('input.note')).toBeNull(); // the synthetic click opened nothing
    // Even with the editor open (the user opened it), a synthetic save or Enter does not save.
    flagBtn.dispatchEvent(new h.win.MouseEvent('click', { bubbles: true }) as unknown as Event);
    await sleep(0);
    expect(h.sent.filter((m) => m.type === 'gouji:flag-add')).toEqual([]);
    // The chips do not move the focus either.
    const chip = root.querySelector<HTMLElement>(`[part~="${PART.chip}"][data-table="apply"]`)!;
    const focused = root.activeElement;
    chip.click();
    await sleep(0);
    expect(root.activeElement).toBe(focused);
    expect(h.doc.querySelectorAll(`[${ATTR.flash}]`)).toHaveLength(0);
  });

  it('synthetic pointer events on the page do not open tooltips', async () => {
    h = open(sitePage({ set: WRONG }));
    await h.inpage.start();
    await layer(h);
    const total = h.doc.querySelector(`[${ATTR.field}="apply.new.total"]`)!;
    total.dispatchEvent(new h.win.PointerEvent('pointerover', { bubbles: true }) as unknown as Event);
    await sleep(0);
    expect(h.inpage.store.active.peek()).toBeNull();
    expect(h.doc.querySelectorAll(`[${ATTR.related}]`)).toHaveLength(0);
  });

  it('a page that defined the custom element name we used ("gouji-ui") does not stop the marks', async () => {
    h = open(sitePage({ set: WRONG }), (win) => {
      class Trap extends win.HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'closed' }); // our attachShadow on it would throw
        }
      }
      win.customElements.define('gouji-ui', Trap);
    });
    expect(await h.inpage.start()).toBe(STATE.report);
    const root = await layer(h);
    expect(root.querySelectorAll(`[part~="${PART.chip}"]`)).toHaveLength(3);
    expect(h.doc.querySelector(HOST_SELECTOR)!.localName).toBe('div');
  });

  it("page-set data-gouji-* attributes are not styled as our marks: the stylesheet needs this load's token", async () => {
    const forged =
      '<td data-gouji-fail="x" data-gouji-total="x" data-gouji-culprit="1" data-gouji-mark="guess" data-gouji-related="" data-gouji-flash="">';
    h = open(sitePage({ set: WRONG }).replace('<body>', `<body><table id="forged"><tr>${forged}0</td></tr></table>`));
    await h.inpage.start();
    const style = h.doc.querySelector(`style[${ATTR.style}]`)!.textContent!;
    const selectors = style
      .split('\n')
      .filter((l) => l.startsWith('['))
      .map((l) => l.slice(0, l.indexOf('{')));
    expect(selectors.length).toBeGreaterThanOrEqual(7);
    const forgedCell = h.doc.querySelector('#forged td')!;
    for (const sel of selectors) expect(forgedCell.matches(sel), sel).toBe(false);
    // Our own marked cells do match (the total of a failing row).
    const ours = h.doc.querySelector(`[${ATTR.field}="apply.new.total"]`)!;
    expect(selectors.some((sel) => ours.matches(sel))).toBe(true);
    // Two loads, two tokens.
    expect(pageCss('a')).not.toBe(pageCss('b'));
    h.inpage.setVisible(false);
    expect(forgedCell.getAttribute('data-gouji-mark')).toBe('guess'); // the page's own attributes untouched
  });
});

describe('a page cannot hide its prose from us', () => {
  it('prose dressed as our UI (data-gouji-ui, our host selector) is still read and checked', async () => {
    // The paragraph says 199 received; table 三 says 189. Before: the prose walker skipped any element
    // carrying data-gouji-ui, so this contradiction went unreported.
    const page = sitePage({ textReceived: 199 })
      .replace('<p>（二）', '<p data-gouji-ui>（二）')
      .replace('<p>2024年以来', '<div data-gouji-ui="x"><p>2024年以来');
    h = open(page.replace('<p>二、主动公开', '</div><p>二、主动公开'));
    expect(await h.inpage.start()).toBe(STATE.report);
    const claims = h.inpage.analysis!.report.narrative.filter((c) => c.field === 'apply.new.total');
    expect(claims.map((c) => [c.value, c.status])).toEqual([[199, 'fail']]);
    // Our own layer is mounted and a re-run reads the same prose: its text is never read as the page's.
    h.inpage.relayout();
    await sleep(0);
    expect(h.inpage.layer.shadow.querySelectorAll(`[part~="${PART.chip}"]`).length).toBeGreaterThan(0);
    h.inpage.run();
    expect(h.inpage.analysis!.report.narrative.map((c) => c.quote)).toEqual(claims.map((c) => c.quote));
  });
});

describe('the page cannot switch Gouji off', () => {
  it("WXT's content-script-started event from the page does nothing while the extension is alive", () => {
    const win = new Window({ url: 'https://www.zs.gov.cn/a.html' });
    const doc = win.document as unknown as Document;
    let alive = true;
    const name = 'abcdefghijklmnop:content:wxt:content-script-started';
    const signal = extensionLifetime({
      doc,
      win: win as unknown as globalThis.Window,
      alive: () => alive,
      startedEvent: name,
    });
    doc.dispatchEvent(
      new win.CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'evil' } }) as unknown as Event,
    );
    win.dispatchEvent(
      new win.MessageEvent('message', { data: { type: name, contentScriptName: 'content', messageId: 'evil' } }),
    );
    doc.dispatchEvent(new win.Event('visibilitychange') as unknown as Event);
    expect(signal.aborted).toBe(false);
    // The extension really was updated: the next such event (or the user's next click) ends our lifetime.
    alive = false;
    doc.dispatchEvent(new win.Event('pointerdown') as unknown as Event);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(INVALIDATED);
    expect(runtimeAlive(() => undefined)()).toBe(false);
    expect(
      runtimeAlive(() => {
        throw new Error('Extension context invalidated.');
      })(),
    ).toBe(false);
    expect(runtimeAlive(() => ({ id: 'x' }))()).toBe(true);
    win.close();
  });

  it('after a real update the old marks are removed and the chip says "勾稽已更新，请刷新本页"', async () => {
    h = open(sitePage({ set: WRONG }));
    const before = h.doc.documentElement.outerHTML;
    await h.inpage.start();
    h.inpage.retire(pageChipText.updated());
    await sleep(0);
    const root = h.doc.querySelector(HOST_SELECTOR)!.shadowRoot!;
    const chips = [...root.querySelectorAll(`[part~="${PART.chip}"]`)];
    expect(chips).toHaveLength(1);
    expect(chips[0]!.textContent).toContain('勾稽已更新，请刷新本页');
    expect(h.doc.querySelectorAll(ANCHOR_SELECTOR)).toHaveLength(0);
    // Only the host with that one chip remains: every attribute on the page is back as it was.
    h.doc.querySelector(HOST_SELECTOR)!.remove();
    expect(h.doc.documentElement.outerHTML).toBe(before);
  });
});
