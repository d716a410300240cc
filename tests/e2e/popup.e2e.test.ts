// The popup in Chromium with the built extension, on every fixture page served at its gov.cn address:
// the badge equals the popup's failing count (same stored entry); "导出 JSON" downloads a file whose
// values and check statuses equal `gouji check` on the same page; CSV and copy work; flagging from the
// popup shows up again on the next opening. Screenshots of the popup go to test-results/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  ROOT,
  artifact,
  launch,
  openPopupFor,
  settled,
  tabIdOf as tabIdOfIn,
  type Launched,
} from './harness';
import type { Report } from '../../lib/types';
import { ATTR } from '../../lib/contract';
import { errorCounts } from '../../lib/errors';

// Code passed to serviceWorker.evaluate runs in the extension's worker, where `chrome` exists.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  scripting: { executeScript(i: { target: { tabId: number }; func: () => string }): Promise<{ result?: unknown }[]> };
  storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

let L: Launched;
const downloads = mkdtempSync(join(tmpdir(), 'gouji-dl-'));

beforeAll(async () => {
  // --enable-unsafe-extension-debugging: lets the test press the toolbar button (CDP
  // Extensions.triggerAction), the user gesture that grants activeTab for "检查此页".
  L = await launch({ downloads, args: ['--enable-unsafe-extension-debugging'] });
});
afterAll(async () => {
  await L?.close();
});

const meta = (html: string, name: string) =>
  new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`).exec(html)?.[1] ?? null;
const fixtureFiles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .sort();

function fixtureUrl(file: string, html: string): string {
  return meta(html, 'gouji-fixture-url') ?? `https://www.example.gov.cn/fixtures/${file}`;
}

const tabIdOf = (url: string): Promise<number | null> => tabIdOfIn(L, url);

function badgeOf(tabId: number): Promise<string> {
  return L.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function openFixture(file: string): Promise<{ page: Page; url: string; html: string; state: string }> {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  const url = fixtureUrl(file, html);
  L.pages.set(url, html);
  const page = await L.context.newPage();
  await page.goto(url);
  const state = await settled(page);
  return { page, url, html, state };
}

const openPopup = (tabId: number): Promise<Page> =>
  openPopupFor(L, tabId, { width: 420, height: 600, ready: '[data-count="fail"], .not-report' });

async function counts(popup: Page): Promise<Record<string, number>> {
  return popup.$$eval('[data-count]', (els) =>
    Object.fromEntries(
      els.map((e) => [(e as HTMLElement).dataset.count!, Number(e.querySelector(':scope > .count-n')!.textContent)]),
    ),
  );
}

/** `gouji check <file> --format json --url <url>`: the CLI's report for the same page. */
function cliReport(file: string, url: string): Report {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/gouji.mjs'), 'check', join(FIXTURES, file), '--format', 'json', '--url', url, '--quiet'],
    { encoding: 'utf8', cwd: ROOT },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`gouji check failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

const valuesOf = (r: Report) => Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.value]));
const statusesOf = (r: Report) => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));

const compared = { files: [] as string[] };

describe('popup and badge on every fixture', () => {
  it.each(fixtureFiles)('%s: badge = popup error count', async (file) => {
    const { page, url, state } = await openFixture(file);
    try {
      const tabId = await tabIdOf(url);
      if (state === 'none' && tabId === null) return; // never reported: nothing on the badge, nothing to open
      expect(tabId).not.toBeNull();
      const popup = await openPopup(tabId!);
      try {
        const badge = await badgeOf(tabId!);
        if (state === 'report') {
          const c = await counts(popup);
          // The badge counts errors (one per probable wrong cell, unexplained check or contradicting text).
          if (c.errors! > 0) expect(badge).toBe(String(c.errors));
          else expect(['✓', '?']).toContain(badge);
          if (badge === '✓') expect(c.uncertain).toBe(0);
          compared.files.push(file);
        } else {
          expect(await popup.$('.not-report')).not.toBeNull();
          expect(badge).toBe('');
        }
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
});

describe('popup and badge, coverage', () => {
  it('compared the badge with the popup on every report fixture', () => {
    // hostile.html nests its article 1000 <div>s deep; Chromium's parser caps nesting at 512 and takes
    // some cells apart (tests/e2e/inpage.e2e.test.ts, PARSER_DIVERGENT), but the page still reads as a
    // report there, so it is compared like every other report fixture.
    const expected = fixtureFiles.filter(
      (f) => meta(readFileSync(join(FIXTURES, f), 'utf8'), 'gouji-expect-state') === 'report',
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(compared.files).toEqual(expected);
  });
});

describe('popup actions', () => {
  const FILE = 'error-row-total.html';

  it('shows the report and its counts, and "导出 JSON" equals `gouji check` on the same page', async () => {
    const { page, url } = await openFixture(FILE);
    const tabId = (await tabIdOf(url))!;
    const popup = await openPopup(tabId);
    const cli = cliReport(FILE, url);
    expect(await popup.textContent('[data-field="agency"]')).toBe(cli.report.agency);
    expect(await popup.textContent('[data-field="year"]')).toBe(String(cli.report.year));
    const c = await counts(popup);
    expect(c).toEqual({
      errors: errorCounts(cli).errors,
      pass: cli.summary.pass,
      fail: cli.summary.fail,
      uncertain: cli.summary.uncertain,
    });
    expect(c.fail).toBeGreaterThan(0);
    expect(await popup.textContent('[data-field="cells-read"] strong')).toMatch(/^读取 \d+\/\d+$/);

    const [dl] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action="export-json"]')]);
    expect(dl.suggestedFilename()).toBe(`gouji-${cli.report.agency}-${cli.report.year}.json`);
    const exported = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as Report;
    expect(valuesOf(exported)).toEqual(valuesOf(cli));
    expect(statusesOf(exported)).toEqual(statusesOf(cli));
    expect(exported.narrative.map((n) => n.status)).toEqual(cli.narrative.map((n) => n.status));
    expect(exported.source.url).toBe(url);

    const [csv] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action="export-csv"]')]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('三、收到和处理政府信息公开申请情况');

    // Clipboard: no permission can be granted to a chrome-extension:// origin from Playwright, so the
    // copied text is read back by pasting it into a scratch textarea of the popup.
    await popup.click('[data-action="copy"]');
    await popup.waitForSelector('[data-toast]');
    expect(await popup.getAttribute('[data-toast]', 'data-toast')).toBe('ok');
    await popup.evaluate(() => {
      const ta = document.createElement('textarea');
      ta.id = 'paste-here';
      document.body.append(ta);
      ta.focus();
    });
    await popup.keyboard.press('ControlOrMeta+V');
    const clip = await popup.inputValue('#paste-here');
    await popup.evaluate(() => document.getElementById('paste-here')?.remove());
    expect(statusesOf(JSON.parse(clip) as Report)).toEqual(statusesOf(cli));

    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.screenshot({ path: artifact('popup-report.png') });
    await popup.locator('[data-section="fail"]').scrollIntoViewIfNeeded();
    await popup.screenshot({ path: artifact('popup-report-findings.png') });

    // Keyboard: Tab from the page start reaches a finding; Enter on it makes the page flash its cell.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(() => !!document.activeElement?.closest('[data-section="fail"] .finding-main'));
    }
    expect(reached).toBe(true);
    await popup.keyboard.press('Enter');
    await page.waitForFunction((attr) => document.querySelector(`[${attr}]`) !== null, ATTR.flash, { timeout: 5000 });
    await popup.close();
    await page.close();
  });

  it('flags a finding from the popup; reopening shows it flagged', async () => {
    const { page, url } = await openFixture(FILE);
    const tabId = (await tabIdOf(url))!;
    const popup = await openPopup(tabId);
    const first = popup.locator('[data-section="fail"] [data-check-id]').first();
    const checkId = await first.getAttribute('data-check-id');
    await first.locator('[data-action="flag"]').click();
    await first.locator('textarea').fill('e2e：已核对原表');
    await first.locator('[data-action="flag-save"]').click();
    await popup.waitForSelector(`[data-check-id="${checkId}"][data-flagged="true"]`);
    await popup.close();
    const again = await openPopup(tabId);
    expect(await again.getAttribute(`[data-check-id="${checkId}"]`, 'data-flagged')).toBe('true');
    await again.locator(`[data-check-id="${checkId}"]`).scrollIntoViewIfNeeded();
    await again.screenshot({ path: artifact('popup-flagged.png') });
    // English, switchable at run time and remembered; then back to Chinese for the other tests.
    await again.click('[data-action="lang"]');
    await again.waitForSelector('[data-count="fail"] >> text=inconsistent');
    await again.evaluate(() => window.scrollTo(0, 0));
    await again.screenshot({ path: artifact('popup-report-en.png') });
    await again.click('[data-action="lang"]');
    await again.waitForSelector('[data-count="fail"] >> text=不一致');
    await again.close();
    await page.close();
  });

  it('on a page that is not a report, says so and offers 检查此页', async () => {
    const { page, url, state } = await openFixture('news.html');
    expect(state).toBe('none');
    const tabId = await tabIdOf(url);
    if (tabId !== null) {
      const popup = await openPopup(tabId);
      expect(await popup.textContent('.not-report')).toContain('不是政府信息公开工作年度报告');
      expect(await popup.isVisible('[data-action="check-page"]')).toBe(true);
      await popup.screenshot({ path: artifact('popup-not-report.png') });
      await popup.close();
    }
    await page.close();
  });
  it('"检查此页" on a report outside gov.cn: the popup follows the store, badge and counts agree', async () => {
    const html = readFileSync(join(FIXTURES, FILE), 'utf8');
    const url = 'https://example.com/mirror/report.html';
    L.pages.set(url, html);
    const page = await L.context.newPage();
    await page.goto(url);
    const cdp = await L.context.browser()!.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets' as never, { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: { type: string; url: string; targetId: string }[];
    };
    const target = targetInfos.find((t) => t.url === url)!;
    await cdp.send('Extensions.triggerAction' as never, { id: L.extensionId, targetId: target.targetId } as never);
    const tabId = await L.serviceWorker.evaluate(async (u) => {
      for (const t of await chrome.tabs.query({})) {
        try {
          const [r] = await chrome.scripting.executeScript({ target: { tabId: t.id! }, func: () => location.href });
          if (r?.result === u) return t.id!;
        } catch {
          // no activeTab on that tab
        }
      }
      return -1;
    }, url);
    expect(tabId).toBeGreaterThan(0);
    const popup = await L.context.newPage();
    await popup.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.not-report[data-state="unchecked"]');
    await popup.click('[data-action="check-page"]');
    await popup.waitForSelector('[data-count="fail"]', { timeout: 20_000 });
    const c = await counts(popup);
    const cli = cliReport(FILE, url);
    expect(c.fail).toBe(cli.summary.fail);
    expect(c.errors).toBe(errorCounts(cli).errors);
    expect(await badgeOf(tabId)).toBe(String(c.errors));
    await popup.close();
    await page.close();
  });

  // Last in the file: afterwards the Worker handle of the harness points to the stopped worker.
  it('keeps the tab state when Chromium stops the service worker (MV3 does)', async () => {
    const { page, url } = await openFixture(FILE);
    const tabId = (await tabIdOf(url))!;
    const before = await badgeOf(tabId);
    const probe = await L.context.newPage();
    await probe.goto(`chrome-extension://${L.extensionId}/flags.html`);
    const cdp = await L.context.newCDPSession(probe);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The old worker no longer answers.
    const dead = await Promise.race([
      L.serviceWorker.evaluate(() => 'alive').catch(() => 'gone'),
      new Promise((r) => setTimeout(() => r('gone'), 2000)),
    ]);
    expect(dead).toBe('gone');
    // A message wakes a new worker, which has only storage.session to answer from.
    const answer = await probe.evaluate(async (id) => {
      const st = (await chrome.runtime.sendMessage({ type: 'gouji:get-tab-state', tabId: id })) as {
        state: string;
        report: { checks: { status: string }[] };
      } | null;
      return {
        state: st?.state,
        fail: st?.report.checks.filter((c) => c.status === 'fail').length,
        badge: await chrome.action.getBadgeText({ tabId: id }),
      };
    }, tabId);
    expect(answer.state).toBe('report');
    const cli = cliReport(FILE, url);
    expect(answer.fail).toBe(cli.summary.fail);
    expect(String(errorCounts(cli).errors)).toBe(before);
    expect(answer.badge).toBe(before);
    await probe.close();
    const popup = await L.context.newPage();
    await popup.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-count="fail"]');
    expect(String((await counts(popup)).errors)).toBe(before);
    await popup.close();
    await page.close();
  });
});
