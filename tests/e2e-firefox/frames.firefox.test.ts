// Frames and late content in Firefox ESR (issue #8, the Firefox half of tests/e2e/frames.e2e.test.ts):
// the MV2 build's content script runs in same-origin frames (`all_frames`) and in `<iframe srcdoc>`
// (`match_about_blank`), reads the report in the frame that holds it (marks on that frame's cells) and the
// background keeps that frame's report as the tab's one report; a page whose title and article arrive after
// load is checked when they arrive; a report page whose tables arrive late says "tables missing", then
// upgrades. Pages: tests/fixtures/shapes/ (generated) and tests/fixtures/seed000-plain.html.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTR } from '../../lib/contract';
import type { TabState } from '../../lib/ext/protocol';
import { badgeFor } from '../../lib/ext/tabs';
import { EXT_DIR, EXT_UUID, FIREFOX, Firefox, ROOT, serve, type PageServer } from './bidi';

const FIXTURES = join(ROOT, 'tests/fixtures');
const EXT = `moz-extension://${EXT_UUID}`;
const ready = existsSync(FIREFOX) && existsSync(`${EXT_DIR}/manifest.json`);

interface Stored {
  state: string;
  url: string;
  frameId?: number;
  /** The toolbar badge of that tab (browserAction on MV2). */
  badge: string;
  report: { tables: Record<string, { found: boolean }>; summary: { fieldsFound: number } } | null;
}

let ff: Firefox;
let server: PageServer;
let ext = '';
beforeAll(async () => {
  if (!ready) return;
  server = await serve();
  ff = await Firefox.launch();
  await ff.install();
  ext = await ff.openExtensionPage(`${EXT}/popup.html`);
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const url = (path: string) => `http://www.zs.gov.cn:${server.port}${path}`;
const shape = (name: string) => readFileSync(join(FIXTURES, 'shapes', `${name}.html`), 'utf8');
const plain = readFileSync(join(FIXTURES, 'seed000-plain.html'), 'utf8');

/** The background's entry for the tab showing `u` (asked from an extension page, polled until `ok`). */
function storedFor(u: string, ok: (s: Stored) => boolean): Promise<Stored> {
  return ff.poll<Stored>(
    ext,
    `
    for (const x of await browser.tabs.query({})) {
      const s = await browser.runtime.sendMessage({ type: 'gouji:get-tab-state', tabId: x.id });
      if (s && s.url === ${JSON.stringify(u)})
        return { ...s, badge: await browser.browserAction.getBadgeText({ tabId: x.id }) };
    }
    return null;`,
    (s) => !!s && ok(s),
  );
}

/** The first child browsing context (the iframe) of a tab. */
async function childFrame(tab: string): Promise<string> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const t = await ff.send<{ contexts: { children?: { context: string }[] }[] }>('browsingContext.getTree', {
      root: tab,
    });
    const child = t.contexts[0]?.children?.[0]?.context;
    if (child) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no frame');
}

const stateOf = (ctx: string) =>
  ff.poll<string | null>(
    ctx,
    `return document.documentElement.getAttribute(${JSON.stringify(ATTR.state)});`,
    (v) => v === 'report',
  );
const markedFields = (ctx: string) =>
  ff.eval<number>(ctx, `return document.querySelectorAll('[${ATTR.field}]').length;`);
const topState = (tab: string) =>
  ff.eval<string | null>(tab, `return document.documentElement.getAttribute(${JSON.stringify(ATTR.state)});`);

describe.skipIf(!ready)('reports in frames (Firefox ESR)', () => {
  it('<iframe srcdoc>: read in the frame, marks there, the tab keeps that frame’s report', async () => {
    const u = url('/zwgk/zfxxgknb/frame-srcdoc.html');
    server.pages.set('/zwgk/zfxxgknb/frame-srcdoc.html', shape('frame-srcdoc'));
    const tab = await ff.open(u);
    const frame = await childFrame(tab);
    expect(await stateOf(frame)).toBe('report');
    expect(await markedFields(frame)).toBe(200);
    // The portal shell around it is not a report and carries no marks.
    expect(await markedFields(tab)).toBe(0);
    expect(await topState(tab)).not.toBe('report');
    const s = await storedFor(u, (x) => x.state === 'report');
    expect(s).toMatchObject({ state: 'report', report: { summary: { fieldsFound: 200 } } });
    expect(s.frameId).not.toBe(0);
    // The top page's badge says what the frame's report says.
    const badge = await storedFor(u, (x) => x.badge !== '');
    expect(badge.badge).toBe(badgeFor(s as unknown as TabState).text);
    expect(badge.badge).toBe('✓'); // seed000-plain is consistent
    await ff.send('browsingContext.close', { context: tab });
  });

  it('same-origin <iframe src>: the same', async () => {
    const u = url('/zwgk/zfxxgknb/frame-src.html');
    server.pages.set('/zwgk/zfxxgknb/frame-src.html', shape('frame-src'));
    server.pages.set('/zwgk/zfxxgknb/frame-src-article.html', shape('frame-src-article'));
    const tab = await ff.open(u);
    const frame = await childFrame(tab);
    expect(await stateOf(frame)).toBe('report');
    expect(await markedFields(frame)).toBe(200);
    expect(await markedFields(tab)).toBe(0);
    const s = await storedFor(u, (x) => x.state === 'report');
    expect(s).toMatchObject({ state: 'report', report: { summary: { fieldsFound: 200 } } });
    expect(s.frameId).not.toBe(0);
    await ff.send('browsingContext.close', { context: tab });
  });
});

describe.skipIf(!ready)('late content (Firefox ESR)', () => {
  const body = /<body>([\s\S]*)<\/body>/.exec(plain)![1]!;
  const title = /<title>([^<]*)<\/title>/.exec(plain)![1]!;

  it('title and article arriving after load: checked when they arrive', async () => {
    const path = '/zwgk/late/spa-1.html';
    server.pages.set(
      path,
      `<!doctype html><html><head><meta charset="utf-8"><title>加载中</title></head><body><div id="app"></div>
<template id="late">${body}</template>
<script>window.arrive = () => { document.title = ${JSON.stringify(title)}; document.getElementById('app').append(document.getElementById('late').content.cloneNode(true)); };</script>
</body></html>`,
    );
    const tab = await ff.open(url(path));
    // The shell is settled as "none" first; then the title and article arrive (as an XHR would bring them).
    const first = await ff.poll<string | null>(
      tab,
      `return document.documentElement.getAttribute(${JSON.stringify(ATTR.state)});`,
      (v) => v !== null,
    );
    expect(first).toBe('none');
    await new Promise((r) => setTimeout(r, 1200));
    await ff.eval(tab, 'window.arrive(); return true;');
    expect(await stateOf(tab)).toBe('report');
    expect(await markedFields(tab)).toBe(200);
    const s = await storedFor(url(path), (x) => x.state === 'report' && (x.report?.summary.fieldsFound ?? 0) === 200);
    expect(s.report?.summary.fieldsFound).toBe(200);
    await ff.send('browsingContext.close', { context: tab });
  });

  it('a report page whose tables arrive late: "tables missing" first, then upgraded', async () => {
    const path = '/zwgk/late/tables-2.html';
    const withoutTables = body.replace(/<table[\s\S]*?<\/table>/g, (t) => (/gouji|data-expect-field/.test(t) ? '' : t));
    server.pages.set(
      path,
      `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${withoutTables}
<template id="late">${body}</template>
<script>window.arrive = () => { document.body.replaceChildren(document.getElementById('late').content.cloneNode(true)); };</script>
</body></html>`,
    );
    const tab = await ff.open(url(path));
    const first = await storedFor(url(path), (x) => x.state === 'report');
    expect(first.report?.summary.fieldsFound).toBe(0);
    expect(first.report?.tables.apply?.found).toBe(false);
    await ff.eval(tab, 'window.arrive(); return true;');
    const later = await storedFor(url(path), (x) => (x.report?.summary.fieldsFound ?? 0) === 200);
    expect(later.report?.tables.apply?.found).toBe(true);
    expect(await markedFields(tab)).toBe(200);
    await ff.send('browsingContext.close', { context: tab });
  });
});
