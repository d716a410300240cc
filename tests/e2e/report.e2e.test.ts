// The report view in Chromium: report.html?url= for a PDF and a DOCX attachment served at gov.cn
// addresses (marks match `gouji check --format json` on the same file), and a local file picked on the page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, artifact, fixture, launch, openPopupFor, settled, type Launched } from './harness';
import { ATTR } from '../../lib/contract';
import type { Report } from '../../lib/types';
import { FILES_DIR, docxFromHtml, fixtureHtml } from '../fixtures/gen/files';
import { errorCounts } from '../../lib/errors';
import { existsSync } from 'node:fs';

let L: Launched;
const tmp = mkdtempSync(join(tmpdir(), 'gouji-report-'));
const FILES: Record<string, { body: Buffer; type: string }> = {
  'https://www.example.gov.cn/fj/error-two.pdf': {
    body: readFileSync(join(FILES_DIR, 'error-two.pdf')),
    type: 'application/pdf',
  },
  'https://www.example.gov.cn/fj/format2019-error.docx': {
    body: Buffer.from(docxFromHtml(fixtureHtml('format2019-error'))),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
};

// Files served without a telling extension (#9): only their bytes (or the server's content type) say what they are.
const UNNAMED: Record<string, { body: Buffer; type: string; source: string }> = {
  'https://www.example.gov.cn/download?id=123': {
    body: readFileSync(join(FILES_DIR, 'error-two.pdf')),
    type: 'application/pdf',
    source: 'pdf',
  },
  'https://www.example.gov.cn/attach/abc': {
    body: readFileSync(join(FILES_DIR, 'error-two.pdf')),
    type: 'application/octet-stream',
    source: 'pdf',
  },
  'https://www.example.gov.cn/attach/word-1': {
    body: Buffer.from(docxFromHtml(fixtureHtml('format2019-error'))),
    type: 'application/octet-stream',
    source: 'docx',
  },
};

beforeAll(async () => {
  L = await launch();
  await L.context.route(/\/(download\?id=|attach\/)/, (route) => {
    const f = UNNAMED[route.request().url()];
    return f
      ? route.fulfill({ status: 200, contentType: f.type, body: f.body })
      : route.fulfill({ status: 404, body: '' });
  });
  await L.context.route(/\/fj\//, (route) => {
    const f = FILES[route.request().url()];
    return f
      ? route.fulfill({ status: 200, contentType: f.type, body: f.body })
      : route.fulfill({ status: 404, body: '' });
  });
});
afterAll(async () => {
  await L?.close();
});

function cliJson(file: string): Report {
  const res = spawnSync(process.execPath, [join(ROOT, 'bin/gouji.mjs'), 'check', file, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return JSON.parse(res.stdout) as Report;
}

/** What the CLI says each field cell must carry: failing check ids and the culprit's suggestion. */
function expectedMarks(r: Report): Record<string, { fail: string; culprit: string | null }> {
  const out: Record<string, { fail: string; culprit: string | null }> = {};
  for (const f of Object.keys(r.values)) out[f] = { fail: '', culprit: null };
  for (const c of r.checks) {
    if (c.status !== 'fail') continue;
    for (const f of c.cells) if (out[f]) out[f].fail = out[f].fail ? `${out[f].fail} ${c.id}` : c.id;
    if (c.culprit && out[c.culprit.field]) out[c.culprit.field]!.culprit = String(c.culprit.suggested);
  }
  return out;
}

describe('report.html', () => {
  for (const [url, f] of Object.entries(FILES)) {
    const source = url.endsWith('.pdf') ? 'pdf' : 'docx';
    it(`?url= a ${source} attachment: marks equal the CLI's JSON for the same file`, { timeout: 120_000 }, async () => {
      const local = join(tmp, url.split('/').pop()!);
      writeFileSync(local, f.body);
      const want = cliJson(local);
      const page = await L.context.newPage();
      await page.goto(`chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent(url)}`);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-gouji-state'), null, {
        timeout: 90_000,
      });
      expect(await page.getAttribute('html', ATTR.state)).toBe('report');
      expect(await page.getAttribute('html', 'data-gouji-source')).toBe(source);
      const got = await page.$$eval(
        `[${ATTR.field}]`,
        (cells, a) =>
          Object.fromEntries(
            cells.map((c) => [
              c.getAttribute(a.field)!,
              { fail: c.getAttribute(a.fail) ?? '', culprit: c.getAttribute(a.culprit) },
            ]),
          ),
        { field: ATTR.field, fail: ATTR.fail, culprit: ATTR.culprit },
      );
      const exp = expectedMarks(want);
      // Same fields, same failing checks per cell (order-insensitive), same culprits.
      expect(Object.keys(got).sort()).toEqual(Object.keys(exp).sort());
      for (const k of Object.keys(exp)) {
        expect(got[k]!.fail.split(' ').sort(), k).toEqual(exp[k]!.fail.split(' ').sort());
        expect(got[k]!.culprit, k).toBe(exp[k]!.culprit);
      }
      expect(want.summary.fail).toBeGreaterThan(0);
      // Counted as the popup counts: errors (probable wrong cells + contradictions), failing checks second.
      const n = errorCounts(want);
      expect(await page.textContent('#summary')).toContain(`${n.errors} 处错误，${n.failingChecks} 项核对不一致`);
      expect(await page.textContent('[data-count="errors"] > .count-n')).toBe(String(n.errors));
      expect(await page.textContent('[data-count="fail"] > .count-n')).toBe(String(n.failingChecks));
      await page.setViewportSize({ width: 412, height: 900 });
      await page.screenshot({ path: artifact(`report-view-${source}-412.png`), fullPage: false });
      await page.close();
    });
  }

  for (const [url, f] of Object.entries(UNNAMED))
    it(
      `?url= ${url.replace(/^https:\/\/[^/]+/, '')} (${f.type}) is read as ${f.source} by its bytes`,
      { timeout: 120_000 },
      async () => {
        const page = await L.context.newPage();
        await page.goto(`chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent(url)}`);
        await page.waitForFunction(() => document.documentElement.hasAttribute('data-gouji-state'), null, {
          timeout: 90_000,
        });
        expect(await page.getAttribute('html', ATTR.state)).toBe('report');
        expect(await page.getAttribute('html', 'data-gouji-source')).toBe(f.source);
        await page.close();
      },
    );

  it('a local file chosen on the page is checked there', { timeout: 120_000 }, async () => {
    const page = await L.context.newPage();
    await page.goto(`chrome-extension://${L.extensionId}/report.html`);
    await page.setInputFiles('#file', join(FILES_DIR, 'seed000-plain.pdf'));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'report', null, {
      timeout: 90_000,
    });
    expect(await page.getAttribute('html', 'data-gouji-source')).toBe('pdf');
    expect(await page.textContent('#summary')).toContain('所有勾稽关系一致');
    expect(await page.getAttribute('#summary', 'data-state')).toBe('report');
    expect(await page.$$eval(`[${ATTR.field}]`, (c) => c.length)).toBe(200);
    await page.screenshot({ path: artifact('report-view-local-pdf.png'), fullPage: true });
    // A .doc: the message says what to do.
    await page.setInputFiles('#file', {
      name: '年报.doc',
      mimeType: 'application/msword',
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'error', null, {
      timeout: 30_000,
    });
    expect(await page.textContent('#error')).toContain('请另存为 .docx 或 PDF 后再检查');
    await page.close();
  });
});

// Code passed to serviceWorker.evaluate runs in the extension's worker, where `chrome` exists.
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

async function tabIdOf(url: string): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const id = await L.serviceWorker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
      url,
    );
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab at ${url}`);
}

async function popupFor(url: string): Promise<Page> {
  return openPopupFor(L, await tabIdOf(url), { width: 420, height: 600 });
}

async function reportTab(click: () => Promise<void>): Promise<Page> {
  // The new report view, not any page an earlier step opens late (a follow-up page, a download tab): the
  // first page event after the click is not necessarily ours.
  const before = new Set(L.context.pages());
  await click();
  let page: Page | undefined;
  await expect
    .poll(() => (page = L.context.pages().find((p) => !before.has(p) && p.url().includes('/report.html'))), {
      timeout: 30_000,
    })
    .toBeTruthy();
  await page!.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'report', null, {
    timeout: 90_000,
  });
  return page!;
}

describe('the popup opens the report view', () => {
  it('a gov.cn note linking a PDF and a DOCX: 检查附件《名称》 for each', { timeout: 180_000 }, async () => {
    const url = 'https://www.example.gov.cn/art/2025/note.html';
    L.pages.set(
      url,
      '<!doctype html><html><head><meta charset="utf-8"><title>某某市2024年政府信息公开工作年度报告</title></head><body><h1>某某市2024年政府信息公开工作年度报告</h1><p>详见附件：</p><p><a href="/fj/error-two.pdf">2024年年度报告（PDF）</a></p><p><a href="https://www.example.gov.cn/fj/format2019-error.docx">2024年年度报告（Word）</a></p></body></html>',
    );
    const page = await L.context.newPage();
    await page.goto(url);
    const popup = await popupFor(url);
    await popup.waitForSelector('[data-action="check-attachment"]');
    const labels = await popup.$$eval('[data-action="check-attachment"]', (b) => b.map((x) => x.textContent));
    expect(labels).toEqual(['检查附件《2024年年度报告（PDF）》', '检查附件《2024年年度报告（Word）》']);
    await popup.screenshot({ path: artifact('popup-attachments.png') });
    const pdfView = await reportTab(() => popup.click('[data-action="check-attachment"] >> nth=0'));
    expect(pdfView.url()).toBe(
      `chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent('https://www.example.gov.cn/fj/error-two.pdf')}`,
    );
    expect(await pdfView.getAttribute('html', 'data-gouji-source')).toBe('pdf');
    const docxView = await reportTab(() => popup.click('[data-action="check-attachment"] >> nth=1'));
    expect(await docxView.getAttribute('html', 'data-gouji-source')).toBe('docx');
    for (const p of [page, popup, pdfView, docxView]) await p.close();
  });

  it(
    'the in-page chip of a note whose tables are in an attached PDF opens it in the report view',
    { timeout: 180_000 },
    async () => {
      const url = 'https://www.example.gov.cn/art/2025/note-chip.html';
      L.pages.set(
        url,
        '<!doctype html><html><head><meta charset="utf-8"><title>某某市2024年政府信息公开工作年度报告</title></head><body><h1>某某市2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>详见附件：</p><p><a href="/fj/error-two.pdf">2024年年度报告（PDF）</a></p></body></html>',
      );
      const page = await L.context.newPage();
      await page.goto(url);
      expect(await settled(page)).toBe('report');
      const chip = page.locator(`div[data-gouji-ui] [part~="chip"][data-table="page"]`);
      await expect.poll(() => chip.textContent(), { timeout: 20_000 }).toContain('表格在附件《');
      expect(await chip.textContent()).toContain('点击检查附件');
      await page.screenshot({ path: artifact('chip-attachment.png') });
      const view = await reportTab(() => chip.click());
      expect(view.url()).toBe(
        `chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent('https://www.example.gov.cn/fj/error-two.pdf')}`,
      );
      expect(await view.getAttribute('html', 'data-gouji-source')).toBe('pdf');
      expect(await view.locator(`[${ATTR.fail}]`).count()).toBeGreaterThan(0);
      for (const p of [page, view]) await p.close();
    },
  );

  it(
    'a note showing its report in a PDF viewer frame (pdf.js viewer.html?file=…), no link: the chip and the popup offer that PDF',
    { timeout: 180_000 },
    async () => {
      const url = 'https://www.example.gov.cn/art/2025/note-viewer.html';
      L.pages.set(
        'https://www.example.gov.cn/static/pdfjs/web/viewer.html',
        '<!doctype html><html><head><meta charset="utf-8"><title>PDF.js viewer</title></head><body><div id="viewerContainer"></div></body></html>',
      );
      L.pages.set(
        url,
        '<!doctype html><html><head><meta charset="utf-8"><title>某某市2024年政府信息公开工作年度报告</title></head><body><h1>某某市2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>全文如下：</p><iframe src="/static/pdfjs/web/viewer.html?file=%2Ffj%2Ferror-two.pdf" title="2024年年度报告" width="800" height="400"></iframe></body></html>',
      );
      const page = await L.context.newPage();
      await page.goto(url);
      expect(await settled(page)).toBe('report');
      const chip = page.locator(`div[data-gouji-ui] [part~="chip"][data-table="page"]`);
      await expect.poll(() => chip.textContent(), { timeout: 20_000 }).toContain('表格在附件《2024年年度报告》');
      const pdf = 'https://www.example.gov.cn/fj/error-two.pdf';
      const popup = await popupFor(url);
      await popup.waitForSelector('[data-action="check-attachment"]');
      expect(await popup.$$eval('[data-action="check-attachment"]', (b) => b.map((x) => x.textContent))).toEqual([
        '检查附件《2024年年度报告》',
      ]);
      await popup.close();
      const view = await reportTab(() => chip.click());
      expect(view.url()).toBe(`chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent(pdf)}`);
      expect(await view.getAttribute('html', 'data-gouji-source')).toBe('pdf');
      for (const p of [page, view]) await p.close();
    },
  );

  it(
    'a PDF viewer page open in a tab (viewer.html?file=…): its chip opens the PDF it shows in the report view',
    { timeout: 180_000 },
    async () => {
      // The file encoded, as pdf.js links write it (and so this suite's /fj/ route does not take the page).
      const url = 'https://www.example.gov.cn/pdfjs/web/viewer.html?file=%2Ffj%2Ferror-two.pdf';
      // What pdf.js leaves in the page: the file's name as the title, the text layer's spans, no table.
      L.pages.set(
        url,
        '<!doctype html><html><head><meta charset="utf-8"><title>error-two.pdf</title></head><body><div id="viewer"><div class="page"><div class="textLayer">' +
          [
            '某某市2024年政府信息公开工作年度报告',
            '一、总体情况',
            '二、主动公开政府信息情况',
            '三、收到和处理政府信息公开申请情况',
          ]
            .map((t) => `<span role="presentation" dir="ltr">${t}</span><br role="presentation">`)
            .join('') +
          '</div></div></div></body></html>',
      );
      const page = await L.context.newPage();
      await page.goto(url);
      expect(await settled(page)).toBe('report');
      const chip = page.locator(`div[data-gouji-ui] [part~="chip"][data-table="page"]`);
      await expect.poll(() => chip.textContent(), { timeout: 20_000 }).toContain('表格在附件《error-two》');
      expect(await chip.textContent()).toContain('点击检查附件');
      const view = await reportTab(() => chip.click());
      expect(view.url()).toBe(
        `chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent('https://www.example.gov.cn/fj/error-two.pdf')}`,
      );
      expect(await view.getAttribute('html', 'data-gouji-source')).toBe('pdf');
      for (const p of [page, view]) await p.close();
    },
  );

  it('a PDF open in a tab: 检查此 PDF opens the report view for it', { timeout: 180_000 }, async () => {
    const url = 'https://www.example.gov.cn/fj/error-two.pdf';
    const page = await L.context.newPage();
    // Headless Chromium may hand the PDF to its viewer or treat it as a download; the tab's URL is the PDF's either way.
    await page.goto(url).catch(() => undefined);
    const popup = await popupFor(url);
    await popup.waitForSelector('[data-action="check-pdf"]');
    expect(await popup.$$eval('[data-action="check-attachment"]', (b) => b.length)).toBe(0);
    const view = await reportTab(() => popup.click('[data-action="check-pdf"]'));
    expect(await view.getAttribute('html', 'data-gouji-source')).toBe('pdf');
    expect(await view.textContent('#summary')).toContain('项核对不一致');
    for (const p of [page, popup, view]) await p.close();
  });

  it(
    'a PDF served at /download?id=123 (no .pdf in its address): 检查此 PDF all the same',
    { timeout: 180_000 },
    async () => {
      const url = 'https://www.example.gov.cn/download?id=123';
      const page = await L.context.newPage();
      await page.goto(url).catch(() => undefined);
      const popup = await popupFor(url);
      await popup.waitForSelector('[data-action="check-pdf"]', { timeout: 20_000 });
      const view = await reportTab(() => popup.click('[data-action="check-pdf"]'));
      expect(view.url()).toBe(`chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent(url)}`);
      expect(await view.getAttribute('html', 'data-gouji-source')).toBe('pdf');
      // A page is not offered 检查此 PDF.
      const note = 'https://www.example.gov.cn/art/2025/plain.html';
      L.pages.set(note, '<!doctype html><title>新闻</title><p>今日要闻</p>');
      const other = await L.context.newPage();
      await other.goto(note);
      const popup2 = await popupFor(note);
      await popup2.waitForSelector('[data-action="check-local-file"]');
      await popup2.waitForTimeout(500);
      expect(await popup2.$$eval('[data-action="check-pdf"]', (b) => b.length)).toBe(0);
      for (const p of [page, popup, view, other, popup2]) await p.close();
    },
  );

  it('检查本地文件 opens the report view ready to pick a file', { timeout: 60_000 }, async () => {
    const url = 'https://www.example.gov.cn/art/2025/other.html';
    L.pages.set(url, '<!doctype html><title>新闻</title><p>今日要闻</p>');
    const page = await L.context.newPage();
    await page.goto(url);
    const popup = await popupFor(url);
    await popup.waitForSelector('[data-action="check-local-file"]');
    const [view] = await Promise.all([L.context.waitForEvent('page'), popup.click('[data-action="check-local-file"]')]);
    await view.waitForSelector('#file');
    expect(view.url()).toBe(`chrome-extension://${L.extensionId}/report.html`);
    await view.setInputFiles('#file', join(FILES_DIR, 'error-two.pdf'));
    await view.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'report', null, {
      timeout: 90_000,
    });
    for (const p of [page, popup, view]) await p.close();
  });
});

describe('查看读取的表格', () => {
  it(
    'an in-page report: the popup opens its tables as read, every value cell marked as on the page',
    { timeout: 120_000 },
    async () => {
      const html = fixture('error-two.html');
      const url = /name="gouji-fixture-url" content="([^"]+)"/.exec(html)![1]!;
      L.pages.set(url, html);
      const page = await L.context.newPage();
      await page.goto(url);
      expect(await settled(page)).toBe('report');
      const onPage = await page.$$eval('[data-gouji-field]', (c) =>
        Object.fromEntries(
          c.map((e) => [
            e.getAttribute('data-gouji-field'),
            [e.getAttribute('data-gouji-fail') ?? '', e.getAttribute('data-gouji-culprit')],
          ]),
        ),
      );
      const popup = await popupFor(url);
      await popup.waitForSelector('[data-action="view-tables"]');
      const view = await reportTab(() => popup.click('[data-action="view-tables"]'));
      expect(await view.getAttribute('html', 'data-gouji-source')).toBe('html');
      const inView = await view.$$eval('[data-gouji-field]', (c) =>
        Object.fromEntries(
          c.map((e) => [
            e.getAttribute('data-gouji-field'),
            [e.getAttribute('data-gouji-fail') ?? '', e.getAttribute('data-gouji-culprit')],
          ]),
        ),
      );
      const norm = (m: Record<string, (string | null)[]>) =>
        Object.fromEntries(Object.entries(m).map(([k, [f, c]]) => [k, [(f ?? '').split(' ').sort().join(' '), c]]));
      expect(norm(inView)).toEqual(norm(onPage));
      expect(await view.$$eval('button.copy', (b) => b.length)).toBe(3);
      await view.screenshot({ path: artifact('report-view-tables.png'), fullPage: true });
      for (const p of [page, popup, view]) await p.close();
    },
  );
});

describe('flags from the report view', () => {
  it('a finding flagged in the report view appears on the follow-up page', { timeout: 120_000 }, async () => {
    const page = await L.context.newPage();
    await page.goto(
      `chrome-extension://${L.extensionId}/report.html?url=${encodeURIComponent('https://www.example.gov.cn/fj/error-two.pdf')}`,
    );
    await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'report', null, {
      timeout: 90_000,
    });
    // As in the popup: 标记跟进 opens the note form, 保存标记 saves the flag (with its note).
    const checkId = await page.locator('li.finding:has([data-action="flag"])').first().getAttribute('data-check-id');
    const finding = page.locator(`li.finding[data-check-id="${checkId}"]`);
    await finding.locator('[data-action="flag"]').click();
    await finding.locator('textarea').fill('已电话核实');
    await finding.locator('[data-action="flag-save"]').click();
    await page.waitForSelector(`li[data-check-id="${checkId}"][data-flagged] [data-flag-status]`);
    const flags = await L.context.newPage();
    await flags.goto(`chrome-extension://${L.extensionId}/flags.html`);
    await flags.waitForSelector(`[data-check-id="${checkId}"]`, { timeout: 20_000 });
    expect(await flags.innerText('body')).toContain('双鸭山');
    const notes = await flags.locator('textarea').evaluateAll((ts) => ts.map((t) => (t as HTMLTextAreaElement).value));
    expect(notes).toContain('已电话核实');
    await flags.screenshot({ path: artifact('flags-from-report-view.png'), fullPage: true });
    for (const p of [page, flags]) await p.close();
  });
});

const HONGZE = '/work/shared/real-reports/hongze-2023.pdf';
const REAL = join(ROOT, '../shared/real-reports/hongze-2023.pdf');
const hongze = [REAL, HONGZE].find((f) => existsSync(f));

describe('a real PDF with two real table-四 errors (hongze-2023)', () => {
  it.skipIf(!hongze)(
    'counts, language, 412 px and the keyboard: errors named by their cells, the switch follows the popup',
    { timeout: 180_000 },
    async () => {
      const page = await L.context.newPage();
      await page.goto(`chrome-extension://${L.extensionId}/report.html`);
      await page.setInputFiles('#file', hongze!);
      await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'report', null, {
        timeout: 90_000,
      });
      // Two errors, each a probable wrong cell (the 总计 of 行政复议 and of 复议后起诉), each breaking one check.
      expect(await page.getAttribute('#summary', 'data-errors')).toBe('2');
      expect(await page.getAttribute('#summary', 'data-fail')).toBe('2');
      expect(await page.textContent('#summary')).toContain('已核对：');
      expect(await page.$$eval('li.error-group', (l) => l.map((e) => e.getAttribute('data-error')))).toEqual([
        'cell:review.total',
        'cell:litigation.after_review.total',
      ]);
      expect(await page.getAttribute('[data-gouji-field="review.total"]', ATTR.culprit)).toBe('11');
      expect(await page.getAttribute('[data-gouji-field="litigation.after_review.total"]', ATTR.culprit)).toBe('5');
      expect(await page.$$eval(`[${ATTR.fail}]`, (c) => c.length)).toBe(10);

      // Keyboard: Tab from the top reaches the first finding; Enter brings its wrong cell into view, focused.
      await page.focus('#file');
      let onFinding = false;
      for (let i = 0; i < 40 && !onFinding; i++) {
        await page.keyboard.press('Tab');
        onFinding = await page.evaluate(() => !!document.activeElement?.closest('li.finding .finding-main'));
      }
      expect(onFinding).toBe(true);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-gouji-field')))
        .toBe('review.total');

      // 412 px: nothing wider than the screen (the tables scroll inside their own box).
      await page.setViewportSize({ width: 412, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
      await page.screenshot({ path: artifact('report-view-hongze-412.png'), fullPage: true });

      // The popup's language switch: English here, remembered for the popup (one stored choice).
      await page.click('[data-action="lang"]');
      await expect.poll(() => page.textContent('#summary')).toContain('2 errors, 2 failing checks');
      expect(await page.textContent('.read-tables h3')).toBe('Tables as read');
      expect(await page.textContent('[data-table="review"] h4')).toContain('IV.');
      const stored = await L.serviceWorker.evaluate(
        async () =>
          await (
            globalThis as unknown as {
              chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
            }
          ).chrome.storage.local.get('gouji:settings:lang'),
      );
      expect(stored['gouji:settings:lang']).toBe('en');
      await page.reload();
      await page.setInputFiles('#file', hongze!);
      await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'report', null, {
        timeout: 90_000,
      });
      expect(await page.textContent('#summary')).toContain('Checked: ');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: artifact('report-view-hongze-en-1280.png'), fullPage: true });
      await page.click('[data-action="lang"]');
      await expect.poll(() => page.textContent('#summary')).toContain('2 处错误');
      await page.close();
    },
  );

  it('a scanned PDF and a .xls say what they are, in the view', { timeout: 120_000 }, async () => {
    const page = await L.context.newPage();
    await page.goto(`chrome-extension://${L.extensionId}/report.html`);
    await page.setInputFiles('#file', join(FILES_DIR, 'scanned.pdf'));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'error', null, {
      timeout: 90_000,
    });
    expect(await page.textContent('#error')).toContain('PDF 为扫描图片，无法读取文字');
    for (const name of ['统计表.xls', '年报.ofd', '年报.wps']) {
      await page.evaluate(() => document.documentElement.removeAttribute('data-gouji-state'));
      await page.setInputFiles('#file', {
        name,
        mimeType: 'application/octet-stream',
        buffer: name.endsWith('.ofd')
          ? Buffer.from(docxFromHtml('<p>x</p>'))
          : Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      });
      await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'error', null, {
        timeout: 30_000,
      });
      expect(await page.textContent('#error'), name).toContain('请另存为 .docx 或 PDF 后再检查');
      expect(await page.textContent('#error'), name).toContain(name);
    }
    await page.close();
  });
});
