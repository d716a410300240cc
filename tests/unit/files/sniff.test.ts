// @vitest-environment happy-dom
// A file is what its bytes say, not what its address says (#9): the report view reads a PDF served at
// /download?id=123 and a DOCX at /attach/abc by their magic bytes, and a page served at a .pdf address as a
// page. The popup's side: tests/unit/files/pdf-tab.test.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBytes } from '../../../entrypoints/report/check';
import { FILES_DIR, docxFromHtml, fixtureHtml, oleFile } from '../../fixtures/gen/files';
import { SAVE_AS_MESSAGE } from '../../../lib/files';
import { loadPdfjs } from '../../support/read-files';

const PDF = new Uint8Array(readFileSync(join(FILES_DIR, 'error-two.pdf')));

describe('the report view reads bytes, not names', () => {
  it('a PDF at /download?id=123 (no extension) is a PDF', { timeout: 120_000 }, async () => {
    const c = await checkBytes(PDF, 'download', 'https://www.example.gov.cn/download?id=123', loadPdfjs);
    expect(c.source).toBe('pdf');
    expect(c.analysis.report.detected).toBe(true);
    expect(c.analysis.report.summary.fail).toBeGreaterThan(0);
  });
  it('a DOCX at /attach/abc, and one misnamed .pdf, are DOCX', async () => {
    const docx = docxFromHtml(fixtureHtml('format2019-error'));
    for (const name of ['abc', '年报.pdf']) {
      const c = await checkBytes(docx, name, undefined, loadPdfjs);
      expect(c.source, name).toBe('docx');
      expect(c.analysis.report.detected, name).toBe(true);
    }
  });
  it('a page served at a .pdf address (a login or error page) is read as a page, not "damaged PDF"', async () => {
    // (stylesheet links dropped: happy-dom's DOMParser would try to load them; a browser's does not)
    const html = new TextEncoder().encode(fixtureHtml('error-two').replace(/<link[^>]*>/g, ''));
    const c = await checkBytes(html, '年报.pdf', undefined, loadPdfjs);
    expect(c.source).toBe('html');
    expect(c.analysis.report.detected).toBe(true);
  });
  it('a PDF named .html is a PDF; an OLE .doc without a name says what to do', { timeout: 120_000 }, async () => {
    expect((await checkBytes(PDF, 'report.html', undefined, loadPdfjs)).source).toBe('pdf');
    await expect(checkBytes(oleFile(), 'download', undefined, loadPdfjs)).rejects.toThrow(SAVE_AS_MESSAGE);
  });
});
