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
import { BatchStore, type BatchHost } from '../../../components/batch/store';
import { HistoryPage } from '../../../components/history/HistoryPage';
import { HISTORY_IMPORT_MAX_BYTES, HistoryStore } from '../../../components/history/store';
import { inspectDocument } from '../../../lib/batch/inspect';
import { History } from '../../../lib/history/store';
import { errorCounts } from '../../../lib/errors';
import { checkDocument } from '../../../lib/check';
import { LANG_KEY } from '../../../lib/i18n';
import type { KeyValueArea } from '../../../lib/ext/tabs';
import { FIXTURE_DIR } from '../../support/fixtures';
import { FILES_DIR } from '../../fixtures/gen/files';
import { loadPdfjs } from '../../support/read-files';
import { attachmentReader } from '../../../lib/batch/attachment';
import { readAttachment as cliReadAttachment } from '../../../bin/urls';

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

/** Files served besides the pages (attachments), by path. */
const FILES: Record<string, Uint8Array<ArrayBuffer>> = {};
let listHtml = LIST_HTML;

const fetchFake: typeof fetch = async (input) => {
  const u = new URL(String(input));
  const file = FILES[u.pathname];
  const body = file ?? (u.pathname === '/nj/list.html' ? listHtml : PAGES[u.pathname]);
  const res = new Response(body ?? 'not found', {
    status: body ? 200 : 404,
    headers: { 'content-type': file ? 'application/pdf' : 'text/html; charset=utf-8' },
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
  listHtml = LIST_HTML;
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
});

const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const click = (el: Element) =>
  act(async () => {
    (el as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 0));
  });

async function runBatch(readAttachment?: BatchHost['readAttachment']): Promise<BatchStore> {
  const common = commonHost(b, document);
  let h: Promise<History | null> | null = null;
  const store = new BatchStore({
    fetch: fetchFake,
    area: fakeBrowser.storage.local as unknown as KeyValueArea,
    history: () => (h ??= History.open(idb)),
    inspect: (html, url) => inspectDocument(parseHTML(html).document as unknown as Document, url),
    download: () => undefined,
    ...(readAttachment ? { readAttachment } : {}),
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
    // English counts agree in number: "1 error", "2 failing checks" (error-addend: one wrong cell, two checks).
    const a = expected('/nj/a.html');
    expect(rows[0]!.textContent).toContain(a.errors === 1 ? '1 error' : `${a.errors} errors`);
    expect(rows[0]!.textContent).not.toContain('1 errors');
    expect(rows[0]!.textContent).toContain(`${a.failingChecks} failing checks`);
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

describe('batch page: reports in attachments', () => {
  const attachmentPage = (title: string, href: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>
<p>一、总体情况</p><p>详见附件。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>
<p>附件：<a href="${href}">${title}.pdf</a></p></body></html>`;
  const readAttachment = attachmentReader(
    loadPdfjs,
    (html, opts) => checkDocument(new DOMParser().parseFromString(html, 'text/html'), opts).report,
  );

  it('reads a listed report whose tables are in a PDF (state report, source pdf, the CLI’s findings); an unreadable one says why, in English too', async () => {
    const pdf = new Uint8Array(readFileSync(join(FILES_DIR, 'error-two.pdf')));
    FILES['/nj/files/audit.pdf'] = pdf;
    FILES['/nj/files/scan.pdf'] = new Uint8Array(readFileSync(join(FILES_DIR, 'scanned.pdf')));
    PAGES['/nj/p.html'] = attachmentPage('测试市审计局2024年度政府信息公开工作年度报告', 'files/audit.pdf');
    PAGES['/nj/s.html'] = attachmentPage('测试市统计局2024年度政府信息公开工作年度报告', '/nj/files/scan.pdf');
    listHtml = `<!doctype html><meta charset="utf-8"><title>年报</title><ul>
<li><a href="/nj/p.html">测试市审计局2024年度政府信息公开工作年度报告</a></li>
<li><a href="/nj/s.html">测试市统计局2024年度政府信息公开工作年度报告</a></li>
<li><a href="/nj/c.html">丙局2024年度报告</a></li>
<li><a href="/nj/e.html">戊局2024年度政府信息公开工作年度报告</a></li></ul>`;
    try {
      await runBatch(readAttachment);
      const rows = $$('tr[data-gouji-report]');
      expect(rows.map((r) => r.dataset.state)).toEqual(['report', 'attachment', 'none', 'error']);
      // The PDF's findings equal the CLI's reading of the same file through the same page.
      const cli = await cliReadAttachment(pdf, `${SITE}/nj/files/audit.pdf`);
      const want = errorCounts(cli);
      expect(want.errors).toBeGreaterThan(0);
      expect(rows[0]!.dataset).toMatchObject({
        source: 'pdf',
        errors: String(want.errors),
        fail: String(want.failingChecks),
      });
      expect(rows[0]!.textContent).toContain('读自 PDF 附件');
      expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe(
        `report.html?url=${encodeURIComponent(`${SITE}/nj/files/audit.pdf`)}`,
      );
      expect(rows[1]!.textContent).toContain('PDF 为扫描图片，无法读取文字');
      // In English every reason is English (addresses stay as they are).
      await click(root.querySelector('[data-action="lang"]')!);
      const reasons = $$('tr[data-gouji-report] .reason').map((e) => e.textContent!.replace(/https?:\/\/\S+/g, ''));
      expect(reasons).toHaveLength(3);
      for (const r of reasons) expect(r).not.toMatch(/[\u4e00-\u9fff]/);
      expect(reasons[0]).toContain('The PDF is a scanned image');
      expect(reasons[2]).toBe('HTTP 404');
      expect(rows[0]!.textContent).toContain('read from the PDF attachment');
    } finally {
      for (const k of Object.keys(FILES)) delete FILES[k];
      delete PAGES['/nj/p.html'];
      delete PAGES['/nj/s.html'];
    }
  });
});

describe('历史 page', () => {
  /** The batch run first (its reports kept), then the 历史 page mounted over that history. */
  async function mountHistory(): Promise<HistoryStore> {
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
    return store;
  }

  it('lists what the batch kept, errors counted as in the batch, in Chinese then English', async () => {
    await mountHistory();
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

  it('a picked file larger than any history export is refused by its size, never read, and the history is kept', async () => {
    const store = await mountHistory();
    let reads = 0;
    await act(async () => {
      await store.importFile({ size: HISTORY_IMPORT_MAX_BYTES + 1, text: () => (reads++, Promise.resolve('')) });
    });
    expect(reads).toBe(0);
    expect(root.querySelector('.toast-slot')!.textContent).toContain('文件过大（256 MB），不是勾稽导出的文件');
    expect($$('tr[data-history-url]')).toHaveLength(4);
  });
});
