// @vitest-environment happy-dom
// The batch page and the 历史 page with their real stores: fetches answered from fixture pages (no network),
// storage.local from fake-browser (through the popup's own language plumbing), history on fake-indexeddb.
// What is shown: errors counted as the popup counts them (one per probable wrong cell, plus the text's
// contradictions) with the failing checks as a second figure; Chinese first, English when chosen (the
// popup's stored choice), state names from the one vocabulary.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { IDBFactory } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';
import { commonHost } from '../../../entrypoints/popup/host';
import { BatchPage } from '../../../components/batch/BatchPage';
import { BatchStore } from '../../../components/batch/store';
import { HistoryPage } from '../../../components/history/HistoryPage';
import { HistoryStore } from '../../../components/history/store';
import { inspectDocument } from '../../../lib/batch/inspect';
import { History } from '../../../lib/history/store';
import { errorCounts } from '../../../lib/errors';
import { checkDocument } from '../../../lib/check';
import { LANG_KEY } from '../../../lib/i18n';
import type { KeyValueArea } from '../../../lib/ext/tabs';
import { FIXTURE_DIR } from '../../support/fixtures';

const b = fakeBrowser as unknown as typeof realBrowser;
const SITE = 'https://www.zs.gov.cn';
const LIST = `${SITE}/nj/list.html`;
const page = (name: string) => readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8');
const PAGES: Record<string, string> = {
  '/nj/a.html': page('error-addend'),
  '/nj/b.html': page('seed000-plain'),
  '/nj/c.html': page('news'),
  '/nj/d.html': page('error-two'),
};
const TITLES = [
  '甲局2024年度政府信息公开工作年度报告',
  '乙局2024年度政府信息公开工作年度报告',
  '丙局2024年度报告',
  '丁局2024年度报告',
];
const LIST_HTML = `<!doctype html><meta charset="utf-8"><title>年报</title><ul>${['a', 'b', 'c', 'd', 'e']
  .map((k, i) => `<li><a href="/nj/${k}.html">${TITLES[i] ?? '戊局2024年度政府信息公开工作年度报告'}</a></li>`)
  .join('')}</ul>`;

const fetchFake: typeof fetch = async (input) => {
  const u = new URL(String(input));
  const body = u.pathname === '/nj/list.html' ? LIST_HTML : PAGES[u.pathname];
  const res = new Response(body ?? 'not found', {
    status: body ? 200 : 404,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  Object.defineProperty(res, 'url', { value: u.href });
  return res;
};

let root: HTMLElement;
let idb: IDBFactory;
beforeEach(() => {
  fakeBrowser.reset();
  // fake-browser leaves i18n to the test: a Chinese browser unless a test says otherwise.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
  idb = new IDBFactory();
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
});

const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const click = (el: Element) =>
  act(async () => {
    (el as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 0));
  });

async function runBatch(): Promise<BatchStore> {
  const common = commonHost(b, document);
  let h: Promise<History | null> | null = null;
  const store = new BatchStore({
    fetch: fetchFake,
    area: fakeBrowser.storage.local as unknown as KeyValueArea,
    history: () => (h ??= History.open(idb)),
    inspect: (html, url) => inspectDocument(parseHTML(html).document as unknown as Document, url),
    download: () => undefined,
    href: `chrome-extension://x/batch.html?list=${encodeURIComponent(LIST)}`,
    setDone: (s) => document.documentElement.setAttribute('data-gouji-batch', s),
    loadLang: common.loadLang,
    saveLang: common.saveLang,
  });
  await act(async () => {
    render(<BatchPage store={store} />, root);
    await store.init();
  });
  return store;
}

const expected = (path: string) =>
  errorCounts(checkDocument(parseHTML(PAGES[path]!).document as unknown as Document, { url: `${SITE}${path}` }).report);

describe('batch page', () => {
  it('counts errors (one per culprit cell) with the failing checks as a second figure; data-fail stays failing checks', async () => {
    await runBatch();
    expect(document.documentElement.getAttribute('data-gouji-batch')).toBe('done');
    const rows = $$('tr[data-gouji-report]');
    expect(rows).toHaveLength(5);
    const a = expected('/nj/a.html');
    const d = expected('/nj/d.html');
    // error-addend: one wrong cell breaks two checks — one error
    expect(a.errors).toBeLessThan(a.failingChecks);
    expect(rows[0]!.dataset).toMatchObject({
      state: 'report',
      errors: String(a.errors),
      fail: String(a.failingChecks),
    });
    expect(rows[0]!.textContent).toContain(`${a.errors} 处错误`);
    expect(rows[0]!.textContent).toContain(`${a.failingChecks} 项核对不一致`);
    expect(rows[3]!.dataset).toMatchObject({ errors: String(d.errors), fail: String(d.failingChecks) });
    expect(rows[1]!.dataset).toMatchObject({ state: 'report', errors: '0', fail: '0' });
    expect(rows[1]!.textContent).toContain('无错误');
    expect(rows[2]!.dataset.state).toBe('none');
    expect(rows[2]!.textContent).toContain('不是年度报告');
    expect(rows[4]!.dataset).toMatchObject({ state: 'error', errors: '0' });
    expect(rows[4]!.textContent).toContain('HTTP 404');
    // the summary line: reports with errors, their errors and failing checks
    const sum = root.querySelector<HTMLElement>('[data-batch-with-errors]')!;
    expect(sum.dataset.batchWithErrors).toBe('2');
    expect(sum.textContent).toBe(
      `有错误 2 份（共 ${a.errors + d.errors} 处错误，${a.failingChecks + d.failingChecks} 项核对不一致）`,
    );
    expect(root.querySelector('th:nth-child(6)')!.textContent).toBe('错误');
  });

  it('switches to English with the popup’s switch and remembers it; opens in English when the popup chose it', async () => {
    await runBatch();
    await click(root.querySelector('[data-action="lang"]')!);
    expect(root.querySelector('main')!.getAttribute('lang')).toBe('en');
    expect(root.querySelector('h1')!.textContent).toBe('Gouji · Batch check');
    const rows = $$('tr[data-gouji-report]');
    expect(rows[0]!.textContent).toMatch(/\d+ errors/);
    expect(rows[0]!.textContent).toMatch(/\d+ failing checks/);
    expect(rows[0]!.textContent).toContain('Table III');
    expect(rows[2]!.textContent).toContain('Not a report');
    expect(rows[2]!.textContent).not.toContain('不是');
    expect(root.querySelector('[role="status"]')!.textContent).toMatch(/^Done: 5\/5 reports/);
    expect((await fakeBrowser.storage.local.get(LANG_KEY))[LANG_KEY]).toBe('en');

    render(null, root);
    const again = await runBatch();
    expect(again.lang.value).toBe('en');
    expect(root.querySelector('h1')!.textContent).toBe('Gouji · Batch check');
  });

  it('an English browser with no stored choice gets English', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    await runBatch();
    expect(root.querySelector('th:nth-child(6)')!.textContent).toBe('Errors');
  });
});

describe('历史 page', () => {
  it('lists what the batch kept, errors counted as in the batch, in Chinese then English', async () => {
    await runBatch();
    render(null, root);
    const store = new HistoryStore({
      history: () => History.open(idb),
      download: () => undefined,
      ...(({ loadLang, saveLang }) => ({ loadLang, saveLang }))(commonHost(b, document)),
    });
    await act(async () => {
      render(<HistoryPage store={store} />, root);
      await store.init();
    });
    const rows = $$('tr[data-history-url]');
    expect(rows).toHaveLength(4); // the 404 is not kept
    const a = rows.find((r) => r.dataset.historyUrl === `${SITE}/nj/a.html`)!;
    expect(a.dataset.errors).toBe(String(expected('/nj/a.html').errors));
    expect(root.textContent).toContain('共 4 条，显示 4 条');
    expect(rows.find((r) => r.dataset.state === 'none')!.textContent).toContain('不是年度报告');
    await click(root.querySelector('[data-action="lang"]')!);
    expect(root.querySelector('h1')!.textContent).toBe('Gouji · History');
    expect(root.textContent).toContain('4 reports, 4 shown');
    expect($$('tr[data-history-url]').find((r) => r.dataset.state === 'none')!.textContent).toContain('Not a report');
    expect([...root.querySelectorAll('option')].map((o) => o.textContent)).toContain('Tables in an attachment');
  });
});
