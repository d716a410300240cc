// npm run size:coverage — which code of the in-page engine (ondemand.js) report pages never run (issue #14:
// "cut what pages never need"). Builds the Chrome extension unminified into bench/out/coverage/ (never
// .output/), loads report pages of different shapes in Chromium with V8's precise coverage on, tabs into the
// marks on each, and prints how much of the engine never ran on any of them, by source module (the bundler's
// `// path` comments in the unminified file). What never runs is a candidate for a pack (lib/ext/packs.ts);
// what runs on every page can only get smaller by doing less.
//
//   node --import tsx bench/coverage.ts [--top N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'wxt';
import { ATTR } from '../lib/contract';
import { sitePage } from '../tests/support/pages';
import { realisticPage } from './site-chrome';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out/coverage');
const topArg = process.argv.indexOf('--top');
const TOP = topArg > 0 ? Number(process.argv[topArg + 1]) : 25;

/** Report pages of different shapes: formats, errors, Word markup, traditional text, blanks. */
function pages(): Record<string, string> {
  const out: Record<string, string> = {
    '/realistic.html': realisticPage(sitePage({ set: { 'apply.new.natural_person': 165 }, textReceived: 199 })),
    '/correct.html': sitePage({}),
  };
  for (const f of [
    'format2019-error.html',
    'error-word-nested.html',
    'seed002-traditional-text-pinyin.html',
    'blanks.html',
  ])
    out[`/${f}`] = readFileSync(join(ROOT, 'tests/fixtures', f), 'utf8');
  return out;
}

interface Range {
  startOffset: number;
  endOffset: number;
  count: number;
}

/** Per character of the script: 1 when some page ran the function (block) holding it. */
function ran(src: string, functions: { ranges: Range[] }[], into: Uint8Array): void {
  // V8 lists each function's ranges outermost first and functions in source order, so a later (inner)
  // range overrides the one holding it.
  const page = new Uint8Array(src.length);
  for (const fn of functions)
    for (const r of fn.ranges) page.fill(r.count > 0 ? 1 : 0, r.startOffset, Math.min(r.endOffset, src.length));
  for (let i = 0; i < src.length; i++) if (page[i]) into[i] = 1;
}

rmSync(OUT, { recursive: true, force: true });
await build({ root: ROOT, outDir: OUT, vite: () => ({ build: { minify: false } }) });
const ext = join(OUT, 'chrome-mv3');
const src = readFileSync(join(ext, 'ondemand.js'), 'utf8');
const all = pages();

const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gouji-coverage-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  locale: 'zh-CN',
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu'],
});
await ctx.route(/^https?:\/\//, (route) => {
  const url = new URL(route.request().url());
  const body = url.hostname.endsWith('.gov.cn') ? all[url.pathname] : undefined;
  return body ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }) : route.abort();
});
if (!ctx.serviceWorkers().length) await ctx.waitForEvent('serviceworker');

const used = new Uint8Array(src.length);
for (const path of Object.keys(all)) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
  await page.goto(`https://www.example.gov.cn${path}`);
  await page.waitForFunction((a) => document.documentElement.hasAttribute(a), ATTR.state, { timeout: 15_000 });
  await page.waitForTimeout(500);
  // Into the marks, as a keyboard user would (the tooltips' code runs).
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await page.waitForTimeout(200);
  const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as {
    result: { url: string; functions: { ranges: Range[] }[] }[];
  };
  for (const script of result) if (script.url.endsWith('/ondemand.js')) ran(src, script.functions, used);
  await page.close();
}
await ctx.close();

// Non-space characters per source module, and how many of them no page ran.
const starts = [...src.matchAll(/^\t*\/\/ (\S+\.(?:ts|tsx|mjs|js))$/gm)].map((m) => ({ at: m.index, mod: m[1]! }));
const per = new Map<string, { total: number; unused: number }>();
for (let k = 0; k < starts.length; k++) {
  const end = k + 1 < starts.length ? starts[k + 1]!.at : src.length;
  const e = per.get(starts[k]!.mod) ?? { total: 0, unused: 0 };
  for (let i = starts[k]!.at; i < end; i++) {
    if (src.charCodeAt(i) <= 32) continue;
    e.total++;
    if (!used[i]) e.unused++;
  }
  per.set(starts[k]!.mod, e);
}
let total = 0;
let unused = 0;
for (const v of per.values()) {
  total += v.total;
  unused += v.unused;
}
const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
console.log(
  `\nondemand.js (unminified): ${kb(total)} K non-space characters; never run on ${Object.keys(all).length} report pages (loaded, tabbed into): ${kb(unused)} K (${((100 * unused) / total).toFixed(0)} %)`,
);
console.log('  never run / in all, by module:');
for (const [mod, v] of [...per].sort((a, b) => b[1].unused - a[1].unused).slice(0, TOP))
  console.log(`  ${kb(v.unused)} / ${kb(v.total)} K  ${mod}`);
