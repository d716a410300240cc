// The report view in Chromium: report.html?url= for a PDF and a DOCX attachment served at gov.cn
// addresses (marks match `gouji check --format json` on the same file), and a local file picked on the page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, artifact, launch, type Launched } from './harness';
import { ATTR } from '../../lib/contract';
import type { Report } from '../../lib/types';
import { FILES_DIR, docxFromHtml, fixtureHtml } from '../fixtures/gen/files';

let L: Launched;
const tmp = mkdtempSync(join(tmpdir(), 'gouji-report-'));
const FILES: Record<string, { body: Buffer; type: string }> = {
  'https://www.example.gov.cn/fj/error-two.pdf': { body: readFileSync(join(FILES_DIR, 'error-two.pdf')), type: 'application/pdf' },
  'https://www.example.gov.cn/fj/format2019-error.docx': {
    body: Buffer.from(docxFromHtml(fixtureHtml('format2019-error'))),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
};

beforeAll(async () => {
  L = await launch();
  await L.context.route(/\/fj\//, (route) => {
    const f = FILES[route.request().url()];
    return f ? route.fulfill({ status: 200, contentType: f.type, body: f.body }) : route.fulfill({ status: 404, body: '' });
  });
});
afterAll(async () => {
  await L?.close();
});

function cliJson(file: string): Report {
  const res = spawnSync(process.execPath, [join(ROOT, 'bin/gouji.mjs'), 'check', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
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
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-gouji-state'), null, { timeout: 90_000 });
      expect(await page.getAttribute('html', ATTR.state)).toBe('report');
      expect(await page.getAttribute('html', 'data-gouji-source')).toBe(source);
      const got = await page.$$eval(`[${ATTR.field}]`, (cells, a) => Object.fromEntries(cells.map((c) => [c.getAttribute(a.field)!, { fail: c.getAttribute(a.fail) ?? '', culprit: c.getAttribute(a.culprit) }])), { field: ATTR.field, fail: ATTR.fail, culprit: ATTR.culprit });
      const exp = expectedMarks(want);
      // Same fields, same failing checks per cell (order-insensitive), same culprits.
      expect(Object.keys(got).sort()).toEqual(Object.keys(exp).sort());
      for (const k of Object.keys(exp)) {
        expect(got[k]!.fail.split(' ').sort(), k).toEqual(exp[k]!.fail.split(' ').sort());
        expect(got[k]!.culprit, k).toBe(exp[k]!.culprit);
      }
      expect(want.summary.fail).toBeGreaterThan(0);
      expect(await page.textContent('#summary')).toContain(`${want.summary.fail} 处不一致`);
      await page.setViewportSize({ width: 412, height: 900 });
      await page.screenshot({ path: artifact(`report-view-${source}-412.png`), fullPage: false });
      await page.close();
    });
  }

  it('a local file chosen on the page is checked there', { timeout: 120_000 }, async () => {
    const page = await L.context.newPage();
    await page.goto(`chrome-extension://${L.extensionId}/report.html`);
    await page.setInputFiles('#file', join(FILES_DIR, 'seed000-plain.pdf'));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'report', null, { timeout: 90_000 });
    expect(await page.getAttribute('html', 'data-gouji-source')).toBe('pdf');
    expect(await page.textContent('#summary')).toContain('全部一致');
    expect(await page.$$eval(`[${ATTR.field}]`, (c) => c.length)).toBe(200);
    await page.screenshot({ path: artifact('report-view-local-pdf.png'), fullPage: true });
    // A .doc: the message says what to do.
    await page.setInputFiles('#file', { name: '年报.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'error', null, { timeout: 30_000 });
    expect(await page.textContent('#error')).toContain('请另存为 .docx 或 PDF 后再检查');
    await page.close();
  });
});
