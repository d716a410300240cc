// Why the tables are missing: examples that must name a cause, and examples that must not.
import { describe, expect, it } from 'vitest';
import { attachments, missingTableCauses, tableImages } from '../../../lib/causes';
import { checkDocument } from '../../../lib/check';
import { loadFixture } from '../../support/fixtures';
import { linkeDoc } from '../../support/dom';

const body = (html: string) => linkeDoc(`<!doctype html><html><body>${html}</body></html>`).body;

describe('missing-table causes', () => {
  it('a linked .pdf/.doc/.docx/.wps/.xls is named, made absolute, the report-like one first', () => {
    const root = body(
      `<a href="/x/guide.pdf">公开指南</a><a href="files/报告.docx">附件1：某区2023年政府信息公开工作年度报告.docx</a><a href="a.WPS?id=1">统计表</a>`,
    );
    expect(attachments(root, 'https://www.x.gov.cn/zwgk/ndbg/1.html')).toEqual([
      {
        name: '某区2023年政府信息公开工作年度报告',
        href: 'https://www.x.gov.cn/zwgk/ndbg/files/%E6%8A%A5%E5%91%8A.docx',
      },
      { name: '统计表', href: 'https://www.x.gov.cn/zwgk/ndbg/a.WPS?id=1' },
      { name: '公开指南', href: 'https://www.x.gov.cn/x/guide.pdf' },
    ]);
    const [n] = missingTableCauses(root, 'https://www.x.gov.cn/zwgk/ndbg/1.html');
    expect(n).toMatchObject({
      id: 'tables-in-attachment',
      level: 'warn',
      href: 'https://www.x.gov.cn/zwgk/ndbg/files/%E6%8A%A5%E5%91%8A.docx',
    });
    expect(n!.message).toContain('表格在附件《某区2023年政府信息公开工作年度报告》中');
  });

  it('never links javascript:, data: or pages that are not documents', () => {
    const root = body(
      `<a href="javascript:alert(1).pdf">x</a><a href="data:application/pdf,1.pdf">y</a><a href="/list.html">年报</a><a href="/a.pdfx">z</a>`,
    );
    expect(attachments(root, 'https://www.x.gov.cn/')).toEqual([]);
    expect(missingTableCauses(root, 'https://www.x.gov.cn/')).toEqual([]);
  });

  it('images count as tables, icons and logos do not', () => {
    expect(tableImages(body('<p><img src="/u/table1.png" width="640"></p><img src="/u/2.jpg">'))).toBe(2);
    expect(
      tableImages(
        body(
          '<img src="/images/logo.png"><img src="/i/print.gif"><img src="/img/ewm.jpg"><img src="/x.png" width="16" height="16"><img>',
        ),
      ),
    ).toBe(0);
    expect(missingTableCauses(body('<img src="/u/t.png">'))).toMatchObject([{ id: 'tables-as-images' }]);
  });

  it('a report whose tables are on the page gets no cause notice, even beside a PDF link', () => {
    const f = loadFixture('seed000-plain');
    const html = f.html.replace('</body>', '<a href="/files/report.pdf">2024年报PDF版</a><img src="/u/t.png"></body>');
    const ids = checkDocument(linkeDoc(html), { url: f.meta.url }).report.notices.map((n) => n.id);
    expect(ids).not.toContain('tables-in-attachment');
    expect(ids).not.toContain('tables-as-images');
  });

  it('the fixtures: seed001-no-tables names images, attachment-tables and attachment-viewer name and link their document', () => {
    const img = loadFixture('seed001-no-tables');
    expect(checkDocument(img.linkedom(), { url: img.meta.url }).report.notices.map((n) => n.id)).toEqual([
      'tables-missing',
      'tables-as-images',
    ]);
    const att = loadFixture('attachment-tables');
    const notices = checkDocument(att.linkedom(), { url: att.meta.url }).report.notices;
    expect(notices.find((n) => n.id === 'tables-in-attachment')).toEqual({
      id: 'tables-in-attachment',
      level: 'warn',
      message: '表格在附件《汕尾市城区人民政府2024年政府信息公开工作年度报告（含统计表）》中，请打开附件核对',
      href: 'https://www.swchengqu.gov.cn/attachment/0/304/304417/ndbg2024.docx',
    });
    const shown = loadFixture('attachment-viewer');
    expect(
      checkDocument(shown.linkedom(), { url: shown.meta.url }).report.notices.find(
        (n) => n.id === 'tables-in-attachment',
      ),
    ).toEqual({
      id: 'tables-in-attachment',
      level: 'warn',
      message: '表格在附件《汕尾市城区人民政府2024年政府信息公开工作年度报告》中，请打开附件核对',
      href: 'https://www.swchengqu.gov.cn/attachment/0/304/304417/ndbg2024.pdf',
    });
  });

  it('a report shown inline: a frame, an embed, an object, a PDF viewer (pdf.js viewer.html?file=…)', () => {
    const base = 'https://www.x.gov.cn/zwgk/ndbg/1.html';
    const root = body(
      [
        '<iframe src="https://player.x.gov.cn/video.html?id=3" title="视频"></iframe>',
        '<iframe src="/static/pdfjs/web/viewer.html?file=%2Fu%2Fcms%2F2024%E5%B9%B4%E6%8A%A5.pdf" title="某区2024年政府信息公开工作年度报告"></iframe>',
        '<embed src="files/stats.pdf" type="application/pdf">',
        '<object data="https://files.x.gov.cn/r.docx"></object>',
        '<iframe src="/web/viewer.html?file=/u/not-a-document.html"></iframe>',
      ].join(''),
    );
    expect(attachments(root, base)).toEqual([
      {
        name: '某区2024年政府信息公开工作年度报告',
        href: 'https://www.x.gov.cn/u/cms/2024%E5%B9%B4%E6%8A%A5.pdf',
      },
      { name: 'stats', href: 'https://www.x.gov.cn/zwgk/ndbg/files/stats.pdf' },
      { name: 'r', href: 'https://files.x.gov.cn/r.docx' },
    ]);
    expect(missingTableCauses(root, base)[0]).toMatchObject({
      id: 'tables-in-attachment',
      href: 'https://www.x.gov.cn/u/cms/2024%E5%B9%B4%E6%8A%A5.pdf',
    });
  });

  it('a link to a PDF viewer names the document it shows; a server’s own ?file= is not unwrapped', () => {
    const base = 'https://www.x.gov.cn/zwgk/ndbg/1.html';
    const root = body(
      '<a href="/pdfjs/web/viewer.html?file=/u/a.pdf#page=2">年报全文</a><a href="/download.jsp?file=b.pdf">附件下载</a>',
    );
    expect(attachments(root, base).map((a) => a.href)).toEqual([
      'https://www.x.gov.cn/u/a.pdf',
      // As before: named (a link whose address ends in .pdf), never rewritten into an address the server did not give.
      'https://www.x.gov.cn/download.jsp?file=b.pdf',
    ]);
  });

  it('a PDF viewer page itself: its document is the cause, first', () => {
    const viewer = 'https://www.x.gov.cn/pdfjs/web/viewer.html?file=https%3A%2F%2Fwww.x.gov.cn%2Fu%2F2024ndbg.pdf';
    expect(missingTableCauses(body('<div class="textLayer"><span>一、总体情况</span></div>'), viewer)).toEqual([
      {
        id: 'tables-in-attachment',
        level: 'warn',
        message: '表格在附件《2024ndbg》中，请打开附件核对',
        href: 'https://www.x.gov.cn/u/2024ndbg.pdf',
      },
    ]);
    // Not a viewer: nothing from the page's own address.
    expect(missingTableCauses(body('<p>x</p>'), 'https://www.x.gov.cn/download.jsp?file=a.pdf')).toEqual([]);
  });
});
