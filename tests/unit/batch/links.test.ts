import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAttachments, findReportLinks, isListPage } from '../../../lib/batch/links';

const LIST = readFileSync(join(__dirname, '../../fixtures/report-list.html'), 'utf8');
const BASE = 'https://www.zs.gov.cn/zwgk/zfxxgknb/index.html';

const parsers = {
  linkedom: (html: string) => parseHTML(html).document as unknown as Document,
  'happy-dom': (html: string) => {
    const w = new Window({ url: BASE });
    w.document.write(html);
    return w.document as unknown as Document;
  },
};

describe.each(Object.entries(parsers))('report links of a list page (%s)', (_, parse) => {
  it('the fixture list page: twenty report links, absolute, in page order, with their years', () => {
    const links = findReportLinks(parse(LIST), BASE);
    expect(links).toHaveLength(20);
    expect(isListPage(links)).toBe(true);
    expect(links[0]).toEqual({
      url: 'https://www.zs.gov.cn/zwgk/zfxxgknb/content/post_2468000.html',
      text: '中山市人民政府办公室2024年度政府信息公开工作年度报告',
      year: 2024,
    });
    expect(links.every((l) => l.year === 2024)).toBe(true);
  });
  it('skips navigation, javascript: links, duplicates and titles without a year; reads 繁體 and title attributes', () => {
    const html = `<a href="/">首页</a><a href="javascript:void(0)">2024年度报告</a><a href="a.html">2024年度报告</a><a href="a.html#top">2024年度报告</a>
      <a href="b.html">政府信息公开年度报告</a><a href="c.html">關於2023年度政府信息公開工作年度報告</a><a href="d.html" title="某局2022年政府信息公开年报">某局2022年…</a>`;
    const links = findReportLinks(parse(html), 'http://x.gov.cn/list/');
    expect(links.map((l) => [l.url, l.year])).toEqual([
      ['http://x.gov.cn/list/a.html', 2024],
      ['http://x.gov.cn/list/c.html', 2023],
      ['http://x.gov.cn/list/d.html', 2022],
    ]);
  });
  it('one related link is not a list; attachments are found by extension', () => {
    const doc = parse(
      '<a href="r.html">2024年度政府信息公开工作年度报告</a><a href="/files/2024年报.pdf">附件</a><a href="x.DOCX?v=1">附件2</a><a href="y.html">另见</a>',
    );
    expect(isListPage(findReportLinks(doc, 'http://x.gov.cn/'))).toBe(false);
    expect(findAttachments(doc, 'http://x.gov.cn/a/')).toEqual([
      'http://x.gov.cn/files/2024%E5%B9%B4%E6%8A%A5.pdf',
      'http://x.gov.cn/a/x.DOCX?v=1',
    ]);
  });
});
