// @vitest-environment happy-dom
// The popup with a real PopupStore, the real browser host (entrypoints/popup/host.ts) running on
// fake-browser, and the real background listeners on the same fake browser: what the view shows comes
// through the same message and storage paths as in Chromium. Only the page side (content script) is
// played by the test: tabs.sendMessage / scripting.executeScript are not in fake-browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { installBackground } from '../../entrypoints/background';
import { createPopupHost } from '../../entrypoints/popup/host';
import { Popup } from '../../components/popup/Popup';
import { PopupStore } from '../../components/popup/store';
import type { Message } from '../../lib/ext/protocol';
import { badgeFor, findingCounts } from '../../lib/ext/tabs';
import { BLANK_AS_ZERO_KEY, LANG_KEY } from '../../lib/i18n';
import { checkHtml } from '../../lib/html/check-html';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../lib/types';
import { consistentReport, sampleReport, SAMPLE_URL } from '../support/sample-report';

const b = fakeBrowser as unknown as typeof realBrowser;
const TAB = 12;

let pageMessages: Message[];
let onDemandReport: Report | null;
let root: HTMLElement;

async function deliverResult(report: Report | null, state: 'report' | 'none' = report ? 'report' : 'none') {
  await new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { type: 'gouji:result', state, report },
      { tab: { id: TAB, url: SAMPLE_URL } } as never,
      () => resolve(),
    );
  });
}

async function mount(search = `?tabId=${TAB}`): Promise<PopupStore> {
  const store = new PopupStore(createPopupHost(b, document, search));
  await act(async () => {
    render(<Popup store={store} />, root);
    await store.init();
  });
  await settle();
  return store;
}

async function settle() {
  for (let i = 0; i < 5; i++)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
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
  pageMessages = [];
  onDemandReport = null;
  // The content script of tab TAB.
  (fakeBrowser.tabs as { sendMessage: unknown }).sendMessage = vi.fn(async (tabId: number, msg: Message) => {
    if (tabId !== TAB) throw new Error('Could not establish connection. Receiving end does not exist.');
    pageMessages.push(msg);
    if (msg.type === 'gouji:get-marks') return true;
    if (msg.type === 'gouji:set-marks') return msg.visible;
    return true;
  });
  // /ondemand.js: analyses the page and sends its result, as entrypoints/ondemand/index.ts does.
  (fakeBrowser.scripting as { executeScript: unknown }).executeScript = vi.fn(
    async ({ target }: { target: { tabId: number } }) => {
      if (target.tabId !== TAB)
        throw new Error(
          'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
        );
      setTimeout(() => void deliverResult(onDemandReport), 5);
      return [];
    },
  );
  root = document.createElement('div');
  document.body.replaceChildren(root);
});

afterEach(() => {
  render(null, root);
});

/** What an id looks like when it leaks into text meant for people (issue #11). */
const ID_PATTERN = /\b(?:apply|review|active|active2019|litigation)\.[a-z_]|\bnarrative:|\bvalue\.(?:nonneg|integer)/;

describe('popup on a report', () => {
  it('shows no ids, in either language, the letter included (the JSON keeps them)', async () => {
    await deliverResult(sampleReport());
    const store = await mount();
    for (const d of $$('details')) (d as HTMLDetailsElement).open = true;
    await click($('[data-action="feedback"]'));
    const texts = () => {
      const out = [root.textContent ?? ''];
      for (const e of root.querySelectorAll('*')) {
        for (const a of ['aria-label', 'title', 'placeholder']) if (e.hasAttribute(a)) out.push(e.getAttribute(a)!);
        if (e instanceof HTMLTextAreaElement) out.push(e.value);
      }
      return out;
    };
    expect(texts().some((t) => t.includes('关于《'))).toBe(true); // the letter is there
    for (const t of texts()) expect(t).not.toMatch(ID_PATTERN);
    await click($('[data-action="lang"]'));
    expect(store.lang.value).toBe('en');
    for (const t of texts()) expect(t).not.toMatch(ID_PATTERN);
    expect(JSON.stringify(store.report.value)).toMatch(ID_PATTERN);
  });

  it('shows agency, year, format, title, cells read and the same error count as the badge', async () => {
    await deliverResult(sampleReport());
    await mount();
    expect($('[data-field="agency"]').textContent).toBe('某某县人民政府办公室');
    expect($('[data-field="year"]').textContent).toBe('2024');
    expect($('[data-field="format"]').textContent).toContain('2021');
    expect($('[data-field="title"]').textContent).toContain('年度政府信息公开工作年度报告');
    expect($('[data-field="cells-read"] strong').textContent).toBe('读取 200/200');
    const counts = Object.fromEntries(
      $$('[data-count]').map((el) => [el.dataset.count, Number(el.querySelector('.count-n')!.textContent)]),
    );
    // Errors (one wrong cell + one contradicting number in the text), the failing checks as a second figure.
    expect(counts).toEqual({ errors: 2, pass: 7, fail: 2, uncertain: 1 });
    expect(String(counts.errors)).toBe(await fakeBrowser.action.getBadgeText({ tabId: TAB }));
  });

  it('leads with the text contradicting the tables, then errors by culprit with their checks, uncertain and blanks', async () => {
    await deliverResult(sampleReport());
    await mount();
    const fail = $('[data-section="fail"]');
    expect([...fail.querySelectorAll('[data-table]')].map((g) => (g as HTMLElement).dataset.table)).toEqual(['apply']);
    const ids = [...fail.querySelectorAll<HTMLElement>('[data-check-id]')].map((e) => e.dataset.checkId);
    expect(ids).toEqual(['apply.row-sum:granted', 'apply.result-sum:natural_person']);
    const first = fail.querySelector('[data-check-id="apply.row-sum:granted"]')!;
    expect(first.querySelector('.finding-title')!.textContent).toBe('表三 · “（一）予以公开”行 · 本行合计');
    expect(first.querySelector('.finding-msg')!.textContent).toBe(
      '本行合计应为 128（120 + 8 + 0 + 0 + 0 + 0），表中为 138',
    );
    // One wrong cell is one error: the culprit is said once, above the two checks it breaks.
    const group = fail.querySelector<HTMLElement>('[data-error="cell:apply.granted.natural_person"]')!;
    expect(group.querySelector('[data-culprit]')!.textContent).toBe('可能出错：“（一）予以公开”行“自然人”列，应为 130');
    expect([...group.querySelectorAll<HTMLElement>('[data-check-id]')].map((e) => e.dataset.checkId)).toEqual(ids);
    expect(fail.querySelectorAll('[data-culprit]')).toHaveLength(1);
    expect(fail.querySelector('h3')!.textContent).toBe('错误（1 处，2 项核对不一致）');
    expect(first.querySelector('.status-mark .sr-only')!.textContent).toBe('不一致'); // not colour alone
    expect($$('[data-section="narrative"] [data-check-id]').map((e) => e.dataset.checkId)).toEqual([
      'narrative:apply-new:120',
    ]);
    expect($$('[data-section="uncertain"] [data-check-id]').map((e) => e.dataset.checkId)).toEqual([
      'review.sum:review',
    ]);
    expect($$('[data-section="blank"] [data-field-id]').map((e) => e.dataset.fieldId)).toEqual(['review.total']);
    // order of sections: a contradiction in the text leads, then the table errors, uncertain, blank
    expect($$('[data-section]').map((e) => e.dataset.section)).toEqual(['narrative', 'fail', 'uncertain', 'blank']);
  });

  it('clicking a finding asks the page to scroll to the culprit cell and flash it', async () => {
    await deliverResult(sampleReport());
    await mount();
    await click($('[data-check-id="apply.row-sum:granted"] .finding-main'));
    expect(pageMessages).toContainEqual({
      type: 'gouji:focus',
      checkId: 'apply.row-sum:granted',
      field: 'apply.granted.natural_person',
    });
  });

  it('flags a finding with a note, shows it as flagged, and shows it again on the next opening', async () => {
    await deliverResult(sampleReport());
    await mount();
    await click($('[data-check-id="apply.result-sum:natural_person"] [data-action="flag"]'));
    const ta = $<HTMLTextAreaElement>('[data-check-id="apply.result-sum:natural_person"] textarea');
    ta.value = '已致电核实';
    await click($('[data-check-id="apply.result-sum:natural_person"] [data-action="flag-save"]'));
    expect($('[data-check-id="apply.result-sum:natural_person"] [data-flag-status]').textContent).toContain(
      '已标记 · 待跟进',
    );
    const stored = Object.values(await fakeBrowser.storage.local.get(null)).filter(
      (v) => (v as { checkId?: string }).checkId,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      checkId: 'apply.result-sum:natural_person',
      note: '已致电核实',
      url: SAMPLE_URL,
    });
    render(null, root);
    await mount();
    expect($('[data-check-id="apply.result-sum:natural_person"]').dataset.flagged).toBe('true');
    expect($('[data-check-id="apply.row-sum:granted"]').dataset.flagged).toBeUndefined();
  });

  it('exports JSON and CSV with OS-safe names, and copies the JSON', async () => {
    await deliverResult(sampleReport({ agency: '某县/某局: "测试"' }));
    await mount();
    const blobs: Blob[] = [];
    const names: string[] = [];
    const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const onClick = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (a.download) {
        names.push(a.download);
        e.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    await click($('[data-action="export-json"]'));
    await click($('[data-action="export-csv"]'));
    document.removeEventListener('click', onClick, true);
    spy.mockRestore();
    expect(names).toEqual(['gouji-某县_某局_ _测试_-2024.json', 'gouji-某县_某局_ _测试_-2024.csv']);
    const json = JSON.parse(await blobs[0]!.text());
    expect(json.checks.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual(
      sampleReport().checks.map((c) => [c.id, c.status]),
    );
    const csvBytes = new Uint8Array(await blobs[1]!.arrayBuffer());
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (s: string) => {
          writes.push(s);
        },
      },
    });
    await click($('[data-action="copy"]'));
    expect(JSON.parse(writes[0]!).report.agency).toBe('某县/某局: "测试"');
    expect($('[data-toast]').textContent).toContain('已复制');
  });

  it('generates the 反馈意见 text and closes it with Escape', async () => {
    await deliverResult(sampleReport());
    await mount();
    await click($('[data-action="feedback"]'));
    const text = $<HTMLTextAreaElement>('[data-field="feedback-text"]').value;
    expect(text).toContain('某某县人民政府办公室：');
    expect(text).toContain('“（一）予以公开”行：本行合计应为 128');
    await act(async () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(root.querySelector('[data-section="feedback"]')).toBeNull();
  });

  it('switches to English and remembers it', async () => {
    await deliverResult(sampleReport());
    const store = await mount();
    await click($('[data-action="lang"]'));
    expect(store.lang.value).toBe('en');
    expect($('[data-count="fail"] .count-label').textContent).toContain('inconsistent');
    expect($('[data-check-id="apply.row-sum:granted"] .finding-title').textContent).toBe(
      'Table III · row “granted” · row total',
    );
    expect((await fakeBrowser.storage.local.get(LANG_KEY))[LANG_KEY]).toBe('en');
  });

  it('renders page text as text, never as HTML, and long agency names wrap', async () => {
    const r = sampleReport({ agency: '<img src=x onerror="window.__pwned=1">' + '很长的机关名称'.repeat(20) });
    r.checks[5]!.message = '<b>bold</b> 本行合计应为 1';
    await deliverResult(r);
    await mount();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect($('[data-field="agency"]').textContent).toContain('<img src=x');
  });

  it('shows a consistent report as such, and toggles the page marks', async () => {
    await deliverResult(consistentReport());
    await mount();
    expect(root.querySelector('.all-ok')).not.toBeNull();
    expect(root.querySelector('[data-section="fail"]')).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('✓');
    const box = $<HTMLInputElement>('[data-action="marks"]');
    expect(box.checked).toBe(true);
    box.checked = false;
    await act(async () => {
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(pageMessages).toContainEqual({ type: 'gouji:set-marks', visible: false });
  });
});

describe('popup on other pages', () => {
  it('says the page is not a report and runs the check on demand', async () => {
    await deliverResult(null, 'none');
    await mount();
    expect($('.not-report').textContent).toContain('不是政府信息公开工作年度报告');
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    onDemandReport = sampleReport();
    await click($('[data-action="check-page"]'));
    await vi.waitFor(async () => {
      await settle();
      expect(root.querySelector('[data-count="fail"]')).not.toBeNull();
    });
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: TAB },
      files: ['/ondemand.js'],
    });
    expect(Number($('[data-count="fail"] .count-n').textContent)).toBe(findingCounts(onDemandReport).fail);
    expect(Number($('[data-count="errors"] > .count-n').textContent)).toBe(findingCounts(onDemandReport).errors);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(
      badgeFor({ state: 'report', report: onDemandReport, url: '', updatedAt: '' }).text,
    );
  });

  it('offers the check on a page never checked, and explains a page the browser forbids', async () => {
    await mount('?tabId=99');
    expect($('.not-report').dataset.state).toBe('unchecked');
    expect($('.not-report').textContent).toContain('尚未检查此页');
    await click($('[data-action="check-page"]'));
    expect($('[data-toast="error"]').textContent).toContain('浏览器不允许扩展读取此页');
    expect(($('[data-action="check-page"]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the error of a page whose check failed', async () => {
    await new Promise<void>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { type: 'gouji:result', state: 'error', report: null, error: '页面过大' },
        { tab: { id: TAB, url: SAMPLE_URL } } as never,
        () => resolve(),
      );
    });
    await mount();
    expect($('.not-report [role="alert"]').textContent).toContain('页面过大');
  });

  it('uses the active tab when no tabId is given', async () => {
    const win = await fakeBrowser.windows.create({ focused: true });
    await fakeBrowser.tabs.create({ url: 'https://a.gov.cn/', windowId: win!.id, active: false });
    const tab = await fakeBrowser.tabs.create({ url: SAMPLE_URL, windowId: win!.id, active: true });
    const store = new PopupStore(createPopupHost(b, document, ''));
    expect(await store.host.resolveTabId()).toBe(tab.id);
  });
});

describe('popup notices (issue #8)', () => {
  it('a tables-in-attachment notice links its attachment (http/https only, a new tab, no opener); other hrefs are not links', async () => {
    const r = consistentReport();
    r.notices = [
      {
        id: 'tables-in-attachment',
        level: 'warn',
        message: '表格在附件《某区2023年政府信息公开工作年度报告》中，请打开附件核对',
        href: 'https://www.zs.gov.cn/files/ndbg.docx',
      },
      {
        id: 'tables-as-images',
        level: 'warn',
        message: '表格为图片（3 张），无法读取其中的数字',
        href: 'javascript:alert(1)',
      },
    ];
    await deliverResult(r);
    await mount();
    const att = $('[data-notice="tables-in-attachment"]');
    expect(att.textContent).toContain('表格在附件《某区2023年政府信息公开工作年度报告》中');
    const a = att.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://www.zs.gov.cn/files/ndbg.docx');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toContain('noopener');
    expect(a.textContent).toBe('打开附件');
    expect($('[data-notice="tables-as-images"]').querySelector('a')).toBe(null);
  });
});

describe('空白按 0 计 in the popup (issue #11)', () => {
  const blanksHtml = () => readFileSync(join(__dirname, '../fixtures/format2019-blanks.html'), 'utf8');

  it('offered on a report with blanks, off by default; turning it on stores the choice; a report checked with it says so', async () => {
    const off = checkHtml(blanksHtml()).report;
    await deliverResult(off);
    await mount();
    const box = $<HTMLInputElement>('[data-option="blank-as-zero"] input[type="checkbox"]');
    expect(box.checked).toBe(false);
    expect($('[data-option="blank-as-zero"]').dataset.used).toBe('false');
    expect($('[data-option="blank-as-zero"]').textContent).toContain('空白不等于 0');
    // The table's blanks said once, as a notice.
    expect($('[data-notice="blanks-undecided.apply"]').textContent).toContain('20 项勾稽关系无法核对');
    await click(box);
    expect((await fakeBrowser.storage.local.get(BLANK_AS_ZERO_KEY))[BLANK_AS_ZERO_KEY]).toBe(true);
    // The page re-checks with the option and sends its result (played here as the engine does).
    await deliverResult(checkHtml(blanksHtml(), { blankAsZero: true }).report);
    await settle();
    expect($('[data-option="blank-as-zero"]').dataset.used).toBe('true');
    expect($('[data-field="blank-as-zero-on"]').textContent).toContain('已选“空白按 0 计”');
    expect($('[data-notice="blank-as-zero.apply"]')).not.toBeNull();
    expect($('[data-count="errors"]').textContent).toContain('1');
    // Turning it off again is stored as off.
    await click($('[data-option="blank-as-zero"] input[type="checkbox"]'));
    expect((await fakeBrowser.storage.local.get(BLANK_AS_ZERO_KEY))[BLANK_AS_ZERO_KEY]).toBe(false);
  });

  it('not offered on a report without blanks', async () => {
    const r = consistentReport();
    for (const t of Object.values(r.tables)) t.blank = [];
    await deliverResult(r);
    await mount();
    expect(root.querySelector('[data-option="blank-as-zero"]')).toBeNull();
  });
});
