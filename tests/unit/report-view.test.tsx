// @vitest-environment happy-dom
// The report view (components/report) with its real store, the popup's real browser host on fake-browser
// and the real background listeners, checking real files through entrypoints/report/check.ts (a DOCX written
// with merged cells, an OLE .doc): the counts are the popup's, the words switch with the popup's language,
// a flag made here is the popup's flag, and what cannot be read says what to do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { installBackground } from '../../entrypoints/background';
import { ReportPage } from '../../components/report/ReportPage';
import type { ReportViewStore } from '../../components/report/store';
import { reportViewStore } from '../support/report-view';
import { errorCounts } from '../../lib/errors';
import { LANG_KEY } from '../../lib/i18n';
import { docxFromHtml, fixtureHtml, oleFile } from '../fixtures/gen/files';

const b = fakeBrowser as unknown as typeof realBrowser;
let root: HTMLElement;

const makeStore = (): ReportViewStore => reportViewStore(b);

async function settle() {
  for (let i = 0; i < 8; i++)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
}

async function mount(): Promise<ReportViewStore> {
  const store = makeStore();
  await act(async () => {
    render(<ReportPage store={store} onFile={() => undefined} />, root);
    await store.init();
  });
  return store;
}

async function open(store: ReportViewStore, bytes: Uint8Array, name: string): Promise<void> {
  await act(async () => {
    await store.run(async () => ({ bytes, name }), name);
  });
  await settle();
}

const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const click = async (el: Element) => {
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
};

beforeEach(() => {
  fakeBrowser.reset();
  installBackground(b);
  // fake-browser has no i18n.getUILanguage: a Chinese browser.
  (fakeBrowser as unknown as { i18n: { getUILanguage: () => string } }).i18n.getUILanguage = () => 'zh-CN';
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

describe('the report view', () => {
  it('counts as the popup counts: errors by probable wrong cell, failing checks second', async () => {
    const store = await mount();
    await open(store, docxFromHtml(fixtureHtml('error-two')), 'error-two.docx');
    const phase = store.phase.value;
    expect(phase.kind).toBe('shown');
    const r = phase.kind === 'shown' ? phase.shown.report : null!;
    const n = errorCounts(r);
    expect(n.errors).toBeGreaterThan(0);
    expect($('#summary').dataset.state).toBe('report');
    expect($('#summary').dataset.errors).toBe(String(n.errors));
    expect($('#summary').dataset.fail).toBe(String(n.failingChecks));
    expect($('#summary').textContent).toBe(`已核对：✗ ${n.errors} 处错误，${n.failingChecks} 项核对不一致`);
    expect($('[data-count="errors"] > .count-n').textContent).toBe(String(n.errors));
    // Every value read is one marked cell; each culprit cell says the value it would need.
    expect($$('[data-gouji-field]')).toHaveLength(Object.keys(r.values).length);
    for (const c of r.checks.filter((k) => k.status === 'fail' && k.culprit)) {
      const cell = $(`[data-gouji-field="${c.culprit!.field}"]`);
      expect(cell.getAttribute('data-gouji-culprit')).toBe(String(c.culprit!.suggested));
      expect(cell.textContent).toContain(`应为 ${c.culprit!.suggested}？`);
    }
    // The other cells of a check that names its wrong cell carry no ✗ (they are not wrong themselves).
    const explained = $$('[data-gouji-fail]:not([data-gouji-culprit])').filter((td) =>
      td
        .getAttribute('data-gouji-fail')!
        .split(' ')
        .every((id) => r.checks.find((c) => c.id === id)?.culprit),
    );
    expect(explained.length).toBeGreaterThan(0);
    for (const td of explained) expect(td.textContent).not.toContain('✗');
    expect($$('button.copy')).toHaveLength(3);
  });

  it('switches language with the popup’s switch and remembers it for the popup', async () => {
    const store = await mount();
    await open(store, docxFromHtml(fixtureHtml('error-two')), 'error-two.docx');
    expect($('.read-tables h3').textContent).toBe('读取的表格');
    await click($('[data-action="lang"]'));
    expect((await fakeBrowser.storage.local.get(LANG_KEY))[LANG_KEY]).toBe('en');
    expect($('.read-tables h3').textContent).toBe('Tables as read');
    expect($('#summary').textContent).toMatch(
      /^Checked: ✗ (1 error|\d+ errors), (1 failing check|\d+ failing checks)$/,
    );
    expect($('[data-table="apply"] h4').textContent).toMatch(/^III\./);
    expect($('button.copy').textContent).toBe('Copy as a grid');
    // A new view opens in the stored language.
    render(null, root);
    const again = await mount();
    expect(again.popup.lang.value).toBe('en');
  });

  it('a flag made here is the popup’s flag (with its note), and shows as flagged', async () => {
    const store = await mount();
    await open(store, docxFromHtml(fixtureHtml('error-two')), 'error-two.docx');
    const li = $('li.finding:has([data-action="flag"])');
    const id = li.dataset.checkId!;
    await click(li.querySelector('[data-action="flag"]')!);
    $<HTMLTextAreaElement>(`[data-check-id="${id}"] textarea`).value = '需复核';
    await click($(`[data-check-id="${id}"] [data-action="flag-save"]`));
    expect($(`[data-check-id="${id}"]`).dataset.flagged).toBe('true');
    const stored = Object.values(await fakeBrowser.storage.local.get(null)).filter(
      (v) => (v as { checkId?: string }).checkId,
    );
    expect(stored).toMatchObject([{ checkId: id, note: '需复核' }]);
  });

  it('在页面中定位 focuses the wrong cell in the tables as read', async () => {
    const store = await mount();
    await open(store, docxFromHtml(fixtureHtml('error-two')), 'error-two.docx');
    const group = $('li.error-group');
    const field = group.dataset.error!.replace(/^cell:/, '');
    await click(group.querySelector('.finding-main')!);
    expect(document.activeElement?.getAttribute('data-gouji-field')).toBe(field);
  });

  it('.doc, .wps, .xls, .ofd: save as .docx or PDF — in Chinese, then in English; never "not a report"', async () => {
    const store = await mount();
    for (const name of ['年报.doc', '年报.wps', '统计表.xls', '年报.ofd']) {
      await open(store, name.endsWith('.ofd') ? docxFromHtml('<p>x</p>') : oleFile(), name);
      expect($('#error').textContent, name).toContain(`（${name}）：请另存为 .docx 或 PDF 后再检查`);
      expect(root.textContent).not.toContain('不是政府信息公开工作年度报告');
    }
    await click($('[data-action="lang"]'));
    await open(store, oleFile(), '年报.doc');
    expect($('#error').textContent).toContain('save it as .docx or PDF, then check that');
    expect($('#error').textContent).toContain('Error');
  });

  it('a later file wins over one still being read', async () => {
    const store = await mount();
    let release!: () => void;
    const slow = store.run(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ bytes: oleFile(), name: 'slow.doc' });
        }),
      'slow.doc',
    );
    await open(store, docxFromHtml(fixtureHtml('seed000-plain')), 'ok.docx');
    release();
    await act(async () => {
      await slow;
    });
    expect(store.phase.value.kind).toBe('shown');
    expect($('#summary').textContent).toContain('所有勾稽关系一致');
  });
});
