// Frames and late content in Chromium with the built extension: a report in an <iframe srcdoc> or a
// same-origin <iframe src> is read in its frame (marks on that frame's cells) and becomes the tab's one
// report; a page whose title and article arrive after load (the test brings them 1.2 s later) is checked when they do; a report page
// whose tables arrive late says "tables missing" first and upgrades. Pages: tests/fixtures/shapes/
// (generated) and tests/fixtures/seed000-plain.html.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTR } from '../../lib/contract';
import { FIXTURES, launch, settled, type Launched } from './harness';

declare const chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };

interface Stored {
  state: string;
  url: string;
  frameId?: number;
  report: { tables: Record<string, { found: boolean }>; summary: { fieldsFound: number } } | null;
}

let L: Launched;
beforeAll(async () => {
  L = await launch();
});
afterAll(async () => {
  await L?.close();
});

const shape = (name: string) => readFileSync(join(FIXTURES, 'shapes', `${name}.html`), 'utf8');
const plain = readFileSync(join(FIXTURES, 'seed000-plain.html'), 'utf8');

/** The background's stored entry for the tab showing `url` (polled until `ok`). */
async function storedFor(url: string, ok: (s: Stored) => boolean, ms = 20_000): Promise<Stored | null> {
  let last: Stored | null = null;
  for (let t = 0; t < ms; t += 200) {
    last = await L.serviceWorker.evaluate(async (u) => {
      const all = await chrome.storage.session.get(null);
      for (const [k, v] of Object.entries(all))
        if (k.startsWith('gouji:tab:') && (v as { url?: string }).url === u) return v as Stored;
      return null;
    }, url);
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

async function frameState(frame: Frame): Promise<string> {
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-gouji-state') === 'report', null, {
    timeout: 20_000,
  });
  return (await frame.getAttribute('html', 'data-gouji-state')) ?? '';
}

const markedFields = (frame: Frame) =>
  frame.evaluate((attr) => document.querySelectorAll(`[${attr}]`).length, ATTR.field);

describe('reports in frames', () => {
  it('<iframe srcdoc>: read in the frame, marks there, the tab keeps that frame’s report', async () => {
    const url = 'https://www.zs.gov.cn/zwgk/zfxxgknb/frame-srcdoc.html';
    L.pages.set(url, shape('frame-srcdoc'));
    const page = await L.context.newPage();
    await page.goto(url);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(await frameState(frame)).toBe('report');
    expect(await markedFields(frame)).toBe(200);
    expect(await settled(page)).toBe('none');
    const s = await storedFor(url, (x) => x.state === 'report');
    expect(s).toMatchObject({ state: 'report', report: { summary: { fieldsFound: 200 } } });
    expect(s!.frameId).not.toBe(0);
    await page.close();
  });

  it('same-origin <iframe src>: the same', async () => {
    const url = 'https://www.zs.gov.cn/zwgk/zfxxgknb/frame-src.html';
    L.pages.set(url, shape('frame-src'));
    L.pages.set('https://www.zs.gov.cn/zwgk/zfxxgknb/frame-src-article.html', shape('frame-src-article'));
    const page = await L.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.readyState === 'complete');
    const frame = page.frames().find((f) => f.url().endsWith('frame-src-article.html'))!;
    expect(await frameState(frame)).toBe('report');
    expect(await markedFields(frame)).toBe(200);
    const s = await storedFor(url, (x) => x.state === 'report');
    expect(s).toMatchObject({ state: 'report', report: { summary: { fieldsFound: 200 } } });
    await page.close();
  });
});

describe('late content', () => {
  const body = /<body>([\s\S]*)<\/body>/.exec(plain)![1]!;
  const title = /<title>([^<]*)<\/title>/.exec(plain)![1]!;

  it('title and article arriving after load: checked when they arrive', async () => {
    const url = 'https://www.zs.gov.cn/zwgk/late/spa-1.html';
    L.pages.set(
      url,
      `<!doctype html><html><head><meta charset="utf-8"><title>加载中</title></head><body><div id="app"></div>
<template id="late">${body}</template>
<script>window.arrive = () => { document.title = ${JSON.stringify(title)}; document.getElementById('app').append(document.getElementById('late').content.cloneNode(true)); };</script>
</body></html>`,
    );
    const page = await L.context.newPage();
    await page.goto(url);
    // The shell is settled as "none" first; then the title and article arrive (as an XHR would bring them).
    expect(await settled(page)).toBe('none');
    await page.waitForTimeout(1200);
    await page.evaluate('window.arrive()');
    expect(await frameState(page.mainFrame())).toBe('report');
    expect(await markedFields(page.mainFrame())).toBe(200);
    const s = await storedFor(url, (x) => x.state === 'report' && (x.report?.summary.fieldsFound ?? 0) === 200);
    expect(s?.report?.summary.fieldsFound).toBe(200);
    await page.close();
  });

  it('a report page whose tables arrive late: "tables missing" first, then upgraded', async () => {
    const url = 'https://www.zs.gov.cn/zwgk/late/tables-2.html';
    const withoutTables = body.replace(/<table[\s\S]*?<\/table>/g, (t) => (/gouji|data-expect-field/.test(t) ? '' : t));
    L.pages.set(
      url,
      `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${withoutTables}
<template id="late">${body}</template>
<script>window.arrive = () => { document.body.replaceChildren(document.getElementById('late').content.cloneNode(true)); };</script>
</body></html>`,
    );
    const page = await L.context.newPage();
    await page.goto(url);
    const first = await storedFor(url, (x) => x.state === 'report');
    expect(first?.report?.summary.fieldsFound).toBe(0);
    expect(first?.report?.tables.apply?.found).toBe(false);
    await page.evaluate('window.arrive()');
    const later = await storedFor(url, (x) => (x.report?.summary.fieldsFound ?? 0) === 200);
    expect(later?.report?.tables.apply?.found).toBe(true);
    await page.close();
  });
});
