// The background's half of the cross-year check on the page: each report a tab sends is kept in history
// (IndexedDB, here fake-indexeddb), and when history holds the same body's previous year the background
// sends that tab's frame gouji:previous-year with the cross-year checks. No previous year: no message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { IDBFactory } from 'fake-indexeddb';
import { installBackground } from '../../entrypoints/background';
import { checkHtml } from '../../lib/html/check-html';
import type { Message } from '../../lib/ext/protocol';
import { previousYearPage } from '../support/batch-corpus';
import { FIXTURE_DIR } from '../support/fixtures';

const b = fakeBrowser as unknown as typeof realBrowser;
const THIS_YEAR = 'https://www.zs.gov.cn/zwgk/2025/art_2024.html';
const LAST_YEAR = 'https://www.zs.gov.cn/zwgk/2024/art_2023.html';
const g = globalThis as { indexedDB?: IDBFactory };
const had = g.indexedDB;

async function fromTab(tabId: number, msg: Message, url: string, frameId = 0): Promise<void> {
  await new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(msg, { tab: { id: tabId, url }, frameId } as never, () => resolve());
  });
}

const report = (html: string, url: string) => checkHtml(html, { url }).report;
const sentPrevious = (spy: ReturnType<typeof vi.fn>) =>
  spy.mock.calls.filter(([, m]) => (m as Message).type === 'gouji:previous-year');

/** The background keeps history without waiting for it: wait until `ok` holds. */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('background: the previous year from history', () => {
  let spy: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    g.indexedDB = new IDBFactory();
    spy = vi.fn(async () => undefined);
    (fakeBrowser.tabs as { sendMessage: unknown }).sendMessage = spy;
  });
  afterAll(() => {
    g.indexedDB = had;
  });

  it('sends the cross-year checks to the frame that holds the report, once history has last year', async () => {
    installBackground(b);
    const now = report(readFileSync(join(FIXTURE_DIR, 'seed000-plain.html'), 'utf8'), THIS_YEAR);
    const before = report(previousYearPage(), LAST_YEAR);
    expect([now.report.year, before.report.year]).toEqual([2024, 2023]);
    // This year's report first: history has nothing before it — no message.
    await fromTab(4, { type: 'gouji:result', state: 'report', report: now }, THIS_YEAR);
    await new Promise((r) => setTimeout(r, 300));
    expect(sentPrevious(spy)).toHaveLength(0);
    // Last year's report is read (in another tab): it has no previous year either.
    await fromTab(5, { type: 'gouji:result', state: 'report', report: before }, LAST_YEAR);
    await new Promise((r) => setTimeout(r, 300));
    expect(sentPrevious(spy)).toHaveLength(0);
    // This year's report again, in a frame: now history holds 2023.
    await fromTab(6, { type: 'gouji:result', state: 'report', report: now }, THIS_YEAR, 3);
    await until(() => sentPrevious(spy).length > 0);
    const [[tabId, msg, opts]] = sentPrevious(spy) as [[number, Message & { type: 'gouji:previous-year' }, unknown]];
    expect(tabId).toBe(6);
    expect(opts).toEqual({ frameId: 3 });
    expect(msg).toMatchObject({ year: 2023, url: LAST_YEAR });
    expect(msg.checks.filter((c) => c.status === 'fail').map((c) => [c.id, c.actual, c.expected])).toEqual([
      ['apply.year-over-year:natural_person', expect.any(Number), 4],
      ['apply.year-over-year:total', expect.any(Number), expect.any(Number)],
    ]);
  });
});
