// report.html: checks a report that is not a page on screen — a PDF or DOCX attachment, a PDF open in a
// tab, a file from disk — and shows it (components/report). Opens as
//   report.html?url=<absolute http(s) URL>   (fetched by the extension: gov.cn hosts, or the tab's PDF via activeTab)
//   report.html?tab=<tab id>                 ("查看读取的表格": the in-page report of that tab, from storage.session)
//   report.html                              (pick or drop a .pdf / .docx / .html / .txt)
// pdf.js and its worker are bundled with this page only; nothing here runs in web pages.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/theme.css';
import '@/components/popup/popup.css';
import '@/components/report/report.css';
import { ReportPage } from '@/components/report/ReportPage';
import { loadFile, ReportViewStore, ViewError } from '@/components/report/store';
import { fetchUrl } from '@/components/report/fetch-url';
import { reportViewHost } from './host';
import type { PdfJsModule } from '@/lib/files';
import { isTabState, tabKey } from '@/lib/ext/tabs';
import type { TabState } from '@/lib/ext/protocol';
import { History } from '@/lib/history/store';
import { ATTR } from '@/lib/contract';

async function loadPdfjs(): Promise<PdfJsModule> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

// The popup's host without its tab parts, checking files (./host.ts); history kept here.
const store = new ReportViewStore({
  ...reportViewHost(browser, document, loadPdfjs),
  async keep(url, report) {
    if (typeof indexedDB === 'undefined') return;
    const h = await History.open(indexedDB);
    try {
      await h.keep(url, report, 'view');
    } finally {
      h.close();
    }
  },
});

/** The html element carries the page contract: data-gouji-state (report|none|error) and data-gouji-source. */
store.phase.subscribe((p) => {
  const html = document.documentElement;
  if (p.kind === 'shown') {
    html.setAttribute(ATTR.state, p.shown.report.detected ? 'report' : 'none');
    html.setAttribute('data-gouji-source', p.shown.source);
  } else if (p.kind === 'error') {
    html.setAttribute(ATTR.state, 'error');
    html.removeAttribute('data-gouji-source');
  } else {
    html.removeAttribute(ATTR.state);
    html.removeAttribute('data-gouji-source');
  }
});
// The tab's title follows the report shown.
store.phase.subscribe((p) => {
  const base = store.t('appName') + ' · ' + store.t('rvTitle');
  document.title = p.kind === 'shown' ? `${p.shown.report.source.title || p.shown.label} — ${base}` : base;
});

const pickFile = (f: File) => void store.run(() => loadFile(f), f.name);

/** "查看读取的表格": the report the in-page engine stored for a tab (read-only, nothing is re-read). */
async function showTab(tabId: number): Promise<void> {
  const got = await browser.storage.session.get(tabKey(tabId));
  const state = got[tabKey(tabId)] as TabState | undefined;
  if (!isTabState(state) || !state.report) {
    store.fail(new ViewError('rvNoTab'));
    return;
  }
  const r = state.report;
  const source = (['active', 'apply', 'review'] as const).some((k) => r.tables[k].source === 'text') ? 'text' : 'html';
  store.show({ report: r, source, label: state.url, url: state.url, body: [] });
}

render(<ReportPage store={store} onFile={pickFile} />, document.getElementById('app')!);
void store.init().then(() => {
  const params = new URLSearchParams(location.search);
  const url = params.get('url');
  const tab = params.get('tab');
  if (url) void store.run(() => fetchUrl(url, { fetch: (u, init) => fetch(u, init) }), url);
  else if (tab && /^\d+$/.test(tab)) void showTab(Number(tab));
});
addEventListener('pagehide', () => store.popup.dispose());
