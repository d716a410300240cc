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
import { FileReadError, SCANNED_MESSAGE, type PdfJsModule } from '../../lib/files';
import { checkBytes, type Checked } from './check';
import { cleanTables, tableTsv, type CleanTable } from '../../lib/files/tables';
import { reportToCsv, reportToJson, reportFilename } from '../../lib/export';
import { checkTitle } from '../../lib/export/labels';
import { LANG_KEY, pickLang, t, type Lang, type MessageKey } from '../../lib/i18n';
import { groupErrors } from '../../lib/errors';
import { cellInWords, renderCheck, renderClaim, renderNotice, stateName, verdictText } from '../../lib/rules/render';
import type { Report } from '../../lib/types';
import { browser } from 'wxt/browser';
import { isTabState, tabKey } from '../../lib/ext/tabs';
import { isAddResult, typedSend, type Message, type TabState } from '../../lib/ext/protocol';
import { History } from '../../lib/history/store';

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

// The language chosen in the popup (storage key LANG_KEY), followed live: the view re-renders its result.
let lang: Lang = pickLang(undefined, navigator.language);
const w = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
let shown: { checked: Checked; label: string } | null = null;
let idle: MessageKey | null = null;

function applyLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = w('rv.pageTitle');
  $('heading').textContent = w('rv.pageTitle');
  $('pick-label').textContent = w('rv.pick');
  if (shown) render(shown.checked, shown.label);
  else if (idle) status.textContent = w(idle);
}

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
          el('span', { class: 'raw', text: c.blank ? w('rv.blankCell') : c.raw }),
        );
        if (c.fail.length) {
          td.setAttribute(ATTR.fail, c.fail.join(' '));
          td.append(el('span', { class: 'sign', 'aria-label': stateName('fail', lang), text: ' ✗' }));
        }
        if (c.uncertain.length) td.setAttribute(ATTR.uncertain, c.uncertain.join(' '));
        if (c.culprit !== undefined) {
          td.setAttribute(ATTR.culprit, String(c.culprit));
          td.append(el('span', { class: 'suggest', text: w('rv.suggest', { value: c.culprit }) }));
        }
        return td;
      }),
    ),
  );
  const copy = el('button', {
    type: 'button',
    class: 'copy',
    'data-table': t.key,
    text: w('rv.copyTsv'),
  });
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(tableTsv(t)).then(
      () => (status.textContent = w('rv.copiedTable', { name: t.name })),
      () => (status.textContent = w('rv.copyFailed')),
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
    text: w('flag'),
  });
  b.addEventListener('click', () => {
    b.setAttribute('disabled', '');
    void send({ type: 'gouji:flag-add', report: r, checkId }).then(
      (res: unknown) => {
        // Typed as AddResult, but it crossed a process boundary: checked all the same.
        const ok = isAddResult(res) && res.ok;
        b.textContent = ok
          ? w('rv.flagged')
          : w('rv.flagFailed', { error: isAddResult(res) && !res.ok ? res.error : '?' });
        if (ok) b.setAttribute('data-flagged', '');
        else b.removeAttribute('disabled');
      },
      (e: unknown) => {
        b.textContent = w('rv.flagFailed', { error: e instanceof Error ? e.message : String(e) });
        b.removeAttribute('disabled');
      },
    );
  });
  return b;
}

function render(c: Checked, label: string): void {
  shown = { checked: c, label };
  idle = null;
  const r: Report = c.analysis.report;
  out.replaceChildren();
  setState(r.detected ? STATE.report : STATE.none, c.source);
  const srcName = w(`rv.kind.${c.source}` as MessageKey);
  out.append(el('h2', { id: 'title', text: r.source.title ?? label }));
  const meta = [r.report.agency, r.report.year ? w('yearSuffix', { year: r.report.year }) : null]
    .filter((x): x is string => !!x)
    .map((value) => w('rv.meta', { value }))
    .join('');
  out.append(el('p', { class: 'meta', text: `${w('rv.source', { label, kind: srcName })}${meta}` }));
  for (const n of r.notices)
    out.append(
      el('p', {
        class: `notice ${n.level}`,
        'data-notice': n.id,
        text: `${n.level === 'info' ? 'ℹ' : '⚠'} ${renderNotice(n, r, lang)}`,
      }),
    );
  if (!r.detected) {
    status.textContent = w('rv.notReport');
    return;
  }
  const s = r.summary;
  const errors = groupErrors({ checks: r.checks, narrative: [] }).length;
  const verdict = verdictText({ errors, failing: s.fail, uncertain: s.uncertain }, lang);
  const narrativeFails = r.narrative.filter((n) => n.status === 'fail' || n.status === 'warn');
  out.append(
    el('p', {
      id: 'summary',
      class: s.fail ? 'bad' : 'good',
      text: `${w('verdict.head', { n: s.checks })}${s.fail ? '✗' : s.uncertain ? '?' : '✓'} ${verdict}`,
    }),
  );

  const findings = el('ol', { id: 'findings' });
  for (const ch of r.checks) {
    if (ch.status === 'pass') continue;
    const said = renderCheck(ch, r.values, lang);
    const li = el(
      'li',
      { 'data-check': ch.id, 'data-status': ch.status },
      el('strong', {
        text: `${ch.status === 'fail' ? '✗' : '?'} ${stateName(ch.status, lang)} · ${checkTitle(ch.id, ch.cells, lang)}`,
      }),
      el('br'),
      said.detail,
    );
    if (ch.culprit)
      li.append(el('br'), w('culprit', { where: cellInWords(ch.culprit.field, lang), value: ch.culprit.suggested }));
    li.append(el('br'), flagButton(r, ch.id));
    findings.append(li);
  }
  for (const n of narrativeFails) {
    const li = el(
      'li',
      { 'data-status': n.status },
      el('strong', { text: n.status === 'fail' ? `✗ ${stateName('prose', lang)}` : `! ${stateName('warn', lang)}` }),
      el('br'),
      w('claim.quote', { quote: n.quote, message: renderClaim(n, lang) }),
    );
    if (n.id) li.append(el('br'), flagButton(r, n.id));
    findings.append(li);
  }
  if (findings.children.length) out.append(el('h3', { text: w('rv.findings') }), findings);

  const exp = el('div', { class: 'export' });
  const json = el('button', { type: 'button', id: 'export-json', text: w('exportJson') });
  json.addEventListener('click', () =>
    download(reportFilename(r.report.agency, r.report.year, 'json'), reportToJson(r), 'application/json'),
  );
  const csv = el('button', { type: 'button', id: 'export-csv', text: w('exportCsv') });
  csv.addEventListener('click', () =>
    download(reportFilename(r.report.agency, r.report.year, 'csv'), reportToCsv(r), 'text/csv'),
  );
  exp.append(json, csv);
  out.append(exp);

  out.append(el('h3', { text: w('rv.tables') }));
  for (const t of cleanTables(r)) out.append(tableView(t));
  if (c.body.length) {
    const details = el('details', { id: 'body' }, el('summary', { text: w('rv.body') }));
    for (const p of c.body) details.append(el('p', { text: p }));
    out.append(details);
  }
  status.textContent = s.fail
    ? w('rv.statusFail', { errors, checks: s.fail })
    : s.uncertain
      ? w('rv.statusUndecided', { n: s.uncertain })
      : w('rv.statusOk');
}

/** Every report checked here goes to the local history too (lib/history; best effort, never blocks the view). */
async function keepInHistory(url: string, report: Report): Promise<void> {
  if (!report.detected || typeof indexedDB === 'undefined') return;
  try {
    const h = await History.open(indexedDB);
    await h.keep(url, report, 'view');
  } catch {
    // History is a convenience: a full or blocked IndexedDB must not break the view.
  }
}

async function run(load: () => Promise<{ bytes: Uint8Array; name: string; url?: string }>): Promise<void> {
  document.documentElement.removeAttribute(ATTR.state);
  status.textContent = w('loading');
  shown = null;
  out.replaceChildren();
  let label = '';
  try {
    const { bytes, name, url } = await load();
    label = url ?? name;
    if (bytes.byteLength > MAX_BYTES)
      throw new FileReadError(w('rv.tooLarge', { mb: Math.round(bytes.byteLength / 1048576) }));
    const checked = await checkBytes(bytes, name, url, loadPdfjs);
    render(checked, label);
    void keepInHistory(url ?? `file:${name}`, checked.analysis.report);
  } catch (e) {
    setState(STATE.error);
    // The files' own messages are Chinese (lib/files); the scanned PDF's has its English.
    const msg =
      e instanceof FileReadError
        ? e.message === SCANNED_MESSAGE
          ? w('notice.pdf.scanned')
          : e.message
        : w('rv.cannotCheck', { error: e instanceof Error ? e.message : String(e) });
    status.textContent = msg;
    out.replaceChildren(el('p', { class: 'notice warn', id: 'error', text: `⚠ ${label ? `${label}：` : ''}${msg}` }));
  }
}

async function fetchUrl(url: string): Promise<{ bytes: Uint8Array; name: string; url: string }> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FileReadError(w('rv.badUrl', { url }));
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FileReadError(w('rv.httpOnly'));
  let res: Response;
  try {
    res = await fetch(u.href, { credentials: 'include' });
  } catch {
    throw new FileReadError(w('rv.netError', { url: u.href }));
  }
  if (!res.ok) throw new FileReadError(w('rv.httpError', { url: u.href, status: res.status }));
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
    idle = 'rv.noTab';
    status.textContent = w('rv.noTab');
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
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && LANG_KEY in changes) applyLang(pickLang(changes[LANG_KEY]!.newValue, navigator.language));
});
void browser.storage.local
  .get(LANG_KEY)
  .then((got) => applyLang(pickLang(got[LANG_KEY], navigator.language)))
  .catch(() => applyLang(lang))
  .then(() => {
    if (param) void run(() => fetchUrl(param));
    else if (tabParam && /^\d+$/.test(tabParam)) void showTab(Number(tabParam));
    else {
      idle = 'rv.start';
      status.textContent = w('rv.start');
    }
  });
