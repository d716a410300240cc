// npm run size — the size of every built script, raw and gzipped, without building anything: the
// extension as built by `npm run build` (.output/chrome-mv3; `--dir` for another build, e.g.
// .output/firefox-mv2) and the CLI bundle (dist/cli/, made by `npm run gouji`). Scripts a page gets are
// listed first: the content script on every gov.cn page, the engine (ondemand.js) on reports.
// What is inside a script: `npm run size:report` (bench/bundle-report.ts).
//
//   node bench/size.ts [--dir .output/chrome-mv3]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const dirArg = process.argv.indexOf('--dir');
const EXT = resolve(ROOT, dirArg > 0 ? process.argv[dirArg + 1]! : '.output/chrome-mv3');
const CLI = join(ROOT, 'dist/cli');

function scripts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...scripts(p));
    else if (/\.(m?js)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The page's scripts first, then the extension's own pages and chunks, largest first. */
const ORDER = ['content-scripts/content.js', 'ondemand.js', 'background.js'];
const rank = (rel: string) => (ORDER.includes(rel) ? ORDER.indexOf(rel) : ORDER.length);

const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);

function table(title: string, dir: string, files: string[]): void {
  const rows = files
    .map((f) => {
      const buf = readFileSync(f);
      return { rel: relative(dir, f), raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => rank(a.rel) - rank(b.rel) || b.raw - a.raw);
  console.log(`\n${title}  (${relative(ROOT, dir) || dir}, built ${new Date(statSync(dir).mtimeMs).toISOString()})`);
  console.log(`${'KB raw'.padStart(8)} ${'KB gzip'.padStart(8)}  script`);
  for (const r of rows) console.log(`${kb(r.raw)} ${kb(r.gz)}  ${r.rel}`);
  const raw = rows.reduce((s, r) => s + r.raw, 0);
  const gz = rows.reduce((s, r) => s + r.gz, 0);
  console.log(`${kb(raw)} ${kb(gz)}  total (${rows.length} scripts)`);
}

const ext = scripts(EXT);
if (ext.length) table('extension', EXT, ext);
else console.log(`\nextension: nothing built at ${relative(ROOT, EXT)} (npm run build)`);
const cli = scripts(CLI);
if (cli.length) table('CLI bundle', CLI, cli);
else console.log(`\nCLI bundle: nothing built at ${relative(ROOT, CLI)} (npm run gouji -- --help builds it)`);
if (!ext.length && !cli.length) process.exitCode = 1;
