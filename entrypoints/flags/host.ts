// The follow-up page's browser plumbing (see entrypoints/popup/host.ts for the shared part).
import type { browser as realBrowser } from 'wxt/browser';
import type { KeyValueArea } from '@/lib/ext/tabs';
import { FLAG_KEY_PREFIX } from '@/lib/flags/model';
import type { FlagsHost } from '@/components/flags/store';
import { commonHost, watchStorage } from '../popup/host';

export function createFlagsHost(b: typeof realBrowser, doc: Document): FlagsHost {
  return {
    ...commonHost(b, doc),
    area: b.storage.local as unknown as KeyValueArea,
    watchFlags: (cb) =>
      watchStorage(
        b,
        'local',
        (k) => k.startsWith(FLAG_KEY_PREFIX),
        (changes) => cb(changes),
      ),
  };
}
