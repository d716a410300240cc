// The one table-page builder of the unit tests, the e2e suites and the bench: the three tables in the national
// template's layout (国办公开办函〔2021〕30号 as seen in seeds 000/002/003 — rowspans for 三、本年度办理结果 and
// its groups, the 3×3 note cell, 15 data cells under a 3-row header) from a value map, in two markups:
//   'plain'  bare <table border="1">, values as given               (reportPage: a minimal report page)
//   'word'   Word-pasted MsoNormalTable, escaped values in class="num" cells, header words broken by <br>
//            (sitePage: seed 000 inside a gov.cn site — navigation, metadata table, #zoom article)
// and two more pages: newsPage (a gov.cn page that is not a report) and textPage (a flattened text dump as a
// saved page). The fixture pages of tests/fixtures are generated separately (tests/fixtures/gen): they carry
// their own expectations in the markup.
import { APPLY_COLUMNS, applyRows, type ApplyFormat } from '../../lib/schema/apply';
import type { FormatDef } from '../../lib/schema/formats';
import { REVIEW_FIELDS } from '../../lib/schema/review';
import { SEED_000 } from '../fixtures/gen/data';

export type Values = Record<string, string | number>;

/** 'plain': bare tables, values as given; 'word': Word-pasted tables (class="num" cells, escaped values). */
export type TableStyle = 'plain' | 'word';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const td = (v: unknown, attrs = '') => `<td${attrs ? ' ' + attrs : ''}>${v ?? ''}</td>`;
const tableOpen = (style: TableStyle) =>
  style === 'word' ? '<table class="MsoNormalTable" border="1" cellspacing="0"><tbody>' : '<table border="1"><tbody>';
/** A value cell (blank when the map has no value for the field). */
const val = (values: Values, f: string, style: TableStyle, attrs = '') =>
  style === 'word'
    ? td(values[f] === undefined ? '' : esc(String(values[f])), 'class="num" align="center"')
    : td(values[f] ?? '', attrs);

/** Table 二 (2021 format). */
export function activeTableHtml(values: Values, style: TableStyle = 'plain'): string {
  const v = (f: string) => val(values, f, style);
  const head = (t: string, cols: string[]) =>
    `<tr>${td(t, 'colspan="4"')}</tr><tr>${td('信息内容')}${cols.map((c) => td(c)).join('')}</tr>`;
  // One value under a three-column header: spanned in the plain markup, padded with an empty cell in Word's.
  const one = (label: string, f: string) =>
    style === 'word'
      ? `<tr>${td(label)}${v(f)}${td('', 'colspan="2"')}</tr>`
      : `<tr>${td(label)}${val(values, f, style, 'colspan="3"')}</tr>`;
  return (
    tableOpen(style) +
    head('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数']) +
    `<tr>${td('规章')}${v('active.regulations.issued')}${v('active.regulations.repealed')}${v('active.regulations.in_force')}</tr>` +
    `<tr>${td('行政规范性文件')}${v('active.normative.issued')}${v('active.normative.repealed')}${v('active.normative.in_force')}</tr>` +
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

const GROUP_LABEL: Record<string, string> = {
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_processed: '（五）不予处理',
  handled_otherwise: '（六）其他处理',
};

/** Table 三. `format`: a built-in format's id, or a format definition (a test-only format's rows). */
export function applyTableHtml(
  values: Values,
  formatOrDef: ApplyFormat | FormatDef = '2021',
  style: TableStyle = 'plain',
): string {
  const format = typeof formatOrDef === 'string' ? formatOrDef : formatOrDef.id;
  const rows = typeof formatOrDef === 'string' ? applyRows(formatOrDef) : formatOrDef.apply.rows;
  // The 2019 template prints （六）其他处理 as a row of its own beside the results, not as a group.
  const ownRow = (r: { id: string }) => format === '2019' && r.id === 'handled_otherwise';
  const groupSpan: Record<string, number> = {};
  for (const r of rows)
    if (r.group && r.group !== 'results' && !ownRow(r)) groupSpan[r.group] = (groupSpan[r.group] ?? 0) + 1;
  const resultsSpan = rows.filter((r) => r.group).length;
  const companies =
    style === 'word'
      ? ['商业<br>企业', '科研<br>机构', '社会公益组织', '法律服务机构', '其他']
      : ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  let html = tableOpen(style);
  html += `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'colspan="3" rowspan="3"')}${td('申请人情况', 'colspan="7"')}</tr>`;
  html += `<tr>${td('自然人', 'rowspan="2"')}${td('法人或其他组织', 'colspan="5"')}${td('总计', 'rowspan="2"')}</tr>`;
  html += `<tr>${companies.map((x) => td(x)).join('')}</tr>`;
  const seenGroup = new Set<string>();
  let resultsDone = false;
  for (const r of rows) {
    const cells = APPLY_COLUMNS.map((c) => val(values, `apply.${r.id}.${c.id}`, style)).join('');
    let label = '';
    const leaf = r.label.split(' ').pop()!;
    if (!r.group) label = td(r.label, 'colspan="3"');
    else {
      if (!resultsDone) {
        label += td('三、本年度办理结果', `rowspan="${resultsSpan}"`);
        resultsDone = true;
      }
      const g = r.group;
      if (g === 'results' || ownRow(r)) label += td(leaf, 'colspan="2"');
      else {
        if (!seenGroup.has(g)) {
          label += td(GROUP_LABEL[g], `rowspan="${groupSpan[g]}"`);
          seenGroup.add(g);
        }
        label += td(leaf);
      }
    }
    html += `<tr>${label}${cells}</tr>`;
  }
  return html + '</tbody></table>';
}

/** Table 四. */
export function reviewTableHtml(values: Values, style: TableStyle = 'plain'): string {
  const keys = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return (
    tableOpen(style) +
    `<tr>${td('行政复议', 'colspan="5"')}${td('行政诉讼', 'colspan="10"')}</tr>` +
    `<tr>${keys.map((k) => td(k, 'rowspan="2"')).join('')}${td('未经复议直接起诉', 'colspan="5"')}${td('复议后起诉', 'colspan="5"')}</tr>` +
    `<tr>${[...keys, ...keys].map((k) => td(k.replace('结果', '结果<br>'))).join('')}</tr>` +
    `<tr>${REVIEW_FIELDS.map((f) => val(values, f, style)).join('')}</tr></tbody></table>`
  );
}

/** A minimal report page: title, the six sections, the three tables in the plain markup. */
export function reportPage(
  values: Values,
  opts: { title?: string; format?: ApplyFormat | FormatDef; extra?: string } = {},
): string {
  const title = opts.title ?? '测试市人民政府办公室2024年度政府信息公开工作年度报告';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<table class="meta"><tr><td>索引号：</td><td>11440000/2025-00001</td><td>发布日期：</td><td>2025-01-20</td></tr></table>
<h1>${title}</h1>
<p>一、总体情况</p><p>2024年，共收到政府信息公开申请若干件。</p>
<p>二、主动公开政府信息情况</p>${activeTableHtml(values)}
<p>三、收到和处理政府信息公开申请情况</p>${applyTableHtml(values, opts.format)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>${reviewTableHtml(values)}
<p>五、存在的主要问题及改进情况</p><p>无。</p>${opts.extra ?? ''}
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></body></html>`;
}

// ---------------------------------------------------------------- seed 000 inside a gov.cn site

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

export interface SitePageOptions {
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

/**
 * The article of a site page (what a 繁體 toggle rewrites): #zoom holds the report, as on many gov.cn sites.
 * Seed 000's real numbers (or `values`), the Word-pasted markup.
 */
export function articleHtml(opts: SitePageOptions = {}): string {
  const values = { ...(opts.values ?? seed000Values()), ...(opts.set ?? {}) };
  const received = opts.textReceived ?? 189;
  const tables = (html: string) => (opts.noTables ? '<p>（表格见附件）</p>' : html);
  return `<h1 class="article-title">${esc(opts.title ?? TITLE_000)}</h1>
<p class="info">发布日期：2025-01-23 浏览次数：-</p>
<p>一、总体情况</p>
<p>2024年以来，我办坚持以习近平新时代中国特色社会主义思想为指导，持续强化信息公开与解读回应。</p>
<p>（二）围绕群众生产生活需要，高标准严要求做好依申请公开工作。2024年，共受理政府信息公开申请${received}件，同比增加20.4%，均按规范流程办理和答复。</p>
<p>二、主动公开政府信息情况</p>
${tables(activeTableHtml(values, 'word'))}
<p>三、收到和处理政府信息公开申请情况</p>
${tables(applyTableHtml(values, '2021', 'word'))}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${tables(reviewTableHtml(values, 'word'))}
<p>五、存在的主要问题及改进情况</p>
<p>2024年，我办政务公开工作取得一定成效，但仍存在一些不足。</p>
<p>六、其他需要报告的事项</p>
<p>本年度未发出收费通知，未收取信息处理费。</p>`;
}

/**
 * Seed 000 (中山市人民政府办公室2024年度政府信息公开工作年度报告, ../shared/seeds/000_dc3f67fcb14f95e4.txt) as
 * its site publishes it: navigation, a metadata table, the article. Used by the in-page unit tests, the
 * e2e suites and `npm run bench:browser`.
 */
export function sitePage(opts: SitePageOptions = {}): string {
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

// ---------------------------------------------------------------- a text dump as a page

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A flattened text dump (a seed, a PDF's text layer) as a saved HTML page, so the HTML paths can be run on real
 * reports' words: lines with "|" become table rows (a run of them one table), other lines paragraphs, the first
 * line the <title>. Used by the fast-path equivalence test; expectations come from comparing the two HTML paths
 * with each other, not from this page.
 */
export function textPage(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  let inTable = false;
  for (const line of lines) {
    if (line.includes('|')) {
      if (!inTable) out.push('<table border="1">');
      inTable = true;
      out.push(
        `<tr>${line
          .split('|')
          .map((c) => `<td>${escText(c.trim())}</td>`)
          .join('')}</tr>`,
      );
      continue;
    }
    if (inTable) out.push('</table>');
    inTable = false;
    out.push(`<p>${escText(line)}</p>`);
  }
  if (inTable) out.push('</table>');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escText(lines[0] ?? '')}</title></head><body>\n${out.join('\n')}\n</body></html>`;
}
