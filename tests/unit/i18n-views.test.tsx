// @vitest-environment happy-dom
// English mode, view by view (issue #11 item 8): the follow-up page and the report view rendered in English
// over realistic data — flags from reports with a culprit, blanks (undecided), a 2019-format table 二, decimals,
// a negative count, contradictions between the text and the tables, a damaged stored entry, a flag made by an
// older build — say nothing in Chinese except the report's own words (its title, agency, quotes, a cell's text as
// printed, its body) and the switch back to Chinese; and no id reaches the text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as realBrowser } from 'wxt/browser';
import { FlagStore } from '../../lib/flags/store';
import { FLAG_KEY_PREFIX, type Flag } from '../../lib/flags/model';
import type { KeyValueArea } from '../../lib/ext/tabs';
import { checkDocument } from '../../lib/check';
import type { Report } from '../../lib/types';
import { installBackground } from '../../entrypoints/background';
import { ReportPage } from '../../components/report/ReportPage';
import type { ReportViewStore } from '../../components/report/store';
import { reportViewStore } from '../support/report-view';
import { docxFromHtml, encryptedPdf, fixtureHtml } from '../fixtures/gen/files';
import { mountFlagsPage, settle } from '../support/flags-page';

/** Chinese characters, and the full-width punctuation that goes with them (（）：；，。、). */
const CJK = /[\u4e00-\u9fff\u3000-\u303f\uff01-\uff1f]/;
/** What an id looks like when it leaks into text meant for people (as tests/unit/flags-page.test.tsx). */
const ID_PATTERN = /\b(?:apply|review|active|active2019|litigation)\.[a-z_]|\bnarrative:|\bvalue\.(?:nonneg|integer)/;
const b = fakeBrowser as unknown as typeof realBrowser;

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser as unknown as { i18n: { getUILanguage: () => string } }).i18n.getUILanguage = () => 'zh-CN';
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

const report = (name: string): Report =>
  checkDocument(new DOMParser().parseFromString(fixtureHtml(name), 'text/html'), {
    url: `https://www.example.gov.cn/${name}.html`,
  }).report;

/** The report's own words: what may stay Chinese in English mode. */
function reportWords(r: Report, extra: string[] = []): string[] {
  return [
    r.source.title ?? '',
    r.report.agency ?? '',
    ...r.narrative.map((n) => n.quote),
    ...Object.values(r.values).map((v) => v.raw),
    ...extra,
  ].filter((w) => CJK.test(w));
}

/**
 * Every text a person sees or hears, with the report's words taken out (longest first). The language switch
 * ("中文", "切换到中文") speaks the language it switches to; the 反馈意见 letter is Chinese by design (it goes to a
 * Chinese agency; the page says so in English) and is not shown here.
 */
function chineseLeft(el: Element, words: string[]): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (!(n.parentElement as Element).closest('[data-action="lang"]')) texts.push(n.textContent ?? '');
  for (const e of el.querySelectorAll('*')) {
    if (e.closest('[data-action="lang"]')) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt'])
      if (e.hasAttribute(a)) texts.push(e.getAttribute(a)!);
  }
  const sorted = [...new Set(words)].sort((a, c) => c.length - a.length);
  return texts
    .map((t) => sorted.reduce((s, w) => s.split(w).join(''), t))
    .filter((t) => CJK.test(t))
    .filter((t, i, all) => all.indexOf(t) === i);
}

function idsLeft(el: Element): string[] {
  const texts = [el.textContent ?? ''];
  for (const e of el.querySelectorAll('*'))
    for (const a of ['aria-label', 'title', 'placeholder', 'alt'])
      if (e.hasAttribute(a)) texts.push(e.getAttribute(a)!);
  // Addresses are the page's own (".../error-review.html" is no id).
  return texts.map((t) => t.replace(/https?:\/\/\S+/g, '')).filter((t) => ID_PATTERN.test(t));
}

const FLAGGED = [
  'error-addend',
  'error-two',
  'format2019-error',
  'format2019-blanks',
  'blanks',
  'narrative-provincial',
  'error-decimal',
  'error-negative',
  'error-review',
];

describe('the follow-up page in English', () => {
  it('says every flag, its cells, culprit and state in English; only the report’s words stay Chinese', async () => {
    const area = fakeBrowser.storage.local as unknown as KeyValueArea;
    const store = new FlagStore(area);
    const words: string[] = [];
    let flagged = 0;
    for (const name of FLAGGED) {
      const r = report(name);
      words.push(...reportWords(r));
      for (const c of r.checks.filter((x) => x.status !== 'pass'))
        flagged += (await store.addFinding(r, c.id, 'note')).ok ? 1 : 0;
      for (const n of r.narrative.filter((x) => x.status === 'fail' || x.status === 'warn'))
        flagged += (await store.addFinding(r, n.id!)).ok ? 1 : 0;
    }
    expect(flagged).toBeGreaterThan(40);
    // A damaged entry, and a flag as an older build saved it (no parts: its saved Chinese message is shown, marked).
    await fakeBrowser.storage.local.set({ [`${FLAG_KEY_PREFIX}bad-entry`]: { v: 1, fingerprint: 'bad-entry' } });
    const all = await fakeBrowser.storage.local.get(null);
    const [oldKey, oldFlag] = Object.entries(all).find(
      ([k, v]) => k.startsWith(FLAG_KEY_PREFIX) && (v as Flag).kind === 'check' && (v as Flag).culprit,
    ) as [string, Flag];
    const { parts: _parts, ...old } = oldFlag;
    await fakeBrowser.storage.local.set({ [oldKey]: old });

    const page = await mountFlagsPage(root);
    await act(async () => {
      await page.setLang('en');
    });
    await settle();
    expect(root.querySelector('.flags-page')!.getAttribute('lang')).toBe('en');
    expect(root.querySelectorAll('li.flag').length).toBe(Math.min(flagged, 100));
    // The old flag: its saved message (Chinese, marked as such) — the report's words for this test's purpose.
    const saved = root.querySelector(`[data-fingerprint="${old.fingerprint}"] [data-saved-message]`);
    expect(saved?.textContent).toContain('as saved when flagged');
    expect(saved?.querySelector('[lang="zh-CN"]')?.textContent).toBeTruthy();
    const savedWords = [saved!.querySelector('[lang="zh-CN"]')!.textContent!];
    // Problems in English.
    expect(root.querySelector('[data-section="problems"]')!.textContent).toContain('No check id (checkId)');
    expect(chineseLeft(root, [...words, ...savedWords])).toEqual([]);
    expect(idsLeft(root)).toEqual([]);
    // The letter stays Chinese (it goes to the agency), and the page says so.
    await act(async () => {
      root.querySelector<HTMLElement>('[data-action="feedback"]')!.click();
    });
    await settle();
    expect(root.querySelector('[data-section="feedback"]')!.textContent).toContain('(in Chinese)');
    expect(root.querySelector<HTMLTextAreaElement>('[data-field="feedback-text"]')!.value).toMatch(CJK);
  });
});

describe('the report view in English', () => {
  const makeStore = (): ReportViewStore => reportViewStore(b);

  it('a report with errors, blanks, 2019 tables and contradictions: English but for the report’s words', async () => {
    installBackground(b);
    const store = makeStore();
    await act(async () => {
      render(<ReportPage store={store} onFile={() => undefined} />, root);
      await store.init();
    });
    await act(async () => {
      await store.popup.setLang('en');
    });
    for (const name of ['error-two', 'format2019-error', 'blanks', 'narrative-provincial']) {
      const bytes = docxFromHtml(fixtureHtml(name));
      await act(async () => {
        await store.run(async () => ({ bytes, name: `${name}.docx` }), `${name}.docx`);
      });
      await settle();
      const p = store.phase.value;
      expect(p.kind, name).toBe('shown');
      const shown = (p as { shown: { report: Report; body: string[] } }).shown;
      // The tables as read show each row as the report printed it, beside its English name.
      const printed = [...root.querySelectorAll('[lang^="zh"]')].map((e) => e.textContent ?? '');
      const words = reportWords(shown.report, [...shown.body, ...printed, `${name}.docx`]);
      expect(chineseLeft(root, words), name).toEqual([]);
      expect(idsLeft(root), name).toEqual([]);
    }
    // A file that cannot be read says why in English.
    await act(async () => {
      await store.run(async () => ({ bytes: encryptedPdf(), name: 'locked.pdf' }), 'locked.pdf');
    });
    await settle();
    expect(root.querySelector('#error')!.textContent).toContain('The PDF is password-protected: it cannot be read');
    expect(chineseLeft(root, [])).toEqual([]);
  });
});
