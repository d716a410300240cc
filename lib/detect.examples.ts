// The detectors' examples, kept beside them (issue #8: "every detector keeps its positive and negative
// examples beside it, cross-checked"). Each example is a small page of exactly one kind; DETECTOR_EXPECTS
// says, for every detector and every kind, what the detector must answer (null: not its question — the gate
// is a cheap pre-filter that lets notices through, the engine decides). tests/unit/core/detectors-cross.test.ts
// runs EVERY detector — lib/gate.ts gateSays + lib/detect.ts quickGate, isOwnReportTitle,
// isNoticeAboutReports, hasOldStatsTable, lib/batch/list-gate.ts countListLinks, the final decision of
// lib/check.ts (report / old format) and lib/causes.ts' notices — over EVERY example here and over every
// fixture page (tests/fixtures, kind from its metas), so a report is never a notice, a notice never a list
// page, an old report never checked, and so on. Data only: nothing shipped imports this file.

/**
 * `about`: pages with the reports' words or tables that are not one (news of a release, 解读, 工作要点, 公开
 * 指南, 统计公报, a home page linking a report's release); `unrelated`: nothing of the kind.
 */
export type PageKind = 'report' | 'old-report' | 'notice' | 'list' | 'about' | 'unrelated';
export type Detector = 'gate' | 'own-title' | 'notice' | 'old-table' | 'list' | 'report' | 'old-format';
/** Notices that name why a report's tables were not found (lib/causes.ts). */
export type CauseTag = 'tables-in-attachment' | 'tables-as-images';

export interface PageExample {
  name: string;
  kind: PageKind;
  /** Causes the final report must name (report kinds only); every other page must name none. */
  causes?: CauseTag[];
  title: string;
  body: string;
}

export const DETECTOR_EXPECTS: Record<Detector, Record<PageKind, boolean | null>> = {
  // Cheap pre-filter: never stops a report; lets pages about reports through for the engine to decide.
  gate: { report: true, 'old-report': true, notice: null, list: null, about: null, unrelated: false },
  // A page title that is a report's own title ("<机关><年>…年度报告"): reports may have a generic one.
  'own-title': { report: null, 'old-report': null, notice: false, list: false, about: false, unrelated: false },
  notice: { report: false, 'old-report': false, notice: true, list: null, about: null, unrelated: false },
  // The pre-2019 statistics table: old reports may have it (or only old headings); nothing else has it.
  'old-table': { report: false, 'old-report': null, notice: false, list: false, about: null, unrelated: false },
  // ≥ 2 links to reports: a list page, never a report or a notice.
  list: { report: false, 'old-report': false, notice: false, list: true, about: null, unrelated: false },
  // The final decision (lib/check.ts): a report, old or not; nothing else.
  report: { report: true, 'old-report': true, notice: false, list: false, about: false, unrelated: false },
  'old-format': { report: false, 'old-report': true, notice: false, list: false, about: false, unrelated: false },
};

const SECTIONS_2021 = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const p = (s: string) => `<p>${s}</p>`;
const sections = (hs: string[], para = '本年度工作按要求推进。') => hs.map((h) => p(h) + p(para)).join('');
const links = (titles: string[]) =>
  `<ul>${titles.map((t, i) => `<li><a href="/zwgk/ndbg/${i}.html">${t}</a><span>2025-01-2${i}</span></li>`).join('')}</ul>`;

export const PAGE_EXAMPLES: PageExample[] = [
  // ---------------------------------------------------------------- reports (their tables not inline here)
  {
    name: 'report: own title, six sections, tables not in the page yet',
    kind: 'report',
    title: '某县人民政府办公室2024年政府信息公开工作年度报告',
    body: `<h1>某县人民政府办公室2024年政府信息公开工作年度报告</h1>${sections(SECTIONS_2021)}`,
  },
  {
    name: 'report: year first, site name as <title>, heading in the article',
    kind: 'report',
    title: '某市人民政府门户网站',
    body: `<h1>2019年某市人民政府办公厅政府信息公开工作年度报告</h1>${sections(SECTIONS_2021)}`,
  },
  {
    name: 'report: 繁體 title',
    kind: 'report',
    title: '某縣人民政府2023年政府資訊公開工作年度報告',
    body: `<h1>某縣人民政府2023年政府資訊公開工作年度報告</h1>${sections(SECTIONS_2021)}`,
  },
  {
    name: 'report: its tables are a linked .docx',
    kind: 'report',
    causes: ['tables-in-attachment'],
    title: '某区人民政府2024年政府信息公开工作年度报告',
    body: `<h1>某区人民政府2024年政府信息公开工作年度报告</h1>${sections(SECTIONS_2021)}<p>附件：<a href="/files/2024nb.docx">某区人民政府2024年政府信息公开工作年度报告.docx</a></p>`,
  },
  {
    name: 'report: its tables are images',
    kind: 'report',
    causes: ['tables-as-images'],
    title: '某镇人民政府2024年政府信息公开工作年度报告',
    body: `<h1>某镇人民政府2024年政府信息公开工作年度报告</h1>${SECTIONS_2021.map((h) => p(h) + (/二|三|四/.test(h[0]!) ? '<p><img src="/u/t.png" alt="表"></p>' : p('本年度工作按要求推进。'))).join('')}`,
  },
  // ---------------------------------------------------------------- old reports (before 2019)
  {
    name: 'old report: old headings and the 指标名称 / 计量单位 table',
    kind: 'old-report',
    title: '某县人民政府2016年政府信息公开工作年度报告',
    body: `<h1>某县人民政府2016年政府信息公开工作年度报告</h1>${sections(['一、概述', '二、主动公开政府信息情况', '三、依申请公开政府信息情况', '四、政府信息公开的收费及减免情况', '五、因政府信息公开申请提起行政复议、行政诉讼的情况', '六、政府信息公开工作存在的主要问题及改进情况'])}<table><tr><td>指标名称</td><td>计量单位</td><td>本年</td></tr><tr><td>主动公开政府信息数</td><td>条</td><td>936</td></tr><tr><td>收到申请数</td><td>件</td><td>12</td></tr></table>`,
  },
  {
    name: 'old report: headings worded otherwise, no table',
    kind: 'old-report',
    title: '某市人民政府办公室2012年政府信息公开工作年度报告',
    body: `<h1>某市人民政府办公室2012年政府信息公开工作年度报告</h1>${sections(['一、基本情况', '二、主动公开工作情况', '三、依申请公开工作情况', '四、因政府信息公开申请行政复议、提起行政诉讼的情况', '五、主要问题和改进措施'])}`,
  },
  // ---------------------------------------------------------------- notices about the reports
  {
    name: 'notice: the 2021 format, reposted, with its empty template',
    kind: 'notice',
    title: '国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知',
    body: `<h1>国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知</h1><p>国办公开办函〔2021〕30号</p><p>现将修订后的格式印发给你们，请遵照执行。</p>${sections(SECTIONS_2021, '')}<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td></td><td></td><td></td></tr></table>`,
  },
  {
    name: 'notice: on compiling and publishing the reports',
    kind: 'notice',
    title: '关于做好2023年度政府信息公开工作年度报告编制发布工作的通知',
    body: `<h1>关于做好2023年度政府信息公开工作年度报告编制发布工作的通知</h1><p>各单位：请于2024年1月31日前向社会公布本机关2023年政府信息公开工作年度报告。</p>`,
  },
  {
    name: 'notice: a template to fill in',
    kind: 'notice',
    title: '2024年政府信息公开工作年度报告模板',
    body: `<h1>2024年政府信息公开工作年度报告模板</h1>${sections(SECTIONS_2021, '（请填写）')}`,
  },
  // ---------------------------------------------------------------- list pages
  {
    name: 'list: a 年报 column',
    kind: 'list',
    title: '政府信息公开年报_某市人民政府',
    body: `<h2>政府信息公开年报</h2>${links(['某市人民政府办公室2024年政府信息公开工作年度报告', '某市人民政府办公室2023年政府信息公开工作年度报告', '某市人民政府办公室2022年政府信息公开工作年度报告', '某市人民政府办公室2021年政府信息公开工作年度报告'])}<div class="page">共1页</div>`,
  },
  {
    name: 'list: departments’ reports of one year',
    kind: 'list',
    title: '2024年度部门政府信息公开工作年度报告',
    body: links([
      '市教育局2024年政府信息公开工作年度报告',
      '市民政局2024年政府信息公开工作年度报告',
      '市财政局2024年度政府信息公开工作年报',
    ]),
  },
  // ---------------------------------------------------------------- pages about the reports
  {
    name: 'about: news of a report’s release',
    kind: 'about',
    title: '我市发布2024年政府信息公开工作年度报告',
    body: `<h1>我市发布2024年政府信息公开工作年度报告</h1><p>报告显示，全年共收到申请189件。</p>`,
  },
  {
    name: 'about: a 解读 of a report',
    kind: 'about',
    title: '图解：《某市2023年政府信息公开工作年度报告》解读',
    body: `<h1>图解：《某市2023年政府信息公开工作年度报告》解读</h1><p>一图读懂年度报告。</p>`,
  },
  {
    name: 'about: 政务公开工作要点 with a task table',
    kind: 'about',
    title: '某市2024年政务公开工作要点',
    body: `<h1>某市2024年政务公开工作要点</h1><p>一、总体要求</p><table><tr><td>序号</td><td>任务</td><td>责任单位</td></tr><tr><td>1</td><td>按时发布政府信息公开工作年度报告</td><td>各单位</td></tr></table>`,
  },
  {
    name: 'about: 公开指南',
    kind: 'about',
    title: '某县人民政府信息公开指南',
    body: `<h1>某县人民政府信息公开指南</h1><p>一、主动公开</p><p>二、依申请公开</p>`,
  },
  {
    name: 'about: a 统计公报 (tables of statistics, not a report; the notice detector says so by its title)',
    kind: 'about',
    title: '某市2023年国民经济和社会发展统计公报',
    body: `<h1>某市2023年国民经济和社会发展统计公报</h1><table><tr><td>指标</td><td>2023年</td><td>比上年增长</td></tr><tr><td>地区生产总值</td><td>3200亿元</td><td>5.1%</td></tr></table>`,
  },
  // ---------------------------------------------------------------- unrelated
  {
    name: 'unrelated: a budget',
    kind: 'unrelated',
    title: '关于2025年部门预算的说明',
    body: `<h1>关于2025年部门预算的说明</h1><table><tr><td>项目</td><td>合计</td></tr><tr><td>一般公共预算</td><td>1200</td></tr></table>`,
  },
  {
    name: 'unrelated: news',
    kind: 'unrelated',
    title: '市政府召开常务会议',
    body: `<h1>市政府召开常务会议</h1><p>会议研究了2025年重点工作。</p>`,
  },
];

/** An example as a whole page. */
export function examplePage(e: PageExample): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${e.title}</title></head><body>${e.body}</body></html>`;
}
