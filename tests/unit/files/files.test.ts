// PDF and DOCX files made from the HTML fixtures read exactly as the pages do: the same values (blank ≠ 0),
// the same checks with the same culprits, the same numbers in the text. The PDFs were printed by Chromium
// (tests/fixtures/gen/files.ts, committed); the DOCX files are written on the fly with merged cells.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BORDERLESS_FIXTURES,
  FILE_FIXTURES,
  FILES_DIR,
  docxFromHtml,
  fixtureHtml,
  oleFile,
} from '../../fixtures/gen/files';
import { FileReadError, SAVE_AS_MESSAGE, fileKind, rebuildFile } from '../../../lib/files';
import { checkBytes, checkHtml, loadPdfjs, signature } from '../../support/read-files';

const pdf = (name: string) => new Uint8Array(readFileSync(join(FILES_DIR, `${name}.pdf`)));

describe.each(FILE_FIXTURES)('%s', (name) => {
  const html = fixtureHtml(name);
  const want = signature(checkHtml(html).report);

  it('as a PDF printed by Chromium reads exactly as the page', { timeout: 120_000 }, async () => {
    const a = await checkBytes(pdf(name), `${name}.pdf`);
    expect(a.report.detected).toBe(true);
    expect(signature(a.report)).toEqual(want);
    for (const t of ['active', 'apply', 'review'] as const)
      if (a.report.tables[t].found) expect(a.report.tables[t].source).toBe('pdf');
    // Every value read comes from a cell of the rebuilt document (the report view marks it).
    expect([...a.elements.keys()].sort()).toEqual(Object.keys(a.report.values).sort());
  });

  it('as a DOCX with merged cells reads exactly as the page', async () => {
    const a = await checkBytes(docxFromHtml(html), `${name}.docx`);
    expect(signature(a.report)).toEqual(want);
    for (const t of ['active', 'apply', 'review'] as const)
      if (a.report.tables[t].found) expect(a.report.tables[t].source).toBe('docx');
  });
});

// Printed without a single ruling line (tests/fixtures/gen/files.ts BORDERLESS_FIXTURES): columns from how the
// numbers line up, the grand label of table 三 one character per line, wrapped labels, the header repeated on
// the next page, page numbers in the footer — read value by value as the page, with the same findings.
describe.each(BORDERLESS_FIXTURES)('%s printed without borders', (name) => {
  it('reads exactly as the page: values (blank ≠ 0), checks, culprits, text', { timeout: 120_000 }, async () => {
    const want = signature(checkHtml(fixtureHtml(name)).report);
    const a = await checkBytes(pdf(`${name}-borderless`), `${name}-borderless.pdf`);
    expect(signature(a.report)).toEqual(want);
    for (const t of ['active', 'apply', 'review'] as const) {
      expect(a.report.tables[t].found, t).toBe(true);
      expect(a.report.tables[t].cellsRead, t).toBe(a.report.tables[t].cellsExpected);
    }
    // No page number became a value or a row.
    expect(a.html).not.toMatch(/<td>- ?\d+ ?-<\/td>/);
  });
});

describe('what the fixtures declare, through the files', () => {
  it('error-two: two failures with their culprits, in the PDF and the DOCX alike', { timeout: 120_000 }, async () => {
    const fromPage = checkHtml(fixtureHtml('error-two')).report;
    const fails = fromPage.checks.filter((c) => c.status === 'fail');
    expect(fails.length).toBeGreaterThanOrEqual(2);
    for (const bytes of [pdf('error-two'), docxFromHtml(fixtureHtml('error-two'))]) {
      const r = (await checkBytes(bytes, bytes[0] === 0x25 ? 'x.pdf' : 'x.docx')).report;
      expect(
        r.checks.filter((c) => c.status === 'fail').map((c) => [c.id, c.culprit?.field, c.culprit?.suggested]),
      ).toEqual(fails.map((c) => [c.id, c.culprit?.field, c.culprit?.suggested]));
    }
  });

  it('blanks: a blank cell stays blank (not 0) in the PDF', { timeout: 120_000 }, async () => {
    const r = (await checkBytes(pdf('blanks'), 'blanks.pdf')).report;
    const blank = Object.entries(r.values)
      .filter(([, v]) => v.blank)
      .map(([k]) => k);
    expect(blank.length).toBeGreaterThan(0);
    expect(blank).toEqual(
      Object.entries(checkHtml(fixtureHtml('blanks')).report.values)
        .filter(([, v]) => v.blank)
        .map(([k]) => k),
    );
  });
});

describe('files that cannot be read', () => {
  it('a scanned PDF (an image, no text layer) says so', { timeout: 60_000 }, async () => {
    await expect(rebuildFile(pdf('scanned'), 'scanned.pdf', loadPdfjs)).rejects.toThrow(
      new FileReadError('pdf-scanned'),
    );
  });
  it('.doc / .wps / .xls / .et (OLE) and .ofd: save as .docx or PDF first — never "not a report"', async () => {
    for (const name of ['报告.doc', '报告.wps', 'b.xls', 'c.et']) {
      expect(fileKind(oleFile(), name)).toBe('legacy-office');
      await expect(rebuildFile(oleFile(), name, loadPdfjs)).rejects.toThrow(SAVE_AS_MESSAGE);
    }
    const ofd = docxFromHtml('<p>x</p>');
    await expect(rebuildFile(ofd, '报告.ofd', loadPdfjs)).rejects.toThrow(SAVE_AS_MESSAGE);
    // By name alone (a .doc that is really something else is still answered the same way).
    await expect(rebuildFile(new TextEncoder().encode('{\\rtf1 报告}'), 'a.doc', loadPdfjs)).rejects.toThrow(
      SAVE_AS_MESSAGE,
    );
  });
  it('a damaged PDF, a damaged DOCX, a zip without a document: a clear message each', { timeout: 60_000 }, async () => {
    await expect(rebuildFile(new TextEncoder().encode('%PDF-1.7\nnonsense'), 'a.pdf', loadPdfjs)).rejects.toThrow(
      /PDF/,
    );
    await expect(rebuildFile(new TextEncoder().encode('hello'), 'a.pdf', loadPdfjs)).rejects.toThrow('内容却不是 PDF');
    const zip = docxFromHtml('<p>x</p>');
    await expect(rebuildFile(zip.subarray(0, 40), 'a.docx', loadPdfjs)).rejects.toThrow(FileReadError);
    const { zipSync, strToU8 } = await import('fflate');
    await expect(rebuildFile(zipSync({ 'a.txt': strToU8('x') }), 'a.docx', loadPdfjs)).rejects.toThrow(
      'word/document.xml',
    );
  });
});
