#!/usr/bin/env node
// Launcher for the `gouji` CLI. The CLI is TypeScript over the same lib/ as the extension. To start fast
// and check folders quickly, it runs from a bundle (dist/cli/, made with esbuild in ~0.2 s) that is
// rebuilt whenever a source under lib/ or bin/ is newer; if the bundle cannot be made (read-only checkout,
// no esbuild), it runs the sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/cli');
const bundle = join(out, 'cli.js');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|mjs|json)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

async function ensureBundle() {
  const sources = Math.max(
    newest(join(root, 'lib')),
    newest(join(root, 'bin')),
    statSync(join(root, 'package.json')).mtimeMs,
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return true;
  try {
    const { build } = await import('esbuild');
    await build({
      entryPoints: { cli: join(root, 'bin/cli.ts'), 'cli-worker': join(root, 'bin/cli-worker.ts') },
      outdir: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // pdf.js is loaded (from node_modules) only when a PDF is checked.
      external: ['happy-dom', 'pdfjs-dist'],
      logLevel: 'silent',
    });
    return true;
  } catch {
    return false;
  }
}

let main;
if (process.env.GOUJI_NO_BUNDLE !== '1' && (await ensureBundle())) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
