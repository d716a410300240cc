// The popup's (and the follow-up page's) browser plumbing: implements the host interfaces of
// components/ with `browser`. Takes `browser` as a parameter so component tests run it on fake-browser.
import type { browser as realBrowser } from 'wxt/browser';
import { isAddResult, typedSend, type Message, type TabState } from '@/lib/ext/protocol';
import { isTabState, tabKey } from '@/lib/ext/tabs';
import { FLAG_KEY_PREFIX } from '@/lib/flags/model';
import type { AddResult } from '@/lib/flags/store';
import { BLANK_AS_ZERO_KEY, LANG_KEY, pickLang, type Lang } from '@/lib/i18n';
import { downloadText, type CommonHost } from '@/components/common/host';
import type { PopupHost } from '@/components/popup/store';
import type { FileActionsHost } from '@/components/popup/FileActions';
import {
  attachmentsOf,
  collectDocumentRefs,
  documentContentType,
  isPdfUrl,
  pdfTabGuess,
  probePdf,
  reportViewPath,
  type PageRefs,
} from '@/components/popup/files';
import { History } from '@/lib/history/store';
import { previousYearFromHistory } from '@/lib/history/previous';

type Api = typeof realBrowser;

export function commonHost(b: Api, doc: Document): CommonHost {
  return {
    download: (name, mime, text) => downloadText(doc, name, mime, text),
    copy: async (text) => {
      const clip = doc.defaultView?.navigator.clipboard;
      if (!clip) throw new Error('剪贴板不可用');
      await clip.writeText(text);
    },
    loadLang: async () => {
      const got = await b.storage.local.get(LANG_KEY);
      return pickLang(got[LANG_KEY], b.i18n?.getUILanguage?.());
    },
    saveLang: async (lang: Lang) => {
      await b.storage.local.set({ [LANG_KEY]: lang });
    },
  };
}

/** Watch storage keys; returns the unsubscribe function. */
export function watchStorage(
  b: Api,
  area: 'session' | 'local',
  match: (key: string) => boolean,
  cb: (changes: Record<string, { newValue?: unknown }>) => void,
): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== area) return;
    const hit = Object.keys(changes).filter(match);
    if (hit.length) cb(Object.fromEntries(hit.map((k) => [k, changes[k]!])));
  };
  b.storage.onChanged.addListener(listener);
  return () => b.storage.onChanged.removeListener(listener);
}

export function createPopupHost(b: Api, doc: Document, search: string): PopupHost {
  const send = typedSend((msg: Message) => b.runtime.sendMessage(msg));
  return {
    ...commonHost(b, doc),
    async resolveTabId() {
      // The e2e opens popup.html?tabId=N as a page; a real popup asks for the active tab.
      const param = new URLSearchParams(search).get('tabId');
      if (param !== null && /^\d+$/.test(param)) return Number(param);
      const [tab] = await b.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    async getTabState(tabId) {
      try {
        const s = await send({ type: 'gouji:get-tab-state', tabId });
        return isTabState(s) ? s : null;
      } catch {
        // No answer from the worker (it is starting): the store is readable from here too.
        const got = await b.storage.session.get(tabKey(tabId));
        const s = got[tabKey(tabId)];
        return isTabState(s) ? s : null;
      }
    },
    watchTabState(tabId, cb) {
      const key = tabKey(tabId);
      return watchStorage(
        b,
        'session',
        (k) => k === key,
        (ch) => {
          const v = ch[key]?.newValue;
          cb(isTabState(v) ? (v as TabState) : null);
        },
      );
    },
    async sendToTab(tabId, msg) {
      // The report may be in a frame: talk to that frame only (every frame has a listener).
      const s = await this.getTabState(tabId);
      return typeof s?.frameId === 'number'
        ? b.tabs.sendMessage(tabId, msg, { frameId: s.frameId })
        : b.tabs.sendMessage(tabId, msg);
    },
    async runOnDemand(tabId) {
      await b.scripting.executeScript({ target: { tabId }, files: ['/ondemand.js'] } as Parameters<
        Api['scripting']['executeScript']
      >[0]);
    },
    flagAdd: async (report, checkId, note): Promise<AddResult> => {
      const r = await send({ type: 'gouji:flag-add', report, checkId, ...(note ? { note } : {}) });
      return isAddResult(r) ? r : { ok: false, error: '扩展后台无响应' };
    },
    flagsForReport: async (report) => {
      const r = await send({ type: 'gouji:flags-for-report', report });
      return { checkIds: r?.checkIds ?? [], statuses: r?.statuses ?? {} };
    },
    watchFlags: (cb) =>
      watchStorage(
        b,
        'local',
        (k) => k.startsWith(FLAG_KEY_PREFIX),
        () => cb(),
      ),
    openBatch: (list) => {
      void b.tabs.create({
        url: `${b.runtime.getURL('/batch.html' as Parameters<Api['runtime']['getURL']>[0])}?list=${encodeURIComponent(list)}`,
      });
    },
    previousYear: async (report) => {
      const h = await History.open(indexedDB);
      try {
        return await previousYearFromHistory(h, report);
      } finally {
        h.close();
      }
    },
    loadBlankAsZero: async () => (await b.storage.local.get(BLANK_AS_ZERO_KEY))[BLANK_AS_ZERO_KEY] === true,
    saveBlankAsZero: async (on) => {
      await b.storage.local.set({ [BLANK_AS_ZERO_KEY]: on });
    },
    openHistoryPage: () => {
      void b.tabs.create({ url: b.runtime.getURL('/history.html' as Parameters<Api['runtime']['getURL']>[0]) });
    },
    openFlagsPage: () => {
      void b.tabs.create({ url: b.runtime.getURL('/flags.html' as Parameters<Api['runtime']['getURL']>[0]) });
    },
    files: filesHost(b, search),
  };
}

function filesHost(b: Api, search: string): FileActionsHost {
  const tab = async () => {
    const param = new URLSearchParams(search).get('tabId');
    if (param !== null && /^\d+$/.test(param)) return b.tabs.get(Number(param));
    const [t] = await b.tabs.query({ active: true, currentWindow: true });
    return t;
  };
  return {
    // activeTab (the toolbar click) lets the popup see the tab's URL and read its links.
    tabUrl: async () => (await tab())?.url ?? null,
    // A PDF served without a .pdf path (/download?id=123): the tab's title, then its document's type
    // (Chrome's viewer reports application/pdf; a page its own type), and only when the tab cannot be
    // asked, the server (HEAD, then the first KB) — the tab the user opened the popup on, nothing else.
    async pdfTab() {
      const t = await tab();
      const guess = pdfTabGuess(t?.url, t?.title);
      if (guess !== 'unknown' || t?.id === undefined) return guess === 'pdf';
      try {
        const [r] = await b.scripting.executeScript({
          target: { tabId: t.id },
          func: documentContentType,
        } as Parameters<Api['scripting']['executeScript']>[0]);
        const type = (r as { result?: unknown } | undefined)?.result;
        if (type === 'application/pdf') return true;
        if (typeof type === 'string' && type && t.status === 'complete' && !/^text\/plain$/.test(type)) return false;
      } catch {
        // The viewer (or a page we may not script): ask the server.
      }
      return probePdf(t.url!);
    },
    async attachments() {
      const t = await tab();
      if (t?.id === undefined || !/^https?:/i.test(t.url ?? '') || isPdfUrl(t.url)) return [];
      const [r] = await b.scripting.executeScript({ target: { tabId: t.id }, func: collectDocumentRefs } as Parameters<
        Api['scripting']['executeScript']
      >[0]);
      // What the page sent is the page's: every field checked before it is used.
      const page = (r as { result?: unknown } | undefined)?.result as Partial<PageRefs> | undefined;
      if (typeof page?.url !== 'string' || typeof page.base !== 'string' || !Array.isArray(page.refs)) return [];
      const refs = page.refs.filter((x) => typeof x?.raw === 'string' && typeof x?.text === 'string');
      return attachmentsOf({ url: page.url, base: page.base, refs });
    },
    openReportView: (url) => {
      void b.tabs.create({ url: b.runtime.getURL(reportViewPath(url) as Parameters<Api['runtime']['getURL']>[0]) });
    },
    openTablesView: () => {
      void tab().then((t) => {
        if (t?.id !== undefined)
          void b.tabs.create({
            url: b.runtime.getURL(`/report.html?tab=${t.id}` as Parameters<Api['runtime']['getURL']>[0]),
          });
      });
    },
  };
}
