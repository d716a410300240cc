// @vitest-environment happy-dom
// The follow-up page with a real FlagsStore over fake-browser's storage.local (through the real host,
// entrypoints/flags/host.ts), flags written by the real FlagStore from sample reports.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FlagStore, flagsToJson } from '../../lib/flags/store';
import { FLAG_KEY_PREFIX } from '../../lib/flags/model';
import type { KeyValueArea } from '../../lib/ext/tabs';
import { sampleReport } from '../support/sample-report';
import { mountFlagsPage, settle } from '../support/flags-page';
import { FLAGS_IMPORT_MAX_BYTES } from '../../components/flags/store';

let root: HTMLElement;
const local = () => fakeBrowser.storage.local as unknown as KeyValueArea;

const mount = () => mountFlagsPage(root);
const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const click = async (el: Element) => {
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
};
async function change(el: HTMLSelectElement | HTMLInputElement, value: string, type = 'change') {
  el.value = value;
  await act(async () => {
    el.dispatchEvent(new Event(type, { bubbles: true }));
  });
  await settle();
}

async function seed() {
  const s = new FlagStore(local());
  await s.addFinding(sampleReport(), 'apply.row-sum:granted', '第一条');
  await s.addFinding(sampleReport(), 'review.sum:review');
  const other = sampleReport({ agency: '另一个市场监督管理局', year: 2023, url: 'https://scjgj.other.gov.cn/a.html' });
  await s.addFinding(other, 'apply.result-sum:natural_person');
}

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.replaceChildren(root);
});

/** What an id looks like when it leaks into text meant for people (issue #11). */
const ID_PATTERN = /\b(?:apply|review|active|active2019|litigation)\.[a-z_]|\bnarrative:|\bvalue\.(?:nonneg|integer)/;

/** Every text a person sees or hears: text nodes, accessible names, titles, placeholders, field values. */
function visibleTexts(el: Element): string[] {
  const out = [el.textContent ?? ''];
  for (const e of el.querySelectorAll('*')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (e.hasAttribute(a)) out.push(e.getAttribute(a)!);
    if (e instanceof HTMLTextAreaElement || e instanceof HTMLInputElement) out.push(e.value);
  }
  return out;
}

describe('follow-up page', () => {
  it('shows no ids (they stay in data- attributes and the JSON export)', async () => {
    await seed();
    await mount();
    for (const d of $$('details')) (d as HTMLDetailsElement).open = true;
    const ids = $$('[data-check-id]').map((e) => e.dataset.checkId);
    expect(ids.length).toBe(3);
    expect(ids.every((id) => ID_PATTERN.test(id!))).toBe(true);
    for (const text of visibleTexts(root)) expect(text).not.toMatch(ID_PATTERN);
  });

  it('lists every flag grouped by report, with link to the source page', async () => {
    await seed();
    await mount();
    expect($('[data-field="flag-count"]').textContent).toBe('共 3 条标记');
    const groups = $$('[data-group]');
    expect(groups).toHaveLength(2);
    const g = groups.find((x) => x.textContent!.includes('某某县人民政府办公室'))!;
    expect([...g.querySelectorAll<HTMLElement>('[data-check-id]')].map((e) => e.dataset.checkId).sort()).toEqual([
      'apply.row-sum:granted',
      'review.sum:review',
    ]);
    const a = g.querySelector<HTMLAnchorElement>('[data-action="open-source"]')!;
    expect(a.href).toBe('https://www.example.gov.cn/zwgk/2025/art_1.html');
    expect(a.rel).toContain('noopener');
    expect(g.querySelector('[data-check-id="apply.row-sum:granted"] .flag-msg')!.textContent).toContain(
      '本行合计应为 128',
    );
  });

  it('filters by status, agency, year and text', async () => {
    await seed();
    const store = await mount();
    await change($<HTMLSelectElement>('[data-filter="agency"]'), '另一个市场监督管理局');
    expect($$('[data-check-id]').map((e) => e.dataset.checkId)).toEqual(['apply.result-sum:natural_person']);
    await change($<HTMLSelectElement>('[data-filter="agency"]'), '');
    await change($<HTMLSelectElement>('[data-filter="year"]'), '2024');
    expect($$('[data-check-id]')).toHaveLength(2);
    expect($('[data-field="flag-count"]').textContent).toBe('显示 2 / 3 条');
    await change($<HTMLSelectElement>('[data-filter="year"]'), '');
    await change($<HTMLInputElement>('[data-filter="query"]'), '第一条', 'input');
    expect($$('[data-check-id]').map((e) => e.dataset.checkId)).toEqual(['apply.row-sum:granted']);
    await change($<HTMLInputElement>('[data-filter="query"]'), '', 'input');
    await change($<HTMLSelectElement>('[data-filter="status"]'), 'fixed');
    expect($('[data-empty="filtered"]')).toBeTruthy();
    expect(store.filtered.value).toHaveLength(0);
  });

  it('edits status and note in storage, and deletes after a confirming second click', async () => {
    await seed();
    await mount();
    const row = () => $('[data-check-id="apply.row-sum:granted"]');
    await change(row().querySelector<HTMLSelectElement>('[data-action="status"]')!, 'reported');
    const stored = async () =>
      (await new FlagStore(local()).load()).flags.find((f) => f.checkId === 'apply.row-sum:granted');
    expect((await stored())!.status).toBe('reported');
    expect(row().dataset.status).toBe('reported');
    const ta = row().querySelector<HTMLTextAreaElement>('[data-field="note"]')!;
    ta.value = '12345 政务公开信箱已回复';
    await click(row().querySelector('[data-action="save-note"]')!);
    expect((await stored())!.note).toBe('12345 政务公开信箱已回复');
    await click(row().querySelector('[data-action="delete"]')!);
    expect(await stored()).toBeDefined(); // armed only
    expect(row().querySelector('[data-action="delete"]')!.textContent).toContain('确认删除');
    await click(row().querySelector('[data-action="delete"]')!);
    expect(await stored()).toBeUndefined();
    expect(root.querySelector('[data-check-id="apply.row-sum:granted"]')).toBeNull();
    expect($$('[data-check-id]')).toHaveLength(2);
  });

  it('reports a corrupted or foreign entry and still lists the rest', async () => {
    await seed();
    await fakeBrowser.storage.local.set({
      [`${FLAG_KEY_PREFIX}f1-bad`]: { fingerprint: 'f1-bad', v: 1, status: '???' },
      [`${FLAG_KEY_PREFIX}zzz`]: 'garbage',
    });
    await mount();
    expect($$('[data-check-id]')).toHaveLength(3);
    const p = $('[data-section="problems"]');
    expect(p.getAttribute('role')).toBe('alert');
    expect(p.textContent).toContain('2 条已保存的记录无法读取');
    expect(p.textContent).toContain(`${FLAG_KEY_PREFIX}zzz`);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toHaveLength(5); // nothing deleted
  });

  it('exports all flags as JSON and CSV and imports a file, merging by fingerprint', async () => {
    await seed();
    const store = await mount();
    const blobs: Blob[] = [];
    const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const stop = (e: Event) => e.preventDefault();
    document.addEventListener('click', stop, true);
    await click($('[data-action="export-json"]'));
    await click($('[data-action="export-csv"]'));
    document.removeEventListener('click', stop, true);
    spy.mockRestore();
    const exported = await blobs[0]!.text();
    expect(JSON.parse(exported).flags).toHaveLength(3);
    expect((await blobs[1]!.text()).split('\r\n').filter(Boolean)).toHaveLength(4);

    // Import into an empty profile: 3 added; again: nothing added; the list never duplicates.
    await fakeBrowser.storage.local.clear();
    await store.reload();
    await settle();
    expect($('[data-empty="all"]')).toBeTruthy();
    const input = $<HTMLInputElement>('[data-action="import"]');
    const file = new File([exported], 'flags.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(async () => {
      await settle();
      expect($$('[data-check-id]')).toHaveLength(3);
    });
    expect($('[data-toast]').textContent).toContain('新增 3 条');
    await store.importText(exported);
    await settle();
    expect($('[data-toast]').textContent).toContain('新增 0 条，更新 0 条，未变 3 条');
    expect($$('[data-check-id]')).toHaveLength(3);
    await store.importText('not json');
    await settle();
    expect($('[data-toast="error"]').textContent).toContain('不是有效的 JSON');
    // A file larger than any export of the list: refused by its size, never read; the list is untouched.
    let reads = 0;
    await store.importFile({ size: FLAGS_IMPORT_MAX_BYTES + 1, text: () => (reads++, Promise.resolve('[]')) });
    await settle();
    expect(reads).toBe(0);
    expect($('[data-toast="error"]').textContent).toContain('文件过大（64 MB），不是勾稽导出的文件');
    expect($$('[data-check-id]')).toHaveLength(3);
  });

  it('generates the 反馈意见 for one report from its open flags', async () => {
    await seed();
    await mount();
    const g = $$('[data-group]').find((x) => x.textContent!.includes('某某县人民政府办公室'))!;
    await click(g.querySelector('[data-action="feedback"]')!);
    const text = g.querySelector<HTMLTextAreaElement>('[data-field="feedback-text"]')!.value;
    expect(text).toContain('某某县人民政府办公室：');
    expect(text).toContain('有 2 处数据');
    expect(text).not.toContain('另一个市场监督管理局');
  });

  it('updates when a flag is added elsewhere while the page is open', async () => {
    await mount();
    expect($('[data-empty="all"]')).toBeTruthy();
    await new FlagStore(local()).addFinding(sampleReport(), 'apply.row-sum:granted');
    await vi.waitFor(async () => {
      await settle();
      expect($$('[data-check-id]')).toHaveLength(1);
    });
  });

  it('never links to a non-web address', async () => {
    await seed();
    const s = new FlagStore(local());
    const { flags } = await s.load();
    const evil = { ...flags[0]!, url: 'javascript:alert(1)' };
    const parsed = JSON.parse(flagsToJson([evil]));
    const res = await s.importJson(JSON.stringify(parsed));
    expect(res.problems).toHaveLength(1);
    await mount();
    expect($$('a').every((a) => (a as HTMLAnchorElement).href.startsWith('https://'))).toBe(true);
  });
});
