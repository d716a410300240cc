// Detectors carry their own examples, positive and negative, cross-checked against each other.
import { describe, expect, it } from 'vitest';
import { countSections, GATE_TEXT, GATE_TEXT_AT, GATE_TITLE, parseReportTitle, quickGate } from '../../../lib/detect';
import { stripPinyin } from '../../../lib/normalize/text';
import { PAGE_EXAMPLES } from '../../../lib/detect.examples';
import { fixtureNames, loadFixture } from '../../support/fixtures';
import { newsPage, sitePage } from '../../support/pages';
import { checkDocument } from '../../../lib/check';
import { happyDoc } from '../../support/dom';
import { reportPage } from '../../support/pages';
import { seedText, seedValues } from '../../support/seeds';

const REPORT_TITLES = [
  '中山市人民政府办公室2024年度政府信息公开工作年度报告',
  '广东省政务服务和数据管理局2024年政府信息公开工作年度报告',
  '雙鴨山市2024年政府信息公開工作年度報(bào)告',
  '君堂镇人民政府2024年度政府信息公开工作年度报告_恩平市人民政府门户网站',
  '北京市海淀区2019年政务公开工作年度报告',
];
const OTHER_TITLES = [
  '中山市人民政府门户网站',
  '关于2025年部门预算的说明',
  '市政府召开常务会议',
  '国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知',
];

/** All the strings GATE_TEXT matches: its language is finite (character classes, one optional 工作). */
function everyGateTextMatch(): string[] {
  const product = (...parts: string[][]): string[] =>
    parts.reduce<string[]>((acc, p) => acc.flatMap((a) => p.map((b) => a + b)), ['']);
  const info = ['信息', ...product(['资', '資'], ['讯', '訊'])];
  const open = ['开', '開'];
  return [
    ...product(['勾稽'], ['关', '關'], ['系', '係']),
    ...product(['本年新收政府'], info, ['公'], open, ['申'], ['请', '請']),
    ...product(['政府'], info, ['公'], open, ['', '工作'], ['年度'], ['报', '報'], ['告']),
  ];
}

/**
 * Titles in every shape GATE_TITLE knows: each 公开 phrase and each 年报 word in every simplified and traditional
 * form, in both orders, with gaps of every length up to one past the limit (0–13 and 0–5 characters), a line
 * break inside a gap, and text around.
 */
function everyGateTitleShape(): string[] {
  const product = (...parts: string[][]): string[] =>
    parts.reduce<string[]>((acc, p) => acc.flatMap((a) => p.map((b) => a + b)), ['']);
  const info = product(['信息', ...product(['资', '資'], ['讯', '訊'])], ['公'], ['开', '開']);
  const open = [...info, ...product(['政'], ['务', '務'], ['公'], ['开', '開'])];
  const report = [...product(['年'], ['度', ''], ['报', '報'], ['告']), ...product(['年'], ['报', '報'])];
  const gap = (n: number) => '工作事项情况统计说明专题栏目汇编'.slice(0, n);
  const out: string[] = [];
  for (const o of open)
    for (const r of report)
      for (let n = 0; n <= 13; n++) out.push(`${o}${gap(n)}${r}`, `某市${o}${gap(n)}${r}（2024）`);
  for (const r of report)
    for (const o of info) for (let n = 0; n <= 5; n++) out.push(`${r}${gap(n)}${o}`, `2024${r}${gap(n)}${o}_某市`);
  out.push(
    '信息公开\n年度报告',
    '信息公开工作\r年报',
    '年报\u2028信息公开',
    '年度报告 \n信息公开',
    '信息公开年度\u2029报告',
  );
  return out;
}

describe('quickGate', () => {
  it.each(REPORT_TITLES)('lets %s through', (t) => expect(quickGate(t)).toBe(true));
  it.each(OTHER_TITLES.slice(0, 3))('stops %s', (t) => expect(quickGate(t)).toBe(false));
  it('looks at the text it is given when the title is generic', () => {
    expect(quickGate('中山市人民政府门户网站', '……（本列数据的勾稽关系为：第一项加第二项之和……')).toBe(true);
    expect(quickGate('中山市人民政府门户网站', '今日要闻 市政府召开常务会议')).toBe(false);
  });

  // quickGate rules text out with indexOf before its expression runs: the answer must be the expression's
  // on every text — each alternative in each script, near misses, and every example and fixture page.
  it('answers as its text expression does, with or without the indexOf shortcut', () => {
    const texts = [
      '本列数据的勾稽关系为',
      '勾稽關係',
      '勾稽',
      '本年新收政府信息公开申请数量',
      '本年新收政府資訊公開申請',
      '本年新收政府资讯公開申请',
      '本年新收',
      '政府信息公开工作年度报告',
      '政府信息公开年度报告',
      '政府資訊公開工作年度報告',
      '政府信息公開年度報告',
      '政府资讯公开工作年度報告',
      '年度报告',
      '政府信息公开工作年度 报告',
      '年(nián)度(dù)报(bào)告(gào)',
      '',
      // The phrases are looked for around each needle found: at the text's edges, a needle whose first
      // occurrences do not match, long text on both sides, a phrase that would run past the end.
      `${'x'.repeat(30)}政府資訊公開工作年度報告${'y'.repeat(30)}`,
      `${'x'.repeat(30)}本年新收政府資訊公開申請${'y'.repeat(30)}`,
      `本年新收政府资讯公開申请${'y'.repeat(30)}`,
      `${'x'.repeat(30)}政府信息公开工作年度报告`,
      `2023年度报告、2022年度报告、本年新收、勾稽……${'z'.repeat(50)}政府信息公开年度报告`,
      `政府信息公开工作工作年度报告，本年新收政府信息，勾稽关 系`,
      '政府信息公开工作年度报',
      '勾稽关',
      '本年新收政府信息公开申',
      '年度报告政府信息公开年度报告',
      '公开年度報告，政府資訊公開年度報告',
      // Every string GATE_TEXT matches (each character class, each optional part), alone and inside text.
      ...everyGateTextMatch().flatMap((m) => [m, `${'x'.repeat(20)}${m}${'y'.repeat(20)}`]),
      ...PAGE_EXAMPLES.map((e) => `${e.title}\n${e.body}`),
      ...fixtureNames().map((n) => loadFixture(n).html),
      sitePage(),
      newsPage(),
    ];
    let passes = 0;
    for (const text of texts) {
      const want = GATE_TEXT.test(text);
      passes += want ? 1 : 0;
      expect(quickGate('中山市人民政府门户网站', text), text.slice(0, 60)).toBe(want);
    }
    // Every needle leads to phrases, and each at the offset where it holds the needle's simplified form.
    for (const [needle, phrases] of GATE_TEXT_AT) {
      expect(phrases.length, needle).toBeGreaterThan(0);
      for (const [phrase, at] of phrases) {
        expect(GATE_TEXT.exec(phrase)?.[0], phrase).toBe(phrase);
        // The needle as written (traditional or not), put back where the phrase holds it: still a match.
        const written = phrase.slice(0, at) + needle + phrase.slice(at + needle.length);
        expect(GATE_TEXT.exec(written)?.[0], written).toBe(written);
      }
    }
    // Both answers occur: the comparison is not vacuous.
    expect(passes).toBeGreaterThan(20);
    expect(texts.length - passes).toBeGreaterThan(5);
  });

  // The title is ruled out with indexOf (公开/公開) before its expression runs: the same answer on every title.
  it('answers as its title expression does, with or without the indexOf shortcut', () => {
    const titleOf = (html: string) => /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
    const titles = [
      ...REPORT_TITLES,
      ...OTHER_TITLES,
      '政务公開年报',
      '政務公開年報',
      '資訊公開年度報告',
      '资讯公开工作年度报告',
      '年报（信息公开）',
      '年度報告 資訊公開',
      '年度报告—信息公开',
      '信息公 开年度报告',
      '信息公(gōng)开(kāi)年(nián)度(dù)报(bào)告(gào)',
      '政府信息公开年度报告_政府信息公开_中山市人民政府',
      '政府信息公开指南',
      '公开年度报告',
      '',
      ...PAGE_EXAMPLES.map((e) => e.title),
      ...fixtureNames().map((n) => titleOf(loadFixture(n).html)),
      titleOf(sitePage()),
      titleOf(newsPage()),
      ...everyGateTitleShape(),
    ];
    let passes = 0;
    for (const title of titles) {
      const want = GATE_TITLE.test(stripPinyin(title));
      passes += want ? 1 : 0;
      expect(quickGate(title), title).toBe(want);
    }
    expect(passes).toBeGreaterThan(10);
    expect(titles.length - passes).toBeGreaterThan(10);
  });
});

describe('parseReportTitle', () => {
  it('reads agency and year', () => {
    expect(parseReportTitle(REPORT_TITLES[0]!)).toMatchObject({ agency: '中山市人民政府办公室', year: 2024 });
    expect(parseReportTitle(REPORT_TITLES[2]!)).toMatchObject({ agency: '双鸭山市', year: 2024 });
    expect(parseReportTitle('现公布汕尾市城区人民政府2024年政府信息公开工作年度报告。')).toMatchObject({
      agency: '汕尾市城区人民政府',
      year: 2024,
    });
    expect(parseReportTitle('我市发布2024年政府信息公开工作年度报告')).toMatchObject({ agency: null, year: 2024 });
  });
  it.each(OTHER_TITLES)('finds no report title in %s', (t) => expect(parseReportTitle(t)).toBeNull());
});

describe('countSections', () => {
  it('counts the six headings of a report, not an inline mention', () => {
    expect(countSections(seedText('001'))).toBe(6);
    expect(countSections('报告包括总体情况、主动公开政府信息情况等六部分')).toBe(0);
  });
});

describe('checkDocument detection', () => {
  const page = (body: string, title = '') => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
  it('a news item about reports is not a report', () => {
    const r = checkDocument(
      happyDoc(
        page(
          '<h1>我市发布2024年政府信息公开工作年度报告</h1><p>报告显示，全年共收到申请189件。</p>',
          '我市发布2024年政府信息公开工作年度报告',
        ),
      ),
    ).report;
    expect(r.detected).toBe(false);
    expect(r.notices.map((n) => n.id)).toEqual(['not-report']);
  });
  it('a budget table with 合计 rows is not a report', () => {
    const r = checkDocument(
      happyDoc(
        page(
          '<h1>2025年部门预算</h1><table><tr><td>项目</td><td>金额</td></tr><tr><td>行政事业性收费收入</td><td>12.5</td></tr><tr><td>合计</td><td>12.5</td></tr></table>',
          '2025年部门预算',
        ),
      ),
    ).report;
    expect(r.detected).toBe(false);
  });
  it('the format notice with its empty template tables is not a report', () => {
    const html = reportPage(
      {},
      { title: '国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知' },
    );
    const r = checkDocument(happyDoc(html)).report;
    expect(r.detected).toBe(false);
    expect(r.checks).toEqual([]);
  });
  it('a report whose title is generic is still found by its tables', () => {
    const r = checkDocument(happyDoc(reportPage(seedValues('000'), { title: '中山市人民政府门户网站' }))).report;
    expect(r.detected).toBe(true);
    expect(r.summary.checks).toBe(42);
  });
  it('a 2017 report is recognized as old format and not checked', () => {
    const r = checkDocument(
      happyDoc(reportPage(seedValues('000'), { title: '某县2017年政府信息公开工作年度报告' })),
    ).report;
    expect(r).toMatchObject({ detected: true, report: { year: 2017, format: 'old' }, checks: [] });
    expect(r.notices.map((n) => n.id)).toContain('old-format');
  });
  it('an empty page is not a report and does not crash', () => {
    expect(checkDocument(happyDoc('')).report.detected).toBe(false);
  });
});

// Issue #8: each detector with its positive and negative examples, cross-checked.
import { hasOldStatsTable, isNoticeAboutReports, isOwnReportTitle } from '../../../lib/detect';

describe('notices are not reports; titles and old reports', () => {
  const NOTICES = [
    '国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知',
    '转发国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知',
    '关于做好2023年度政府信息公开工作年度报告编制发布工作的通知',
    '关于报送2022年政府信息公开工作年度报告的函',
    '2024年政府信息公开工作年度报告模板',
    '《某市2023年政府信息公开工作年度报告》解读',
    '某市2024年政务公开工作要点',
    '某县政府信息公开指南',
  ];
  const REPORTS = [
    '洪泽区人民政府2023年政府信息公开工作年度报告',
    '中山市人民政府办公室2024年度政府信息公开工作年度报告_中山市人民政府门户网站',
    '关于公布某区2023年政府信息公开工作年度报告的公告',
  ];
  it('notice titles are notices, report titles are not', () => {
    for (const t of NOTICES) expect(isNoticeAboutReports(t, ''), t).toBe(true);
    for (const t of REPORTS) expect(isNoticeAboutReports(t, ''), t).toBe(false);
  });
  it('a 国办公开办函 文号 makes a notice only when the title is not a report title', () => {
    const head = '国办公开办函〔2021〕30号 现将修订后的格式印发给你们';
    expect(isNoticeAboutReports('', head)).toBe(true);
    expect(
      isNoticeAboutReports('洪泽区人民政府2023年政府信息公开工作年度报告', '根据国办公开办函〔2021〕30号 格式 编制'),
    ).toBe(false);
  });
  it('own report titles: agency + year, the title at the end (a site suffix allowed); news and notices are not', () => {
    expect(isOwnReportTitle(REPORTS[0]!)).toMatchObject({ year: 2023, agency: '洪泽区人民政府' });
    expect(isOwnReportTitle(REPORTS[1]!)).toMatchObject({ year: 2024 });
    for (const t of [
      ...NOTICES,
      '我市发布2024年政府信息公开工作年度报告',
      '2024年政府信息公开工作年度报告',
      '某市2023年政府信息公开工作年度报告发布会召开',
    ]) {
      expect(isOwnReportTitle(t), t).toBe(null);
    }
  });
  it('old-style section headings count as the sections they stand for', () => {
    const old =
      '一、基本情况 二、主动公开工作情况 三、依申请公开工作情况 四、因政府信息公开申请行政复议、提起行政诉讼的情况 五、主要问题和改进措施';
    expect(countSections(old)).toBe(5);
  });
  it('the pre-2019 statistics table is told by two of its labels', () => {
    expect(hasOldStatsTable('指标名称 计量单位 本年 累计 主动公开政府信息数 条 936')).toBe(true);
    expect(hasOldStatsTable('主动公开政府信息数 936 条')).toBe(false);
    expect(hasOldStatsTable('本年新收政府信息公开申请数量 自然人 法人或其他组织')).toBe(false);
  });
});
