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
import { History } from '@/lib/history/store';
import { commonHost } from '../popup/host';

let history: Promise<History | null> | null = null;
const common = commonHost(browser, document);
const store = new BatchStore({
  fetch: (input, init) => fetch(input, init),
  area: browser.storage.local as unknown as KeyValueArea,
  history: () => (history ??= History.open(indexedDB).catch(() => null)),
  // DOMParser documents are inert: no script runs, nothing is loaded.
  inspect: (html, url) => inspectDocument(new DOMParser().parseFromString(html, 'text/html'), url),
  download: (name, mime, text) => downloadText(document, name, mime, text),
  href: location.href,
  setDone: (state) => document.documentElement.setAttribute('data-gouji-batch', state),
  loadLang: common.loadLang,
  saveLang: common.saveLang,
});
render(<BatchPage store={store} />, document.getElementById('app')!);
void store.init();
