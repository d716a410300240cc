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
import { reportViewPath } from '../components/popup/files';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answer, type FlagsForReport, type Handlers, type Message, type TabState } from '@/lib/ext/protocol';
import { STATE } from '@/lib/contract';
import {
  badgeFor,
  pageUrl,
  shouldClearOnUpdate,
  TabStore,
  tabStateFromResult,
  type KeyValueArea,
} from '@/lib/ext/tabs';
import { FLAG_KEY_PREFIX, type FlagStatus } from '@/lib/flags/model';
import { chooseFrameState } from '@/lib/ext/frames';
import { FlagStore } from '@/lib/flags/store';
import { History } from '@/lib/history/store';
import { previousYearFromHistory } from '@/lib/history/previous';
import type { Report } from '@/lib/types';
import { attachmentHostAllowed, isCheckableAttachment } from '@/lib/attachments';
import { isPackName, PACKS } from '@/lib/ext/packs';

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

/** batch.html?list=<list page>. */
export function batchPageUrl(b: Api, list: string): string {
  return `${b.runtime.getURL('/batch.html' as Parameters<Api['runtime']['getURL']>[0])}?list=${encodeURIComponent(list)}`;
}

/**
 * report.html?url=<attachment> for a page's chip — only an http(s) .pdf/.docx on the page's own host or a
 * gov.cn host (the only hosts the extension may fetch from); null otherwise.
 */
export function attachmentViewUrl(b: Api, pageUrl: string | undefined, url: string): string | null {
  let page: URL;
  try {
    page = new URL(pageUrl ?? '');
  } catch {
    return null;
  }
  if (!/^https?:$/.test(page.protocol)) return null;
  if (!isCheckableAttachment(url) || !attachmentHostAllowed(page.href, url)) return null;
  return b.runtime.getURL(reportViewPath(new URL(url).href) as Parameters<Api['runtime']['getURL']>[0]);
}

/** Registers every listener on `b` (the real `browser`, or fake-browser in tests). */
export function installBackground(b: Api) {
  // storage.session survives worker restarts but not a browser restart — exactly a tab's lifetime.
  const tabs = new TabStore((b.storage.session ?? b.storage.local) as unknown as KeyValueArea);
  const flags = new FlagStore(b.storage.local as unknown as KeyValueArea);
  // Every report checked in a page goes to history (IndexedDB; absent in unit tests' fake-browser).
  let history: Promise<History | null> | null = null;
  const keepInHistory = async (url: string, report: Report): Promise<History | null> => {
    if (typeof indexedDB === 'undefined') return null;
    const h = await (history ??= History.open(indexedDB).catch(() => null));
    await h?.keep(url, report, 'page').catch(() => undefined);
    return h;
  };
  // The same body's previous year in history: its cross-year checks go to the frame that holds the report,
  // which marks the 上年结转 cells (nothing is sent when history has no previous year: no false alarm).
  const sendPreviousYear = async (h: History | null, tabId: number, frameId: number | undefined, report: Report) => {
    if (!h || !report.tables.apply.found) return;
    const prev = await previousYearFromHistory(h, report).catch(() => null);
    if (!prev?.checks.length) return;
    const msg: Message = { type: 'gouji:previous-year', year: prev.year, url: prev.url, checks: prev.checks };
    await b.tabs.sendMessage(tabId, msg, typeof frameId === 'number' ? { frameId } : undefined).catch(() => undefined);
  };

  /** The user's flags on a report's findings (`gouji:flags-for-report`, and with a report's `gouji:result`). */
  const flagsFor = async (report: Report): Promise<FlagsForReport> => {
    const map = await flags.forReport(report);
    const statuses: Record<string, FlagStatus> = {};
    for (const [id, f] of map) statuses[id] = f.status;
    return { checkIds: [...map.keys()], statuses };
  };

  const queues = new Map<number, Promise<void>>();
  type Sender = { tab?: { id?: number; url?: string }; frameId?: number };
  // One handler per message the background answers, each typed by its request and reply (lib/ext/protocol.ts).
  const handlers: Handlers<Sender> = {
    'gouji:result': async (msg, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: '只接受来自标签页的结果' };
      const next = tabStateFromResult(msg, sender.tab?.url ?? msg.report?.source?.url ?? '');
      if (typeof sender.frameId === 'number') next.frameId = sender.frameId;
      // Every frame reports; the tab keeps the best (lib/ext/frames.ts). One tab's results are applied
      // one at a time, so two frames answering together cannot both read the old entry.
      const run = (queues.get(tabId) ?? Promise.resolve()).then(async () => {
        const state = chooseFrameState(await tabs.get(tabId), next);
        if (state !== next) return;
        await tabs.put(tabId, state);
        await applyBadge(b, tabId, state);
        const report = state.report;
        if (report?.detected && state.url)
          void keepInHistory(state.url, report).then((h) => sendPreviousYear(h, tabId, state.frameId, report));
      });
      const settled = run.catch(() => {});
      queues.set(tabId, settled);
      void settled.then(() => {
        if (queues.get(tabId) === settled) queues.delete(tabId);
      });
      // The flags of a report are answered with the result: the page shows them without asking again.
      // (A failure to read them leaves the page to ask with gouji:flags-for-report, as it did before.)
      const found =
        msg.state === STATE.report && msg.report?.detected
          ? await flagsFor(msg.report).catch(() => undefined)
          : undefined;
      await run;
      return found ? { ok: true, flags: found } : { ok: true };
    },
    'gouji:get-tab-state': async (msg) => (typeof msg.tabId === 'number' ? await tabs.get(msg.tabId) : null),
    'gouji:flag-add': (msg) => flags.addFinding(msg.report, msg.checkId, msg.note),
    'gouji:flags-for-report': (msg) => flagsFor(msg.report),
    'gouji:open-batch': async (_msg, sender) => {
      // Only a page's own address, only http(s): the batch page refuses anything outside gov.cn anyway.
      const list = sender.tab?.url && /^https?:\/\//.test(sender.tab.url) ? sender.tab.url : null;
      if (!list) return { ok: false, error: '只接受来自 http(s) 列表页的请求' };
      await b.tabs.create({ url: batchPageUrl(b, list) });
      return { ok: true };
    },
    'gouji:open-attachment': async (msg, sender) => {
      const view = typeof msg.url === 'string' ? attachmentViewUrl(b, sender.tab?.url, msg.url) : null;
      if (!view) return { ok: false, error: '只能打开本页链接的 gov.cn 上的 .pdf / .docx 附件' };
      await b.tabs.create({ url: view });
      return { ok: true };
    },
    'gouji:load-pack': async (msg, sender) => {
      // Only a pack the extension has, only into the frame that asked (its tab's grant: gov.cn hosts, or
      // the activeTab grant under which the popup injected the engine there).
      const tabId = sender.tab?.id;
      if (!isPackName(msg.pack) || tabId === undefined) return { ok: false, error: '无法加载：未知的部分或来源' };
      try {
        await b.scripting.executeScript({
          target: { tabId, frameIds: [typeof sender.frameId === 'number' ? sender.frameId : 0] },
          files: [PACKS[msg.pack].file],
        } as Parameters<Api['scripting']['executeScript']>[0]);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: `无法加载：${(e as Error)?.message ?? e}` };
      }
    },
  };

  b.runtime.onMessage.addListener(((msg: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    const reply = answer(handlers, msg, sender);
    if (!reply) return undefined;
    // sendResponse + `return true` works in Chrome, Firefox (through the polyfill) and fake-browser alike.
    reply.then(sendResponse, (e: unknown) =>
      sendResponse({ ok: false, error: `后台处理失败：${(e as Error)?.message ?? e}` }),
    );
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
  b.storage.onChanged.addListener(
    (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
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
    },
  );

  return { tabs, flags };
}

export default defineBackground(() => {
  installBackground(browser);
});
