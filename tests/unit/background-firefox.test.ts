// Issue #13: the MV2 Firefox build has `browserAction`, not `action`; the badge used to be dead there.
// The same background on a fake browser shaped like Firefox MV2 (fake-browser with `action` moved to
// `browserAction`), and the Firefox manifest AMO requires.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { installBackground, toolbarAction } from '../../entrypoints/background';
import { findingCounts } from '../../lib/ext/tabs';
import { sampleReport, SAMPLE_URL } from '../support/sample-report';
import config from '../../wxt.config';

describe('the MV2 (Firefox) toolbar button', () => {
  it('the badge is set through browserAction when there is no action', async () => {
    fakeBrowser.reset();
    (fakeBrowser.tabs as { sendMessage: unknown }).sendMessage = vi.fn(async () => undefined);
    const action = fakeBrowser.action;
    const mv2 = new Proxy(fakeBrowser, {
      get: (t, k) => (k === 'action' ? undefined : k === 'browserAction' ? action : Reflect.get(t, k)),
    }) as unknown as typeof realBrowser;
    expect(toolbarAction(mv2)).toBe(action);
    installBackground(mv2);
    await new Promise<void>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { type: 'gouji:result', state: 'report', report: sampleReport() },
        { tab: { id: 7, url: SAMPLE_URL } } as never,
        () => resolve(),
      );
    });
    expect(await action.getBadgeText({ tabId: 7 })).toBe(String(findingCounts(sampleReport()).fail));
  });
});

describe('the Firefox manifest', () => {
  it('has a gecko id, strict_min_version and data_collection_permissions {required: ["none"]}; Chrome has none of it', async () => {
    const manifest = config.manifest as (env: { browser: string; manifestVersion: number }) => Record<string, unknown>;
    const ff = manifest({ browser: 'firefox', manifestVersion: 2 });
    expect(ff.browser_specific_settings).toEqual({
      gecko: {
        id: 'gouji@gouji-extension',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
    expect(manifest({ browser: 'chrome', manifestVersion: 3 }).browser_specific_settings).toBeUndefined();
  });
});
