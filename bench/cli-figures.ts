// The CLI and bundle figures of `npm run bench` (issue #14): reports/s over 200 report files (wall clock,
// start-up included, medians of N runs, interleaved with a previous build when one is given), the in-page
// engine's size and what is in it (an esbuild metafile of entrypoints/ondemand), and a scaling line — 1, 10,
// 100 MB of report files → wall time and the process's peak memory (from /usr/bin/time, when installed).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { enginePacksEsbuild } from '../tests/support/engine-build';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/gouji.mjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run {
  wall: number;
  /** User + system CPU seconds of the process and its threads (null without /usr/bin/time). */
  cpu: number | null;
  /** Peak resident memory, MB (null without /usr/bin/time). */
  rssMB: number | null;
}

function runCli(entry: string, args: string[], env: Record<string, string> = {}): Run {
  const argv = TIME ? [TIME, '-f', '@@%U %S %M', process.execPath, entry, ...args] : [process.execPath, entry, ...args];
  const t = performance.now();
  const res = spawnSync(argv[0]!, argv.slice(1), {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  const wall = (performance.now() - t) / 1000;
  if (res.status !== 0 && res.status !== 1) throw new Error(`CLI failed (${res.status}): ${res.stderr.slice(-500)}`);
  const m = /@@([\d.]+) ([\d.]+) (\d+)\s*$/.exec(res.stderr ?? '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : null, rssMB: m ? Number(m[3]) / 1024 : null };
}

/** A folder of report files: `count` files, or as many as make `mb` megabytes. */
function folder(
  pages: readonly string[],
  opts: { count?: number; mb?: number },
): { dir: string; files: number; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-bench-'));
  let bytes = 0;
  let i = 0;
  while (opts.count !== undefined ? i < opts.count : bytes < opts.mb! * 1048576) {
    const html = pages[i % pages.length]!;
    writeFileSync(join(dir, `r${String(i).padStart(6, '0')}.html`), html);
    bytes += Buffer.byteLength(html);
    i++;
  }
  return { dir, files: i, bytes };
}

/** The git ref the CLI is timed against when none is named: main, or the commit before when this is main. */
export function defaultBaselineRef(): string | null {
  const rev = (ref: string) => {
    try {
      return execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', '--quiet', ref], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const head = rev('HEAD');
  const main = rev('main');
  if (main && main !== head) return 'main';
  return rev('HEAD~1') ? 'HEAD~1' : null;
}

/**
 * A previous build of the CLI, made in this run: the sources of `ref` (git archive: lib/, bin/,
 * package.json) bundled into a temp folder as bin/gouji.mjs bundles them, against this checkout's
 * node_modules. Returns the bundle's path (dist/cli/cli.js, its worker beside it), or null with the reason.
 */
export async function buildBaseline(ref: string): Promise<{ entry: string; dir: string } | { error: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-baseline-'));
  try {
    const tar = execFileSync('git', ['-C', ROOT, 'archive', ref, 'lib', 'bin', 'package.json'], {
      maxBuffer: 1 << 28,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    // pdf.js and happy-dom stay external (loaded from node_modules when needed), as in the real bundle.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const { build } = await import('esbuild');
    const entryPoints: Record<string, string> = { cli: join(dir, 'bin/cli.ts') };
    if (existsSync(join(dir, 'bin/cli-worker.ts'))) entryPoints['cli-worker'] = join(dir, 'bin/cli-worker.ts');
    await build({
      entryPoints,
      outdir: join(dir, 'dist/cli'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['happy-dom', 'pdfjs-dist'],
      logLevel: 'silent',
    });
    return { entry: join(dir, 'dist/cli/cli.js'), dir };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
}

export async function cliRuns(
  pages: readonly string[],
  opts: { baseline?: string; baselineRef?: string | null; runs: number },
): Promise<void> {
  const { dir } = folder(pages, { count: 200 });
  // What the CLI chooses (bin/cli.ts: 2 workers from 50 files on 2–3 cores), each choice alone, and V8's own
  // tiering (bin/v8-tiering.ts) with the same workers.
  const variants: { name: string; entry: string; env?: Record<string, string> }[] = [
    { name: 'this build (as it chooses)', entry: BIN },
    { name: 'this build (one thread)', entry: BIN, env: { GOUJI_WORKERS: '0' } },
    { name: 'this build (1 worker)', entry: BIN, env: { GOUJI_WORKERS: '1' } },
    { name: 'this build (2 workers)', entry: BIN, env: { GOUJI_WORKERS: '2' } },
    { name: "this build (as it chooses, V8's tiering)", entry: BIN, env: { GOUJI_V8_TIERING: 'default' } },
  ];
  let built: { entry: string; dir: string } | null = null;
  let baseline = opts.baseline;
  let baseName = baseline;
  if (!baseline && opts.baselineRef) {
    const b = await buildBaseline(opts.baselineRef);
    if ('error' in b) console.log(`\n(previous build ${opts.baselineRef} could not be built: ${b.error})`);
    else {
      built = b;
      baseline = b.entry;
      baseName = `${opts.baselineRef}, built now`;
    }
  }
  if (baseline) {
    const wrapper = join(mkdtempSync(join(tmpdir(), 'gouji-baseline-')), 'run.mjs');
    writeFileSync(
      wrapper,
      `const { main } = await import(${JSON.stringify(resolve(baseline))});\nprocess.exitCode = await main(process.argv.slice(2));\n`,
    );
    variants.push({ name: `previous build (${baseName})`, entry: wrapper });
  }
  runCli(BIN, ['check', dir, '--format', 'json', '--quiet']); // (re)builds the bundle, warms the file cache
  const got = new Map<string, Run[]>(variants.map((v) => [v.name, []]));
  // Interleaved, so the machine's load falls on every variant alike.
  for (let k = 0; k < opts.runs; k++)
    for (const v of variants)
      got.get(v.name)!.push(runCli(v.entry, ['check', dir, '--format', 'json', '--quiet'], v.env));
  console.log(
    `\nCLI: 200 report files, --format json, wall clock start-up included (median of ${opts.runs}, interleaved)`,
  );
  for (const v of variants) {
    const runs = got.get(v.name)!;
    const wall = median(runs.map((r) => r.wall));
    const cpu = runs[0]!.cpu === null ? null : median(runs.map((r) => r.cpu!));
    const rss = runs[0]!.rssMB === null ? null : median(runs.map((r) => r.rssMB!));
    const rate = 200 / wall;
    console.log(
      `  ${v.name.padEnd(42)} ${wall.toFixed(2).padStart(6)} s wall → ${rate.toFixed(0).padStart(4)} reports/s` +
        (cpu === null
          ? ''
          : `   CPU ${cpu.toFixed(2)} s (${(200 / cpu).toFixed(0)} reports per CPU-second)   peak ${rss!.toFixed(0)} MB`),
    );
  }
  const base = variants.find((v) => v.name.startsWith('previous build'));
  if (base) {
    // The median of the run-by-run ratios: each pair ran back to back, so a drift in the machine's speed
    // (other jobs starting or ending) falls on both of a pair, where a ratio of medians would take it in.
    const ratio = (f: (r: Run) => number | null) => {
      const a = got.get(variants[0]!.name)!.map(f);
      const b = got.get(base.name)!.map(f);
      if (a.some((x) => x === null) || b.some((x) => x === null)) return '?';
      return median(a.map((x, k) => (b[k] as number) / (x as number))).toFixed(2);
    };
    console.log(
      `  this build against the previous one (median of the ${opts.runs} run-by-run ratios): ×${ratio((r) => r.wall)} faster by wall clock, ×${ratio((r) => r.cpu)} by CPU time`,
    );
  }
  console.log(
    '  target ≥ 300 reports/s on 2 cores (wall figures depend on what else the machine runs: compare variants within one run)',
  );
  rmSync(dir, { recursive: true, force: true });
  if (built) rmSync(built.dir, { recursive: true, force: true });
}

export async function engineSize(): Promise<void> {
  const { build } = await import('esbuild');
  const res = await build({
    entryPoints: [join(ROOT, 'entrypoints/ondemand/index.ts')],
    // Built as wxt.config.ts builds it: the packs (lib/ext/packs.ts) are not in it.
    plugins: [enginePacksEsbuild()],
    bundle: true,
    minify: true,
    charset: 'utf8',
    format: 'iife',
    write: false,
    metafile: true,
    outfile: 'ondemand.js',
    logLevel: 'silent',
    define: { 'import.meta.env.BROWSER': '"chrome"', 'import.meta.env.MANIFEST_VERSION': '3' },
  });
  const out = Object.values(res.metafile.outputs)[0]!;
  const groups = new Map<string, number>();
  for (const [file, v] of Object.entries(out.inputs)) {
    const key = file.includes('node_modules/')
      ? file
          .split('node_modules/')[1]!
          .split('/')
          .slice(0, file.split('node_modules/')[1]!.startsWith('@') ? 2 : 1)
          .join('/') + (file.includes('/dict/') ? ` (${file.split('/').pop()})` : '')
      : file.split('/').slice(0, 2).join('/');
    groups.set(key, (groups.get(key) ?? 0) + v.bytesInOutput);
  }
  const top = [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, b]) => `${k} ${(b / 1024).toFixed(1)}`);
  console.log(
    `\nin-page engine (entrypoints/ondemand, esbuild, minified, UTF-8 as WXT writes it): ${(out.bytes / 1024).toFixed(1)} KB — ${top.join(', ')} KB …  (the WXT build as shipped: npm run bench:browser)`,
  );
  // The build as shipped, when there is one (npm run build): the scripts injected into pages.
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    const dir = join(ROOT, '.output', target);
    if (!existsSync(dir)) continue;
    const sizes: string[] = [];
    for (const sub of ['content-scripts', '']) {
      const d = join(dir, sub);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d).sort())
        if (f.endsWith('.js'))
          sizes.push(`${sub ? `${sub}/` : ''}${f} ${(statSync(join(d, f)).size / 1024).toFixed(1)}`);
    }
    console.log(`  .output/${target} (as built): ${sizes.join(', ')} KB`);
  }
}

export function scaling(pages: readonly string[], sizes: number[]): void {
  console.log(
    '\nscaling: one CLI process over N MB of report files (--format json, streamed; workers as chosen by the CLI)',
  );
  for (const mb of sizes) {
    const f = folder(pages, { mb });
    const r = runCli(BIN, ['check', f.dir, '--format', 'json', '--quiet']);
    console.log(
      `  ${String(mb).padStart(4)} MB  ${String(f.files).padStart(5)} files  ${r.wall.toFixed(2).padStart(7)} s wall  ${(f.files / r.wall).toFixed(0).padStart(4)} files/s` +
        (r.rssMB === null ? '   (peak memory: install /usr/bin/time)' : `   peak ${r.rssMB.toFixed(0)} MB`),
    );
    rmSync(f.dir, { recursive: true, force: true });
  }
}
