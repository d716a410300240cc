// The engine's packs (lib/ext/packs.ts, entrypoints/ondemand/packs.ts): a part of the engine most pages never
// need — the English strings — is its own script, imported on gov.cn pages, injected by the background
// elsewhere; the engine's English catalog is filled in place once it is there, and until then (or when it
// cannot be loaded) every string falls back to its Chinese, never to a key.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { PACKS, PACKS_GLOBAL, isPackName } from '../../lib/ext/packs';
import { pageEn as realEn } from '../../lib/i18n/page.en';
import { installBackground } from '../../entrypoints/background';
import { typedSend, type Message } from '../../lib/ext/protocol';

// The engine is built with the stand-in (wxt.config.ts): so is this test's engine side.
vi.mock('../../lib/i18n/page.en', async () => {
  const real = await vi.importActual<typeof import('../../lib/i18n/page.en')>('../../lib/i18n/page.en');
  const standIn = await import('../../entrypoints/ondemand/lazy/page-en');
  (globalThis as Record<string, unknown>).__realPageEn = real.pageEn;
  return standIn;
});

const g = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
const fullEn = () => (globalThis as unknown as { __realPageEn: Record<string, string> }).__realPageEn;

async function fresh() {
  vi.resetModules();
  delete g[PACKS_GLOBAL];
  const packs = await import('../../entrypoints/ondemand/packs');
  const { t } = await import('../../lib/i18n/page');
  const { pageEn } = await import('../../lib/i18n/page.en');
  for (const k of Object.keys(pageEn)) delete (pageEn as Record<string, string>)[k];
  return { ...packs, t, pageEn };
}

/** What the pack's script does when it runs in the isolated world (entrypoints/engine-en.ts). */
const runPack = () => ((g[PACKS_GLOBAL] ??= {}).en = fullEn());

afterEach(() => {
  delete g[PACKS_GLOBAL];
});

describe('engine packs', () => {
  it('knows its packs by name only', () => {
    expect(isPackName('en')).toBe(true);
    expect(isPackName('toString')).toBe(false);
    expect(isPackName('../background')).toBe(false);
    expect(PACKS.en.file).toBe('/engine-en.js');
  });

  it('says Chinese, key by key, until the English pack is there; then English', async () => {
    const { t, ensureLang, hasLang } = await fresh();
    expect(realEn).toBeDefined();
    expect(hasLang('en')).toBe(false);
    expect(t('en', 'flag')).toBe('标记跟进');
    const importUrl = vi.fn(async (url: string) => {
      expect(url).toBe('chrome-extension://x/engine-en.js');
      runPack();
    });
    const send = vi.fn(async () => ({ ok: true as const }));
    expect(
      await ensureLang('en', { getURL: (p) => `chrome-extension://x${p}`, importUrl, send: typedSend(send) }),
    ).toBe(true);
    expect(t('en', 'flag')).toBe('Flag for follow-up');
    expect(hasLang('en')).toBe(true);
    expect(send).not.toHaveBeenCalled();
    // Chinese needs nothing.
    expect(await ensureLang('zh', { send: typedSend(send) })).toBe(true);
  });

  it('outside gov.cn (the import is refused) asks the background to inject it', async () => {
    const { t, ensureLang } = await fresh();
    const importUrl = vi.fn(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const send = vi.fn(async (msg: Message) => {
      expect(msg).toEqual({ type: 'gouji:load-pack', pack: 'en' });
      runPack();
      return { ok: true as const };
    });
    expect(
      await ensureLang('en', { getURL: (p) => `chrome-extension://x${p}`, importUrl, send: typedSend(send) }),
    ).toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
    expect(t('en', 'close')).toBe('Close');
  });

  it('loads once for many callers, and tries again after a failure', async () => {
    const { loadPack, t, ensureLang } = await fresh();
    let fail = true;
    const send = vi.fn(async () => {
      if (fail) return { ok: false as const, error: 'no' };
      runPack();
      return { ok: true as const };
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(
      await Promise.all([loadPack('en', { send: typedSend(send) }), loadPack('en', { send: typedSend(send) })]),
    ).toEqual([false, false]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await ensureLang('en', { send: typedSend(send) })).toBe(false);
    expect(warn).toHaveBeenCalled();
    expect(t('en', 'close')).toBe('关闭'); // still Chinese, never a key
    fail = false;
    expect(await ensureLang('en', { send: typedSend(send) })).toBe(true);
    expect(t('en', 'close')).toBe('Close');
    warn.mockRestore();
  });

  it('an extension reloaded meanwhile (getURL and sendMessage throw at once) ends as "not loaded"', async () => {
    const { ensureLang, t } = await fresh();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const gone = () => {
      throw new Error('Extension context invalidated.');
    };
    expect(await ensureLang('en', { getURL: gone, send: gone as never })).toBe(false);
    expect(t('en', 'cancel')).toBe('取消');
    warn.mockRestore();
  });

  it('a background that does not answer (an old version, a restart) leaves the page in Chinese', async () => {
    const { ensureLang, t } = await fresh();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await ensureLang('en', { send: typedSend(async () => undefined) })).toBe(false);
    expect(await ensureLang('en', { send: typedSend(async () => Promise.reject(new Error('gone'))) })).toBe(false);
    expect(t('en', 'cancel')).toBe('取消');
    warn.mockRestore();
  });
});

describe('the background injects a pack', () => {
  const b = fakeBrowser as unknown as typeof realBrowser;
  const deliver = (msg: unknown, sender: object) =>
    new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(msg, sender as never, resolve));

  it('into the frame that asked, and only a pack it has', async () => {
    fakeBrowser.reset();
    const executeScript = vi.fn(async () => [{ result: undefined }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    installBackground(b);
    expect(await deliver({ type: 'gouji:load-pack', pack: 'en' }, { tab: { id: 7 }, frameId: 3 })).toEqual({
      ok: true,
    });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['/engine-en.js'] });
    const refused = await deliver({ type: 'gouji:load-pack', pack: '../popup' }, { tab: { id: 7 }, frameId: 0 });
    expect(refused).toMatchObject({ ok: false });
    expect(await deliver({ type: 'gouji:load-pack', pack: 'en' }, {})).toMatchObject({ ok: false });
    expect(executeScript).toHaveBeenCalledTimes(1);
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await deliver({ type: 'gouji:load-pack', pack: 'en' }, { tab: { id: 8 }, frameId: 0 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('Cannot access'),
    });
  });
});
