import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/common/theme.css';
import '@/components/flags/flags.css';
import { FlagsPage } from '@/components/flags/FlagsPage';
import { FlagsStore } from '@/components/flags/store';
import { createFlagsHost } from './host';

const store = new FlagsStore(createFlagsHost(browser, document));
render(<FlagsPage store={store} />, document.getElementById('app')!);
void store.init();
addEventListener('pagehide', () => store.dispose());
