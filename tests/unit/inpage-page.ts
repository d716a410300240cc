// A report page rebuilt from seed 000 (中山市人民政府办公室2024年度政府信息公开工作年度报告, text dump in
// ../shared/seeds/000_dc3f67fcb14f95e4.txt): its real numbers, the national template's table layout
// (rowspans for 三、本年度办理结果 and the groups, the 3×3 note cell, 15 data cells under a 3-row header),
// inside a gov.cn-like article with a metadata table and navigation. Used by the in-page unit tests, the
// in-page e2e tests and `npm run bench:browser` until / besides the shared fixtures in tests/fixtures.
import { APPLY_COLUMNS, applyRows } from '../../lib/schema/apply';
import { REVIEW_FIELDS } from '../../lib/schema/review';
import { SEED_000 } from '../fixtures/gen/data';

export type Values = Record<string, string | number>;

/** Seed 000's values by field id, from the one typed-in copy of the seed (tests/fixtures/gen/data.ts). */
export function seed000Values(): Values {
  const a = SEED_000.active;
  const v: Values = {
    'active.regulations.issued': a.regulations[0],
    'active.regulations.repealed': a.regulations[1],
    'active.regulations.in_force': a.regulations[2],
    'active.normative.issued': a.normative[0],
    'active.normative.repealed': a.normative[1],
    'active.normative.in_force': a.normative[2],
    'active.licensing.decisions': a.licensing,
    'active.penalty.decisions': a.penalty,
    'active.coercion.decisions': a.coercion,
    'active.fees.amount': a.fees,
  };
  for (const [row, nums] of Object.entries(SEED_000.apply))
    APPLY_COLUMNS.forEach((c, i) => (v[`apply.${row}.${c.id}`] = nums[i]!));
  REVIEW_FIELDS.forEach((f, i) => (v[f] = SEED_000.review[i]!));
  return v;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const td = (v: unknown, attrs = '') => `<td${attrs ? ' ' + attrs : ''}>${v ?? ''}</td>`;
const val = (values: Values, f: string) =>
  td(values[f] === undefined ? '' : esc(String(values[f])), 'class="num" align="center"');

function activeTable(values: Values): string {
  const head = (t: string, cols: string[]) =>
    `<tr>${td(t, 'colspan="4"')}</tr><tr>${td('信息内容')}${cols.map((c) => td(c)).join('')}</tr>`;
  const one = (label: string, f: string) => `<tr>${td(label)}${val(values, f)}${td('', 'colspan="2"')}</tr>`;
  return (
    '<table class="MsoNormalTable" border="1" cellspacing="0"><tbody>' +
    head('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数']) +
    `<tr>${td('规章')}${val(values, 'active.regulations.issued')}${val(values, 'active.regulations.repealed')}${val(values, 'active.regulations.in_force')}</tr>` +
    `<tr>${td('行政规范性文件')}${val(values, 'active.normative.issued')}${val(values, 'active.normative.repealed')}${val(values, 'active.normative.in_force')}</tr>` +
    `<tr>${td('第二十条第（五）项', 'colspan="4"')}</tr><tr>${td('信息内容')}${td('本年处理决定数量', 'colspan="3"')}</tr>` +
    one('行政许可', 'active.licensing.decisions') +
    `<tr>${td('第二十条第（六）项', 'colspan="4"')}</tr><tr>${td('信息内容')}${td('本年处理决定数量', 'colspan="3"')}</tr>` +
    one('行政处罚', 'active.penalty.decisions') +
    one('行政强制', 'active.coercion.decisions') +
    `<tr>${td('第二十条第（八）项', 'colspan="4"')}</tr><tr>${td('信息内容')}${td('本年收费金额（单位：万元）', 'colspan="3"')}</tr>` +
    one('行政事业性收费', 'active.fees.amount') +
    '</tbody></table>'
  );
}

function applyTable(values: Values): string {
  const rows = applyRows('2021');
  const groupLabel: Record<string, string> = {
    withheld: '（三）不予公开',
    unavailable: '（四）无法提供',
    not_processed: '（五）不予处理',
    handled_otherwise: '（六）其他处理',
  };
  const groupSpan: Record<string, number> = {};
  for (const r of rows) if (r.group && r.group !== 'results') groupSpan[r.group] = (groupSpan[r.group] ?? 0) + 1;
  const resultsSpan = rows.filter((r) => r.group).length;
  let html = '<table class="MsoNormalTable" border="1" cellspacing="0"><tbody>';
  html += `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'colspan="3" rowspan="3"')}${td('申请人情况', 'colspan="7"')}</tr>`;
  html += `<tr>${td('自然人', 'rowspan="2"')}${td('法人或其他组织', 'colspan="5"')}${td('总计', 'rowspan="2"')}</tr>`;
  html += `<tr>${['商业<br>企业', '科研<br>机构', '社会公益组织', '法律服务机构', '其他'].map((x) => td(x)).join('')}</tr>`;
  const seen = new Set<string>();
  let resultsDone = false;
  for (const r of rows) {
    let label = '';
    const leaf = r.label.split(' ').pop()!;
    if (!r.group) label = td(r.label, 'colspan="3"');
    else {
      if (!resultsDone) {
        label += td('三、本年度办理结果', `rowspan="${resultsSpan}"`);
        resultsDone = true;
      }
      if (r.group === 'results') label += td(leaf, 'colspan="2"');
      else {
        if (!seen.has(r.group)) label += td(groupLabel[r.group], `rowspan="${groupSpan[r.group]}"`);
        seen.add(r.group);
        label += td(leaf);
      }
    }
    html += `<tr>${label}${APPLY_COLUMNS.map((c) => val(values, `apply.${r.id}.${c.id}`)).join('')}</tr>`;
  }
  return html + '</tbody></table>';
}

function reviewTable(values: Values): string {
  const keys = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return (
    '<table class="MsoNormalTable" border="1" cellspacing="0"><tbody>' +
    `<tr>${td('行政复议', 'colspan="5"')}${td('行政诉讼', 'colspan="10"')}</tr>` +
    `<tr>${keys.map((k) => td(k, 'rowspan="2"')).join('')}${td('未经复议直接起诉', 'colspan="5"')}${td('复议后起诉', 'colspan="5"')}</tr>` +
    `<tr>${[...keys, ...keys].map((k) => td(k.replace('结果', '结果<br>'))).join('')}</tr>` +
    `<tr>${REVIEW_FIELDS.map((f) => val(values, f)).join('')}</tr></tbody></table>`
  );
}

export interface PageOptions {
  values?: Values;
  /** Overrides applied on top of `values` (a wrong cell, a blank cell …). */
  set?: Values;
  /** Leave the tables out (seed 001: tables are images / attachments). */
  noTables?: boolean;
  /** The number of requests the text says were received (seed 000: 189). */
  textReceived?: number;
  title?: string;
  /** Extra markup appended to <head>. */
  head?: string;
}

export const TITLE_000 = '中山市人民政府办公室2024年度政府信息公开工作年度报告';

/** The article (what a 繁體 toggle rewrites): #zoom holds the report, as on many gov.cn sites. */
export function articleHtml(opts: PageOptions = {}): string {
  const values = { ...(opts.values ?? seed000Values()), ...(opts.set ?? {}) };
  const received = opts.textReceived ?? 189;
  const tables = (html: string) => (opts.noTables ? '<p>（表格见附件）</p>' : html);
  return `<h1 class="article-title">${esc(opts.title ?? TITLE_000)}</h1>
<p class="info">发布日期：2025-01-23 浏览次数：-</p>
<p>一、总体情况</p>
<p>2024年以来，我办坚持以习近平新时代中国特色社会主义思想为指导，持续强化信息公开与解读回应。</p>
<p>（二）围绕群众生产生活需要，高标准严要求做好依申请公开工作。2024年，共受理政府信息公开申请${received}件，同比增加20.4%，均按规范流程办理和答复。</p>
<p>二、主动公开政府信息情况</p>
${tables(activeTable(values))}
<p>三、收到和处理政府信息公开申请情况</p>
${tables(applyTable(values))}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${tables(reviewTable(values))}
<p>五、存在的主要问题及改进情况</p>
<p>2024年，我办政务公开工作取得一定成效，但仍存在一些不足。</p>
<p>六、其他需要报告的事项</p>
<p>本年度未发出收费通知，未收取信息处理费。</p>`;
}

export function reportPage(opts: PageOptions = {}): string {
  const title = opts.title ?? TITLE_000;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}_中山市人民政府门户网站</title>
<style>body{font:14px/1.6 sans-serif;margin:0 auto;max-width:1000px;padding:0 16px} td{border:1px solid #999;padding:2px 4px} table{border-collapse:collapse;margin:8px 0} .nav a{margin-right:8px}</style>${opts.head ?? ''}
</head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><span id="clock"></span></div>
<table class="meta"><tbody><tr><td>索引号:</td><td>114420000073329991/2025-00014</td><td>分类:</td><td></td></tr>
<tr><td>发布机构:</td><td>中山市人民政府办公室</td><td>成文日期:</td><td>2025-01-23</td></tr>
<tr><td>名称:</td><td colspan="3">${esc(title)}</td></tr></tbody></table>
<div id="zoom" class="article">
${articleHtml(opts)}
</div>
<div class="footer">主办：中山市人民政府办公室</div>
</body></html>`;
}

/** A gov.cn page that is not a report: a news list. */
export function newsPage(): string {
  const items = Array.from(
    { length: 40 },
    (_, i) =>
      `<li><a href="/xwzx/${i}.html">中山市召开第${i + 1}次政务服务工作会议</a><span>2025-01-${String((i % 28) + 1).padStart(2, '0')}</span></li>`,
  ).join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>新闻动态_中山市人民政府门户网站</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻中心</a></div><h1>新闻动态</h1><ul class="list">${items}</ul>
<table class="weather"><tr><td>今日天气</td><td>晴</td><td>22℃</td></tr></table></body></html>`;
}
