// Body and year, in full, on every fixture page and every seed (issue #11): the metadata row
// (发布机构/发文机关), <meta name="ContentSource">, the title in any word order, the heading.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkText } from '../../../lib/check';
import { parseReportTitle } from '../../../lib/detect';
import { agencyFromMetaRow, agencyFromSources, isAgencyName } from '../../../lib/agency';
import { reportFilename } from '../../../lib/export/filename';
import { happyDoc, linkeDoc } from '../../support/dom';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const SHARED_SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

// Each name as the page's own metadata row (or, without one, its title) says it.
const EXPECTED: Record<string, [string, number] | null> = {
  blanks: ['中山市人民政府办公室', 2024],
  'broken-table': ['中山市人民政府办公室', 2024],
  budget: null,
  empty: null,
  'error-addend': ['中山市人民政府办公室', 2024],
  'error-ambiguous': ['中山市人民政府办公室', 2024],
  'error-balance-only': ['中山市人民政府办公室', 2024],
  'error-decimal': ['双鸭山市人民政府', 2024],
  'error-grand-total': ['中山市人民政府办公室', 2024],
  'error-negative': ['中山市人民政府办公室', 2024],
  'error-new': ['广东省政务服务和数据管理局', 2024],
  'error-review': ['中山市人民政府办公室', 2024],
  'error-row-total': ['中山市人民政府办公室', 2024],
  'error-ruby': ['双鸭山市人民政府', 2024],
  'error-shifted-spans': ['中山市人民政府办公室', 2024],
  'error-split': ['中山市人民政府办公室', 2024],
  'error-two': ['双鸭山市人民政府', 2024],
  'error-word-nested': ['广东省政务服务和数据管理局', 2024],
  'format2019-blanks': ['江门市新会区自然资源局', 2023],
  'format2019-error': ['江门市新会区自然资源局', 2023],
  format2019: ['江门市新会区自然资源局', 2023],
  home: null,
  hostile: ['中山市人民政府办公室', 2024],
  'narrative-provincial': ['江南省人民政府办公厅', 2024],
  'narrative-shanghai2019': ['上海市人民政府办公厅', 2019],
  'news-about-reports': null,
  news: null,
  'notice-template': null,
  'old-format': ['江门市新会区人民政府办公室', 2017],
  'report-interpretation': null,
  'report-list': null,
  'seed000-active-four-tables': ['中山市人民政府办公室', 2024],
  'seed000-ascii-units': ['中山市人民政府办公室', 2024],
  'seed000-plain': ['中山市人民政府办公室', 2024],
  'seed000-split': ['中山市人民政府办公室', 2024],
  'narrative-related-reading': ['中山市人民政府办公室', 2024],
  'narrative-split-containers': ['中山市人民政府办公室', 2024],
  'seed000-word': ['中山市人民政府办公室', 2024],
  'seed001-no-tables': ['汕尾市城区人民政府', 2024],
  'seed002-commas-fullwidth': ['双鸭山市人民政府', 2024],
  'seed002-pinyin-title': ['双鸭山市人民政府', 2024],
  'seed002-ruby': ['双鸭山市人民政府', 2024],
  'seed002-traditional-text-pinyin': ['双鸭山市人民政府', 2024],
  'seed003-nested-layout': ['恩平市君堂镇人民政府', 2024],
  'seed004-generic-title': ['广东省政务服务和数据管理局', 2024],
  'seed004-generic-title-long-header': ['广东省政务服务和数据管理局', 2024],
  'seed004-lost-headers': ['广东省政务服务和数据管理局', 2024],
  'attachment-tables': ['汕尾市城区人民政府', 2024],
  'attachment-viewer': ['汕尾市城区人民政府', 2024],
  'notice-compile-publish': null,
  'notice-reposted': null,
  'old-format-worded': ['某市林业局', 2016],
  'seed000-hidden-cells': ['中山市人民政府办公室', 2024],
  'seed000-remarks-column': ['中山市人民政府办公室', 2024],
  'seed000-review-grid': ['中山市人民政府办公室', 2024],
  'seed000-review-grid-noheader': ['中山市人民政府办公室', 2024],
  'seed000-review-vertical': ['中山市人民政府办公室', 2024],
  'seed002-tw-phrases': ['双鸭山市人民政府', 2024],
  'title-only-shell': ['某区人民政府', 2024],
  'website-annual-form': null,
};

// The seeds' text dumps: 002's 發布機構 row is empty, so its title's "双鸭山市" is all there is; 003 has no row.
const SEEDS: Record<string, [string, number]> = {
  '000': ['中山市人民政府办公室', 2024],
  '001': ['汕尾市城区人民政府', 2024],
  '002': ['双鸭山市', 2024],
  '003': ['君堂镇人民政府', 2024],
  '004': ['广东省政务服务和数据管理局', 2024],
};

describe('body and year on every fixture page', () => {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5))
    .sort();
  it('lists every page', () => expect(files).toEqual(Object.keys(EXPECTED).sort()));
  for (const name of files) {
    for (const [parser, parse] of [
      ['happy-dom', happyDoc],
      ['linkedom', linkeDoc],
    ] as const) {
      it(`${name} (${parser})`, () => {
        const html = readFileSync(new URL(`${name}.html`, FIXTURES), 'utf8');
        const r = checkDocument(parse(html)).report;
        const want = EXPECTED[name];
        expect(r.detected ? [r.report.agency, r.report.year] : null).toEqual(want);
      });
    }
  }
});

describe.skipIf(!existsSync(SHARED_SEEDS))(
  'body and year on every shared seed (skipped: ../shared/seeds absent)',
  () => {
    for (const [seed, want] of Object.entries(SEEDS)) {
      it(`seed ${seed}`, () => {
        const file = readdirSync(SHARED_SEEDS).find((f) => f.startsWith(`${seed}_`))!;
        const r = checkText(readFileSync(new URL(file, SHARED_SEEDS), 'utf8')).report;
        expect([r.report.agency, r.report.year]).toEqual(want);
      });
    }
  },
);

describe('titles in any word order', () => {
  it.each([
    ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019],
    ['2023年度上海市人民政府政府信息公开工作年度报告', '上海市人民政府', 2023],
    ['2019年上海市人民政府信息公开工作年度报告', '上海市人民政府', 2019],
    ['2024年雙鴨山市政府信息公開工作年度報(bào)告', '双鸭山市', 2024],
    ['中山市人民政府办公室政府信息公开工作2024年度报告', '中山市人民政府办公室', 2024],
    ['中山市人民政府办公室政府信息公开工作年度报告（2024年度）', '中山市人民政府办公室', 2024],
  ])('%s', (title, agency, year) => expect(parseReportTitle(title)).toMatchObject({ agency, year }));
  it('keeps the year and names no body when the words before are not a name', () => {
    expect(parseReportTitle('2024年全市政府信息公开工作年度报告')).toMatchObject({ agency: null, year: 2024 });
  });
});

describe('the metadata row', () => {
  it('reads 发布机构 / 发文机关 glued to the next label, in simplified, traditional and pinyin', () => {
    expect(agencyFromMetaRow('索引号：1/2024-1分类：综合发布机构：江门市新会区自然资源局成文日期：2024-01-26')).toBe(
      '江门市新会区自然资源局',
    );
    expect(agencyFromMetaRow('发文机关: 中山市人民政府办公室 成文日期: 2025-01-23')).toBe('中山市人民政府办公室');
    expect(agencyFromMetaRow('發(fā)布機(jī)構(gòu)：雙鴨山市人民政府辦公室 發(fā)文日期：')).toBe(
      '双鸭山市人民政府办公室',
    );
    expect(agencyFromMetaRow('發fā布機jī構gòu：雙鴨山市人民政府辦公室')).toBe('双鸭山市人民政府办公室');
    // 佈 (a traditional 布) and both pinyin forms in one gap: windows are skipped only when no label can start.
    expect(agencyFromMetaRow('全面發展、發佈機構：雙鴨山市人民政府辦公室')).toBe('双鸭山市人民政府办公室');
    expect(agencyFromMetaRow('發fā(fā)布機構：雙鴨山市人民政府辦公室')).toBe('双鸭山市人民政府办公室');
  });
  it('takes nothing that is not a name', () => {
    expect(agencyFromMetaRow('发布机构： 发文日期：2025-01-01')).toBeNull();
    expect(agencyFromMetaRow('来源：本网 发布机构：本网')).toBeNull();
    expect(agencyFromMetaRow('新闻发布会上，市长表示')).toBeNull();
    expect(agencyFromSources(['本网', '中山市人民政府办公室'])).toBe('中山市人民政府办公室');
    expect(isAgencyName('2025-01-01')).toBe(false);
  });
  it('the metadata row wins over a shortened title, and <meta name="ContentSource"> comes next', () => {
    const body =
      '<h1>双鸭山市2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>';
    const withRow = `<html><head><title>双鸭山市2024年政府信息公开工作年度报告</title></head><body><table><tr><td>发布机构：</td><td>双鸭山市人民政府办公室</td><td>成文日期：</td><td>2025-01-20</td></tr></table>${body}</body></html>`;
    expect(checkDocument(happyDoc(withRow)).report.report).toMatchObject({
      agency: '双鸭山市人民政府办公室',
      year: 2024,
    });
    const withMeta = `<html><head><title>双鸭山市2024年政府信息公开工作年度报告</title><meta name="ContentSource" content="双鸭山市人民政府办公室"></head><body>${body}</body></html>`;
    expect(checkDocument(linkeDoc(withMeta)).report.report).toMatchObject({
      agency: '双鸭山市人民政府办公室',
      year: 2024,
    });
  });
});

describe('export names', () => {
  it('never collide without body and year: the page path and date stand in', () => {
    expect(reportFilename('中山市人民政府办公室', 2024, 'json', { url: 'https://www.zs.gov.cn/a/1.html' })).toBe(
      'gouji-中山市人民政府办公室-2024.json',
    );
    const from = (url: string) => ({ url, checkedAt: '2025-01-23T08:00:00.000Z' });
    const a = reportFilename(null, null, 'json', from('https://www.zs.gov.cn/zwgk/ndbg/post_1.html'));
    const b = reportFilename(null, null, 'json', from('https://www.zs.gov.cn/zwgk/ndbg/post_2.html'));
    expect(a).toBe('gouji-www.zs.gov.cn_zwgk_ndbg_post_1-2025-01-23.json');
    expect(b).not.toBe(a);
    expect(reportFilename('中山市人民政府办公室', null, 'csv', from('https://www.zs.gov.cn/x/9.html'))).toBe(
      'gouji-中山市人民政府办公室-www.zs.gov.cn_x_9-2025-01-23.csv',
    );
    expect(reportFilename(null, 2024, 'csv', from('https://a.gov.cn/'))).toBe('gouji-a.gov.cn-2024.csv');
  });
});
