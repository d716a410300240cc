// The fast path and the DOM path give the same report (issue #14): every page in tests/fixtures/ (the folder
// is read at run time, so pages other work adds are held to it too), the embedded samples, every seed and
// every real report's text layer made into a page (tests/support/pages.ts textPage), and a set of odd shapes
// (no <html>, upper-case attributes, SVG, templates, hidden cells, srcdoc frames, implied end tags …).
// "The same" is the report JSON byte for byte, the field ids read from cells, and the tables used.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { checkDocument, type Analysis } from '../lib/check';
import { asDocumentHtml, checkHtml } from '../lib/html/check-html';
import { parseLightHtml } from '../lib/html/light-dom';
import { findAttachments, findReportLinks } from '../lib/batch/links';
import { countListLinks } from '../lib/batch/list-gate';
import { FIXTURE_DIR, parseMeta } from './support/fixtures';
import { SEEDS_DIR } from './support/seeds';
import { realisticPage, withSiteChrome } from '../bench/site-chrome';
import { sitePage, textPage } from './support/pages';

const ROOT = resolve(FIXTURE_DIR, '../..');
const REAL = resolve(ROOT, '../shared/real-reports');
const NOW = new Date('2026-01-01T00:00:00Z');

function summary(a: Analysis) {
  return {
    report: JSON.stringify(a.report, null, 1),
    fields: [...a.elements.keys()].sort().join(' '),
    tables: Object.fromEntries(Object.entries(a.tableElements).map(([k, v]) => [k, v.length])),
    used: a.tables.length,
  };
}

// Markup with no <html>/<body> is read inside a body, as a browser builds it (asDocumentHtml): linkedom alone
// would leave it outside document.body, where detection cannot see it.
function same(html: string, url?: string) {
  const dom = checkDocument(parseHTML(asDocumentHtml(html)).document as unknown as Document, { url, now: NOW });
  const fast = checkHtml(html, { url, now: NOW });
  expect(summary(fast)).toEqual(summary(dom));
  // The in-page engine's scans (`live`: native queries, sibling links) read the same as the walks.
  const live = checkDocument(parseHTML(asDocumentHtml(html)).document as unknown as Document, {
    url,
    now: NOW,
    live: true,
  });
  expect(summary(live)).toEqual(summary(dom));
  return fast.report;
}

const htmlIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.html?$/.test(f))
        .sort()
    : [];

describe('fast path = DOM path: fixtures', () => {
  const names = htmlIn(FIXTURE_DIR);
  it('finds the fixture pages', () => expect(names.length).toBeGreaterThan(30));
  for (const name of names) {
    it(name, () => {
      const html = readFileSync(join(FIXTURE_DIR, name), 'utf8');
      same(html, parseMeta(html, name).url);
    });
  }
});

describe('fast path = DOM path: samples', () => {
  const dir = join(ROOT, 'assets/samples');
  for (const name of htmlIn(dir)) it(name, () => same(readFileSync(join(dir, name), 'utf8')));
});

describe('fast path = DOM path: a 100 KB page with full site chrome', () => {
  it('the bench page reads the same both ways, and as it does without the chrome', () => {
    const report = same(realisticPage(sitePage({ set: { 'apply.new.natural_person': 165 }, textReceived: 199 })));
    expect(report.summary).toMatchObject({ checks: 42, fail: 2, fieldsFound: 200 });
  });
  it('a fixture inside site chrome', () => {
    const html = readFileSync(join(FIXTURE_DIR, 'seed000-word.html'), 'utf8');
    same(withSiteChrome(html));
  });
});

describe('fast path = DOM path: seeds and real reports as pages', () => {
  const seeds = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  it('finds the seeds', () => expect(seeds.length).toBeGreaterThanOrEqual(5));
  for (const f of seeds) it(`seed ${f}`, () => same(textPage(readFileSync(join(SEEDS_DIR, f), 'utf8'))));

  const real = existsSync(REAL)
    ? readdirSync(REAL)
        .filter((f) => f.endsWith('.pdftext.txt'))
        .sort()
    : [];
  if (!real.length) it.skip('real reports: ../shared/real-reports is absent, skipped', () => {});
  for (const f of real) {
    it(`real ${f}`, () => {
      const report = same(textPage(readFileSync(join(REAL, f), 'utf8')));
      expect(report.detected).toBe(true);
    });
  }
});

// Shapes a saved page can take that the fixtures do not all show. Each must read the same both ways.
const TABLE = `<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td>二、上年结转政府信息公开申请数量</td><td style="display:none">9</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>`;
const TITLE = '某某区人民政府2024年政府信息公开工作年度报告';
const ODD: Record<string, string> = {
  'empty string': '',
  'whitespace only': '  \n ',
  'text only': TITLE,
  'no html, head or body': `<h1>${TITLE}</h1>${TABLE}<p>一、总体情况</p>`,
  'body without head': `<html><body><h1>${TITLE}</h1>${TABLE}</body></html>`,
  'head after body': `<html><body><h1>${TITLE}</h1></body><head><title>${TITLE}</title></head></html>`,
  'two top-level elements': `<div>${TITLE}</div><div>${TABLE}</div>`,
  'title outside head': `<html><title>${TITLE}</title><body>${TABLE}</body></html>`,
  'upper-case tags and attributes': `<HTML><HEAD><TITLE>${TITLE}</TITLE><META NAME="ArticleTitle" CONTENT="${TITLE}"></HEAD><BODY><TABLE><TR><TD ROWSPAN="2">一、本年新收政府信息公开申请数量</TD><TD COLSPAN=7>3</TD></TR></TABLE></BODY></HTML>`,
  'meta og:title and ArticleTitle': `<html><head><meta property="og:title" content="${TITLE}"><meta name="articletitle" content="x"></head><body>${TABLE}</body></html>`,
  'implied end tags': `<html><head><title>${TITLE}</title></head><body><table><tr><td>一、本年新收政府信息公开申请数量<td>3<td>0<td>0<td>0<td>0<td>0<td>3<tr><td>（七）总计<td>3</table><p>一、总体情况<p>二、主动公开政府信息情况<p>本年收到申请3件</body></html>`,
  'svg, template, script, style, noscript, comments': `<html><head><title>${TITLE}</title><style>td{}</style></head><body><svg><text>一、总体情况</text></svg><template><table><tr><td>（七）总计</td><td>5</td></tr></table></template><script>var a = "<table>";</script><noscript>二、主动公开</noscript><!-- 三、收到和处理 -->${TABLE}<p>四、行政复议</p></body></html>`,
  'hidden cells and rows': `<html><head><title>${TITLE}</title></head><body><table><tr hidden><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr><tr><td style="visibility:hidden">（七）总计</td><td>3</td><td style="DISPLAY: NONE">4</td></tr></table><div style="display:none">收到申请 5 件</div></body></html>`,
  'srcdoc frame': `<html><head><title>${TITLE}</title></head><body><iframe srcdoc="&lt;table&gt;&lt;tr&gt;&lt;td&gt;（七）总计&lt;/td&gt;&lt;td&gt;3&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"></iframe>${TABLE}</body></html>`,
  'ruby and entities': `<html><head><title>${TITLE}</title></head><body><table><tr><td><ruby>總<rt>zǒng</rt></ruby>&nbsp;計&#x3000;</td><td>&#51;</td></tr></table></body></html>`,
  'nested layout tables': `<html><head><title>${TITLE}</title></head><body><table><tr><td><table><tr><td>x</td></tr></table>${TABLE}</td></tr></table></body></html>`,
  'unclosed everything': `<html><head><title>${TITLE}<body><table><tr><td>（七）总计<td>3`,
  'stray end tags': `</td></tr></table></body></html><html><body>${TABLE}</p></div></span>`,
  'deep nesting': `<html><head><title>${TITLE}</title></head><body>${'<div>'.repeat(3000)}${TABLE}<p>一、总体情况</p>${'</div>'.repeat(3000)}</body></html>`,
};

describe('fast path = DOM path: odd shapes', () => {
  for (const [name, html] of Object.entries(ODD)) it(name, () => same(html));
});

// The CLI reads fetched pages' links (list pages, attachments) through the light DOM too (bin/check-file.ts
// inspectHtml): its querySelectorAll('a[href]') must find the anchors linkedom finds, in the same order.
describe('fast path = DOM path: links and attachments (inspect)', () => {
  const BASE = 'https://www.example.gov.cn/zfxxgk/ndbg/index.html';
  const LIST = `<html><head><title>政府信息公开年报</title></head><body><ul>
<li><a href="./2024/t1.html" title="某某区人民政府2024年政府信息公开工作年度报告">某某区2024年…</a></li>
<li><A HREF="2023/t2.html">某某区人民政府2023年政府信息公开工作年度报告</A></li>
<li><a href='/2022/t3.html#top'>某某区人民政府2022年度政府信息公开工作年报</a></li>
<li><a>某某区人民政府2021年政府信息公开工作年度报告（无链接）</a></li>
<li><a href="javascript:void(0)">某某区人民政府2020年政府信息公开工作年度报告</a></li>
<li><a href="http://other.example.com/2019.html"><span>某某区人民政府</span>2019年政府信息公开工作年度报告</a></li>
<li><a href="files/2024.pdf">附件：2024年报.pdf</a> <a href="files/2024.PDF?x=1">PDF</a> <a href="f.docx">docx</a> <a href="f.wps">wps</a></li>
</ul><svg><a href="2018.html">某某区人民政府2018年政府信息公开工作年度报告</a></svg></body></html>`;
  const pages: [string, string][] = [
    ['list page', LIST],
    ['no <html>', LIST.replace(/<\/?(html|head|body)>/g, '')],
  ];
  for (const name of htmlIn(FIXTURE_DIR)) pages.push([name, readFileSync(join(FIXTURE_DIR, name), 'utf8')]);
  for (const [name, html] of pages) {
    it(name, () => {
      const dom = parseHTML(html).document as unknown as Document;
      const light = parseLightHtml(html) as unknown as Document;
      expect(findReportLinks(light, BASE)).toEqual(findReportLinks(dom, BASE));
      expect(findAttachments(light, BASE)).toEqual(findAttachments(dom, BASE));
      expect(countListLinks(light)).toBe(countListLinks(dom));
    });
  }
  it('the list page yields its links', () => {
    const light = parseLightHtml(LIST) as unknown as Document;
    expect(findReportLinks(light, BASE).map((l) => l.year)).toEqual(expect.arrayContaining([2024, 2022]));
    expect(findAttachments(light, BASE).length).toBeGreaterThanOrEqual(3);
  });
  it('a selector the light DOM does not take is an error, not an empty list', () => {
    expect(() => parseLightHtml(LIST).querySelectorAll('ul > li a')).toThrow(/selector/);
    expect(() => parseLightHtml(LIST).querySelectorAll('a[href], ul > li')).toThrow(/selector/);
  });
  it('a list of simple selectors: every element that matches one of them, in document order, once', () => {
    const doc = parseLightHtml(
      '<p><a href="/a.pdf">a</a><iframe src="/b.pdf"></iframe><a>no href</a><embed src="/c.pdf"></p>',
    );
    const found = doc.querySelectorAll('a[href], iframe[src], embed[src], a');
    expect(found.map((e) => `${e.localName}${e.getAttribute('href') ?? e.getAttribute('src') ?? ''}`)).toEqual([
      'a/a.pdf',
      'iframe/b.pdf',
      'a',
      'embed/c.pdf',
    ]);
  });
});
