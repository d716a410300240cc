// Every generated file in the repository is what its generator gives today (issue #12: "generated files
// checked for staleness in CI"). Regenerated in memory and compared; nothing is written. Each generated
// folder is listed whole, so a new generated file without a check here (or in the test named beside it)
// fails the inventory test. To regenerate:
//   fixture pages, page shapes   node --import tsx tests/fixtures/gen/build.ts
//   samples (HTML)               node --import tsx bench/make-samples.ts
//   PDFs, sample DOCX            node --import tsx tests/fixtures/gen/files.ts   (Chromium prints the PDFs)
//   t2s table and its set        node --import tsx bench/make-t2s-table.ts   (checked in tests/unit/core/t2s.test.ts)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSamples, SAMPLES_DIR } from '../../bench/make-samples';
import { buildAll } from '../fixtures/gen/pages';
import { buildShapes } from '../fixtures/gen/shapes';
import { BORDERLESS_FIXTURES, FILE_FIXTURES, FILES_DIR, docxFromHtml } from '../fixtures/gen/files';
import { checkBytes, checkHtml, signature } from '../support/read-files';
import { FORMATS, activeFieldsOf, applyFieldsOf } from '../../lib/schema/formats';
import { parseField } from '../../lib/schema/fields';
import { REVIEW_FIELDS } from '../../lib/schema/review';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path));

describe('generated files are up to date', () => {
  it('the inventory: every file in a generated folder has its generator (and its check)', () => {
    const generated = new Set([
      // tests/unit/fixtures-generated.test.ts compares them byte for byte
      ...buildAll().map((g) => `tests/fixtures/${g.name}.html`),
      // tests/unit/core/cli-shapes.test.ts compares them byte for byte
      ...buildShapes().map((s) => `tests/fixtures/shapes/${s.name}.html`),
      // tests/unit/files/files.test.ts: each reads exactly as the page it was printed from
      ...FILE_FIXTURES.map((n) => `tests/fixtures/files/${n}.pdf`),
      // tests/unit/files/files.test.ts: the same pages printed without ruling lines read exactly as well
      ...BORDERLESS_FIXTURES.map((n) => `tests/fixtures/files/${n}-borderless.pdf`),
      'tests/fixtures/files/scanned.pdf', // tests/unit/files/sniff.test.ts: "PDF 为扫描图片"
      // below
      ...buildSamples().map((s) => `assets/samples/${s.name}`),
      'assets/samples/zhongshan-2024.docx',
      'assets/samples/guangdong-zsj-2024-with-error.pdf',
    ]);
    const handWritten = new Set(['tests/fixtures/narrative-provincial.html']);
    const onDisk = [
      ...readdirSync(join(ROOT, 'tests/fixtures'))
        .filter((f) => f.endsWith('.html'))
        .map((f) => `tests/fixtures/${f}`),
      ...['tests/fixtures/shapes', 'tests/fixtures/files', 'assets/samples'].flatMap((d) =>
        readdirSync(join(ROOT, d)).map((f) => `${d}/${f}`),
      ),
    ];
    expect(onDisk.filter((f) => !generated.has(f) && !handWritten.has(f))).toEqual([]);
    expect([...generated].filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
  });

  it.each(buildSamples().map((s) => [s.name, s.html] as const))(
    'assets/samples/%s (bench/make-samples.ts)',
    (name, html) => {
      expect(
        readFileSync(join(SAMPLES_DIR, name), 'utf8') === html,
        `${name} is stale: run bench/make-samples.ts`,
      ).toBe(true);
    },
  );

  it('assets/samples/zhongshan-2024.docx is its page written as a Word document, byte for byte', () => {
    const html = readFileSync(join(SAMPLES_DIR, 'zhongshan-2024.html'), 'utf8');
    expect(Buffer.compare(read('assets/samples/zhongshan-2024.docx'), Buffer.from(docxFromHtml(html)))).toBe(0);
  });

  it(
    'assets/samples/guangdong-zsj-2024-with-error.pdf reads exactly as the page it was printed from',
    { timeout: 120_000 },
    async () => {
      // Chromium's PDF is not reproducible byte for byte; what it says is.
      const html = readFileSync(join(SAMPLES_DIR, 'guangdong-zsj-2024-with-error.html'), 'utf8');
      const pdf = new Uint8Array(read('assets/samples/guangdong-zsj-2024-with-error.pdf'));
      expect(signature((await checkBytes(pdf, 'sample.pdf')).report)).toEqual(signature(checkHtml(html).report));
    },
  );

  it('the fixture PDFs exist where tests/fixtures/gen/files.ts prints them', () => {
    for (const n of FILE_FIXTURES) expect(existsSync(join(FILES_DIR, `${n}.pdf`)), n).toBe(true);
  });
});

/** Is the field's row named (`apply.new`, `new` in a row list, `review.<k>`) and its column (`.total`, `total`)? */
function named(id: string, ticked: ReadonlySet<string>): { row: boolean; col: boolean } {
  const p = parseField(id)!;
  const tail = `${p.row}.${p.col}`;
  const prefix = id.endsWith(tail) ? id.slice(0, -tail.length).replace(/\.$/, '') : '';
  const row = prefix ? `${prefix}.${p.row}` : p.row;
  return {
    row: [row, p.row, `${row}.<k>`].some((t) => ticked.has(t)),
    col: [`.${p.col}`, p.col].some((t) => ticked.has(t)),
  };
}

const tickedIn = (doc: string) => new Set([...doc.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));

describe('docs/fields.md names every field of the registry', () => {
  // Written by hand (it explains), but it is the public list of field ids: a row or column the registry
  // gains must appear there, in backticks.
  const doc = read('docs/fields.md').toString('utf8');
  const ticked = tickedIn(doc);
  const fields = [
    ...new Set([...FORMATS.flatMap((f) => [...activeFieldsOf(f), ...applyFieldsOf(f)]), ...REVIEW_FIELDS]),
  ];

  it.each(fields)('%s', (id) => {
    expect(parseField(id)!.known).toBe(true);
    expect(named(id, ticked)).toEqual({ row: true, col: true });
  });

  it('would notice a row or a column missing from the page (a check on the check)', () => {
    const without = (t: string) => tickedIn(doc.split(`\`${t}\``).join(''));
    expect(named('apply.carried_over.research', without('carried_over')).row).toBe(false);
    expect(named('active2019.procurement.items', without('.items')).col).toBe(false);
    expect(named('litigation.after_review.pending', without('litigation.after_review.<k>')).row).toBe(false);
  });
});
