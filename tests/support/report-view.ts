// The report view's store (components/report) on the popup's real browser host (fake-browser in unit tests),
// checking real files through entrypoints/report/check.ts with pdf.js from node_modules — as
// entrypoints/report/main.tsx builds it in the extension, minus the tab-bound parts a file has no use for.
import type { browser as realBrowser } from 'wxt/browser';
import { createPopupHost } from '../../entrypoints/popup/host';
import { checkBytes } from '../../entrypoints/report/check';
import { focusCell } from '../../components/report/ReportPage';
import { ReportViewStore, type ReportViewHost } from '../../components/report/store';
import { loadPdfjs } from './read-files';

export function reportViewStore(b: typeof realBrowser, doc: Document = document): ReportViewStore {
  const {
    resolveTabId: _r,
    getTabState: _g,
    watchTabState: _w,
    sendToTab: _s,
    runOnDemand: _o,
    files: _f,
    openBatch: _b,
    ...popupHost
  } = createPopupHost(b, doc, '');
  const host: ReportViewHost = {
    ...popupHost,
    async check(bytes, name, url) {
      const c = await checkBytes(bytes, name, url, loadPdfjs);
      return { report: c.analysis.report, source: c.source, body: c.body, pages: c.pages };
    },
    focusField: (field) => focusCell(doc, field),
  };
  return new ReportViewStore(host);
}
