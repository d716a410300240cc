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
