// `gouji check <url>` against a local server on 127.0.0.1 (port 0) only: a list over three pages
// (--follow reads them all, each once, each report once, never another host), and report pages whose
// tables are in an attached PDF or DOCX (fetched and checked as the page's report: source.url the page,
// source.attachment the file — the same findings as checking the file itself).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type TestServer } from '../../support/server';
import { FILES_DIR, docxFromHtml } from '../../fixtures/gen/files';
import { FIXTURE_DIR } from '../../support/fixtures';
import type { Report } from '../../../lib/types';
import { parseCsv } from '../../support/csv';

const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/gouji.mjs');
const cli = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
const jsonl = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Report & { error?: string });

const attachmentPage = (title: string, href: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>
<p>一、总体情况</p><p>详见附件。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>
<p>附件：<a href="${href}">${title}.附件</a></p></body></html>`;

let srv: TestServer;
const PDF = readFileSync(join(FILES_DIR, 'error-two.pdf'));
const DOCX = Buffer.from(docxFromHtml(readFileSync(join(FIXTURE_DIR, 'seed000-plain.html'), 'utf8')));
beforeAll(async () => {
  srv = await startServer();
  srv.routes.set('/att/pdf.html', {
    body: attachmentPage('测试市审计局2024年度政府信息公开工作年度报告', 'files/report.pdf'),
  });
  srv.routes.set('/att/docx.html', {
    body: attachmentPage('中山市人民政府办公室2024年度政府信息公开工作年度报告', '/att/files/report.docx'),
  });
  srv.routes.set('/att/far.html', {
    body: attachmentPage('测试市统计局2024年度政府信息公开工作年度报告', 'https://files.example.com/report.pdf'),
  });
  srv.routes.set('/att/gone.html', {
    body: attachmentPage('测试市档案馆2024年度政府信息公开工作年度报告', '/att/files/gone.pdf'),
  });
  srv.routes.set('/att/files/report.pdf', { body: PDF, type: 'application/pdf' });
  srv.routes.set('/att/files/report.docx', {
    body: DOCX,
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
});
afterAll(() => srv.close());

/** What must agree between the attachment checked through its page and the file checked directly. */
const essence = (r: Report) => ({
  tables: r.tables,
  values: r.values,
  summary: r.summary,
  checks: r.checks.map((c) => [c.id, c.status, c.expected, c.actual, c.culprit?.field ?? null]),
  narrative: r.narrative.map((n) => [n.quote, n.status]),
});

describe('gouji check <url> of a page whose tables are in an attachment', () => {
  it('fetches the PDF / DOCX and checks it as the page’s report; a file elsewhere or missing keeps state attachment with the reason', async () => {
    const urls = ['pdf', 'docx', 'far', 'gone'].map((k) => `${srv.base}/att/${k}.html`);
    const res = await cli('check', ...urls, '--format', 'jsonl', '--delay', '0', '--quiet');
    expect(res.status).toBe(1); // error-two's failures; no address failed
    const [pdf, docx, far] = jsonl(res.stdout);
    expect(pdf!.source).toMatchObject({ url: urls[0], attachment: `${srv.base}/att/files/report.pdf` });
    expect(docx!.source).toMatchObject({ url: urls[1], attachment: `${srv.base}/att/files/report.docx` });
    expect(pdf!.detected).toBe(true);
    const direct = jsonl(
      (await cli('check', join(FILES_DIR, 'error-two.pdf'), '--format', 'jsonl', '--quiet')).stdout,
    )[0]!;
    expect(essence(pdf!)).toEqual(essence(direct));
    expect(pdf!.summary.fail).toBeGreaterThan(0);
    expect(docx!.summary).toMatchObject({ fail: 0 });
    expect(docx!.tables.apply.cellsRead).toBe(docx!.tables.apply.cellsExpected);
    // not fetched: another host; fetched and missing: 404 — both stay "tables in the attachment"
    expect(far!.tables.apply.found).toBe(false);
    expect(srv.log.some((l) => l.path === '/att/files/gone.pdf')).toBe(true);
    const wide = await cli('check', ...urls, '--format', 'csv-wide', '--delay', '0', '--quiet');
    const rows = parseCsv(wide.stdout.slice(1));
    const h = rows[0]!;
    const at = (r: string[], c: string) => r[h.indexOf(c)];
    expect(rows.slice(1).map((r) => at(r, 'state'))).toEqual(['report', 'report', 'attachment', 'attachment']);
    expect(at(rows[1]!, 'attachment')).toBe(`${srv.base}/att/files/report.pdf`);
    expect(at(rows[3]!, 'reason')).toMatch(/附件不在 gov\.cn 或本网站上/);
    expect(at(rows[4]!, 'reason')).toMatch(/附件无法读取.*HTTP 404/);
  }, 60_000); // one CLI process fetching and reading a PDF and a DOCX: 20 s was too short on a loaded 2-core machine
});
