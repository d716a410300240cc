// batch.html[?list=<absolute URL of a list page>]: checks every report the list page links. Fetching
// happens here, in the extension page (host permission *.gov.cn), never in a content script.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/theme.css';
import '@/components/batch/batch.css';
import { BatchPage } from '@/components/batch/BatchPage';
import { BatchStore } from '@/components/batch/store';
import { downloadText } from '@/components/common/host';
import type { KeyValueArea } from '@/lib/ext/tabs';
import { inspectDocument } from '@/lib/batch/inspect';
import { attachmentReader } from '@/lib/batch/attachment';
import { checkDocument } from '@/lib/check';
import type { PdfJsModule } from '@/lib/files';
import { History } from '@/lib/history/store';
import { commonHost } from '../popup/host';

// pdf.js and its worker load only when a listed report's tables are in a PDF (as in the report view).
async function loadPdfjs(): Promise<PdfJsModule> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

let history: Promise<History | null> | null = null;
const common = commonHost(browser, document);
const store = new BatchStore({
  fetch: (input, init) => fetch(input, init),
  area: browser.storage.local as unknown as KeyValueArea,
  history: () => (history ??= History.open(indexedDB).catch(() => null)),
  // DOMParser documents are inert: no script runs, nothing is loaded.
  inspect: (html, url) => inspectDocument(new DOMParser().parseFromString(html, 'text/html'), url),
  // A report whose tables are in an attached PDF/DOCX is read from the file, as the CLI does (lib/batch/attachment).
  readAttachment: attachmentReader(
    loadPdfjs,
    (html, opts) => checkDocument(new DOMParser().parseFromString(html, 'text/html'), opts).report,
  ),
  download: (name, mime, text) => downloadText(document, name, mime, text),
  href: location.href,
  setDone: (state) => document.documentElement.setAttribute('data-gouji-batch', state),
  loadLang: common.loadLang,
  saveLang: common.saveLang,
});
render(<BatchPage store={store} />, document.getElementById('app')!);
void store.init();
