// `gouji check <url>` against a local server on 127.0.0.1 (port 0) only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type TestServer } from '../../support/server';
import { batchCorpus } from '../../support/batch-corpus';
import { seedValues } from '../../support/seeds';
import type { Report } from '../../../lib/types';
import { parseCsv } from '../../support/csv';

const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/gouji.mjs');
// Async: the server answers from this process, so the CLI must not block it.
const cli = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });

let srv: TestServer;
const corpus = batchCorpus();
beforeAll(async () => {
  srv = await startServer();
  srv.routes.set('/batch/list.html', { body: corpus.list(srv.base) });
  for (const l of corpus.links) if (l.html) srv.routes.set(l.path, { body: l.html });
});
afterAll(() => srv.close());

/** What must agree between checking an address and checking the same file. */
const essence = (r: Report) => ({
  detected: r.detected,
  report: r.report,
  tables: r.tables,
  values: r.values,
  summary: r.summary,
  checks: r.checks.map((c) => [c.id, c.status, c.expected, c.actual, c.culprit?.field ?? null]),
  narrative: r.narrative.map((n) => [n.quote, n.status]),
  // Where an attachment is can only be said with the page's address (a saved file has none).
  notices: r.notices.filter((n) => n.id !== 'attachment' && n.id !== 'tables-in-attachment').map((n) => n.id),
});

describe('gouji check <url>', () => {
  it('--follow on a list page: jsonl gives the same reports as checking the files; a 404 is a line with its error; exit 2', async () => {
    const res = await cli('check', '--follow', `${srv.base}/batch/list.html`, '--format', 'jsonl', '--delay', '0');
    expect(res.status).toBe(2);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Report & { error?: string });
    expect(lines.map((l) => l.source.url)).toEqual(corpus.links.map((l) => `${srv.base}${l.path}`));
    const missing = lines[18]!;
    expect(missing).toEqual({ source: { url: `${srv.base}/batch/r19-missing.html` }, error: 'HTTP 404' });
    expect(res.stderr).toContain('HTTP 404');
    expect(res.stderr).toMatch(/已检查 20\/20 个网址/);
    // the list page is not fetched again per report; politeness: one User-Agent naming the tool
    expect(srv.log.filter((l) => l.path === '/batch/list.html')).toHaveLength(1);
    expect(String(srv.log[0]!.headers['user-agent'])).toMatch(/^gouji\/\d/);

    const dir = mkdtempSync(join(tmpdir(), 'gouji-urls-'));
    const served = corpus.links.filter((l) => l.html);
    for (const l of served) writeFileSync(join(dir, l.path.slice('/batch/'.length)), l.html!);
    // The same format both ways: jsonl runs the cross-year check over the whole batch (json streams, and
    // prints a pair whose earlier year sorts later as a separate item at the end).
    const direct = (await cli('check', dir, '--format', 'jsonl', '--quiet')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Report);
    expect(direct).toHaveLength(served.length);
    const byUrl = lines.filter((l) => !l.error);
    expect(byUrl.map(essence)).toEqual(direct.map(essence));
    // the cross-year check ran between the 2023 and 2024 reports of seed 000's body, in both runs
    const y2024 = byUrl[0]!;
    expect(
      y2024.checks.filter((c) => c.rule === 'apply.year-over-year' && c.status === 'fail').map((c) => c.id),
    ).toEqual(['apply.year-over-year:natural_person', 'apply.year-over-year:total']);
    // the attachment page says where its tables are
    expect(lines[17]!.notices.find((n) => n.id === 'attachment')?.message).toContain('/batch/files/sjj-2024.pdf');
  });
  it('--follow reads a list spread over pages (下一页, a numbered pager, a createPageHTML script): every report once, each page once', async () => {
    const groups = [corpus.links.slice(0, 7), corpus.links.slice(7, 14), corpus.links.slice(14)];
    const items = (g: typeof corpus.links) =>
      g.map((l) => `<li><a href="${srv.base}${l.path}">${l.title}</a></li>`).join('\n');
    const page = (body: string) =>
      `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报_测试市</title></head><body><h1>政府信息公开年报</h1>${body}</body></html>`;
    // page 1: a pager of numbers and 下一页; page 2: 上一页/下一页 and a link back to page 1 (already read);
    // page 3: only the TRS script writes the pager. A link to another host's "page 4" is never followed.
    srv.routes.set('/paged/index.html', {
      body: page(
        `<ul>${items(groups[0]!)}</ul><div class="pager"><a href="index.html">1</a> <a href="index_1.html">2</a> <a href="index_2.html">3</a> <a href="index_1.html">下一页</a> <a href="http://elsewhere.gov.cn/paged/index_3.html">4</a></div>`,
      ),
    });
    srv.routes.set('/paged/index_1.html', {
      body: page(
        `<ul>${items(groups[1]!)}<li><a href="${srv.base}${groups[0]![0]!.path}">${groups[0]![0]!.title}</a></li></ul><a href="index.html">上一页</a> <a href="index_2.html">下一页</a>`,
      ),
    });
    srv.routes.set('/paged/index_2.html', {
      body: page(`<ul>${items(groups[2]!)}</ul><script>createPageHTML(3, 2, "index", "html");</script>`),
    });
    const from = srv.log.length;
    const res = await cli(
      'check',
      '--follow',
      `${srv.base}/paged/index.html`,
      '--format',
      'jsonl',
      '--delay',
      '0',
      '--quiet',
    );
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Report & { error?: string });
    expect(lines.map((l) => l.source.url)).toEqual(corpus.links.map((l) => `${srv.base}${l.path}`));
    const fetched = srv.log.slice(from).map((l) => l.path);
    for (const p of ['/paged/index.html', '/paged/index_1.html', '/paged/index_2.html'])
      expect(fetched.filter((x) => x === p)).toHaveLength(1);
    expect(fetched.filter((x) => x === corpus.links[0]!.path)).toHaveLength(1);
  });
  it('csv-wide: one row per report with every field id a column, a BOM; states as the corpus says', async () => {
    const res = await cli(
      'check',
      '--follow',
      `${srv.base}/batch/list.html`,
      '--format',
      'csv-wide',
      '--delay',
      '0',
      '--quiet',
    );
    expect(res.stdout.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(res.stdout.slice(1));
    expect(rows[0]!.slice(0, 3)).toEqual(['url', 'state', 'reason']);
    expect(rows[0]).toContain('apply.new.total');
    expect(rows[0]).toContain('active2019.regulations.created');
    expect(rows.slice(1).map((r) => r[1])).toEqual(corpus.links.map((l) => l.state));
    const col = rows[0]!.indexOf('apply.new.total');
    expect(rows[1]![col]).toBe(String(seedValues('000')['apply.new.total']));
  });
  it('an unreachable address and a 404 are reported per address, the others still checked; without --follow a list page is not a report', async () => {
    const res = await cli(
      'check',
      'http://127.0.0.1:1/gone.html',
      `${srv.base}/nothing.html`,
      `${srv.base}/batch/list.html`,
      `${srv.base}/batch/r01-seed000-plain.html`,
      '--format',
      'jsonl',
      '--timeout',
      '5',
      '--delay',
      '0',
    );
    expect(res.status).toBe(2);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Report & { error?: string });
    expect(lines).toHaveLength(4);
    expect(lines[0]!.error).toMatch(/无法连接/);
    expect(lines[1]!.error).toBe('HTTP 404');
    expect(lines[2]!.detected).toBe(false);
    expect(lines[3]!.summary).toMatchObject({ checks: 42, pass: 42 });
  });
  it('bad option values are usage errors (exit 2)', async () => {
    for (const bad of [
      ['--concurrency', '0'],
      ['--delay', 'x'],
      ['--timeout', '-1'],
    ]) {
      const res = await cli('check', ...bad, `${srv.base}/a.html`);
      expect(res.status).toBe(2);
      expect(res.stderr).toContain('的值无效');
    }
  });
});
