// The follow-up page mounted for unit tests (tests/unit/flags-page*.test.tsx): the real store and view on
// WXT's fake browser (real storage semantics), settled after its async loads.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { createFlagsHost } from '../../entrypoints/flags/host';
import { FlagsPage } from '../../components/flags/FlagsPage';
import { FlagsStore } from '../../components/flags/store';

export const fakeExtBrowser = fakeBrowser as unknown as typeof realBrowser;

/**
 * Let queued tasks and Preact's renders run out, including the rows a page renders in later tasks (its
 * list says aria-busy until they are all in).
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 200 && (i < 6 || document.querySelector('[aria-busy="true"]')); i++)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
}

/** The follow-up page rendered into `root`, its flags loaded. */
export async function mountFlagsPage(root: HTMLElement): Promise<FlagsStore> {
  const store = new FlagsStore(createFlagsHost(fakeExtBrowser, document));
  await act(async () => {
    render(<FlagsPage store={store} />, root);
    await store.init();
  });
  await settle();
  return store;
}
