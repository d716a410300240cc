// The service worker: one store of per-tab results (storage.session) and the badge derived from it,
// and the flag store (storage.local). MV3 stops this worker when idle, so nothing lives in module
// variables: every listener reads storage, and listeners are registered synchronously at start-up (a
// restarted worker must have them before the event that woke it is dispatched).
//
//   content ──gouji:result──▶ TabStore(storage.session) ──▶ badge (text/colour/title per tab)
//   popup ──gouji:get-tab-state──▶ TabStore          (same entry ⇒ badge and popup agree)
//   content/popup ──gouji:flag-add / flags-for-report──▶ FlagStore(storage.local)
//   storage.local change to a flag ──▶ gouji:flags-changed to tabs showing that page
//
// Logic lives in lib/ext/tabs.ts and lib/flags/ (pure, tested); this file is wiring.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isGoujiMessage, type Message, type TabState } from '@/lib/ext/protocol';
import { badgeFor, pageUrl, shouldClearOnUpdate, TabStore, tabStateFromResult, type KeyValueArea } from '@/lib/ext/tabs';
import { FLAG_KEY_PREFIX } from '@/lib/flags/model';
import { FlagStore } from '@/lib/flags/store';

type Api = typeof browser;

/** The toolbar button: `action` (MV3) or `browserAction` (the MV2 Firefox build has no `action`). */
export function toolbarAction(b: Api): Api['action'] {
  return (b.action ?? (b as unknown as { browserAction?: Api['action'] }).browserAction)!;
}

async function applyBadge(b: Api, tabId: number, state: TabState | null): Promise<void> {
  const badge = badgeFor(state);
  const action = toolbarAction(b);
  try {
    await action.setBadgeText({ tabId, text: badge.text });
    if (badge.text) {
      await action.setBadgeBackgroundColor({ tabId, color: badge.color });
      // White text on the dark colours; not every browser has setBadgeTextColor.
      await action.setBadgeTextColor?.({ tabId, color: '#FFFFFF' });
    }
    await action.setTitle({ tabId, title: badge.title || b.i18n?.getMessage?.('extName') || '勾稽' });
  } catch {
    // The tab closed while we were writing: nothing to show.
  }
}

/** Registers every listener on `b` (the real `browser`, or fake-browser in tests). */
export function installBackground(b: Api) {
  // storage.session survives worker restarts but not a browser restart — exactly a tab's lifetime.
  const tabs = new TabStore((b.storage.session ?? b.storage.local) as unknown as KeyValueArea);
  const flags = new FlagStore(b.storage.local as unknown as KeyValueArea);

  async function handle(msg: Message, sender: { tab?: { id?: number; url?: string } }): Promise<unknown> {
    switch (msg.type) {
      case 'gouji:result': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: false, error: '只接受来自标签页的结果' };
        const state = tabStateFromResult(msg, sender.tab?.url ?? msg.report?.source?.url ?? '');
        await tabs.put(tabId, state);
        await applyBadge(b, tabId, state);
        return { ok: true };
      }
      case 'gouji:get-tab-state':
        return typeof msg.tabId === 'number' ? await tabs.get(msg.tabId) : null;
      case 'gouji:flag-add': {
        const r = await flags.addFinding(msg.report, msg.checkId, msg.note);
        return r;
      }
      case 'gouji:flags-for-report': {
        const map = await flags.forReport(msg.report);
        const statuses: Record<string, string> = {};
        for (const [id, f] of map) statuses[id] = f.status;
        return { checkIds: [...map.keys()], statuses };
      }
      default:
        return undefined;
    }
  }

  const HANDLED = new Set(['gouji:result', 'gouji:get-tab-state', 'gouji:flag-add', 'gouji:flags-for-report']);
  b.runtime.onMessage.addListener(((msg: unknown, sender: { tab?: { id?: number; url?: string } }, sendResponse: (r: unknown) => void) => {
    if (!isGoujiMessage(msg) || !HANDLED.has(msg.type)) return undefined;
    // sendResponse + `return true` works in Chrome, Firefox (through the polyfill) and fake-browser alike.
    handle(msg, sender).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: `后台处理失败：${(e as Error)?.message ?? e}` }));
    return true;
  }) as Parameters<Api['runtime']['onMessage']['addListener']>[0]);

  b.tabs.onRemoved.addListener((tabId: number) => {
    void tabs.clear(tabId);
  });

  b.tabs.onUpdated.addListener((tabId: number, change: { status?: string; url?: string }) => {
    if (change.status !== 'loading' && change.url === undefined) return;
    void tabs.get(tabId).then(async (stored) => {
      if (!shouldClearOnUpdate(change, stored)) return;
      await tabs.clear(tabId);
      await applyBadge(b, tabId, null);
    });
  });

  // Flags changed (here, in the follow-up page, by an import): tell the tabs showing those pages.
  b.storage.onChanged.addListener((changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const urls = new Set<string>();
    let any = false;
    for (const [key, ch] of Object.entries(changes)) {
      if (!key.startsWith(FLAG_KEY_PREFIX)) continue;
      any = true;
      for (const v of [ch.oldValue, ch.newValue]) {
        const url = (v as { url?: unknown } | undefined)?.url;
        if (typeof url === 'string' && url) urls.add(pageUrl(url));
      }
    }
    if (!any) return;
    void tabs.all().then((all) => {
      for (const [tabId, st] of all) {
        if (st.state !== 'report') continue;
        // A flag without a URL (hand-written import) could belong to any page: tell every report tab.
        if (urls.size && !urls.has(pageUrl(st.url)) && !urls.has(pageUrl(st.report?.source?.url))) continue;
        b.tabs.sendMessage(tabId, { type: 'gouji:flags-changed' } satisfies Message).catch(() => undefined);
      }
    });
  });

  return { tabs, flags };
}

export default defineBackground(() => {
  installBackground(browser);
});
