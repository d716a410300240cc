// Debian's Firefox ESR driven over WebDriver BiDi (the W3C protocol Firefox ships; no driver binary,
// nothing downloaded). A tiny client: launch with a fresh or given profile, install the built add-on
// temporarily (webExtension.install), open pages, evaluate scripts. gov.cn hostnames resolve to
// 127.0.0.1 through Firefox's `network.dns.localDomains`, where a local server on a random port serves
// the fixture pages, so nothing touches the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXT_DIR = join(ROOT, '.output/firefox-mv2');
export const ADDON_ID = 'gouji@gouji-extension';
/** The moz-extension:// host, fixed through a pref so tests can open the popup and call extension APIs. */
export const EXT_UUID = '0f9a3c7e-6b1d-4e2a-9c55-1a2b3c4d5e6f';
export const HOSTS = ['www.zs.gov.cn', 'www.gd.gov.cn'];

export interface PageServer {
  pages: Map<string, string>;
  port: number;
  close(): Promise<void>;
}

export async function serve(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get(req.url ?? '/');
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? '<title>404</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { pages, port, close: () => new Promise((r) => server.close(() => r())) };
}

function prefs(): string {
  const p: Record<string, string | number | boolean> = {
    'network.dns.localDomains': HOSTS.join(','),
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXT_UUID }),
    // A temporary add-on is uninstalled at shutdown: keep its storage and uuid for the restart test.
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'browser.aboutwelcome.enabled': false,
    'network.proxy.type': 0,
    'intl.locale.requested': 'zh-CN',
    'intl.accept_languages': 'zh-CN',
  };
  return (
    Object.entries(p)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n') + '\n'
  );
}

export class Firefox {
  private ws!: WebSocket;
  private id = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private constructor(
    readonly proc: ChildProcess,
    readonly profile: string,
  ) {}

  static async launch(profile = mkdtempSync(join(tmpdir(), 'gouji-ff-')), extraArgs: string[] = []): Promise<Firefox> {
    writeFileSync(join(profile, 'user.js'), prefs());
    const proc = spawn(
      FIREFOX,
      [
        '--headless',
        '--no-remote',
        '--remote-debugging-port=0',
        '--profile',
        profile,
        '--remote-allow-system-access',
        ...extraArgs,
        'about:blank',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Firefox did not start: ${out.slice(-500)}`)), 60_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]!);
        }
      };
      proc.stderr!.on('data', onData);
      proc.stdout!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`Firefox exited (${code}): ${out.slice(-500)}`)));
    });
    const ff = new Firefox(proc, profile);
    ff.ws = new WebSocket(`${url}/session`);
    await new Promise<void>((r, j) => {
      ff.ws.once('open', () => r());
      ff.ws.once('error', j);
    });
    ff.ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as {
        id?: number;
        type: string;
        result?: unknown;
        error?: string;
        message?: string;
      };
      if (msg.id === undefined) return;
      const w = ff.waiting.get(msg.id);
      ff.waiting.delete(msg.id);
      if (msg.type === 'error') w?.reject(new Error(`${msg.error}: ${msg.message}`));
      else w?.resolve(msg.result);
    });
    await ff.send('session.new', { capabilities: {} });
    return ff;
  }

  send<T = Record<string, unknown>>(method: string, params: object): Promise<T> {
    const id = ++this.id;
    return new Promise<T>((resolveSend, reject) => {
      this.waiting.set(id, { resolve: resolveSend as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  async install(path = EXT_DIR): Promise<string> {
    const r = await this.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path } });
    return r.extension;
  }

  /** A new tab at `url` (navigation complete). */
  async open(url: string): Promise<string> {
    const { context } = await this.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await this.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return context;
  }

  /**
   * A tab showing one of the add-on's own pages (popup.html, flags.html). BiDi may not navigate a tab to a
   * moz-extension:// address, so the browser window (chrome scope, `--remote-allow-system-access`) opens it.
   */
  async openExtensionPage(url: string): Promise<string> {
    const tree = await this.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
      'moz:scope': 'chrome',
    });
    const win = tree.contexts[0]!.context;
    const r = await this.send<{ type: string; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression: `(() => { gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); })()`,
      target: { context: win },
      awaitPromise: false,
    });
    if (r.type === 'exception') throw new Error(`could not open ${url}: ${r.exceptionDetails?.text}`);
    const end = Date.now() + 20_000;
    while (Date.now() < end) {
      const t = await this.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', {});
      const found = t.contexts.filter((c) => c.url === url).pop();
      if (found) return found.context;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no tab at ${url}`);
  }

  async navigate(context: string, url: string): Promise<void> {
    await this.send('browsingContext.navigate', { context, url, wait: 'complete' });
  }

  /** Evaluate a function body in a tab (awaited); returns its JSON value. */
  async eval<T>(context: string, body: string): Promise<T> {
    const r = await this.send<{
      type: string;
      result?: { type: string; value?: unknown };
      exceptionDetails?: { text: string };
    }>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.type === 'exception') throw new Error(`script threw: ${r.exceptionDetails?.text}`);
    const v = r.result?.value;
    return (typeof v === 'string' ? JSON.parse(v) : undefined) as T;
  }

  async poll<T>(context: string, body: string, ok: (v: T) => boolean, timeout = 20_000): Promise<T> {
    const end = Date.now() + timeout;
    let last: T | undefined;
    while (Date.now() < end) {
      try {
        last = await this.eval<T>(context, body);
        if (ok(last)) return last;
      } catch {
        // the page is still loading
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out; last value ${JSON.stringify(last)}`);
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.send('browser.close', {}), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      // already gone
    }
    this.ws.close();
    await new Promise<void>((r) => {
      if (this.proc.exitCode !== null) return r();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        r();
      }, 10_000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
}
