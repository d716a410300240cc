// English mode end to end (#11): switching the language in the popup turns the popup's findings (the checks'
// arithmetic, the culprit, the text's contradictions, the notices) and the in-page view (chips, tooltip,
// accessible names) into English, rendered from the structured findings; switching back gives the Chinese.
// Screenshots of the popup and an in-page tooltip in both languages at 412 px go to test-results/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, artifact, launch, openPopupFor, settled, tabIdFor, type Launched } from './harness';
import { ANCHOR_SELECTOR, ATTR, HOST_SELECTOR, PART } from '../../lib/contract';

let L: Launched;
beforeAll(async () => {
  L = await launch();
});
afterAll(async () => {
  await L?.close();
});

const CJK = /[\u4e00-\u9fff]/;
const textOf = (l: Locator) => l.evaluate((e) => (e as HTMLElement).innerText ?? e.textContent ?? '').catch(() => '');
/** A chip's words (at 412 px it may show only its icon and count; its accessible name keeps the words). */
const chipWords = (l: Locator) => l.getAttribute('aria-label').catch(() => '');

async function openFixture(file: string): Promise<{ page: Page; url: string }> {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  const url =
    /<meta\s+name="gouji-fixture-url"\s+content="([^"]*)"/.exec(html)?.[1] ?? `https://www.example.gov.cn/${file}`;
  L.pages.set(url, html);
  const page = await L.context.newPage();
  await page.setViewportSize({ width: 412, height: 900 });
  await page.goto(url);
  expect(await settled(page)).toBe('report');
  return { page, url };
}

const tabIdOf = (url: string): Promise<number> => tabIdFor(L, url);

const openPopup = (tabId: number): Promise<Page> => openPopupFor(L, tabId, { ready: '[data-count="errors"]' });

/** The tooltip of the culprit cell, opened from the keyboard. */
async function culpritTooltip(page: Page): Promise<Locator> {
  const field = await page.getAttribute(`[${ATTR.culprit}]`, ATTR.field);
  expect(field).toBeTruthy();
  const target = page.locator(`${ANCHOR_SELECTOR} [part~="${PART.target}"][data-key="${field}"]`);
  await page.locator(`[${ATTR.field}="${field}"]`).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await target.focus();
  const tip = page.locator(`${HOST_SELECTOR} [part~="${PART.tooltip}"]`);
  await expect.poll(() => tip.getAttribute('data-key')).toBe(field);
  return tip;
}

describe('English mode', () => {
  it('the popup switch turns the popup, the chips and the tooltip into English, and back', async () => {
    const { page, url } = await openFixture('error-addend.html');
    const tabId = await tabIdOf(url);
    const popup = await openPopup(tabId);
    const chip = page.locator(`${HOST_SELECTOR} [part~="${PART.chip}"][data-table="apply"]`);

    // Chinese first.
    const finding = popup.locator('[data-section] [data-check-id] .finding-msg').first();
    expect(await textOf(finding)).toMatch(/应为|之和|合计/);
    await expect.poll(() => chipWords(chip)).toMatch(/勾稽关系 \d+ 项：1 处错误（2 项核对不一致）/);
    let tip = await culpritTooltip(page);
    await expect.poll(() => textOf(tip)).toContain('可能是这一格出错');
    await popup.screenshot({ path: artifact('i18n-popup-zh-412.png') });
    await page.screenshot({ path: artifact('i18n-tooltip-zh-412.png') });

    // English: the popup's findings, the culprit, the counts.
    await popup.click('[data-action="lang"]');
    await popup.waitForSelector('[data-count="errors"] >> text=/✗ errors?$/');
    const messages = await popup.locator('[data-section] [data-check-id] .finding-msg').allInnerTexts();
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m, m).not.toMatch(CJK);
      expect(m).toMatch(/should be \d+|cannot be checked/);
    }
    const culprit = await popup.locator('.culprit').allInnerTexts();
    for (const c of culprit) expect(c, c).toMatch(/^Probably wrong: row “[^”]+”, column “[^”]+”, should be \d+$/);
    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.screenshot({ path: artifact('i18n-popup-en-412.png') });

    // The page follows the stored setting, live: chip, tooltip and accessible names in English.
    await expect.poll(() => chipWords(chip)).toMatch(/^Gouji · \d+ identities: 1 error \(2 failing checks\)/);
    tip = await culpritTooltip(page);
    await expect.poll(() => textOf(tip)).toContain('This cell is probably wrong: with');
    const tipText = await textOf(tip);
    expect(tipText, tipText).not.toMatch(CJK);
    const name = await page
      .locator(`${ANCHOR_SELECTOR} [part~="${PART.target}"][data-key="${await tip.getAttribute('data-key')}"]`)
      .getAttribute('aria-label');
    expect(name ?? '').toMatch(
      /^Gouji: Table III, row “[^”]+”, column “[^”]+”, shows \d+, probable wrong cell \(should be \d+\)$/,
    );
    await page.screenshot({ path: artifact('i18n-tooltip-en-412.png') });

    // And back to Chinese everywhere.
    await popup.click('[data-action="lang"]');
    await popup.waitForSelector('[data-count="errors"] >> text=处错误');
    await expect.poll(() => chipWords(chip)).toMatch(/勾稽关系 \d+ 项：/);
    tip = await culpritTooltip(page);
    await expect.poll(() => textOf(tip)).toContain('可能是这一格出错');
    for (const p of [popup, page]) await p.close();
  });

  it('a contradiction between the text and a table reads in English in the popup and on the page', async () => {
    const { page, url } = await openFixture('narrative-provincial.html');
    const popup = await openPopup(await tabIdOf(url));
    await popup.click('[data-action="lang"]');
    try {
      const narrative = popup.locator('[data-section="narrative"] .finding-msg');
      await expect.poll(() => narrative.count()).toBeGreaterThan(0);
      for (const m of await narrative.allInnerTexts())
        expect(m, m).toMatch(/^the text says [\d.]+, but Table III .+ shows \d+$/);
      await popup.evaluate(() => document.querySelector('[data-section="narrative"]')?.scrollIntoView());
      await popup.screenshot({ path: artifact('i18n-popup-prose-en-412.png') });
      // The contradicted table cell's tooltip says it in English too.
      const cell = await page.getAttribute(`[${ATTR.prose}]`, ATTR.field);
      const target = page.locator(`${ANCHOR_SELECTOR} [part~="${PART.target}"][data-key="${cell}"]`);
      await page.locator(`[${ATTR.field}="${cell}"]`).scrollIntoViewIfNeeded();
      await target.focus();
      const tip = page.locator(`${HOST_SELECTOR} [part~="${PART.tooltip}"]`);
      await expect.poll(() => textOf(tip)).toMatch(/The text “[^”]+” contradicts this cell: the text says/);
      await page.screenshot({ path: artifact('i18n-tooltip-prose-en-412.png') });
    } finally {
      await popup.click('[data-action="lang"]');
      await popup.waitForSelector('[data-count="errors"] >> text=处错误');
    }
    for (const p of [popup, page]) await p.close();
  });
});
