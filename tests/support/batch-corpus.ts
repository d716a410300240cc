// The batch corpus: a list page linking 20 "reports" — fixture pages (consistent, with errors, the 2019
// format, the old format, one without tables, a news page), one page whose tables are in a PDF
// attachment, a 404, and the 2023 report of 中山市人民政府办公室 (seed 000's body) whose 结转下年度 differs
// from 2024's 上年结转 in two columns. Each link carries the state the batch must give it. Served by the
// CLI test (127.0.0.1) and by the e2e suite (gov.cn through context.route) from the same builder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from './fixtures';
import { reportPage } from './pages';
import { seedValues } from './seeds';
import type { RowState } from '../../lib/batch/run';

export interface CorpusLink {
  /** Path under the base, e.g. "/batch/r01.html". */
  path: string;
  title: string;
  state: RowState;
  /** The page's HTML; undefined = not served (404). */
  html?: string;
}

const FIXTURES: [string, RowState][] = [
  ['seed000-plain', 'report'],
  ['error-addend', 'report'],
  ['error-ambiguous', 'report'],
  ['error-balance-only', 'report'],
  ['error-decimal', 'report'],
  ['error-grand-total', 'report'],
  ['error-negative', 'report'],
  ['error-new', 'report'],
  ['error-review', 'report'],
  ['error-row-total', 'report'],
  ['error-two', 'report'],
  ['format2019', 'report'],
  ['format2019-error', 'report'],
  ['blanks', 'report'],
  ['old-format', 'old'],
  ['seed001-no-tables', 'missing'],
  ['news', 'none'],
];

export const ATTACHMENT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>中山市审计局2024年度政府信息公开工作年度报告</title></head><body>
<h1>中山市审计局2024年度政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>详见附件。</p><p>二、主动公开政府信息情况</p><p>详见附件。</p>
<p>三、收到和处理政府信息公开申请情况</p><p>详见附件。</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>详见附件。</p>
<p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>
<p>附件：<a href="/batch/files/sjj-2024.pdf">中山市审计局2024年度政府信息公开工作年度报告.pdf</a></p></body></html>`;

/**
 * Seed 000's body, one year earlier, consistent in itself; its 结转下年度 (natural person, total: 4) differs
 * from 2024's 上年结转 (3). The 5 moved out of 结转下年度 go to （一）予以公开 (and so to （七）总计): every identity of 2023 holds.
 */
export function previousYearPage(): string {
  const s = seedValues('000');
  const d = Number(s['apply.carried_forward.natural_person']) - 4;
  const v = {
    ...s,
    'apply.carried_forward.natural_person': 4,
    'apply.carried_forward.total': Number(s['apply.carried_forward.total']) - d,
    'apply.granted.natural_person': Number(s['apply.granted.natural_person']) + d,
    'apply.granted.total': Number(s['apply.granted.total']) + d,
    'apply.total.natural_person': Number(s['apply.total.natural_person']) + d,
    'apply.total.total': Number(s['apply.total.total']) + d,
  };
  return reportPage(v, { title: '中山市人民政府办公室2023年度政府信息公开工作年度报告' });
}

export function batchCorpus(): { list: (base: string) => string; links: CorpusLink[] } {
  const links: CorpusLink[] = FIXTURES.map(([name, state], i) => ({
    path: `/batch/r${String(i + 1).padStart(2, '0')}-${name}.html`,
    title: `第${i + 1}号 2024年度政府信息公开工作年度报告（${name}）`,
    state,
    html: readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8'),
  }));
  links.push({
    path: '/batch/r18-attachment.html',
    title: '中山市审计局2024年度政府信息公开工作年度报告',
    state: 'attachment',
    html: ATTACHMENT_PAGE,
  });
  links.push({
    path: '/batch/r19-missing.html',
    title: '中山市档案馆2024年度政府信息公开工作年度报告',
    state: 'error',
  });
  links.push({
    path: '/batch/r20-zs-2023.html',
    title: '中山市人民政府办公室2023年度政府信息公开工作年度报告',
    state: 'report',
    html: previousYearPage(),
  });
  const list = (
    base: string,
  ) => `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报_测试市人民政府门户网站</title></head><body>
<h1>政府信息公开年报</h1><ul>${links.map((l) => `<li><a href="${base}${l.path}">${l.title}</a></li>`).join('\n')}</ul>
<div class="page"><a href="#">首页</a> <a href="#">下一页</a></div></body></html>`;
  return { list, links };
}
