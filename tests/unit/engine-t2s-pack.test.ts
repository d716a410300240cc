// The traditional→simplified table as a pack of the in-page engine (lib/ext/packs.ts, pack "t2s"): the
// engine is built with an empty stand-in table and carries only the set of characters the table changes.
// Here the engine side is that build (the stand-in mocked in), on a real DOM (happy-dom) with the real core:
// a simplified page whose chrome has the "繁體" switch reads without the pack; a page in 繁體 mode has its
// first reading thrown away, the pack loaded, and the page read again — the report and marks then equal
// the core's with the whole table; a pack that cannot be loaded is said on the page, not half a reading.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Window } from 'happy-dom';
import { pageWindow } from '../support/dom';
import { STATE } from '../../lib/contract';
import { quickGate } from '../../lib/detect';
import { typedSend, type Message } from '../../lib/ext/protocol';
import type { Report } from '../../lib/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from '../support/fixtures';

const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

vi.mock('../../lib/normalize/t2s-table', async () => {
  const real = await vi.importActual<typeof import('../../lib/normalize/t2s-table')>('../../lib/normalize/t2s-table');
  (globalThis as Record<string, unknown>).__realT2S = real.T2S_TABLE;
  return import('../../entrypoints/ondemand/lazy/t2s-table');
});

const URL_ = 'https://www.zs.gov.cn/zwgk/art/2025/1/23/art_1.html';
const g = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
let win: Window | null = null;
let abort: AbortController | null = null;

afterEach(() => {
  abort?.abort();
  win?.close();
  win = abort = null;
  delete g.__goujiPacks;
});

/** A fresh engine (fresh modules: the stand-in table empty again) on `page`; `load` stands for the browser. */
async function engine(page: string, load: () => boolean) {
  vi.resetModules();
  const { InPage } = await import('../../entrypoints/ondemand/app');
  const { checkDocument, checkDocumentSteps } = await import('../../lib/check');
  const { warmUpSteps } = await import('../../lib/warm');
  const { afterRun } = await import('../../entrypoints/ondemand/packs');
  const t2s = await import('../../lib/normalize/t2s');
  win = pageWindow(page, URL_);
  const doc = win.document as unknown as Document;
  abort = new AbortController();
  const sent: Message[] = [];
  let runs = 0;
  const importUrl = vi.fn(async () => {
    if (load()) (g.__goujiPacks ??= {}).t2s = (globalThis as Record<string, unknown>).__realT2S;
  });
  const inpage = new InPage({
    doc,
    signal: abort.signal,
    analyze: (d, o) => checkDocument(d, o),
    analyzeSteps: (d, o) => {
      runs++;
      return checkDocumentSteps(d, o);
    },
    prepareSteps: warmUpSteps,
    beforeShow: () =>
      afterRun(
        { getURL: (p) => `chrome-extension://x${p}`, importUrl, send: typedSend(async () => undefined) },
        () => 'no table',
      ),
    gate: quickGate,
    send: typedSend(async (msg) => {
      sent.push(msg);
      return undefined;
    }),
    sliceMs: 50,
    yieldTask: () => new Promise((r) => setTimeout(r, 0)),
    quietMs: 20,
    lateContentMs: 200,
  });
  return { inpage, doc, importUrl, runs: () => runs, t2s };
}

/** The report of `page` by the core with the whole table (the CLI, the extension's pages). */
async function withTable(page: string): Promise<Report> {
  vi.resetModules();
  vi.doUnmock('../../lib/normalize/t2s-table');
  const { checkHtml } = await import('../../lib/html/check-html');
  const r = checkHtml(page, { url: URL_ }).report;
  vi.doMock('../../lib/normalize/t2s-table', () => import('../../entrypoints/ondemand/lazy/t2s-table'));
  return r;
}

const timeless = (r: Report | null | undefined) => r && { ...r, source: { ...r.source, checkedAt: '' } };
const fields = (doc: Document) =>
  [...doc.querySelectorAll('[data-gouji-field]')].map((e) => e.getAttribute('data-gouji-field')).sort();

describe('the t2s pack', () => {
  it('a simplified page with the chrome\'s "繁體" switch is read without it', async () => {
    const page = fixture('error-new.html');
    expect(page).toContain('繁體');
    const e = await engine(page, () => true);
    expect(await e.inpage.start()).toBe(STATE.report);
    expect(e.importUrl).not.toHaveBeenCalled();
    expect(e.t2s.hasT2S()).toBe(false);
    expect(e.runs()).toBe(1);
    expect(timeless(e.inpage.analysis!.report)).toEqual(timeless(await withTable(page)));
  });

  it.each(['seed002-tw-phrases.html', 'seed002-traditional-text-pinyin.html', 'error-ruby.html'])(
    '%s (繁體): read again once the pack is there, exactly as with the whole table',
    async (name) => {
      const page = fixture(name);
      const e = await engine(page, () => true);
      expect(await e.inpage.start()).toBe(STATE.report);
      expect(e.importUrl).toHaveBeenCalledTimes(1);
      expect(e.t2s.hasT2S()).toBe(true);
      expect(e.runs()).toBe(2);
      const expected = await withTable(page);
      expect(timeless(e.inpage.analysis!.report)).toEqual(timeless(expected));
      expect(fields(e.doc).length).toBeGreaterThan(100);
    },
  );

  it('a check before showing that throws (the extension gone): the page says so, and never hangs', async () => {
    vi.resetModules();
    const { InPage } = await import('../../entrypoints/ondemand/app');
    const { checkDocument, checkDocumentSteps } = await import('../../lib/check');
    win = pageWindow(fixture('error-new.html'), URL_);
    abort = new AbortController();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const inpage = new InPage({
      doc: win.document as unknown as Document,
      signal: abort.signal,
      analyze: (d, o) => checkDocument(d, o),
      analyzeSteps: (d, o) => checkDocumentSteps(d, o),
      beforeShow: () => Promise.reject(new Error('Extension context invalidated.')),
      gate: quickGate,
      send: typedSend(async () => undefined),
      yieldTask: () => new Promise((r) => setTimeout(r, 0)),
      quietMs: 20,
      lateContentMs: 200,
    });
    expect(await inpage.start()).toBe(STATE.error);
    expect(inpage.error).toContain('Extension context invalidated.');
    warn.mockRestore();
  });

  it('a run that missed the table is read again even when another run loaded it meanwhile', async () => {
    vi.resetModules();
    const t2s = await import('../../lib/normalize/t2s');
    const { afterRun } = await import('../../entrypoints/ondemand/packs');
    t2s.toSimplified('總計');
    expect(t2s.t2sMissed()).toBe(true);
    t2s.provideT2S((globalThis as Record<string, unknown>).__realT2S as { from: string; to: string });
    const send = vi.fn(async () => undefined);
    expect(await afterRun({ send: typedSend(send) }, () => 'no table')).toBe('again');
    expect(send).not.toHaveBeenCalled();
    expect(await afterRun({ send: typedSend(send) }, () => 'no table')).toBe('show');
    // The stand-in was filled: the next engine gets an empty one again (as withTable leaves it).
    await withTable(fixture('error-new.html'));
  });

  it('a pack that cannot be loaded: the page says so, and shows no reading', async () => {
    const e = await engine(fixture('seed002-tw-phrases.html'), () => false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await e.inpage.start()).toBe(STATE.error);
    expect(e.inpage.error).toBe('no table');
    expect(e.inpage.analysis).toBeNull();
    expect(fields(e.doc)).toEqual([]);
    warn.mockRestore();
  });
});
