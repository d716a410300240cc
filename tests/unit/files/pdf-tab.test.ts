// @vitest-environment node
// The popup tells a PDF tab without a .pdf path (/download?id=123, /attach/abc) by its title, then by the
// server's answer — a real HTTP server on 127.0.0.1: HEAD, then the first KB — never by the extension alone (#9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentsOf, isPdfResponse, pdfTabGuess, probePdf } from '../../../components/popup/files';
import { FILES_DIR } from '../../fixtures/gen/files';

const PDF = new Uint8Array(readFileSync(join(FILES_DIR, 'error-two.pdf')));

describe('the popup: is the tab a PDF?', () => {
  it('by its address and title', () => {
    expect(pdfTabGuess('https://a.gov.cn/fj/2024.pdf')).toBe('pdf');
    expect(pdfTabGuess('https://a.gov.cn/fj/2024.PDF?v=2')).toBe('pdf');
    expect(pdfTabGuess('https://a.gov.cn/download?id=123', '洪泽区2024年报告.pdf')).toBe('pdf');
    expect(pdfTabGuess('https://a.gov.cn/download?id=123')).toBe('unknown');
    expect(pdfTabGuess('https://a.gov.cn/attach/abc')).toBe('unknown');
    expect(pdfTabGuess('https://a.gov.cn/getfile.jsp?id=9')).toBe('unknown');
    expect(pdfTabGuess('https://a.gov.cn/art/2025/1/art_1.html')).toBe('page');
    expect(pdfTabGuess('https://a.gov.cn/fj/report.docx')).toBe('page');
    expect(pdfTabGuess('file:///tmp/a.pdf')).toBe('page');
    expect(pdfTabGuess('chrome://newtab')).toBe('page');
    expect(pdfTabGuess(null)).toBe('page');
  });
  it('by the response: content type, attachment name, %PDF- bytes', () => {
    const h = (o: Record<string, string>) => ({ get: (k: string) => o[k.toLowerCase()] ?? null });
    expect(isPdfResponse(h({ 'content-type': 'application/pdf;charset=UTF-8' }))).toBe(true);
    expect(isPdfResponse(h({ 'content-disposition': 'attachment; filename="2024.pdf"' }))).toBe(true);
    expect(isPdfResponse(h({ 'content-disposition': "attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf" }))).toBe(
      true,
    );
    expect(isPdfResponse(h({ 'content-type': 'application/octet-stream' }), PDF.subarray(0, 8))).toBe(true);
    expect(
      isPdfResponse(h({ 'content-type': 'application/octet-stream' }), new Uint8Array([0x50, 0x4b, 3, 4, 0])),
    ).toBe(false);
    expect(isPdfResponse(h({ 'content-type': 'text/html' }))).toBe(false);
  });

  let server: Server;
  let base = '';
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.range ?? ''}`.trim());
      const u = req.url ?? '';
      if (u.startsWith('/download')) {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return res.end(req.method === 'HEAD' ? undefined : Buffer.from(PDF));
      }
      if (u.startsWith('/attach/')) {
        // A server that refuses HEAD and sends PDFs as octet-stream: only the bytes tell.
        if (req.method === 'HEAD') return res.writeHead(405).end();
        res.writeHead(206, { 'content-type': 'application/octet-stream' });
        return res.end(Buffer.from(PDF.subarray(0, 1024)));
      }
      if (u.startsWith('/zip/')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(req.method === 'HEAD' ? undefined : Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : '<title>x</title>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('asks the server: HEAD first, the first KB only when HEAD does not tell', async () => {
    seen.length = 0;
    expect(await probePdf(`${base}/download?id=123`)).toBe(true);
    expect(seen).toEqual(['HEAD /download?id=123']);
    seen.length = 0;
    expect(await probePdf(`${base}/attach/abc`)).toBe(true);
    expect(seen).toEqual(['HEAD /attach/abc', 'GET /attach/abc bytes=0-1023']);
    seen.length = 0;
    expect(await probePdf(`${base}/article?id=5`)).toBe(false);
    expect(seen).toEqual(['HEAD /article?id=5']);
    expect(await probePdf(`${base}/zip/1`)).toBe(false);
  });
  it('a server that does not answer, or is gone: no, within the time limit', async () => {
    const hang = createServer(() => undefined);
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const port = (hang.address() as AddressInfo).port;
    const t0 = Date.now();
    expect(await probePdf(`http://127.0.0.1:${port}/download?id=1`, fetch, 300)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(5000);
    hang.closeAllConnections();
    await new Promise<void>((r) => hang.close(() => r()));
    expect(await probePdf(`http://127.0.0.1:${port}/download?id=1`, fetch, 300)).toBe(false);
  });
});

describe('the popup’s attachments: lib/attachments.ts’s rule over what the page sent', () => {
  const base = 'https://www.x.gov.cn/zwgk/1.html';
  it('a viewer page’s own document first, then links, then frames; .pdf/.docx/.doc/.wps/.ofd only, once each', () => {
    expect(
      attachmentsOf({
        url: 'https://www.x.gov.cn/pdfjs/web/viewer.html?file=%2Fu%2Fown.pdf',
        base,
        refs: [
          { raw: '/u/a.pdf', text: ' 2024年 年度报告 ' },
          { raw: '/u/a.pdf', text: 'again' },
          { raw: '/u/t.xls', text: '统计表' },
          { raw: '/download.jsp?file=b.pdf', text: '下载' },
          { raw: 'javascript:alert(1).pdf', text: 'x' },
          { raw: '/static/pdfjs/web/viewer.html?file=%2Fu%2Fshown.pdf', text: '' },
          { raw: '/u/c.docx', text: '' },
        ],
      }),
    ).toEqual([
      { url: 'https://www.x.gov.cn/u/own.pdf', name: 'own.pdf' },
      { url: 'https://www.x.gov.cn/u/a.pdf', name: '2024年 年度报告' },
      { url: 'https://www.x.gov.cn/u/shown.pdf', name: 'shown.pdf' },
      { url: 'https://www.x.gov.cn/u/c.docx', name: 'c.docx' },
    ]);
  });
  it('at most 12', () => {
    const refs = Array.from({ length: 20 }, (_, i) => ({ raw: `/u/${i}.pdf`, text: '' }));
    expect(attachmentsOf({ url: base, base, refs })).toHaveLength(12);
  });
});
