// Many reports at once, in Chromium with the built extension: the batch page over a fixture list page of
// 20 links served on gov.cn (tests/support/batch-corpus.ts: errors, the 2019 format, one old format, one
// without tables, one attachment, one 404, one non-report, the 2023 report of one body). The table's
// states and counts must equal the CLI's on the same pages (served from 127.0.0.1); cancel, then reopen:
// it resumes without fetching again what it had; the wide CSV parses as a grid; the cross-year result
// shows; after a browser restart the history still holds every report.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, artifact, launch, settled, tabIdFor, type Launched } from './harness';

import { batchCorpus } from '../support/batch-corpus';
import { startServer, type TestServer } from '../support/server';
import { parseCsv } from '../support/csv';

const SITE = 'https://www.zs.gov.cn';
const LIST = `${SITE}/batch/list.html`;
const corpus = batchCorpus();
const profile = mkdtempSync(join(tmpdir(), 'gouji-batch-profile-'));
const downloads = mkdtempSync(join(tmpdir(), 'gouji-batch-dl-'));
let L: Launched | null = null;
let srv: TestServer;

const cli = (...args: string[]) =>
  new Promise<string>((resolve) =>
    execFile(
      process.execPath,
      [join(ROOT, 'bin/gouji.mjs'), ...args],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
      (_e, out) => resolve(out),
    ),
  );

const rowsOf = (page: Page) =>
  page.$$eval('tr[data-gouji-report]', (trs) =>
    trs.map((tr) => ({
      url: tr.getAttribute('data-url')!,
      state: tr.getAttribute('data-state')!,
      fail: tr.getAttribute('data-fail')!,
      prose: tr.getAttribute('data-prose-fail')!,
      yoy: tr.getAttribute('data-yoy') ?? '',
    })),
  );
const pathOf = (u: string) => new URL(u).pathname;

beforeAll(async () => {
  srv = await startServer();
  srv.routes.set('/batch/list.html', { body: corpus.list(srv.base) });
  for (const l of corpus.links) if (l.html) srv.routes.set(l.path, { body: l.html });
});
afterAll(async () => {
  await L?.close();
  await srv.close();
});

async function start(): Promise<Launched> {
  const l = await launch({ profile, downloads });
  l.pages.set(LIST, corpus.list(SITE));
  for (const c of corpus.links) if (c.html) l.pages.set(`${SITE}${c.path}`, c.html);
  return l;
}

describe('batch page', () => {
  const fetched = new Map<string, number>();
  let page: Page;
  it('cancel after a few reports, reopen: it resumes and fetches nothing twice', async () => {
    L = await start();
    // Slow the reports down (and count requests) so the cancel lands mid-run.
    await L.context.route(/\/batch\/r\d+/, async (route) => {
      const p = pathOf(route.request().url());
      fetched.set(p, (fetched.get(p) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 400));
      await route.fallback();
    });
    // The list page: the light gate says "none", counts 20 report links, shows the chip; the popup offers the batch.
    const list = await L.context.newPage();
    await list.goto(LIST);
    expect(await settled(list)).toBe('none');
    expect(await list.locator('[data-gouji-list-chip] button[data-action="open-batch"]').textContent()).toBe(
      '勾稽 ✓ 检查本页列出的 20 份年报',
    );
    await list.screenshot({ path: artifact('batch-list-chip.png') });
    const tabId = await tabIdFor(L, LIST);
    const popup = await L.context.newPage();
    await popup.setViewportSize({ width: 412, height: 600 });
    await popup.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${tabId}`);
    const offer = popup.locator('[data-action="open-batch"]');
    await offer.waitFor();
    expect(await offer.textContent()).toBe('检查本页列出的 20 份年报');
    await popup.screenshot({ path: artifact('batch-popup-offer.png') });
    [page] = await Promise.all([L.context.waitForEvent('page'), offer.click()]);
    expect(page.url()).toBe(`chrome-extension://${L.extensionId}/batch.html?list=${encodeURIComponent(LIST)}`);
    await popup.close();
    await list.close();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-gouji-report]').length >= 3, null, {
      timeout: 30_000,
    });
    await page.click('[data-action="cancel"]');
    await page.waitForSelector('html[data-gouji-batch="cancelled"]');
    await new Promise((r) => setTimeout(r, 500)); // let the aborted requests settle
    const before = await rowsOf(page);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(20);
    await page.close();

    page = await L.context.newPage();
    await page.goto(`chrome-extension://${L.extensionId}/batch.html?list=${encodeURIComponent(LIST)}`);
    await page.waitForSelector('html[data-gouji-batch="done"]', { timeout: 60_000 });
    const after = await rowsOf(page);
    expect(after).toHaveLength(20);
    for (const r of before) expect(fetched.get(pathOf(r.url)), r.url).toBe(1);
  });
  it('states and counts equal the CLI on the same pages; the cross-year result shows', async () => {
    const rows = await rowsOf(page);
    expect(rows.map((r) => pathOf(r.url))).toEqual(corpus.links.map((l) => l.path));
    expect(rows.map((r) => r.state)).toEqual(corpus.links.map((l) => l.state));
    const csv = parseCsv(
      (
        await cli('check', '--follow', `${srv.base}/batch/list.html`, '--format', 'csv-wide', '--delay', '0', '--quiet')
      ).slice(1),
    );
    const h = csv[0]!;
    const col = (name: string) => h.indexOf(name);
    const fromCli = csv.slice(1).map((r) => ({
      path: pathOf(r[col('url')]!),
      state: r[col('state')],
      fail: r[col('fail')],
      prose: r[col('prose_fail')],
      yoy: r[col('year_over_year')],
    }));
    expect(
      rows.map((r) => ({ path: pathOf(r.url), state: r.state, fail: r.fail, prose: r.prose, yoy: r.yoy })),
    ).toEqual(fromCli);
    expect(rows.some((r) => Number(r.fail) > 0)).toBe(true);
    expect(rows[0]!.yoy).toBe('fail'); // 2024 上年结转 vs the 2023 report's 结转下年度
    expect(rows[19]).toMatchObject({ state: 'report', fail: '0', yoy: '' }); // the 2023 report is consistent in itself
    expect(await page.locator('tr[data-gouji-report]').first().textContent()).toContain('与 2023 年度 2 列不符');
    const att = page.locator('tr[data-state="attachment"] a').first();
    expect(await att.getAttribute('href')).toBe(
      `report.html?url=${encodeURIComponent(`${SITE}/batch/files/sjj-2024.pdf`)}`,
    );
    await page.screenshot({ path: artifact('batch-page.png'), fullPage: true });
    await page.setViewportSize({ width: 412, height: 900 });
    await page.screenshot({ path: artifact('batch-page-412.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  it('the wide CSV opens as a grid: one row per report, every field id a column', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
    const text = readFileSync((await dl.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const grid = parseCsv(text.slice(1));
    expect(grid).toHaveLength(21);
    expect(new Set(grid.map((r) => r.length)).size).toBe(1);
    expect(grid[0]).toContain('apply.new.total');
    expect(grid[0]).toContain('review.total');
    const st = grid[0]!.indexOf('state');
    expect(grid.slice(1).map((r) => r[st])).toEqual(corpus.links.map((l) => l.state));
    const nt = grid[0]!.indexOf('apply.new.total');
    expect(grid[1]![nt]).toMatch(/^\d+$/);
  });
  it('after a browser restart the history lists every report checked', async () => {
    await L!.close();
    L = await start();
    const p = await L.context.newPage();
    await p.goto(`chrome-extension://${L.extensionId}/history.html`);
    await p.waitForSelector('[data-history-count]');
    const urls = await p.$$eval('tr[data-history-url]', (trs) => trs.map((t) => t.getAttribute('data-history-url')!));
    expect(new Set(urls.map(pathOf))).toEqual(
      new Set(corpus.links.filter((l) => l.state !== 'error').map((l) => l.path)),
    );
    await p.screenshot({ path: artifact('history-page.png'), fullPage: true });
  });
  it('a report opened in a page: the popup shows 上一年度报告 from history with the cross-year result', async () => {
    const url = `${SITE}${corpus.links[0]!.path}`;
    const report = await L!.context.newPage();
    await report.goto(url);
    expect(await settled(report)).toBe('report');
    const popup = await L!.context.newPage();
    await popup.setViewportSize({ width: 412, height: 800 });
    await popup.goto(`chrome-extension://${L!.extensionId}/popup.html?tabId=${await tabIdFor(L!, url)}`);
    const prev = popup.locator('[data-previous-year="2023"]');
    await prev.waitFor();
    expect(await prev.getAttribute('data-status')).toBe('fail');
    expect(await prev.textContent()).toContain('有 2 列不符');
    await popup.screenshot({ path: artifact('popup-previous-year.png') });
  });
});
