// The batch page over a list spread over 3 pages, served on a gov.cn host, in Chromium with the built
// extension: every report once (a link repeated on two pages counts once; each list page fetched once);
// the page closed mid-run and reopened resumes without fetching again what it had; cancel, then 继续检查
// finishes; a report whose tables are in a PDF attachment is fetched and checked (state `report`, source
// pdf) and a scanned one stays `attachment` with the reason; states, counts and sources equal the CLI's on
// the same pages; the CSV and JSON Lines downloads are real files, read back and checked by content.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, artifact, launch, type Launched } from './harness';
import { parseCsv } from '../support/csv';
import { previousYearPage } from '../support/batch-corpus';
import { FIXTURE_DIR } from '../support/fixtures';
import { FILES_DIR } from '../fixtures/gen/files';
import { startServer, type TestServer } from '../support/server';
import type { RowState } from '../../lib/batch/run';

const SITE = 'https://www.hz.gov.cn';
const LIST = `${SITE}/nj/index.html`;
const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8');
const attachmentPage = (title: string, href: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>
<p>一、总体情况</p><p>详见附件。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>
<p>附件：<a href="${href}">${title}.pdf</a></p></body></html>`;

interface Report {
  path: string;
  title: string;
  state: RowState;
  html?: string;
  source?: string;
}
const R: Record<string, Report> = {
  zs2024: {
    path: '/nj/r1.html',
    title: '中山市人民政府办公室2024年度政府信息公开工作年度报告',
    state: 'report',
    html: fixture('seed000-plain'),
  },
  two: {
    path: '/nj/r2.html',
    title: '某局2024年度政府信息公开工作年度报告',
    state: 'report',
    html: fixture('error-two'),
  },
  pdf: {
    path: '/nj/r3.html',
    title: '测试市审计局2024年度政府信息公开工作年度报告',
    state: 'report',
    source: 'pdf',
    html: attachmentPage('测试市审计局2024年度政府信息公开工作年度报告', 'files/audit-2024.pdf'),
  },
  addend: {
    path: '/nj/r4.html',
    title: '某办2024年度政府信息公开工作年度报告',
    state: 'report',
    html: fixture('error-addend'),
  },
  scan: {
    path: '/nj/r5.html',
    title: '测试市统计局2024年度政府信息公开工作年度报告',
    state: 'attachment',
    html: attachmentPage('测试市统计局2024年度政府信息公开工作年度报告', '/nj/files/scan-2024.pdf'),
  },
  news: {
    path: '/nj/r6.html',
    title: '关于2024年度政府信息公开工作年度报告的新闻',
    state: 'none',
    html: fixture('news'),
  },
  zs2023: {
    path: '/nj/r7.html',
    title: '中山市人民政府办公室2023年度政府信息公开工作年度报告',
    state: 'report',
    html: previousYearPage(),
  },
  gone: { path: '/nj/r8.html', title: '测试市档案馆2024年度政府信息公开工作年度报告', state: 'error' },
  old: {
    path: '/nj/r9.html',
    title: '某县2017年度政府信息公开工作年度报告',
    state: 'old',
    html: fixture('old-format'),
  },
};
const FILES: Record<string, Buffer> = {
  '/nj/files/audit-2024.pdf': readFileSync(join(FILES_DIR, 'error-two.pdf')),
  '/nj/files/scan-2024.pdf': readFileSync(join(FILES_DIR, 'scanned.pdf')),
};
const li = (r: Report) => `<li><a href="${r.path.replace('/nj/', '')}">${r.title}</a></li>`;
const listPage = (items: Report[], pager: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报_测试市人民政府</title></head><body>
<h1>政府信息公开年报</h1><ul>${items.map(li).join('\n')}</ul><div class="pager">${pager}</div></body></html>`;
// Three pages: 下一页 and a numbered pager; page 2 repeats a link of page 1.
const LISTS: Record<string, string> = {
  '/nj/index.html': listPage(
    [R.zs2024!, R.two!, R.pdf!],
    '<a href="index.html">1</a> <a href="index_1.html">2</a> <a href="index_2.html">3</a> <a href="index_1.html">下一页</a>',
  ),
  '/nj/index_1.html': listPage(
    [R.addend!, R.two!, R.scan!, R.news!],
    '<a href="index.html">上一页</a> <a href="index.html">1</a> <a href="index_2.html">3</a> <a href="index_2.html">下一页</a>',
  ),
  '/nj/index_2.html': listPage(
    [R.zs2023!, R.gone!, R.old!],
    '<a href="index_1.html">上一页</a> <a href="index.html">1</a>',
  ),
};
const ORDER = ['zs2024', 'two', 'pdf', 'addend', 'scan', 'news', 'zs2023', 'gone', 'old'].map((k) => R[k]!);

const profile = mkdtempSync(join(tmpdir(), 'gouji-batchp-profile-'));
const downloads = mkdtempSync(join(tmpdir(), 'gouji-batchp-dl-'));
const SHOTS = process.env.GOUJI_SHOTS; // a folder for the screenshots a person looks at (optional)
const shot = (name: string) => (SHOTS ? join(SHOTS, name) : artifact(name));
let L: Launched;
let srv: TestServer;
const fetched = new Map<string, number>();
const pathOf = (u: string) => new URL(u).pathname;

const rowsOf = (page: Page) =>
  page.$$eval('tr[data-gouji-report]', (trs) =>
    trs.map((tr) => ({
      path: new URL(tr.getAttribute('data-url')!).pathname,
      state: tr.getAttribute('data-state')!,
      errors: tr.getAttribute('data-errors')!,
      fail: tr.getAttribute('data-fail')!,
      prose: tr.getAttribute('data-prose-fail')!,
      yoy: tr.getAttribute('data-yoy') ?? '',
      source: tr.getAttribute('data-source') ?? '',
    })),
  );

const cli = (...args: string[]) =>
  new Promise<string>((resolve) =>
    execFile(
      process.execPath,
      [join(ROOT, 'bin/gouji.mjs'), ...args],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
      (_e, out) => resolve(out),
    ),
  );

beforeAll(async () => {
  srv = await startServer();
  for (const [p, html] of Object.entries(LISTS)) srv.routes.set(p, { body: html });
  for (const r of ORDER) if (r.html) srv.routes.set(r.path, { body: r.html });
  for (const [p, body] of Object.entries(FILES)) srv.routes.set(p, { body, type: 'application/pdf' });

  L = await launch({ profile, downloads });
  for (const [p, html] of Object.entries(LISTS)) L.pages.set(`${SITE}${p}`, html);
  for (const r of ORDER) if (r.html) L.pages.set(`${SITE}${r.path}`, r.html);
  // Count every request to the site; slow the reports down so a close and a cancel land mid-run; serve the PDFs.
  await L.context.route(/^https:\/\/www\.hz\.gov\.cn\//, async (route) => {
    const p = pathOf(route.request().url());
    fetched.set(p, (fetched.get(p) ?? 0) + 1);
    if (FILES[p]) return route.fulfill({ status: 200, contentType: 'application/pdf', body: FILES[p] });
    if (/\/r\d\.html$/.test(p)) await new Promise((r) => setTimeout(r, 700));
    return route.fallback();
  });
});
afterAll(async () => {
  await L?.close();
  await srv?.close();
});

describe('batch page over a paginated list', () => {
  let page: Page;
  const url = () => `chrome-extension://${L.extensionId}/batch.html?list=${encodeURIComponent(LIST)}`;
  let beforeClose: Awaited<ReturnType<typeof rowsOf>> = [];

  it('closed mid-run and reopened, it resumes; cancel, then 继续检查 finishes; every report once', async () => {
    page = await L.context.newPage();
    await page.goto(url());
    await page.waitForFunction(() => document.querySelectorAll('tr[data-gouji-report]').length >= 2, null, {
      timeout: 30_000,
    });
    // Every link of the three pages is listed before any report is checked, each once.
    expect(await page.$$eval('tbody tr', (trs) => trs.length)).toBe(ORDER.length);
    beforeClose = await rowsOf(page);
    expect(beforeClose.length).toBeLessThan(ORDER.length);
    await page.screenshot({ path: shot('batch-running-1280.png'), fullPage: true });
    await page.close(); // mid-run, no cancel

    page = await L.context.newPage();
    await page.setViewportSize({ width: 412, height: 900 });
    await page.goto(url());
    await page.waitForSelector('html[data-gouji-batch="running"]');
    await page.screenshot({ path: shot('batch-running-412.png'), fullPage: true });
    await page.waitForFunction(
      (n) => document.querySelectorAll('tr[data-gouji-report]').length >= n,
      Math.min(beforeClose.length + 2, ORDER.length - 2),
      { timeout: 30_000 },
    );
    await page.click('[data-action="cancel"]');
    await page.waitForSelector('html[data-gouji-batch="cancelled"]');
    const cancelled = (await rowsOf(page)).length;
    expect(cancelled).toBeLessThan(ORDER.length);
    expect(await page.locator('[data-phase="cancelled"]').textContent()).toContain('已取消');
    await page.click('[data-action="resume"]');
    await page.waitForSelector('html[data-gouji-batch="done"]', { timeout: 60_000 });
    await page.setViewportSize({ width: 1280, height: 900 });

    const rows = await rowsOf(page);
    expect(rows.map((r) => r.path)).toEqual(ORDER.map((r) => r.path));
    // Done before the close: never fetched again. Each list page: once (the reopened run had the links).
    for (const r of beforeClose) expect(fetched.get(r.path), r.path).toBe(1);
    for (const p of Object.keys(LISTS)) expect(fetched.get(p), p).toBe(1);
    // The attachment of r3 was fetched (and is not a row of its own).
    expect(fetched.get('/nj/files/audit-2024.pdf')).toBeGreaterThanOrEqual(1);
  });

  it('states, counts and sources equal the CLI on the same pages; the PDF attachment is read; the cross-year result shows', async () => {
    const rows = await rowsOf(page);
    expect(rows.map((r) => r.state)).toEqual(ORDER.map((r) => r.state));
    expect(rows.map((r) => r.source)).toEqual(ORDER.map((r) => r.source ?? ''));
    const pdf = rows.find((r) => r.path === R.pdf!.path)!;
    expect(Number(pdf.errors)).toBeGreaterThan(0);
    expect(rows[0]!.yoy).toBe('fail'); // 中山市 2024's 上年结转 against the 2023 report on page 3
    expect(
      await page.locator('tr[data-gouji-report]').first().locator('a[data-previous-year-link]').getAttribute('href'),
    ).toBe(`${SITE}${R.zs2023!.path}`);
    const scan = page.locator(`tr[data-url="${SITE}${R.scan!.path}"]`);
    expect(await scan.textContent()).toContain('PDF 为扫描图片，无法读取文字');
    expect(await page.locator(`tr[data-url="${SITE}${R.pdf!.path}"]`).textContent()).toContain('读自 PDF 附件');

    const out = await cli(
      'check',
      '--follow',
      `${srv.base}/nj/index.html`,
      '--format',
      'csv-wide',
      '--delay',
      '0',
      '--quiet',
    );
    const csv = parseCsv(out.slice(1));
    const h = csv[0]!;
    const at = (r: string[], name: string) => r[h.indexOf(name)];
    const fromCli = csv.slice(1).map((r) => ({
      path: pathOf(at(r, 'url')!),
      state: at(r, 'state'),
      errors: at(r, 'errors'),
      fail: at(r, 'fail'),
      prose: at(r, 'prose_fail'),
      yoy: at(r, 'year_over_year'),
      source: at(r, 'source'),
    }));
    expect(rows).toEqual(fromCli);
    await page.screenshot({ path: shot('batch-done-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 412, height: 900 });
    await page.screenshot({ path: shot('batch-done-412.png'), fullPage: true });
    await page.click('[data-action="lang"]');
    await page.screenshot({ path: shot('batch-done-412-en.png'), fullPage: true });
    expect(await scan.textContent()).toContain('The PDF is a scanned image');
    expect(await scan.textContent()).not.toMatch(/[\u4e00-\u9fff]{2}(?![^<]*\.pdf)/);
    await page.click('[data-action="lang"]');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the CSV and JSON Lines downloads are real files with one report a row / a line', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
    expect(dl.suggestedFilename()).toBe('gouji-batch.csv');
    const text = readFileSync((await dl.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const grid = parseCsv(text.slice(1));
    expect(grid).toHaveLength(ORDER.length + 1);
    expect(new Set(grid.map((r) => r.length)).size).toBe(1);
    const h = grid[0]!;
    const col = (r: string[], name: string) => r[h.indexOf(name)]!;
    expect(grid.slice(1).map((r) => pathOf(col(r, 'url')))).toEqual(ORDER.map((r) => r.path));
    expect(grid.slice(1).map((r) => col(r, 'state'))).toEqual(ORDER.map((r) => r.state));
    const pdfRow = grid[ORDER.indexOf(R.pdf!) + 1]!;
    expect(col(pdfRow, 'source')).toBe('pdf');
    expect(col(pdfRow, 'attachment')).toBe(`${SITE}/nj/files/audit-2024.pdf`);
    expect(col(pdfRow, 'apply.new.total')).toMatch(/^\d+$/);
    expect(col(grid[1]!, 'year_over_year')).toBe('fail');

    const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-jsonl"]')]);
    expect(dl2.suggestedFilename()).toBe('gouji-batch.jsonl');
    const lines = readFileSync((await dl2.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(ORDER.length);
    const objs = lines.map(
      (l) =>
        JSON.parse(l) as {
          source: { url: string; attachment?: string };
          error?: string;
          schema?: string;
          checks?: { rule: string; status: string }[];
        },
    );
    expect(objs.map((o) => pathOf(o.source.url))).toEqual(ORDER.map((r) => r.path));
    const gone = objs[ORDER.indexOf(R.gone!)]!;
    expect(gone).toEqual({ source: { url: `${SITE}${R.gone!.path}` }, error: 'HTTP 404' });
    const pdf = objs[ORDER.indexOf(R.pdf!)]!;
    expect(pdf.schema).toBe('gouji/report@1');
    expect(pdf.source.attachment).toBe(`${SITE}/nj/files/audit-2024.pdf`);
    // The cross-year checks ride along in this year's report object.
    expect(objs[0]!.checks!.filter((c) => c.rule === 'apply.year-over-year' && c.status === 'fail')).toHaveLength(2);
  });

  it('the history lists them; the page and the report view of 2024 show the cross-year result from history', async () => {
    const hist = await L.context.newPage();
    await hist.goto(`chrome-extension://${L.extensionId}/history.html`);
    await hist.waitForSelector('[data-history-count]');
    const urls = await hist.$$eval('tr[data-history-url]', (trs) =>
      trs.map((t) => t.getAttribute('data-history-url')!),
    );
    expect(new Set(urls.map(pathOf))).toEqual(new Set(ORDER.filter((r) => r.state !== 'error').map((r) => r.path)));
    await hist.screenshot({ path: shot('history-1280.png'), fullPage: true });
    await hist.setViewportSize({ width: 412, height: 900 });
    await hist.screenshot({ path: shot('history-412.png'), fullPage: true });
    await hist.close();

    // The 2024 report opened as a page: history holds 2023, the 上年结转 cells that differ are marked.
    const rep = await L.context.newPage();
    await rep.goto(`${SITE}${R.zs2024!.path}`);
    const cell = rep.locator('[data-gouji-fail~="apply.year-over-year:natural_person"]');
    await cell.waitFor({ timeout: 15_000 });
    expect(await cell.getAttribute('data-gouji-field')).toBe('apply.carried_over.natural_person');
    expect(await rep.locator('[data-gouji-fail~="apply.year-over-year:total"]').count()).toBe(1);
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    const link = rep.locator('a[data-previous-year-link]');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${SITE}${R.zs2023!.path}`);
    await rep.screenshot({ path: shot('page-previous-year-1280.png') });
    await rep.close();

    // The report view of the same page: 上一年度报告 under the summary, both numbers, last year's link.
    const view = await L.context.newPage();
    await view.goto(
      `chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent(`${SITE}${R.zs2024!.path}`)}`,
    );
    // The popup's own 上一年度报告 card (the report view runs the popup's findings column).
    const prev = view.locator('.previous-year[data-previous-year="2023"]');
    await prev.waitFor({ timeout: 15_000 });
    expect(await prev.getAttribute('data-status')).toBe('fail');
    expect(await prev.textContent()).toContain('上年结转应为 4（2023 年度报告的结转下年度），表中为 3');
    expect(await prev.locator('a').getAttribute('href')).toBe(`${SITE}${R.zs2023!.path}`);
    expect(await view.locator('td[data-gouji-fail~="apply.year-over-year:natural_person"]').count()).toBe(1);
    await prev.scrollIntoViewIfNeeded();
    await view.screenshot({ path: shot('report-view-previous-year-1280.png') });
    await view.close();
  });
});
