// The report view's store (components/report) on the popup's real browser host (fake-browser in unit tests),
// checking real files with pdf.js from node_modules: the host report.html builds (entrypoints/report/host.ts),
// without its history.
import type { browser as realBrowser } from 'wxt/browser';
import { reportViewHost } from '../../entrypoints/report/host';
import { ReportViewStore } from '../../components/report/store';
import { loadPdfjs } from './read-files';

export function reportViewStore(b: typeof realBrowser, doc: Document = document): ReportViewStore {
  return new ReportViewStore(reportViewHost(b, doc, loadPdfjs));
}
