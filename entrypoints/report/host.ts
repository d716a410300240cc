// The report view's host (components/report/store.ts ReportViewHost): the popup's host (flags, language,
// downloads, clipboard, follow-up and 历史 pages) without its tab parts — the view's tab is the file — plus
// checking a file's bytes (./check.ts) and focusing a cell of the tables as read. report.html adds history.
import type { browser as realBrowser } from 'wxt/browser';
import { focusCell } from '@/components/report/ReportPage';
import type { ReportViewHost } from '@/components/report/store';
import type { PdfJsModule } from '@/lib/files';
import { createPopupHost } from '../popup/host';
import { checkBytes } from './check';

export function reportViewHost(
  b: typeof realBrowser,
  doc: Document,
  loadPdfjs: () => Promise<PdfJsModule>,
): ReportViewHost {
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
  return {
    ...popupHost,
    async check(bytes, name, url) {
      const c = await checkBytes(bytes, name, url, loadPdfjs);
      return { report: c.analysis.report, source: c.source, body: c.body, pages: c.pages };
    },
    focusField: (field) => focusCell(doc, field),
  };
}
