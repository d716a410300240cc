// history.html: the 历史 page (every report checked, kept in IndexedDB).
import { render } from 'preact';
import '@/components/common/theme.css';
import '@/components/batch/batch.css';
import { HistoryPage } from '@/components/history/HistoryPage';
import { HistoryStore } from '@/components/history/store';
import { downloadText } from '@/components/common/host';
import { History } from '@/lib/history/store';

let history: Promise<History | null> | null = null;
const store = new HistoryStore({
  history: () => (history ??= History.open(indexedDB).catch(() => null)),
  download: (name, mime, text) => downloadText(document, name, mime, text),
});
render(<HistoryPage store={store} />, document.getElementById('app')!);
void store.load();
