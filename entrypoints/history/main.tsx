// history.html: the 历史 page (every report checked, kept in IndexedDB).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/theme.css';
import '@/components/batch/batch.css';
import { HistoryPage } from '@/components/history/HistoryPage';
import { HistoryStore } from '@/components/history/store';
import { downloadText } from '@/components/common/host';
import { History } from '@/lib/history/store';
import { commonHost } from '../popup/host';

let history: Promise<History | null> | null = null;
const common = commonHost(browser, document);
const store = new HistoryStore({
  history: () => (history ??= History.open(indexedDB).catch(() => null)),
  download: (name, mime, text) => downloadText(document, name, mime, text),
  loadLang: common.loadLang,
  saveLang: common.saveLang,
});
render(<HistoryPage store={store} />, document.getElementById('app')!);
void store.init();
