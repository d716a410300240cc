// npm run bench:batch — reports per second for a batch of 50 local report pages, in the CLI
// (`gouji check --follow <list>` against a server on 127.0.0.1) and in the browser (the extension's
// batch.html?list=…, pages served on gov.cn through Playwright routing). Two figures each:
//  - polite: the defaults (2 requests at a time per host, 500 ms pause) with all 50 on one host — what
//    a user gets on one site; bounded by the politeness, not by parsing;
//  - spread: the same 50 pages on 50 hosts (browser) / no pause (CLI) — the checking itself.
// Needs `npm run build` first (the browser half loads .output/chrome-mv3).
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const ROOT = resolve(import.meta.dirname, '..');
const N = 50;
// The fixture page of seed 000 (a 2021-format report, 200 cells), 50 times at 50 addresses.
const SEED_PAGE = readFileSync(join(ROOT, 'tests/fixtures/seed000-plain.html'), 'utf8');
const pages = Array.from({ length: N }, () => SEED_PAGE);

/** A local server on 127.0.0.1, port 0. */
async function startServer() {
  const routes = new Map<string, { body: string }>();
  const server = createServer((req, res) => {
    const r = routes.get((req.url ?? '/').split('?')[0]!);
    res.writeHead(r ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(r?.body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, routes, close: () => new Promise<void>((r) => server.close(() => r())) };
}
const list = (href: (i: number) => string) =>
  `<!doctype html><meta charset="utf-8"><title>政府信息公开年报</title><ul>${pages.map((_, i) => `<li><a href="${href(i)}">测试市第${i + 1}局2024年度政府信息公开工作年度报告</a></li>`).join('')}</ul>`;

// The CLI's peak resident memory, written by the process itself as it exits (kB → MB).
const MAXRSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nGOUJI_MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;
let lastRssMb = 0;

function cli(args: string[]): Promise<number> {
  const t0 = performance.now();
  return new Promise((res) =>
    execFile(
      process.execPath,
      ['--import', MAXRSS, join(ROOT, 'bin/gouji.mjs'), ...args],
      { maxBuffer: 1 << 28 },
      (_e, _out, err) => {
        const kb = Number(/GOUJI_MAXRSS (\d+)/.exec(String(err))?.[1] ?? 0);
        lastRssMb = kb / 1024;
        res(performance.now() - t0);
      },
    ),
  );
}

const perMin = (ms: number) => (N / (ms / 60_000)).toFixed(0);

async function cliBench(): Promise<void> {
  const srv = await startServer();
  srv.routes.set('/list.html', { body: list((i) => `/r${i}.html`) });
  pages.forEach((p, i) => srv.routes.set(`/r${i}.html`, { body: p }));
  await cli(['check', '--version']); // bundle made before timing
  const spread = await cli([
    'check',
    '--follow',
    `${srv.base}/list.html`,
    '--format',
    'jsonl',
    '--quiet',
    '--delay',
    '0',
  ]);
  const spreadRss = lastRssMb;
  const polite = await cli(['check', '--follow', `${srv.base}/list.html`, '--format', 'jsonl', '--quiet']);
  const politeRss = lastRssMb;
  await srv.close();
  console.log(
    `CLI   ${N} pages, no pause, 127.0.0.1:        ${(spread / 1000).toFixed(1)} s  → ${(N / (spread / 1000)).toFixed(1)} reports/s, ${perMin(spread)}/min; peak RSS ${spreadRss.toFixed(0)} MB`,
  );
  console.log(
    `CLI   ${N} pages, defaults (2/host, 500 ms):  ${(polite / 1000).toFixed(1)} s  → ${(N / (polite / 1000)).toFixed(1)} reports/s, ${perMin(polite)}/min; peak RSS ${politeRss.toFixed(0)} MB`,
  );
}

async function launch() {
  const ext = join(ROOT, '.output/chrome-mv3');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gouji-bench-batch-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--enable-precise-memory-info', // performance.memory unrounded
    ],
  });
  const pages = new Map<string, string>();
  await context.route(/^https?:\/\//, (route) => {
    const body = pages.get(route.request().url());
    return body === undefined
      ? route.fulfill({ status: 404, body: '' })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, pages, extensionId: new URL(sw.url()).host, close: () => context.close() };
}

/** The batch page's JS heap (Chromium's performance.memory), sampled every 250 ms while it runs: peak and end, MB. */
let heap = { peak: 0, end: 0 };

async function browserBench(hosts: 'one' | 'many'): Promise<number> {
  const l = await launch();
  const url = (i: number) =>
    hosts === 'one' ? `https://www.bench.gov.cn/r${i}.html` : `https://x${i}.bench.gov.cn/r${i}.html`;
  const LIST = 'https://www.bench.gov.cn/list.html';
  l.pages.set(LIST, list(url));
  pages.forEach((p, i) => l.pages.set(url(i), p));
  const page = await l.context.newPage();
  const t0 = performance.now();
  await page.goto(`chrome-extension://${l.extensionId}/batch.html?list=${encodeURIComponent(LIST)}`);
  const used = () =>
    page
      .evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)
      .catch(() => 0);
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await used());
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await page.waitForSelector('html[data-gouji-batch="done"]', { timeout: 300_000 });
  const ms = performance.now() - t0;
  running = false;
  await sampler;
  const end = await used();
  heap = { peak: Math.max(peak, end) / 1048576, end: end / 1048576 };
  const n = await page.$$eval('tr[data-gouji-report][data-state="report"]', (r) => r.length);
  await l.close();
  if (n !== N) throw new Error(`expected ${N} reports, got ${n}`);
  return ms;
}

await cliBench();
const one = await browserBench('one');
const mem = () => `batch page JS heap peak ${heap.peak.toFixed(1)} MB, at the end ${heap.end.toFixed(1)} MB`;
console.log(
  `Browser ${N} pages, one host (2/host, 500 ms): ${(one / 1000).toFixed(1)} s  → ${(N / (one / 1000)).toFixed(1)} reports/s, ${perMin(one)}/min; ${mem()}`,
);
const many = await browserBench('many');
console.log(
  `Browser ${N} pages, 50 hosts (3 at a time):   ${(many / 1000).toFixed(1)} s  → ${(N / (many / 1000)).toFixed(1)} reports/s, ${perMin(many)}/min; ${mem()}`,
);
