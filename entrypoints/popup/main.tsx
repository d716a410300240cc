import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/theme.css';
import '@/components/popup/popup.css';
import { Popup } from '@/components/popup/Popup';
import { PopupStore } from '@/components/popup/store';
import { createPopupHost } from './host';

const store = new PopupStore(createPopupHost(browser, document, location.search));
render(<Popup store={store} />, document.getElementById('app')!);
void store.init();
addEventListener('pagehide', () => store.dispose());
