// @vitest-environment happy-dom
// The follow-up page with 3,000 flags (issue #13): it renders one page of 100 rows, every flag stays
// reachable (pages, search, filters, exports over all 3,000), and a change renders again only the row of
// the flag that changed. The rows are counted by the one call each FlagRow render makes to renderFlag
// (a spy around the real function; the page's search and exports, which call it too, are not counted where
// rows are). Real FlagsStore and host over fake-browser's storage.local.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { FIRST_ROWS, FLAGS_PAGE_SIZE, FlagsStore, searchText } from '../../components/flags/store';
import { FlagsPage } from '../../components/flags/FlagsPage';
import { createFlagsHost } from '../../entrypoints/flags/host';
import { FlagStore } from '../../lib/flags/store';
import type { Flag } from '../../lib/flags/model';
import type { KeyValueArea } from '../../lib/ext/tabs';
import { renderFlag } from '../../lib/rules/render';
import { manyFlags, MANY_AGENCIES } from '../support/many-flags';
import { sampleReport } from '../support/sample-report';
import { fakeExtBrowser, mountFlagsPage, settle } from '../support/flags-page';

vi.mock('../../lib/rules/render', async (orig) => {
  const real = await orig<typeof import('../../lib/rules/render')>();
  return { ...real, renderFlag: vi.fn(real.renderFlag) };
});
const rowRenders = vi.mocked(renderFlag);

const N = 3000;
let root: HTMLElement;
let flags: Record<string, Flag>;

const mount = () => mountFlagsPage(root);
const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const rows = () => $$('li.flag').map((li) => li.dataset.fingerprint);
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

beforeAll(async () => {
  flags = await manyFlags(N);
});
beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(flags);
  root = document.createElement('div');
  document.body.replaceChildren(root);
  rowRenders.mockClear();
});

// happy-dom renders 100 rows with their selects and text areas per page: slow on a busy machine, not a figure.
describe('the follow-up page with 3,000 flags', { timeout: 60_000 }, () => {
  it('first renders one page of 100 rows, and says how many there are', async () => {
    await mount();
    expect(rows()).toHaveLength(FLAGS_PAGE_SIZE);
    expect(rowRenders).toHaveBeenCalledTimes(FLAGS_PAGE_SIZE);
    expect(rows()[0]).toBe('many-00000');
    expect($('[data-field="flag-count"]').textContent).toBe('共 3000 条标记');
    expect($('[data-field="page-range"]').textContent).toBe('第 1–100 条，共 3000 条');
    // A pager above and below the list; the select offers every page.
    expect($$('[data-section="pager"]').map((n) => n.dataset.where)).toEqual(['top', 'bottom']);
    expect($$('[data-action="page-select"] option')).toHaveLength(60); // 30 pages × 2 pagers
    expect($<HTMLButtonElement>('[data-action="page-prev"]').disabled).toBe(true);
  });

  it('reaches every flag: next page, any page, the last page', async () => {
    const store = await mount();
    await click($('[data-action="page-next"]'));
    expect(rows()[0]).toBe('many-00100');
    expect($('[data-field="page-range"]').textContent).toBe('第 101–200 条，共 3000 条');
    await change($<HTMLSelectElement>('[data-action="page-select"]'), '29');
    expect(rows()).toHaveLength(100);
    expect(rows()).toContain('many-02999'); // rows are grouped by report: not in flag order
    expect($<HTMLButtonElement>('[data-action="page-next"]').disabled).toBe(true);
    // Every fingerprint once over the 30 pages (the store's pages, stepped without rendering each).
    const seen = new Set<string>();
    for (let p = 0; p < 30; p++) {
      store.goToPage(p);
      for (const f of store.pageFlags.value) seen.add(f.fingerprint);
    }
    expect(seen.size).toBe(N);
    store.goToPage(99);
    expect(store.pageIndex.value).toBe(29); // clamped
  });

  it('search and filters cover all 3,000 and go back to the first page', async () => {
    const store = await mount();
    await change($<HTMLSelectElement>('[data-action="page-select"]'), '5');
    // A note on flag 2996 (the 30th page): found from page 6.
    await change($<HTMLInputElement>('[data-filter="query"]'), '第 2996 条', 'input');
    expect(rows()).toEqual(['many-02996']);
    expect(store.pageIndex.value).toBe(0);
    expect($$('[data-section="pager"]')).toHaveLength(0); // one page: no pager
    await change($<HTMLInputElement>('[data-filter="query"]'), '', 'input');
    await change($<HTMLSelectElement>('[data-filter="agency"]'), MANY_AGENCIES[29]!);
    expect(rows()).toHaveLength(100);
    expect($('[data-field="flag-count"]').textContent).toBe('显示 100 / 3000 条');
    expect(rows()).toContain('many-02999'); // rows are grouped by report: not in flag order
  });

  it('builds a flag’s search text once per flag object and language; typing renders no finding', async () => {
    const store = await mount();
    const f = store.flags.value.find((x) => x.fingerprint === 'many-00014')!;
    expect(searchText(f, 'zh')).toContain('第 14 条的备注');
    rowRenders.mockClear();
    expect(searchText(f, 'en')).toMatch(/row total|total/i);
    expect(searchText(f, 'en')).toBe(searchText(f, 'en'));
    expect(rowRenders).toHaveBeenCalledTimes(1); // English: the finding rendered once, then kept
    // A changed flag is a new object: its new note is searched.
    const edited = { ...f, note: '复核后已补正' };
    expect(searchText(edited, 'zh')).toContain('复核后已补正');
    expect(searchText(f, 'zh')).not.toContain('复核后已补正');
    // Typing filters over every flag without rendering any finding (zh).
    rowRenders.mockClear();
    await change($<HTMLInputElement>('[data-filter="query"]'), '条的备注', 'input');
    expect(store.filtered.value).toHaveLength(Math.ceil(N / 7));
    expect(rowRenders.mock.calls.length).toBeLessThanOrEqual(FLAGS_PAGE_SIZE); // only the rows shown
  });

  it('exports every flag, not the page shown', async () => {
    await mount();
    await change($<HTMLSelectElement>('[data-action="page-select"]'), '3');
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
    expect(JSON.parse(await blobs[0]!.text()).flags).toHaveLength(N);
    expect((await blobs[1]!.text()).split('\r\n').filter(Boolean)).toHaveLength(N + 1);
  });

  it('a status change renders again only that row', async () => {
    await mount();
    rowRenders.mockClear();
    const row = () => $('li.flag[data-fingerprint="many-00042"]');
    const before = row().dataset.status;
    const to = before === 'reported' ? 'open' : 'reported';
    await change(row().querySelector<HTMLSelectElement>('[data-action="status"]')!, to);
    await vi.waitFor(async () => {
      await settle();
      expect(row().dataset.status).toBe(to);
    });
    expect(rowRenders).toHaveBeenCalledTimes(1);
    expect((await new FlagStore(fakeBrowser.storage.local as unknown as KeyValueArea).get('many-00042'))?.status).toBe(
      to,
    );
  });

  it('arming a delete renders again only that row; a flag added elsewhere renders only itself', async () => {
    await mount();
    rowRenders.mockClear();
    await click($('li.flag[data-fingerprint="many-00007"] [data-action="delete"]'));
    expect($('li.flag[data-fingerprint="many-00007"] [data-action="delete"]').className).toContain('armed');
    expect(rowRenders).toHaveBeenCalledTimes(1);

    rowRenders.mockClear();
    const s = new FlagStore(fakeBrowser.storage.local as unknown as KeyValueArea);
    const added = await s.addFinding(sampleReport({ agency: '新来的县人民政府办公室' }), 'review.sum:review', '');
    expect(added.ok).toBe(true);
    await vi.waitFor(async () => {
      await settle();
      expect($('[data-field="flag-count"]').textContent).toBe('共 3001 条标记');
    });
    // The new flag is the newest: first on page 1, the page's other 99 rows unchanged and not rendered.
    expect(rows()).toHaveLength(100);
    expect(rowRenders).toHaveBeenCalledTimes(1);
  });

  it('a reload that finds nothing changed renders nothing', async () => {
    const store = await mount();
    const list = store.flags.value;
    rowRenders.mockClear();
    await store.reload();
    await settle();
    expect(store.flags.value).toBe(list);
    expect(rowRenders).not.toHaveBeenCalled();
  });
});

describe('the rows of a page come in over several tasks', { timeout: 60_000 }, () => {
  /** Mounted and loaded, but the later tasks not yet run: only the page's first rows are there. */
  async function mountFirstTask(): Promise<FlagsStore> {
    const store = new FlagsStore(createFlagsHost(fakeExtBrowser, document));
    await act(async () => {
      render(<FlagsPage store={store} />, root);
      await store.init();
    });
    return store;
  }

  it('first FIRST_ROWS rows, busy, then the whole page in order, each row once', async () => {
    const store = await mountFirstTask();
    expect(rows()).toHaveLength(FIRST_ROWS);
    expect(rows()[0]).toBe('many-00000');
    expect($('.groups').getAttribute('aria-busy')).toBe('true');
    await settle();
    expect($('.groups').hasAttribute('aria-busy')).toBe(false);
    expect(rows()).toHaveLength(FLAGS_PAGE_SIZE);
    expect(new Set(rows()).size).toBe(FLAGS_PAGE_SIZE);
    // Every row rendered once over the tasks: rows already there are not rendered again.
    expect(rowRenders).toHaveBeenCalledTimes(FLAGS_PAGE_SIZE);
    // The page's order is the store's (grouped by report in first-seen order), prefix by prefix.
    const order = store.groups.value.flatMap((g) => g.flags.map((f) => f.fingerprint));
    expect(rows()).toEqual(order);
    store.dispose();
  });

  it('a flag added while the rows are still coming in appears once, first, and the order stays', async () => {
    const store = await mountFirstTask();
    expect(rows()).toHaveLength(FIRST_ROWS);
    const s = new FlagStore(fakeBrowser.storage.local as unknown as KeyValueArea);
    const added = await s.addFinding(sampleReport({ agency: '新来的县人民政府办公室' }), 'review.sum:review', '');
    expect(added.ok).toBe(true);
    const fp = added.ok ? added.flag.fingerprint : '';
    await vi.waitFor(async () => {
      await settle();
      expect($('[data-field="flag-count"]').textContent).toBe('共 3001 条标记');
    }, 20_000);
    await settle();
    expect(rows()).toHaveLength(FLAGS_PAGE_SIZE);
    expect(rows().filter((r) => r === fp)).toHaveLength(1);
    expect(rows()[0]).toBe(fp);
    expect(new Set(rows()).size).toBe(FLAGS_PAGE_SIZE);
    // The same page as a fresh load of the same storage shows.
    const shown = rows();
    store.dispose();
    document.body.replaceChildren((root = document.createElement('div')));
    const fresh = await mount();
    expect(rows()).toEqual(shown);
    fresh.dispose();
  });

  it('another page while the rows are still coming in: that page, complete, each row once', async () => {
    const store = await mountFirstTask();
    await act(async () => store.goToPage(1));
    await settle();
    expect(rows()).toHaveLength(FLAGS_PAGE_SIZE);
    expect(new Set(rows()).size).toBe(FLAGS_PAGE_SIZE);
    expect(rows()[0]).toBe('many-00100');
    expect(rows()).not.toContain('many-00000');
    expect($('[data-field="page-range"]').textContent).toBe('第 101–200 条，共 3000 条');
    store.dispose();
  });
});

describe('FlagStore.load in slices', () => {
  it('reads 200 keys at a time where the area lists its keys, with the same result as one read', async () => {
    const { memoryArea } = await import('../../lib/ext/tabs');
    const area = memoryArea();
    await area.set({ ...flags, 'gouji:settings:lang': 'en' });
    const reads: number[] = [];
    const sliced: KeyValueArea = {
      ...area,
      get: (keys) => (reads.push(Array.isArray(keys) ? keys.length : -1), area.get(keys)),
      getKeys: async () => [...area.data.keys()],
    };
    // Validation pauses whenever 8 ms of it have run: a clock that moves 1 ms per reading pauses it
    // every few entries (the reads themselves are asked at once, each answer its own task).
    let pauses = 0;
    let ms = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => ms++);
    const a = await new FlagStore(sliced).load(async () => void pauses++);
    clock.mockRestore();
    expect(reads).toEqual(Array(15).fill(200));
    expect(pauses).toBeGreaterThanOrEqual(N / 8);
    const b = await new FlagStore(area).load();
    expect(a.flags.map((f) => f.fingerprint)).toEqual(b.flags.map((f) => f.fingerprint));
    expect(a.flags).toHaveLength(N);
    // An area whose getKeys throws (a test double, an old browser) is read at once.
    const broken: KeyValueArea = { ...area, getKeys: () => Promise.reject(new Error('not mocked')) };
    expect((await new FlagStore(broken).load(async () => {})).flags).toHaveLength(N);
  });
});
