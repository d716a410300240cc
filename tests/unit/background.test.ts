// The service worker's wiring on fake-browser: result → store → badge, popup reads the same entry,
// state survives a "restart" (new listeners over the same storage.session), tab close/navigation clear
// it, flags are added, found again, and changes are announced to the tabs showing that page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { attachmentViewUrl, installBackground } from '../../entrypoints/background';
import { findingCounts } from '../../lib/ext/tabs';
import type { Message, TabState } from '../../lib/ext/protocol';
import { consistentReport, sampleReport, SAMPLE_URL } from '../support/sample-report';

const b = fakeBrowser as unknown as typeof realBrowser;

/** Deliver a message as if sent by a content script in `tabId` (fake-browser's sendMessage has no sender). */
async function fromTab(tabId: number, msg: Message, url = SAMPLE_URL): Promise<unknown> {
  let reply: unknown;
  const done = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(msg, { tab: { id: tabId, url } } as never, (r: unknown) => {
      reply = r;
      resolve();
    });
  });
  await done;
  return reply;
}

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.tabs as { sendMessage: unknown }).sendMessage = vi.fn(async () => undefined);
  });

  it('stores a result per tab and sets the badge from the same entry the popup reads', async () => {
    installBackground(b);
    await fromTab(4, { type: 'gouji:result', state: 'report', report: sampleReport() });
    await fromTab(5, { type: 'gouji:result', state: 'report', report: consistentReport() });
    await fromTab(6, { type: 'gouji:result', state: 'none', report: null });
    const st = (await fakeBrowser.runtime.sendMessage({ type: 'gouji:get-tab-state', tabId: 4 })) as TabState;
    expect(st.state).toBe('report');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe(String(findingCounts(st.report).fail));
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 4 })).toEqual([0x8b, 0, 0, 255]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('✓');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toContain('2 处');
  });

  it('keeps the state across a service-worker restart', async () => {
    installBackground(b);
    await fromTab(4, { type: 'gouji:result', state: 'report', report: sampleReport() });
    fakeBrowser.runtime.onMessage.removeAllListeners(); // the worker stops: its listeners and variables are gone
    installBackground(b); // and starts again
    const st = (await fakeBrowser.runtime.sendMessage({ type: 'gouji:get-tab-state', tabId: 4 })) as TabState;
    expect(st.report?.report.agency).toBe('某某县人民政府办公室');
  });

  it('clears the entry and the badge on navigation and on close', async () => {
    installBackground(b);
    const tab = await fakeBrowser.tabs.create({ url: SAMPLE_URL });
    await fromTab(tab.id!, { type: 'gouji:result', state: 'report', report: sampleReport() });
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.example.gov.cn/other.html' });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.runtime.sendMessage({ type: 'gouji:get-tab-state', tabId: tab.id! })).toBeNull(),
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('');
    await fromTab(tab.id!, { type: 'gouji:result', state: 'report', report: sampleReport() });
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(null)).toEqual({}));
  });

  it('refuses a result that does not come from a tab', async () => {
    installBackground(b);
    const r = await new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { type: 'gouji:result', state: 'report', report: sampleReport() },
        {} as never,
        resolve,
      );
    });
    expect(r).toMatchObject({ ok: false });
  });

  it('adds flags, finds them for the report, and tells the tabs showing that page', async () => {
    installBackground(b);
    await fromTab(4, { type: 'gouji:result', state: 'report', report: sampleReport() });
    await fromTab(
      9,
      { type: 'gouji:result', state: 'report', report: sampleReport({ url: 'https://other.gov.cn/a.html' }) },
      'https://other.gov.cn/a.html',
    );
    const added = (await fakeBrowser.runtime.sendMessage({
      type: 'gouji:flag-add',
      report: sampleReport(),
      checkId: 'apply.row-sum:granted',
      note: '核实',
    })) as { ok: boolean; created: boolean };
    expect(added).toMatchObject({ ok: true, created: true });
    const found = (await fakeBrowser.runtime.sendMessage({
      type: 'gouji:flags-for-report',
      report: sampleReport(),
    })) as { checkIds: string[]; statuses: Record<string, string> };
    expect(found).toEqual({ checkIds: ['apply.row-sum:granted'], statuses: { 'apply.row-sum:granted': 'open' } });
    // A report's result is answered with the same flags (the page needs no second message); other states are not.
    expect(await fromTab(4, { type: 'gouji:result', state: 'report', report: sampleReport() })).toEqual({
      ok: true,
      flags: found,
    });
    expect(await fromTab(6, { type: 'gouji:result', state: 'none', report: null })).toEqual({ ok: true });
    await vi.waitFor(() =>
      expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(4, { type: 'gouji:flags-changed' }),
    );
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalledWith(9, expect.anything());
    const bad = (await fakeBrowser.runtime.sendMessage({
      type: 'gouji:flag-add',
      report: sampleReport(),
      checkId: 'nope',
    })) as { ok: boolean; error: string };
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('nope');
  });
});

describe('the page chip opens an attachment only where the extension may read it', () => {
  const b = fakeBrowser as unknown as typeof realBrowser;
  const PAGE = 'https://www.example.gov.cn/art/2025/note.html';
  const view = (u: string) => `?url=${encodeURIComponent(u)}`;
  it('a .pdf/.docx on the page’s host or a gov.cn host: report.html?url=…', () => {
    for (const u of [
      'https://www.example.gov.cn/fj/2024.pdf',
      'https://files.other.gov.cn/a/b.DOCX',
      'http://www.example.gov.cn/fj/x.pdf?download=1',
    ])
      expect(attachmentViewUrl(b, PAGE, u)?.endsWith(`/report.html${view(new URL(u).href)}`)).toBe(true);
  });
  it('anything else: refused (another host, not a document, not http(s), no page)', () => {
    for (const u of [
      'https://evil.example.com/x.pdf',
      'https://www.example.gov.cn.evil.com/x.pdf',
      'https://www.example.gov.cn/fj/x.exe',
      'https://www.example.gov.cn/fj/x.html',
      'javascript:alert(1)//.pdf',
      'file:///etc/x.pdf',
      'not a url',
    ])
      expect(attachmentViewUrl(b, PAGE, u)).toBeNull();
    expect(attachmentViewUrl(b, undefined, 'https://www.example.gov.cn/fj/2024.pdf')).toBeNull();
    expect(attachmentViewUrl(b, 'chrome://newtab/', 'https://www.example.gov.cn/fj/2024.pdf')).toBeNull();
  });
});
