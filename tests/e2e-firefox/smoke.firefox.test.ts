// Firefox ESR smoke suite (issue #13): the MV2 build installed in Debian's Firefox ESR over WebDriver
// BiDi — a report page is marked, the toolbar badge counts its failures (browserAction), the popup
// renders, and a flag survives a browser restart. Run `npm run build:firefox` first (npm test does).
import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTR, HIGHLIGHT, HOST_SELECTOR, PART } from '../../lib/contract';
import { FLAG_KEY_PREFIX } from '../../lib/flags/model';
import { sitePage } from '../support/pages';
import { artifact } from '../e2e/harness';
import { ADDON_ID, EXT_DIR, EXT_UUID, FIREFOX, Firefox, serve, type PageServer } from './bidi';

const WRONG = { 'apply.new.natural_person': 165 };
const EXT = `moz-extension://${EXT_UUID}`;
const ready = existsSync(FIREFOX) && existsSync(`${EXT_DIR}/manifest.json`);
if (!ready)
  console.warn(
    `[firefox e2e] skipped: ${existsSync(FIREFOX) ? `${EXT_DIR} missing (npm run build:firefox)` : `${FIREFOX} missing (apt-get install firefox-esr)`}`,
  );

let ff: Firefox;
let server: PageServer;
let profile = '';
beforeAll(async () => {
  if (!ready) return;
  server = await serve();
  ff = await Firefox.launch();
  profile = ff.profile;
  expect(await ff.install()).toBe(ADDON_ID);
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const url = (path: string) => `http://www.zs.gov.cn:${server.port}${path}`;

describe.skipIf(!ready)('Gouji in Firefox ESR', () => {
  let tab = '';
  it('marks a report page on gov.cn (content script, engine, shadow layer)', async () => {
    server.pages.set('/report.html', sitePage({ set: WRONG }));
    tab = await ff.open(url('/report.html'));
    const state = await ff.poll<string | null>(
      tab,
      `return document.documentElement.getAttribute(${JSON.stringify(ATTR.state)});`,
      (v) => v === 'report',
    );
    expect(state).toBe('report');
    const marks = await ff.eval<{ fields: number; culprit: string | null; chips: number }>(
      tab,
      `
      const host = document.querySelector(${JSON.stringify(HOST_SELECTOR)});
      return {
        fields: document.querySelectorAll('[${ATTR.field}]').length,
        culprit: document.querySelector('[${ATTR.culprit}]')?.getAttribute('${ATTR.field}') ?? null,
        chips: host?.shadowRoot?.querySelectorAll('[part~="${PART.chip}"]').length ?? -1,
      };`,
    );
    expect(marks.fields).toBe(200);
    expect(marks.culprit).toBe('apply.new.natural_person');
    // The shadow layer mounts in the next frame.
    await ff.poll<number>(
      tab,
      `return document.querySelector(${JSON.stringify(HOST_SELECTOR)})?.shadowRoot?.querySelectorAll('[part~="${PART.chip}"]').length ?? 0;`,
      (n) => n === 3,
    );
    // Debian's Firefox ESR speaks en-US, and with no language stored the page follows it: English, which
    // is a pack of the engine (lib/ext/packs.ts), imported from the add-on on this gov.cn page.
    const chip = await ff.poll<string>(
      tab,
      `return document.querySelector(${JSON.stringify(HOST_SELECTOR)})?.shadowRoot?.querySelector('[part~="${PART.chip}"][data-table="apply"]')?.textContent ?? '';`,
      (t) => /identities|勾稽关系/.test(t),
    );
    expect(chip).toContain('39 identities: 1 error');
    // What a reader sees (looked at by hand: the marks' icons, drawn in CSS, beside the numbers).
    await ff.eval(tab, `document.querySelector('[${ATTR.culprit}]').scrollIntoView({ block: 'center' }); return 1;`);
    const shot = await ff.send<{ data: string }>('browsingContext.captureScreenshot', { context: tab });
    writeFileSync(artifact('firefox-marks.png'), Buffer.from(shot.data, 'base64'));
  });

  it('highlights a contradicted number in the text, its rule reaching only the element that holds it', async () => {
    server.pages.set('/narrative.html', sitePage({ textReceived: 199 }));
    const t = await ff.open(url('/narrative.html'));
    await ff.poll<string | null>(
      t,
      `return document.documentElement.getAttribute(${JSON.stringify(ATTR.state)});`,
      (v) => v === 'report',
    );
    const got = await ff.eval<{ ranges: string[]; hosts: string[][]; other: string }>(
      t,
      `
      const out = [];
      CSS.highlights?.forEach((h, name) => h.forEach((r) => out.push(name + ':' + r.toString())));
      const bg = (el) => getComputedStyle(el, '::highlight(${HIGHLIGHT.fail})').backgroundColor;
      const hosts = [...document.querySelectorAll('[${ATTR.highlight}]')];
      const other = [...document.querySelectorAll('p')].find((p) => !p.hasAttribute('${ATTR.highlight}'));
      return { ranges: out, hosts: hosts.map((h) => [h.localName, bg(h)]), other: bg(other) };`,
    );
    expect(got.ranges).toEqual([`${HIGHLIGHT.fail}:199`]);
    expect(got.hosts).toEqual([['p', 'rgba(197, 34, 31, 0.18)']]);
    expect(got.other).not.toBe('rgba(197, 34, 31, 0.18)');
  });

  it('reads a page in 繁體 through the traditional→simplified pack, exactly as the simplified one', async () => {
    // The same report, every character the table changes written in traditional (as the sites' toolbars do).
    const { T2S_FROM, T2S_TO } = await import('../../lib/normalize/t2s-table');
    const back = new Map<string, string>();
    const from = [...T2S_FROM];
    [...T2S_TO].forEach((s, i) => back.has(s) || back.set(s, from[i]!));
    const simplified = sitePage({ set: WRONG });
    const body = simplified.slice(simplified.indexOf('<body'));
    const traditional =
      simplified.slice(0, simplified.indexOf('<body')) + [...body].map((c) => back.get(c) ?? c).join('');
    expect(traditional).toContain('總計');
    server.pages.set('/report-tw.html', traditional);
    const t = await ff.open(url('/report-tw.html'));
    await ff.poll<string | null>(
      t,
      `return document.documentElement.getAttribute(${JSON.stringify(ATTR.state)});`,
      (v) => v === 'report',
    );
    const marks = await ff.poll<{ fields: number; culprit: string | null }>(
      t,
      `return {
        fields: document.querySelectorAll('[${ATTR.field}]').length,
        culprit: document.querySelector('[${ATTR.culprit}]')?.getAttribute('${ATTR.field}') ?? null,
      };`,
      (m) => m.fields === 200,
    );
    expect(marks).toEqual({ fields: 200, culprit: 'apply.new.natural_person' });
  });

  it('sets the toolbar badge through browserAction and renders the popup', async () => {
    const page = await ff.openExtensionPage(`${EXT}/popup.html`);
    const badge = await ff.poll<{ text: string; state: string | null }>(
      page,
      `
      // No "tabs" permission: tabs cannot be queried by address; the one with a report is ours.
      let t = null, st = null;
      for (const x of await browser.tabs.query({})) {
        const s = await browser.runtime.sendMessage({ type: 'gouji:get-tab-state', tabId: x.id });
        if (s?.state === 'report') { t = x; st = s; }
      }
      if (!t) return { text: '', state: null };
      return { text: await browser.browserAction.getBadgeText({ tabId: t.id }), state: st?.state ?? null };`,
      (v) => v.text !== '',
    );
    expect(badge.state).toBe('report');
    expect(Number(badge.text)).toBeGreaterThan(0);
    expect(await ff.eval<boolean>(page, 'return typeof browser.action === "undefined";')).toBe(true); // MV2: no action
    // The popup speaks the browser's language (Debian's Firefox ESR is en-US): Chinese or English.
    const text = await ff.poll<string>(page, 'return document.body.innerText;', (t) => /勾稽|Gouji/.test(t));
    expect(text).toMatch(/检查此页|Check this page/);
  });

  it('keeps a flag across a browser restart', async () => {
    const page = await ff.openExtensionPage(`${EXT}/popup.html`);
    const added = await ff.eval<{ ok: boolean }>(
      page,
      `
      // No "tabs" permission: tabs cannot be queried by address; the one with a report is ours.
      let t = null, st = null;
      for (const x of await browser.tabs.query({})) {
        const s = await browser.runtime.sendMessage({ type: 'gouji:get-tab-state', tabId: x.id });
        if (s?.state === 'report') { t = x; st = s; }
      }
      if (!t) throw new Error('no report tab');
      const check = st.report.checks.find((c) => c.status === 'fail');
      return browser.runtime.sendMessage({ type: 'gouji:flag-add', report: st.report, checkId: check.id, note: '火狐重启测试' });`,
    );
    expect(added.ok).toBe(true);
    await ff.close();
    ff = await Firefox.launch(profile);
    await ff.install();
    const again = await ff.openExtensionPage(`${EXT}/flags.html`);
    const notes = await ff.poll<string[]>(
      again,
      `
      const all = await browser.storage.local.get(null);
      return Object.entries(all).filter(([k]) => k.startsWith(${JSON.stringify(FLAG_KEY_PREFIX)})).map(([, v]) => v.note);`,
      (n) => n.length > 0,
    );
    expect(notes).toEqual(['火狐重启测试']);
    // Firefox ESR 153 lists keys (storage.local.getKeys, Firefox 143+): the follow-up page reads flags in slices.
    expect(await ff.eval<string>(again, 'return typeof browser.storage.local.getKeys;')).toBe('function');
    // The follow-up page lists it (the note is in its text field).
    // (The check's id is in the item's data attribute; the text on screen says it in words.)
    await ff.poll<string>(
      again,
      'return document.querySelector(\'li.flag[data-check-id="apply.row-sum:new"]\')?.innerText ?? "";',
      (t) => t.includes('187'),
    );
    expect(
      await ff.eval<string[]>(again, 'return [...document.querySelectorAll("textarea, input")].map((e) => e.value);'),
    ).toContain('火狐重启测试');
  });
});
