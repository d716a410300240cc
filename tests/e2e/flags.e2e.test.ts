// Flags across a browser restart, in Chromium with the built extension: flag a finding from the popup,
// close the browser, relaunch with the same profile, find the flag in the follow-up page (and the page's
// popup still shows it flagged); export the flags, clear them, import the file (twice: no duplicates).
// Screenshots of the follow-up page go to test-results/.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, artifact, launch, settled, type Launched } from './harness';
import { HOST_SELECTOR } from '../../lib/contract';

declare const chrome: {
  storage: {
    session: { get(k: null): Promise<Record<string, unknown>> };
    local: { get(k: null): Promise<Record<string, unknown>>; remove(k: string[]): Promise<void> };
  };
};

const profile = mkdtempSync(join(tmpdir(), 'gouji-flags-profile-'));
const downloads = mkdtempSync(join(tmpdir(), 'gouji-flags-dl-'));
let L: Launched | null = null;

afterAll(async () => {
  await L?.close();
});

const meta = (html: string, name: string) =>
  new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`).exec(html)?.[1] ?? null;

async function openFixture(l: Launched, file: string): Promise<{ page: Page; url: string; tabId: number }> {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  const url = meta(html, 'gouji-fixture-url')!;
  l.pages.set(url, html);
  const page = await l.context.newPage();
  await page.goto(url);
  expect(await settled(page)).toBe('report');
  let tabId: number | null = null;
  for (let i = 0; i < 50 && tabId === null; i++) {
    tabId = await l.serviceWorker.evaluate(async (u) => {
      for (const [k, v] of Object.entries(await chrome.storage.session.get(null)))
        if ((v as { url?: string }).url === u) return Number(k.split(':').pop());
      return null;
    }, url);
    if (tabId === null) await new Promise((r) => setTimeout(r, 100));
  }
  return { page, url, tabId: tabId! };
}

async function openFlagsPage(l: Launched): Promise<Page> {
  const p = await l.context.newPage();
  await p.setViewportSize({ width: 1100, height: 800 });
  await p.goto(`chrome-extension://${l.extensionId}/flags.html`);
  await p.waitForSelector('[data-field="flag-count"]');
  return p;
}

const storedFlags = (l: Launched) =>
  l.serviceWorker.evaluate(async () =>
    Object.entries(await chrome.storage.local.get(null))
      .filter(([k]) => k.startsWith('gouji:flag:'))
      .map(([, v]) => v as { checkId: string; note: string; url: string; status: string }),
  );

describe('flags', () => {
  let checkId = '';
  let flaggedUrl = '';

  it('flags a finding from the popup, and after a browser restart finds it in the follow-up page', async () => {
    L = await launch({ profile, downloads });
    const { page, url, tabId } = await openFixture(L, 'error-two.html');
    flaggedUrl = url;
    const popup = await L.context.newPage();
    await popup.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${tabId}`);
    const item = popup.locator('[data-section="fail"] [data-check-id]').first();
    checkId = (await item.getAttribute('data-check-id'))!;
    await item.locator('[data-action="flag"]').click();
    await item.locator('textarea').fill('重启后应仍在');
    await item.locator('[data-action="flag-save"]').click();
    await popup.waitForSelector(`[data-check-id="${checkId}"][data-flagged="true"]`);
    // A second finding, of another report, flagged from its tooltip in the page (gouji:flag-add):
    // the popup of that tab, open meanwhile, shows it flagged too (same store, storage.onChanged).
    const other = await openFixture(L, 'error-review.html');
    const popup2 = await L.context.newPage();
    await popup2.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${other.tabId}`);
    const item2 = popup2.locator('[data-section="fail"] [data-check-id]').first();
    const checkId2 = (await item2.getAttribute('data-check-id'))!;
    await item2.locator('.finding-main').click(); // opens the tooltip of that finding in the page
    const finding = other.page.locator(`[part~="finding"][data-check="${checkId2}"]`).first();
    await finding.locator('[part~="flag"]').click();
    await finding.locator('input.note').fill('从页面提示标记');
    await finding.locator('input.note').press('Enter');
    await finding.locator('[part~="flagged"]').waitFor();
    await popup2.waitForSelector(`[data-check-id="${checkId2}"][data-flagged="true"]`);
    expect((await storedFlags(L)).find((f) => f.checkId === checkId2)?.note).toBe('从页面提示标记');
    expect(await storedFlags(L)).toHaveLength(2);
    await page.close();
    await L.close();
    L = null;

    // Same profile, new browser.
    L = await launch({ profile, downloads });
    const flags = await openFlagsPage(L);
    expect(await flags.textContent('[data-field="flag-count"]')).toBe('共 2 条标记');
    const row = flags.locator(`[data-check-id="${checkId}"]`);
    expect(await row.locator('[data-field="note"]').inputValue()).toBe('重启后应仍在');
    expect(await row.getAttribute('data-status')).toBe('open');
    expect(await flags.locator(`[data-action="open-source"][href="${flaggedUrl}"]`).count()).toBe(1);

    // Revisiting the page shows the finding as already flagged, in the page and in the popup.
    const again = await openFixture(L, 'error-two.html');
    const popup3 = await L.context.newPage();
    await popup3.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${again.tabId}`);
    await popup3.waitForSelector(`[data-check-id="${checkId}"][data-flagged="true"]`);
    // In the page: "定位" from the popup opens the finding's tooltip, which says 已标记.
    await popup3.click(`[data-check-id="${checkId}"] .finding-main`);
    await again.page.waitForFunction(
      ({ host, id }) => {
        const root = document.querySelector(host)?.shadowRoot;
        return !!root?.querySelector(`[part~="finding"][data-check="${id}"] [part~="flagged"]`);
      },
      { host: HOST_SELECTOR, id: checkId },
      { timeout: 5000 },
    );
    await popup3.close();
    await again.page.close();
    await flags.close();
  });

  it('edits status, generates 反馈意见, exports, clears and re-imports without duplicates', async () => {
    const l = L!;
    const flags = await openFlagsPage(l);
    const row = flags.locator(`[data-check-id="${checkId}"]`);
    await row.locator('[data-action="status"]').selectOption('reported');
    await flags.waitForSelector(`[data-check-id="${checkId}"][data-status="reported"]`);
    const group = flags.locator('[data-group]', { has: row });
    await group.locator('[data-action="feedback"]').click();
    const letter = await group.locator('[data-field="feedback-text"]').inputValue();
    const agency = (await storedFlags(l)).find((f) => f.checkId === checkId && f.url === flaggedUrl) as unknown as {
      agency: string;
    };
    expect(letter).toContain(`\n${agency.agency}：\n`);
    expect(letter).toContain(flaggedUrl);
    expect(letter).toMatch(/1\. 第三部分“收到和处理政府信息公开申请情况”表/);
    await flags.screenshot({ path: artifact('flags-page.png'), fullPage: true });

    const [dl] = await Promise.all([flags.waitForEvent('download'), flags.click('[data-action="export-json"]')]);
    expect(dl.suggestedFilename()).toMatch(/^gouji-flags-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(downloads, 'exported-flags.json');
    await dl.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.flags).toHaveLength(2);
    const [csv] = await Promise.all([flags.waitForEvent('download'), flags.click('[data-action="export-csv"]')]);
    expect([...readFileSync((await csv.path())!).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // Clear storage (as on another computer), then import the file twice.
    await l.serviceWorker.evaluate(async () => {
      const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('gouji:flag:'));
      await chrome.storage.local.remove(keys);
    });
    await flags.waitForSelector('[data-empty="all"]');
    await flags.setInputFiles('[data-action="import"]', file);
    // The import's own toast (the CSV export's may still be up on a slow machine).
    await flags.waitForFunction(() => document.querySelector('[data-toast]')?.textContent?.includes('导入完成'));
    expect(await flags.textContent('[data-toast]')).toContain('新增 2 条');
    await flags.waitForSelector(`[data-check-id="${checkId}"][data-status="reported"]`);
    await flags.setInputFiles('[data-action="import"]', file);
    await flags.waitForFunction(() => document.querySelector('[data-toast]')?.textContent?.includes('未变 2 条'));
    expect(await flags.locator('[data-fingerprint]').count()).toBe(2);
    expect(await storedFlags(l)).toHaveLength(2);

    // A damaged file: the good entry is merged, the bad one is reported, nothing crashes.
    const damaged = join(downloads, 'damaged.json');
    writeFileSync(damaged, JSON.stringify({ ...exported, flags: [...exported.flags, { fingerprint: '??' }, 'x'] }));
    await flags.setInputFiles('[data-action="import"]', damaged);
    await flags.waitForSelector('[data-section="import-problems"]');
    expect(await flags.textContent('[data-section="import-problems"]')).toContain('2 条记录无法读取');
    expect(await flags.locator('[data-fingerprint]').count()).toBe(2);
    await flags.screenshot({ path: artifact('flags-page-import.png') });
    await flags.close();
  });
});
