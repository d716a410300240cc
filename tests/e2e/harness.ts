// Shared Chromium harness for the e2e suites: Debian's /usr/bin/chromium with the built extension,
// fixture pages served on gov.cn URLs through context.route (nothing touches the network).
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const EXT_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const ARTIFACTS = join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Launched {
  context: BrowserContext;
  profile: string;
  extensionId: string;
  serviceWorker: Worker;
  /** Pages served at a URL: path → html. Extend before navigating. */
  pages: Map<string, string>;
  close(): Promise<void>;
}

/**
 * Launch Chromium with the extension. Pass the same `profile` dir again to relaunch with the same
 * profile (storage survives: browser-restart tests). Every http(s) request to *.gov.cn and to
 * example.com is answered from `pages` (404 otherwise); everything else is aborted.
 */
export async function launch(opts: { profile?: string; downloads?: string; args?: string[] } = {}): Promise<Launched> {
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'gouji-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    downloadsPath: opts.downloads,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(opts.args ?? []),
    ],
  });
  const pages = new Map<string, string>();
  await context.route(/^https?:\/\//, async (route) => {
    const url = new URL(route.request().url());
    if (!/(\.gov\.cn|example\.com)$/.test(url.hostname)) return route.abort();
    const html = pages.get(url.href) ?? pages.get(url.origin + url.pathname);
    if (html === undefined) return route.fulfill({ status: 404, contentType: 'text/html', body: '<title>404</title>' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  let [serviceWorker] = context.serviceWorkers();
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    profile,
    extensionId,
    serviceWorker,
    pages,
    close: () => context.close(),
  };
}

// Code passed to serviceWorker.evaluate runs in the extension's worker, where `chrome` exists.
declare const chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Wait until the content script has settled the page (html[data-gouji-state]). */
export async function settled(page: Page, timeout = 15_000): Promise<string> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-gouji-state'), null, { timeout });
  return (await page.getAttribute('html', 'data-gouji-state')) ?? '';
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * The tab id of the page at `url`, from the background's own per-tab store (no "tabs" permission needed);
 * null when the background never stored the tab (a page that is not a report and was never asked about).
 */
export async function tabIdOf(l: Launched, url: string, tries = 50): Promise<number | null> {
  for (let i = 0; i < tries; i++) {
    const id = await l.serviceWorker.evaluate(async (u) => {
      for (const [k, v] of Object.entries(await chrome.storage.session.get(null)))
        if (k.startsWith('gouji:tab:') && (v as { url?: string }).url === u)
          return Number(k.slice('gouji:tab:'.length));
      return null;
    }, url);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/** Like tabIdOf, but the tab must be there. */
export async function tabIdFor(l: Launched, url: string): Promise<number> {
  const id = await tabIdOf(l, url);
  if (id === null) throw new Error(`no tab for ${url}`);
  return id;
}

/**
 * The popup of `tabId`, opened as a page of its own at a popup-like size (phone width by default), waiting
 * until it shows `ready` (a selector) when given.
 */
export async function openPopupFor(
  l: Launched,
  tabId: number,
  opts: { width?: number; height?: number; ready?: string } = {},
): Promise<Page> {
  const popup = await l.context.newPage();
  await popup.setViewportSize({ width: opts.width ?? 412, height: opts.height ?? 800 });
  await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
  if (opts.ready) await popup.waitForSelector(opts.ready);
  return popup;
}
