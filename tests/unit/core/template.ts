// Builds a report page in the national template's table layout (rowspans for 三、本年度办理结果 and the
// groups, the 3×3 note cell, 15 data cells under a 3-row header) from a value map, for unit tests and the
// bench. Source: the layout of 国办公开办函〔2021〕30号 as seen in seeds 000/002/003.
import { APPLY_COLUMNS, applyRows, type ApplyFormat } from '../../../lib/schema/apply';
import type { FormatDef } from '../../../lib/schema/formats';
import { REVIEW_FIELDS } from '../../../lib/schema/review';

export type Values = Record<string, string | number>;

const td = (v: unknown, attrs = '') => `<td${attrs ? ' ' + attrs : ''}>${v ?? ''}</td>`;

/** `format`: a built-in format's id, or a format definition (a test-only format's rows). */
export function applyTableHtml(values: Values, formatOrDef: ApplyFormat | FormatDef = '2021'): string {
  const format = typeof formatOrDef === 'string' ? formatOrDef : formatOrDef.id;
  const rows = typeof formatOrDef === 'string' ? applyRows(formatOrDef) : formatOrDef.apply.rows;
  const groupSpan: Record<string, number> = {};
  for (const r of rows)
    if (r.group && r.group !== 'results' && !(format === '2019' && r.id === 'handled_otherwise'))
      groupSpan[r.group] = (groupSpan[r.group] ?? 0) + 1;
  const resultsSpan = rows.filter((r) => r.group === 'results' || (r.group && r.group !== 'results')).length;
  const groupLabel: Record<string, string> = {
    withheld: '（三）不予公开',
    unavailable: '（四）无法提供',
    not_processed: '（五）不予处理',
    handled_otherwise: '（六）其他处理',
  };
  let html = '<table border="1"><tbody>';
  html += `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'colspan="3" rowspan="3"')}${td('申请人情况', 'colspan="7"')}</tr>`;
  html += `<tr>${td('自然人', 'rowspan="2"')}${td('法人或其他组织', 'colspan="5"')}${td('总计', 'rowspan="2"')}</tr>`;
  html += `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((x) => td(x)).join('')}</tr>`;
  const seenGroup = new Set<string>();
  let resultsDone = false;
  for (const r of rows) {
    const cells = APPLY_COLUMNS.map((c) => td(values[`apply.${r.id}.${c.id}`] ?? '')).join('');
    let label = '';
    const leaf = r.label.split(' ').pop()!;
    if (!r.group) label = td(r.label, 'colspan="3"');
    else {
      if (!resultsDone) {
        label += td('三、本年度办理结果', `rowspan="${resultsSpan}"`);
        resultsDone = true;
      }
      const g = r.group;
      if (g === 'results' || (format === '2019' && r.id === 'handled_otherwise')) label += td(leaf, 'colspan="2"');
      else {
        if (!seenGroup.has(g)) {
          label += td(groupLabel[g], `rowspan="${groupSpan[g]}"`);
          seenGroup.add(g);
        }
        label += td(leaf);
      }
    }
    html += `<tr>${label}${cells}</tr>`;
  }
  return html + '</tbody></table>';
}

export function reviewTableHtml(values: Values): string {
  const keys = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return (
    '<table border="1"><tbody>' +
    `<tr>${td('行政复议', 'colspan="5"')}${td('行政诉讼', 'colspan="10"')}</tr>` +
    `<tr>${keys.map((k) => td(k, 'rowspan="2"')).join('')}${td('未经复议直接起诉', 'colspan="5"')}${td('复议后起诉', 'colspan="5"')}</tr>` +
    `<tr>${[...keys, ...keys].map((k) => td(k.replace('结果', '结果<br>'))).join('')}</tr>` +
    `<tr>${REVIEW_FIELDS.map((f) => td(values[f] ?? '')).join('')}</tr></tbody></table>`
  );
}

export function activeTableHtml(values: Values): string {
  const v = (f: string) => td(values[f] ?? '');
  const head = (t: string, cols: string[]) =>
    `<tr>${td(t, 'colspan="4"')}</tr><tr>${td('信息内容')}${cols.map((c) => td(c)).join('')}</tr>`;
  return (
    '<table border="1"><tbody>' +
    head('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数']) +
    `<tr>${td('规章')}${v('active.regulations.issued')}${v('active.regulations.repealed')}${v('active.regulations.in_force')}</tr>` +
    `<tr>${td('行政规范性文件')}${v('active.normative.issued')}${v('active.normative.repealed')}${v('active.normative.in_force')}</tr>` +
    `<tr>${td('第二十条第（五）项', 'colspan="4"')}</tr><tr>${td('信息内容')}${td('本年处理决定数量', 'colspan="3"')}</tr>` +
    `<tr>${td('行政许可')}${td(values['active.licensing.decisions'] ?? '', 'colspan="3"')}</tr>` +
    `<tr>${td('第二十条第（六）项', 'colspan="4"')}</tr><tr>${td('信息内容')}${td('本年处理决定数量', 'colspan="3"')}</tr>` +
    `<tr>${td('行政处罚')}${td(values['active.penalty.decisions'] ?? '', 'colspan="3"')}</tr>` +
    `<tr>${td('行政强制')}${td(values['active.coercion.decisions'] ?? '', 'colspan="3"')}</tr>` +
    `<tr>${td('第二十条第（八）项', 'colspan="4"')}</tr><tr>${td('信息内容')}${td('本年收费金额（单位：万元）', 'colspan="3"')}</tr>` +
    `<tr>${td('行政事业性收费')}${td(values['active.fees.amount'] ?? '', 'colspan="3"')}</tr>` +
    '</tbody></table>'
  );
}

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
