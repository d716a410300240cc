// The report view (report.html): checks a report that is not a page on screen — a PDF or DOCX attachment,
// a PDF open in a tab, a file from disk — and shows it: title, the three tables as read (every value cell
// carrying the page contract's data-gouji-field / -fail / -culprit), the findings with their arithmetic,
// JSON/CSV export and a tab-separated copy of each table. Opens as
//   report.html?url=<absolute http(s) URL>   (fetched by the extension: gov.cn hosts, or the tab's PDF via activeTab)
//   report.html?tab=<tab id>                 ("查看读取的表格": the in-page report of that tab, from storage.session)
//   report.html                              (pick or drop a .pdf / .docx / .html / .txt)
// pdf.js and its worker are bundled with this page only; nothing here runs in web pages.

import { ATTR, STATE } from '../../lib/contract';
import type { Analysis } from '../../lib/check';
import { FileReadError, type PdfJsModule } from '../../lib/files';
import { checkBytes, type Checked } from './check';
import { cleanTables, tableTsv, type CleanTable } from '../../lib/files/tables';
import { reportToCsv, reportToJson, reportFilename } from '../../lib/export';
import { checkTitle, fieldInWords } from '../../lib/export/labels';
import type { Report } from '../../lib/types';
import { browser } from 'wxt/browser';
import { isTabState, tabKey } from '../../lib/ext/tabs';
import { isAddResult, typedSend, type Message, type TabState } from '../../lib/ext/protocol';
import { History } from '../../lib/history/store';
import { previousYearFromHistory, type PreviousYear } from '../../lib/history/previous';

const send = typedSend((msg: Message) => browser.runtime.sendMessage(msg));
const MAX_BYTES = 60 * 1024 * 1024;
const $ = (id: string) => document.getElementById(id)!;
const out = $('out');

async function loadPdfjs(): Promise<PdfJsModule> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}
const status = $('status');

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

function setState(state: string, source?: string): void {
  document.documentElement.setAttribute(ATTR.state, state);
  if (source) document.documentElement.setAttribute('data-gouji-source', source);
}

function download(name: string, text: string, type: string): void {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function tableView(t: CleanTable): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', text: '' }),
    ...t.columns.map((c) => el('th', { scope: 'col', text: c })),
  );
  const rows = t.rows.map((r) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row', text: r.label }),
      ...r.cells.map((c) => {
        if (!c) return el('td', { class: 'none' });
        const td = el(
          'td',
          { [ATTR.field]: c.field, class: c.blank ? 'blank' : '' },
          el('span', { class: 'raw', text: c.blank ? '（空白）' : c.raw }),
        );
        if (c.fail.length) {
          td.setAttribute(ATTR.fail, c.fail.join(' '));
          td.append(el('span', { class: 'sign', 'aria-label': '不一致', text: ' ✗' }));
        }
        if (c.uncertain.length) td.setAttribute(ATTR.uncertain, c.uncertain.join(' '));
        if (c.culprit !== undefined) {
          td.setAttribute(ATTR.culprit, String(c.culprit));
          td.append(el('span', { class: 'suggest', text: ` 应为 ${c.culprit}？` }));
        }
        return td;
      }),
    ),
  );
  const copy = el('button', {
    type: 'button',
    class: 'copy',
    'data-table': t.key,
    text: '复制为表格（制表符分隔） Copy as TSV',
  });
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(tableTsv(t)).then(
      () => (status.textContent = `已复制${t.name}，可直接粘贴到电子表格`),
      () => (status.textContent = '复制失败：浏览器未允许写入剪贴板'),
    );
  });
  return el(
    'section',
    { class: 'table', 'data-table': t.key },
    el('h3', { text: t.name }),
    copy,
    el(
      'div',
      { class: 'scroll' },
      el('table', { 'data-gouji-table': t.key }, el('thead', {}, head), el('tbody', {}, ...rows)),
    ),
  );
}

/** "标记跟进": the same flag the popup makes (the background's flag store), listed on the follow-up page. */
function flagButton(r: Report, checkId: string): HTMLElement {
  const b = el('button', {
    type: 'button',
    class: 'flag',
    'data-action': 'flag',
    'data-check': checkId,
    text: '标记跟进 Flag',
  });
  b.addEventListener('click', () => {
    b.setAttribute('disabled', '');
    void send({ type: 'gouji:flag-add', report: r, checkId }).then(
      (res: unknown) => {
        // Typed as AddResult, but it crossed a process boundary: checked all the same.
        const ok = isAddResult(res) && res.ok;
        b.textContent = ok ? '✓ 已标记 Flagged' : `标记失败：${isAddResult(res) && !res.ok ? res.error : '?'}`;
        if (ok) b.setAttribute('data-flagged', '');
        else b.removeAttribute('disabled');
      },
      (e: unknown) => {
        b.textContent = `标记失败：${e instanceof Error ? e.message : String(e)}`;
        b.removeAttribute('disabled');
      },
    );
  });
  return b;
}

function render(c: Checked, label: string): void {
  const r: Report = c.analysis.report;
  out.replaceChildren();
  setState(r.detected ? STATE.report : STATE.none, c.source);
  const srcName = { pdf: 'PDF', docx: 'Word（.docx）', html: '网页', text: '纯文本' }[c.source];
  out.append(el('h2', { id: 'title', text: r.source.title ?? label }));
  out.append(
    el('p', {
      class: 'meta',
      text: `来源：${label}（${srcName}）${r.report.agency ? ` · ${r.report.agency}` : ''}${r.report.year ? ` · ${r.report.year} 年度` : ''}`,
    }),
  );
  for (const n of r.notices)
    out.append(
      el('p', {
        class: `notice ${n.level}`,
        'data-notice': n.id,
        text: `${n.level === 'info' ? 'ℹ' : '⚠'} ${n.message}`,
      }),
    );
  if (!r.detected) {
    status.textContent = '不是政府信息公开工作年度报告';
    return;
  }
  const s = r.summary;
  const narrativeFails = r.narrative.filter((n) => n.status === 'fail' || n.status === 'warn');
  out.append(
    el('p', {
      id: 'summary',
      class: s.fail ? 'bad' : 'good',
      text: `勾稽关系 ${s.checks} 项：${s.fail ? `✗ ${s.fail} 处不一致` : '✓ 全部一致'}${s.uncertain ? `，${s.uncertain} 项无法核对` : ''}`,
    }),
  );

  const findings = el('ol', { id: 'findings' });
  for (const ch of r.checks) {
    if (ch.status === 'pass') continue;
    const li = el(
      'li',
      { 'data-check': ch.id, 'data-status': ch.status },
      el('strong', { text: `${ch.status === 'fail' ? '✗ 不一致' : '? 无法核对'} · ${checkTitle(ch.id, ch.cells)}` }),
      el('br'),
      ch.message,
    );
    if (ch.culprit)
      li.append(el('br'), `可能填错的格：${fieldInWords(ch.culprit.field)}，应为 ${ch.culprit.suggested}`);
    li.append(el('br'), flagButton(r, ch.id));
    findings.append(li);
  }
  for (const n of narrativeFails) {
    const li = el(
      'li',
      { 'data-status': n.status },
      el('strong', { text: n.status === 'fail' ? '✗ 正文与表格不一致' : '! 正文数字存疑' }),
      el('br'),
      `“${n.quote}”：${n.message}`,
    );
    if (n.id) li.append(el('br'), flagButton(r, n.id));
    findings.append(li);
  }
  if (findings.children.length) out.append(el('h3', { text: '发现的问题 Findings' }), findings);

  const exp = el('div', { class: 'export' });
  const json = el('button', { type: 'button', id: 'export-json', text: '导出 JSON' });
  json.addEventListener('click', () =>
    download(reportFilename(r.report.agency, r.report.year, 'json'), reportToJson(r), 'application/json'),
  );
  const csv = el('button', { type: 'button', id: 'export-csv', text: '导出 CSV' });
  csv.addEventListener('click', () =>
    download(reportFilename(r.report.agency, r.report.year, 'csv'), reportToCsv(r), 'text/csv'),
  );
  exp.append(json, csv);
  out.append(exp);

  out.append(el('h3', { text: '读取的表格 Tables as read' }));
  for (const t of cleanTables(r)) out.append(tableView(t));
  if (c.body.length) {
    const details = el('details', { id: 'body' }, el('summary', { text: '正文 Body text' }));
    for (const p of c.body) details.append(el('p', { text: p }));
    out.append(details);
  }
  status.textContent = s.fail ? `发现 ${s.fail} 处不一致` : '表格勾稽关系全部一致';
}

/**
 * Every report checked here goes to the local history too (lib/history; best effort, never blocks the
 * view); the same body's previous year found there gives the cross-year check (shown by showPreviousYear).
 */
async function keepInHistory(url: string, report: Report): Promise<PreviousYear | null> {
  if (!report.detected || typeof indexedDB === 'undefined') return null;
  try {
    const h = await History.open(indexedDB);
    await h.keep(url, report, 'view');
    return report.tables.apply.found ? await previousYearFromHistory(h, report) : null;
  } catch {
    // History is a convenience: a full or blocked IndexedDB must not break the view.
    return null;
  }
}

/**
 * 上一年度报告: this year's 上年结转 against the previous report's 结转下年度, under the summary, in words
 * with both numbers and a link to last year's report; the differing 上年结转 cells marked in the table.
 * Nothing at all when history holds no previous year.
 */
function showPreviousYear(p: PreviousYear): void {
  const failing = p.checks.filter((c) => c.status === 'fail');
  const head =
    p.status === 'pass'
      ? '✓ 本年“上年结转”与上一年度“结转下年度”一致'
      : p.status === 'fail'
        ? `✗ 本年“上年结转”与上一年度“结转下年度”有 ${failing.length} 列不符`
        : '? 上年结转或结转下年度有空白，无法核对';
  const title = el('strong', {}, '上一年度报告：');
  if (p.url && /^https?:\/\//i.test(p.url))
    title.append(el('a', { href: p.url, target: '_blank', rel: 'noopener noreferrer', text: `${p.year} 年度` }));
  else title.append(`${p.year} 年度`);
  const box = el(
    'section',
    {
      id: 'previous-year',
      class: `notice ${p.status === 'pass' ? 'info' : 'warn'}`,
      'data-previous-year': String(p.year),
      'data-status': p.status,
    },
    title,
    el('br'),
    head,
  );
  if (failing.length) {
    const ul = el('ul');
    for (const c of failing)
      ul.append(
        el('li', {
          'data-check': c.id,
          text: `${fieldInWords(c.cells[0]!)}：本年“上年结转”为 ${c.actual}，${p.year} 年度报告的“结转下年度”为 ${c.expected}，两者应相等`,
        }),
      );
    box.append(ul);
  }
  const summary = document.getElementById('summary');
  if (summary) summary.after(box);
  else out.prepend(box);
  for (const c of p.checks) {
    if (c.status === 'pass') continue;
    const attr = c.status === 'fail' ? ATTR.fail : ATTR.uncertain;
    for (const td of out.querySelectorAll(`td[${ATTR.field}="${c.cells[0]}"]`)) {
      const words = (td.getAttribute(attr) ?? '').split(' ').filter(Boolean);
      if (!words.includes(c.id)) td.setAttribute(attr, [...words, c.id].join(' '));
    }
  }
}

async function run(load: () => Promise<{ bytes: Uint8Array; name: string; url?: string }>): Promise<void> {
  document.documentElement.removeAttribute(ATTR.state);
  status.textContent = '正在读取…';
  out.replaceChildren();
  let label = '';
  try {
    const { bytes, name, url } = await load();
    label = url ?? name;
    if (bytes.byteLength > MAX_BYTES)
      throw new FileReadError(`文件过大（${Math.round(bytes.byteLength / 1048576)} MB），无法检查`);
    const checked = await checkBytes(bytes, name, url, loadPdfjs);
    render(checked, label);
    void keepInHistory(url ?? `file:${name}`, checked.analysis.report).then((p) => p && showPreviousYear(p));
  } catch (e) {
    setState(STATE.error);
    const msg = e instanceof FileReadError ? e.message : `无法检查：${e instanceof Error ? e.message : String(e)}`;
    status.textContent = msg;
    out.replaceChildren(el('p', { class: 'notice warn', id: 'error', text: `⚠ ${label ? `${label}：` : ''}${msg}` }));
  }
}

async function fetchUrl(url: string): Promise<{ bytes: Uint8Array; name: string; url: string }> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FileReadError(`网址无效：${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FileReadError('只能检查 http(s) 网址');
  let res: Response;
  try {
    res = await fetch(u.href, { credentials: 'include' });
  } catch {
    throw new FileReadError(`无法下载 ${u.href}（网络错误，或扩展没有访问该网站的权限）`);
  }
  if (!res.ok) throw new FileReadError(`无法下载 ${u.href}（HTTP ${res.status}）`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  let name = decodeURIComponent(u.pathname.split('/').pop() ?? '') || 'file';
  if (!/\.[a-z0-9]+$/i.test(name))
    name += /pdf/.test(type) ? '.pdf' : /wordprocessingml/.test(type) ? '.docx' : /html/.test(type) ? '.html' : '';
  return { bytes, name, url: u.href };
}

const input = $('file') as HTMLInputElement;
const pickFile = (f: File) => void run(async () => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name }));
input.addEventListener('change', () => input.files?.[0] && pickFile(input.files[0]));
const zone = $('pick');
zone.addEventListener('dragover', (e) => {
  e.preventDefault();
  zone.classList.add('over');
});
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  const f = e.dataTransfer?.files[0];
  if (f) pickFile(f);
});

/** "查看读取的表格": the report the in-page engine stored for a tab (read-only, nothing is re-read). */
async function showTab(tabId: number): Promise<void> {
  const got = await browser.storage.session.get(tabKey(tabId));
  const state = got[tabKey(tabId)] as TabState | undefined;
  if (!isTabState(state) || !state.report) {
    setState(STATE.error);
    status.textContent = '该标签页没有已检查的报告（页面可能已关闭或刷新）';
    return;
  }
  const r = state.report;
  const source = (['active', 'apply', 'review'] as const).some((k) => r.tables[k].source === 'text') ? 'text' : 'html';
  const analysis: Analysis = {
    report: r,
    elements: new Map(),
    tables: [],
    tableElements: { active: [], apply: [], review: [] },
    claimRange: () => null,
  };
  render({ analysis, source, body: [] }, state.url);
}

const params = new URLSearchParams(location.search);
const param = params.get('url');
const tabParam = params.get('tab');
if (param) void run(() => fetchUrl(param));
else if (tabParam && /^\d+$/.test(tabParam)) void showTab(Number(tabParam));
else status.textContent = '选择或拖放一个报告文件（PDF、Word .docx、网页 .html 或 .txt）开始检查';
