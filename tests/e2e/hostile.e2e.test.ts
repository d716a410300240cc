// Issue #13 in Chromium with the built extension: what a gov.cn page's own script tried in the audit.
//  - dispatching WXT's "content script started" event (its name is derived from the public extension id)
//    used to invalidate the running content script: marks gone, the popup got "Receiving end does not exist";
//  - clicking our buttons through the open shadow root created flags with the page's own note text;
//  - defining the custom-element name of our host disabled the UI.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTR, HOST_SELECTOR, PART, PERF } from '../../lib/contract';
import { FLAG_KEY_PREFIX } from '../../lib/flags/model';
import { launch, settled, type Launched } from './harness';
import { newsPage, sitePage } from '../support/pages';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, msg: unknown): Promise<unknown> };
  storage: { local: { get(k: null): Promise<Record<string, unknown>> } };
};

let L: Launched;
beforeAll(async () => {
  L = await launch();
});
afterAll(async () => {
  await L?.close();
});

const WRONG = { 'apply.new.natural_person': 165 };
const URL = 'https://www.zs.gov.cn/zwgk/hostile/art_1.html';

async function open(url: string, html: string): Promise<Page> {
  L.pages.set(url, html);
  const page = await L.context.newPage();
  await page.goto(url);
  return page;
}

const marksCount = (page: Page) => page.evaluate((a) => document.querySelectorAll(`[${a}]`).length, ATTR.field);

describe('a hostile gov.cn page', () => {
  it("cannot switch Gouji off with WXT's content-script-started event", async () => {
    const page = await open(URL + '?wxt', sitePage({ set: WRONG }));
    expect(await settled(page)).toBe('report');
    const before = await marksCount(page);
    expect(before).toBeGreaterThan(100);
    await page.evaluate((id) => {
      for (const entry of ['content', 'content-scripts/content']) {
        const type = `${id}:${entry}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'evil' } }));
        window.postMessage({ type, contentScriptName: 'content', messageId: 'evil' }, '*');
      }
    }, L.extensionId);
    await page.waitForTimeout(300);
    expect(await marksCount(page)).toBe(before);
    expect(await page.getAttribute('html', ATTR.state)).toBe('report');
    // The popup still reaches the content script.
    const answers = await L.serviceWorker.evaluate(
      async (m) => {
        const tabs = await chrome.tabs.query({});
        return Promise.all(tabs.map((t) => chrome.tabs.sendMessage(t.id!, m).catch((e: Error) => e.message)));
      },
      { type: 'gouji:get-marks' },
    );
    expect(answers).toContain(true);
    await page.close();
  });

  // WXT's content-script context announced each start with window.postMessage too (a deprecated path, beside
  // its document event): every gov.cn page's own message listeners woke up to a message carrying the
  // extension's id. The content script turns it off (noScriptStartedPostMessage).
  it('hears no message from Gouji on its window, report or not', async () => {
    for (const [url, html] of [
      [URL + '?msg-report', sitePage({ set: WRONG })],
      [URL.replace('art_1', 'news_1') + '?msg-news', newsPage()],
    ] as const) {
      L.pages.set(url, html);
      const page = await L.context.newPage();
      await page.addInitScript(() => {
        const heard: string[] = [];
        (window as unknown as { __heard: string[] }).__heard = heard;
        window.addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));
      });
      await page.goto(url);
      await page.waitForFunction((a) => document.documentElement.hasAttribute(a), ATTR.state);
      await page.waitForTimeout(300);
      const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
      expect(heard.filter((m) => m.includes(L.extensionId) || m.includes('wxt:'))).toEqual([]);
      await page.close();
    }
  });

  it('cannot flag findings by clicking our buttons from its own script', async () => {
    const page = await open(URL + '?click', sitePage({ set: WRONG }));
    expect(await settled(page)).toBe('report');
    await page.hover(`[${ATTR.field}="apply.new.total"]`); // the user's pointer opens a tooltip
    await expect.poll(() => page.locator(`${HOST_SELECTOR} [part~="${PART.tooltip}"]`).count()).toBe(1);
    const clicked = await page.evaluate(
      ({ sel, part }) => {
        const root = document.querySelector(sel)!.shadowRoot!;
        let n = 0;
        for (const b of root.querySelectorAll<HTMLElement>(`[part~="${part}"]`)) {
          b.click();
          n++;
        }
        for (const input of root.querySelectorAll<HTMLInputElement>('input.note')) {
          input.value = '页面脚本写的备注';
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        }
        for (const b of root.querySelectorAll<HTMLElement>('button.primary')) b.click();
        return n;
      },
      { sel: HOST_SELECTOR, part: PART.flag },
    );
    expect(clicked).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const stored = await L.serviceWorker.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored).filter((k) => k.startsWith(FLAG_KEY_PREFIX))).toEqual([]);
    expect(await page.locator(`${HOST_SELECTOR} input.note`).count()).toBe(0);
    await page.close();
  });

  it('cannot disable the UI by defining the custom element name we once used', async () => {
    const trap = `<script>customElements.define('gouji-ui', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'closed' }); } });</script>`;
    const page = await open(URL + '?ce', sitePage({ set: WRONG }).replace('<head>', `<head>${trap}`));
    expect(await settled(page)).toBe('report');
    await expect.poll(() => page.locator(`${HOST_SELECTOR} [part~="${PART.chip}"]`).count()).toBe(3);
    await page.close();
  });
  it('is analysed in many short tasks beside a 10,000-row table, with the same marks as a plain report', async () => {
    // Behaviour, not timers: the engine yields between the core's steps (several gouji:slice tasks) and the
    // page ends up with exactly the marks the same report gets without the big table.
    const rows = `<table>${'<tr><td>1</td></tr>'.repeat(10_000)}</table>`;
    const plain = await open(URL + '?plain', sitePage({ set: WRONG, textReceived: 199 }));
    expect(await settled(plain)).toBe('report');
    const read = (page: Page) =>
      page.evaluate(
        ({ f, c, x }) => ({
          fields: [...document.querySelectorAll(`[${f}]`)].map((e) => e.getAttribute(f)).sort(),
          culprit: [...document.querySelectorAll(`[${c}]`)].map((e) => `${e.getAttribute(f)}=${e.getAttribute(c)}`),
          fail: [...document.querySelectorAll(`[${x}]`)].map((e) => `${e.getAttribute(f)}:${e.getAttribute(x)}`).sort(),
        }),
        { f: ATTR.field, c: ATTR.culprit, x: ATTR.fail },
      );
    const want = await read(plain);
    await plain.close();
    const page = await open(
      URL + '?rows',
      sitePage({ set: WRONG, textReceived: 199 }).replace('</body>', `${rows}</body>`),
    );
    expect(await settled(page)).toBe('report');
    await expect.poll(() => read(page)).toEqual(want);
    expect(want.culprit).toEqual(['apply.new.natural_person=167']);
    const tasks = await page.evaluate(
      ({ slice, analyze }) => ({
        slices: performance.getEntriesByName(slice, 'measure').length,
        runs: performance.getEntriesByName(analyze, 'measure').length,
      }),
      { slice: PERF.slice, analyze: PERF.analyze },
    );
    expect(tasks.runs).toBe(1);
    expect(tasks.slices).toBeGreaterThan(1);
    await page.close();
  });
});
