// npm run size:report — what is inside each built script (issue #14: "what is in its 160 KB?"). Builds the
// Chrome extension into bench/out/bundle/ (never .output/) with one small Vite plugin that reads the bundler's
// own per-module figures (`chunk.modules[id].renderedLength`: the bytes each source module contributes to a
// chunk after tree-shaking, before minification), then prints, for the in-page engine (ondemand.js) and the
// content script, every module sorted by size, grouped by area (lib/…, components/…, node_modules/<pkg>).
//
//   node --import tsx bench/bundle-report.ts [built file …]   (default: ondemand.js content-scripts/content.js)
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'wxt';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out/bundle');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const NAMES = wanted.length ? wanted : ['ondemand.js', 'content-scripts/content.js'];

interface Mod {
  id: string;
  bytes: number;
}
const chunks = new Map<string, { file: string; mods: Mod[] }>();

/** A module's place in the tree: node_modules/<package>, or the first two folders of our own sources. */
function area(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return `node_modules/${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const rel = relative(ROOT, clean);
  if (rel.startsWith('..')) return clean;
  const parts = rel.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const collect = {
  name: 'gouji-bundle-report',
  generateBundle(_opts: unknown, bundle: Record<string, unknown>) {
    for (const [file, out] of Object.entries(bundle)) {
      const c = out as { type: string; name?: string; modules?: Record<string, { renderedLength: number }> };
      if (c.type !== 'chunk' || !c.modules) continue;
      const mods = Object.entries(c.modules).map(([id, m]) => ({ id, bytes: m.renderedLength }));
      chunks.set(file, { file, mods });
    }
  },
};

const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  await build({ root: ROOT, outDir: OUT, vite: () => ({ plugins: [collect], build: { minify: false } }) });
  for (const name of NAMES) {
    const chunk = chunks.get(name);
    if (!chunk) {
      console.log(`\n${name}: no such chunk (have: ${[...chunks.keys()].join(', ')})`);
      continue;
    }
    const total = chunk.mods.reduce((s, m) => s + m.bytes, 0);
    console.log(`\n${chunk.file}: ${kb(total)} KB of modules (unminified, after tree-shaking)`);
    const byArea = new Map<string, number>();
    for (const m of chunk.mods) byArea.set(area(m.id), (byArea.get(area(m.id)) ?? 0) + m.bytes);
    console.log('  by area:');
    for (const [a, b] of [...byArea].sort((x, y) => y[1] - x[1]))
      console.log(`  ${kb(b)} KB ${((100 * b) / total).toFixed(0).padStart(3)} %  ${a}`);
    console.log('  largest modules:');
    for (const m of [...chunk.mods]
      .sort((x, y) => y.bytes - x.bytes)
      .slice(0, process.env.TOP ? Number(process.env.TOP) : 40))
      if (m.bytes) console.log(`  ${kb(m.bytes)} KB  ${relative(ROOT, m.id.replace(/^\0/, ''))}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
