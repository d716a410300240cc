// npm run bench:files — figures for reports that are files (issue #9): ms per PDF page (pdf.js in Node,
// positions → tables → check) and ms per DOCX (unzip → tables → check), median of a few runs, and the
// report view's bundle size (run `npm run build` first; pdf.js and its worker load in report.html only).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { checkDocument } from '../lib/check';
import { rebuildFile, type PdfJsModule } from '../lib/files';

const ROOT = resolve(import.meta.dirname, '..');
// The committed fixture PDFs (tests/fixtures/gen/files.ts prints them) and the demo's samples, read as files.
const FILES_DIR = join(ROOT, 'tests/fixtures/files');
const SAMPLES = join(ROOT, 'assets/samples');
const pdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJsModule>;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeFile(bytes: Uint8Array, name: string, runs: number): Promise<{ ms: number; pages: number }> {
  let pages = 1;
  const xs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = await rebuildFile(bytes, name, pdfjs);
    checkDocument(parseHTML(r.html).document as unknown as Document, { source: r.source });
    if (i > 0) xs.push(performance.now() - t); // the first run loads pdf.js
    pages = r.pages ?? 1;
  }
  return { ms: median(xs), pages };
}

const rows: string[][] = [['file', 'pages', 'ms (median)', 'ms per page']];
const inputs: [string, Uint8Array][] = readdirSync(FILES_DIR)
  .filter((f) => f.endsWith('.pdf') && f !== 'scanned.pdf')
  .map((f) => [f, new Uint8Array(readFileSync(join(FILES_DIR, f)))]);
for (const f of readdirSync(SAMPLES).filter((n) => n.endsWith('.pdf')))
  inputs.push([`samples/${f}`, new Uint8Array(readFileSync(join(SAMPLES, f)))]);
const real = resolve(ROOT, '../shared/real-reports');
if (existsSync(real))
  for (const f of readdirSync(real).filter((f) => f.endsWith('.pdf')))
    inputs.push([`real/${f}`, new Uint8Array(readFileSync(join(real, f)))]);
else console.log(`(${real} absent: real PDFs skipped)`);
for (const [name, bytes] of inputs) {
  const { ms, pages } = await timeFile(bytes, name, 3);
  rows.push([name, String(pages), ms.toFixed(0), (ms / pages).toFixed(0)]);
}
for (const f of readdirSync(SAMPLES).filter((n) => n.endsWith('.docx'))) {
  const { ms } = await timeFile(new Uint8Array(readFileSync(join(SAMPLES, f))), f, 5);
  rows.push([`samples/${f}`, '-', ms.toFixed(1), '-']);
}
for (const r of rows) console.log(r.map((c, i) => (i ? c.padStart(12) : c.padEnd(34))).join(''));

const out = join(ROOT, '.output/chrome-mv3');
if (existsSync(out)) {
  const size = (dir: string, match: RegExp): number => {
    let n = 0;
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      const p = join(e.parentPath, e.name);
      if (e.isFile() && match.test(e.name)) n += statSync(p).size;
    }
    return n;
  };
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  console.log(
    `\nreport view bundle: page ${kb(size(out, /^report-.*\.(js|css)$/))}, pdf.js ${kb(size(out, /^pdf-.*\.js$/))} (loaded for PDFs only), pdf.js worker ${kb(size(out, /^pdf\.worker.*\.mjs$/))}`,
  );
  console.log(
    `in-page engine ondemand.js ${kb(size(out, /^ondemand\.js$/))}, content.js ${kb(size(out, /^content\.js$/))} (no pdf.js: ${readFileSync(join(out, 'ondemand.js'), 'utf8').includes('GlobalWorkerOptions') ? 'NO — pdf.js leaked in' : 'yes'})`,
  );
} else console.log('\n(.output/chrome-mv3 absent: run npm run build for the bundle sizes)');
