// lib/attachments.ts: the one place that says which links are reports published as documents, which of them
// Gouji reads, and from where they may be fetched — for the cause notice, the batch, the page chip and the
// background alike.
import { describe, expect, it } from 'vitest';
import {
  attachmentHostAllowed,
  isCheckableAttachment,
  isCheckableName,
  isDocumentLink,
  isGovCn,
  documentUrl,
  viewerFile,
} from '../../lib/attachments';
import { parseHTML } from 'linkedom';
import { findAttachments } from '../../lib/batch/links';
import { attachments } from '../../lib/causes';

describe('attachments', () => {
  it.each([
    ['/files/2024年报.pdf', true],
    ['a.DOCX', true],
    ['a.doc?v=2', true],
    ['a.wps', true],
    ['a.xls#p1', true],
    ['a.et', true],
    ['a.ofd', true],
    ['a.pdf.html', false],
    ['/pdf/', false],
    ['a.txt', false],
  ])('a document link: %s → %s', (href, yes) => expect(isDocumentLink(href)).toBe(yes));

  it.each([
    ['https://www.zs.gov.cn/a/report.pdf', true],
    ['http://x.gov.cn/a/REPORT.DOCX?download=1', true],
    ['https://x.gov.cn/a/report.doc', false], // save as .docx or PDF first
    ['https://x.gov.cn/download.jsp?file=report.pdf', false], // the path names no file Gouji reads
    ['ftp://x.gov.cn/a.pdf', false],
    ['javascript:alert(1)//.pdf', false],
    ['/relative/a.pdf', false],
  ])('checkable (absolute http(s) PDF/DOCX): %s → %s', (url, yes) => expect(isCheckableAttachment(url)).toBe(yes));

  it('a name is checkable whatever follows it', () => {
    expect(isCheckableName('https://x.gov.cn/download.jsp?file=report.pdf')).toBe(true);
    expect(isCheckableName('report.docx#page=2')).toBe(true);
    expect(isCheckableName('report.wps')).toBe(false);
  });

  it('fetched only from the page’s own host or gov.cn', () => {
    expect(isGovCn('www.gd.gov.cn')).toBe(true);
    expect(isGovCn('gov.cn')).toBe(true);
    expect(isGovCn('gov.cn.example.com')).toBe(false);
    expect(isGovCn('notgov.cn')).toBe(false);
    expect(attachmentHostAllowed('https://www.example.org/a.html', 'https://files.zs.gov.cn/a.pdf')).toBe(true);
    expect(attachmentHostAllowed('https://www.example.org/a.html', 'https://www.example.org/f/a.pdf')).toBe(true);
    expect(attachmentHostAllowed('https://www.example.org/a.html', 'https://cdn.example.org/a.pdf')).toBe(false);
    expect(attachmentHostAllowed(undefined, 'https://cdn.example.org/a.pdf')).toBe(false);
    expect(attachmentHostAllowed('https://www.zs.gov.cn/', 'not a url')).toBe(false);
  });

  it('the cause notice and the batch see the same documents, linked or shown inline', () => {
    const { document } = parseHTML(
      '<html><body><a href="/f/年报.pdf">年报</a><a href="/f/表.et">统计表</a><a href="/f/x.html">x</a><a href="/f/b.wps">b</a>' +
        '<iframe src="/pdfjs/web/viewer.html?file=/f/c.pdf"></iframe><embed src="/f/d.docx"><iframe src="/f/x.html"></iframe></body></html>',
    );
    const base = 'https://www.zs.gov.cn/zwgk/a.html';
    const fromCause = attachments(document.body as unknown as Element, base).map((a) => a.href);
    expect(new Set(findAttachments(document as unknown as Document, base))).toEqual(new Set(fromCause));
    expect(fromCause).toHaveLength(5);
    expect(fromCause).toContain('https://www.zs.gov.cn/f/c.pdf');
  });

  it.each([
    ['/u/a.pdf', 'https://www.x.gov.cn/u/a.pdf'],
    ['/pdfjs/web/viewer.html?file=/u/a.pdf', 'https://www.x.gov.cn/u/a.pdf'],
    ['/pdfjs/web/viewer.html?file=%2Fu%2Fa.pdf', 'https://www.x.gov.cn/u/a.pdf'],
    ['/static/js/pdfjs/viewer.htm?file=../../u/a.docx', 'https://www.x.gov.cn/static/u/a.docx'],
    ['/pdfjs/web/viewer.html#file=/u/a.pdf', 'https://www.x.gov.cn/u/a.pdf'],
    ['/pdfjs/web/viewer.html?file=https://files.x.gov.cn/a.pdf&page=3', 'https://files.x.gov.cn/a.pdf'],
    ['/pdfjs/web/viewer.html?file=javascript:alert(1)//.pdf', null],
    ['/pdfjs/web/viewer.html?file=/u/page.html', null],
    ['/pdfjs/web/viewer.html', null],
    ['/download.jsp?file=a.pdf', 'https://www.x.gov.cn/download.jsp?file=a.pdf'],
    ['/list.html', null],
    ['javascript:alert(1).pdf', null],
    ['data:application/pdf,1.pdf', null],
    ['', null],
  ])('the document an address leads to: %s → %s', (raw, want) =>
    expect(documentUrl(raw, 'https://www.x.gov.cn/zwgk/1.html')).toBe(want),
  );

  it('only a page named viewer.html is a viewer', () => {
    expect(viewerFile('https://www.x.gov.cn/pdfjs/web/viewer.html?file=/a.pdf')).toBe('https://www.x.gov.cn/a.pdf');
    expect(viewerFile('https://www.x.gov.cn/preview.html?file=/a.pdf')).toBeNull();
    expect(viewerFile('not a url')).toBeNull();
  });
});
