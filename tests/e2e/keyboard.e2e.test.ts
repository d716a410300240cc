// Keyboard only, in Chromium with the built extension (issue #11): walk the findings with Alt+↓/↑ (the
// navigator), pin a tooltip with Enter, Tab stays inside it, Esc closes it and gives focus back; in the
// popup, Tab reaches a finding that scrolls clear of the sticky bars and Enter shows it in the page.
// Screenshots at 1280 and 412 px go to test-results/ (keyboard-*.png, views-*.png).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_SELECTOR, ATTR, HOST_SELECTOR, PART, PERF } from '../../lib/contract';
import { FIXTURES, artifact, launch, settled, tabIdFor, type Launched } from './harness';
import { seed000Values, sitePage } from '../support/pages';
import { REVIEW_FIELDS } from '../../lib/schema/review';

declare const chrome: {
  storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
  tabs: { sendMessage(tabId: number, msg: unknown): Promise<unknown> };
};

let L: Launched;
beforeAll(async () => {
  L = await launch();
});
afterAll(async () => {
  await L?.close();
});

function fiveErrors(): Record<string, number> {
  const v = seed000Values();
  const plus = (f: string, d: number) => [f, Number(v[f]) + d] as const;
  return Object.fromEntries([
    plus('apply.granted.natural_person', 3),
    plus('apply.partly_granted.commercial', 2),
    plus('apply.withheld.state_secret.research', 1),
    plus('apply.unavailable.not_held.nonprofit', 4),
    plus('apply.not_processed.repeated.legal_service', 1),
  ]);
}
const COMPACT =
  '<style>#zoom table{width:100%;font-size:12px;line-height:1.15} #zoom td{padding:0 1px!important}</style>';

/** What has focus (a mark in its keyboard anchor, or something in our layer), and what the tooltip / navigator say. */
function state(page: Page) {
  return page.evaluate(
    ({ tag, anchor, tip, nav }) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const doc = document.activeElement;
      const a = (
        doc?.matches(anchor) ? doc.shadowRoot!.activeElement : doc?.matches(tag) ? root.activeElement : null
      ) as HTMLElement | null;
      const t = root.querySelector<HTMLElement>(`[part~="${tip}"]`);
      return {
        focusKey: a?.dataset.key ?? null,
        focusInTooltip: !!(a && t?.contains(a)),
        focusTag: a?.localName ?? document.activeElement?.localName ?? null,
        tooltipKey: t?.dataset.key ?? null,
        tooltipRole: t?.getAttribute('role') ?? null,
        nav: root.querySelector(`[part~="${nav}"] .nav-pos`)?.textContent ?? null,
      };
    },
    { tag: HOST_SELECTOR, anchor: ANCHOR_SELECTOR, tip: PART.tooltip, nav: PART.navigator },
  );
}

const tabIdOf = (url: string): Promise<number> => tabIdFor(L, url);

async function openReport(url: string, html: string, width: number): Promise<Page> {
  L.pages.set(url, html);
  const page = await L.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(url);
  expect(await settled(page)).toBe('report');
  await page.waitForFunction(
    (tag) => !!document.querySelector(tag)?.shadowRoot?.querySelector('[part~="target"]'),
    ANCHOR_SELECTOR,
  );
  return page;
}

describe('keyboard only, in the page', () => {
  it.each([1280, 412])(
    'walks the findings, pins a tooltip, keeps Tab inside it and Esc returns focus (%i px)',
    async (width) => {
      const page = await openReport(
        `https://www.zs.gov.cn/keyboard/${width}.html`,
        sitePage({ set: fiveErrors(), head: COMPACT, textReceived: 150 }),
        width,
      );
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      await page.keyboard.press('Alt+ArrowDown');
      let s = await state(page);
      // A number in the text that contradicts the tables comes first.
      expect(s.focusKey).toMatch(/^narrative:/);
      expect(s.tooltipKey).toBe(s.focusKey);
      // One stop per error: the text contradiction and the five wrong cells (the chip says 5 处错误).
      expect(s.nav).toBe('第 1 / 6 处');
      await page.screenshot({ path: artifact(`keyboard-navigator-prose-${width}.png`) });

      await page.keyboard.press('Alt+ArrowDown');
      s = await state(page);
      expect(s.focusKey).toMatch(/^apply\./);
      expect(s.nav).toBe('第 2 / 6 处');
      // j / k while focus is in our UI.
      await page.keyboard.press('j');
      const third = (await state(page)).focusKey;
      expect(third).not.toBe(s.focusKey);
      await page.keyboard.press('k');
      expect((await state(page)).focusKey).toBe(s.focusKey);
      await page.screenshot({ path: artifact(`keyboard-navigator-cell-${width}.png`) });

      // Enter pins the tooltip (a dialog); Tab cycles inside it; Esc closes it and focus goes back.
      const mark = s.focusKey;
      await page.keyboard.press('Enter');
      // The pinned tooltip is laid out in the next frame, and focus moves in then.
      await expect.poll(async () => (await state(page)).focusInTooltip).toBe(true);
      s = await state(page);
      expect(s.tooltipRole).toBe('dialog');
      expect(s.focusInTooltip).toBe(true);
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        expect((await state(page)).focusInTooltip).toBe(true);
      }
      await page.keyboard.press('Shift+Tab');
      expect((await state(page)).focusInTooltip).toBe(true);
      await page.screenshot({ path: artifact(`keyboard-tooltip-pinned-${width}.png`) });
      await page.keyboard.press('Escape');
      s = await state(page);
      expect(s.tooltipRole).toBeNull();
      expect(s.focusKey).toBe(mark);
      await page.close();
    },
  );
});

/**
 * The page's own Tab order with our marks in it (issue #11): a link before the tables, one between table 二
 * and 三, one after. What Tab focuses: a link, or a mark (its key) inside its keyboard anchor.
 */
function focusedStop(page: Page): Promise<string | null> {
  return page.evaluate((anchor) => {
    const a = document.activeElement;
    if (!a || a === document.body) return null;
    if (a.matches(anchor)) return (a.shadowRoot!.activeElement as HTMLElement | null)?.dataset.key ?? '?';
    return a.id ? `#${a.id}` : a.localName;
  }, ANCHOR_SELECTOR);
}

/** Boxes of the article's tables, paragraphs and links (document coordinates), to compare layouts. */
function layoutOf(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#zoom table, #zoom p, #zoom a, #zoom td')]
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.localName}:${r.left + scrollX},${r.top + scrollY},${r.width},${r.height}`;
      })
      .join(';'),
  );
}

describe('marks in the page’s Tab order, beside their tables', () => {
  it('Tab: link before → the text number → link between 二 and 三 → marks of 三, of 四 → link after; Shift+Tab back', async () => {
    const v = seed000Values();
    const set = { ...fiveErrors(), [REVIEW_FIELDS[0]!]: Number(v[REVIEW_FIELDS[0]!]) + 1 };
    const html = sitePage({ set, textReceived: 150 })
      .replace('<p>一、总体情况</p>', '<p><a id="before" href="#before">目录</a></p><p>一、总体情况</p>')
      .replace(
        '<p>三、收到和处理政府信息公开申请情况</p>',
        '<p><a id="between" href="#between">表格说明</a></p><p>三、收到和处理政府信息公开申请情况</p>',
      )
      .replace(
        '<p>五、存在的主要问题及改进情况</p>',
        '<p><a id="after" href="#after">附件</a></p><p>五、存在的主要问题及改进情况</p>',
      );
    // The same page where Gouji does not run (not gov.cn): the page as its author made it.
    const bare = await L.context.newPage();
    L.pages.set('https://example.com/taborder.html', html);
    await bare.setViewportSize({ width: 1280, height: 800 });
    await bare.goto('https://example.com/taborder.html');
    const pristine = { body: await bare.evaluate(() => document.body.innerHTML), layout: await layoutOf(bare) };
    await bare.close();

    const url = 'https://www.zs.gov.cn/keyboard/taborder.html';
    const page = await openReport(url, html, 1280);
    await page.waitForFunction((a) => document.querySelectorAll(a).length === 3, ANCHOR_SELECTOR);
    // What Tab should reach: each anchor's marks (Tab stops only) in page order, grouped by where they are.
    const groups = await page.evaluate(
      ({ anchor, field }) =>
        [...document.querySelectorAll(anchor)].map((a) => ({
          before: a.nextSibling?.nodeType === 3 ? 'text' : (a.nextSibling as Element).getAttribute('data-gouji-table'),
          keys: [...a.shadowRoot!.querySelectorAll<HTMLElement>('[part~="target"]')]
            .filter((b) => b.tabIndex >= 0)
            .map((b) => b.dataset.key!),
          // The cells in the table's own reading order, for the keys that are cells.
          order:
            a.nextSibling?.nodeType === 1
              ? [...(a.nextSibling as Element).querySelectorAll(`[${field}]`)].map((c) => c.getAttribute(field)!)
              : [],
        })),
      { anchor: ANCHOR_SELECTOR, field: ATTR.field },
    );
    expect(groups.map((g) => g.before)).toEqual(['text', 'apply', 'review']);
    for (const g of groups.slice(1)) {
      const inTable = g.order.filter((f) => g.keys.includes(f));
      expect(g.keys).toEqual(inTable); // reading order
    }
    expect(groups[1]!.keys).toEqual(expect.arrayContaining(Object.keys(fiveErrors())));
    expect(groups[2]!.keys.length).toBeGreaterThan(0);
    const want = ['#before', ...groups[0]!.keys, '#between', ...groups[1]!.keys, ...groups[2]!.keys, '#after'];

    await page.focus('#before');
    const forward = ['#before'];
    for (let i = 1; i < want.length; i++) {
      await page.keyboard.press('Tab');
      forward.push((await focusedStop(page)) ?? 'none');
    }
    expect(forward).toEqual(want);
    // Focus left the last mark for the page's link: its tooltip goes (after the focus hide delay).
    await expect.poll(async () => (await state(page)).tooltipKey).toBeNull();
    await page.screenshot({ path: artifact('keyboard-taborder-1280.png') });
    const backward = ['#after'];
    for (let i = 1; i < want.length; i++) {
      await page.keyboard.press('Shift+Tab');
      backward.push((await focusedStop(page)) ?? 'none');
    }
    expect(backward).toEqual([...want].reverse());
    // A mark reached by Tab shows its tooltip; Enter pins it, Esc gives focus back to that mark.
    const cell = want.indexOf('#between') + 1;
    for (let i = 0; i < cell; i++) await page.keyboard.press('Tab');
    expect(await focusedStop(page)).toBe(want[cell]);
    await expect.poll(async () => (await state(page)).tooltipKey).toBe(want[cell]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).focusInTooltip).toBe(true);
    await page.keyboard.press('Tab');
    expect((await state(page)).focusInTooltip).toBe(true);
    await page.keyboard.press('Escape');
    expect(await focusedStop(page)).toBe(want[cell]);
    // …and Tab goes on from there in the page's order.
    await page.keyboard.press('Tab');
    expect(await focusedStop(page)).toBe(want[cell + 1]);

    // All that Tab-walking and focusing never made the page look changed: one analysis.
    await page.waitForTimeout(400);
    expect(await page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, PERF.analyze)).toBe(1);
    // Nothing of ours moved anything: the same boxes as the page without Gouji.
    expect((await layoutOf(page)) === pristine.layout, 'tables, paragraphs and links keep their boxes').toBe(true);
    // Hiding the marks takes every node we put in <body> out: the body is the author's again, byte for byte.
    expect(await page.evaluate(() => document.body.innerHTML)).not.toBe(pristine.body);
    const tabId = await tabIdOf(url);
    await L.serviceWorker.evaluate(([id, m]) => chrome.tabs.sendMessage(id as number, m), [
      tabId,
      { type: 'gouji:set-marks', visible: false },
    ] as const);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine.body);
    expect(await page.evaluate((a) => document.querySelectorAll(a).length, ANCHOR_SELECTOR)).toBe(0);
    await page.close();
  });
});

describe('keyboard only, in the popup', () => {
  it('Tab reaches each finding clear of the sticky bars; Enter shows it in the page', async () => {
    const url = 'https://www.zs.gov.cn/keyboard/popup.html';
    const page = await openReport(url, sitePage({ set: fiveErrors(), textReceived: 150 }), 1280);
    const tabId = await tabIdOf(url);
    const popup = await L.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-section="fail"]');
    await popup.screenshot({ path: artifact('views-popup-errors.png') });
    // Text contradictions lead; then one group per wrong cell.
    expect(await popup.$$eval('[data-section]', (els) => els.map((e) => (e as HTMLElement).dataset.section))).toEqual([
      'narrative',
      'fail',
    ]);
    expect(await popup.$$eval('[data-error]', (els) => els.length)).toBe(5);
    // At popup size more than one and a half findings show before any scrolling: the second one's head
    // is above the sticky footer.
    const visible = await popup.evaluate(() => {
      const foot = document.querySelector('footer.actions')!.getBoundingClientRect().top;
      return [...document.querySelectorAll('[data-section] .finding, [data-error]')].filter(
        (el) => el.getBoundingClientRect().top + 24 <= foot,
      ).length;
    });
    expect(visible).toBeGreaterThanOrEqual(2);
    let seen = 0;
    for (let i = 0; i < 80 && seen < 8; i++) {
      await popup.keyboard.press('Tab');
      const geo = await popup.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a?.closest('.finding')) return null;
        const r = a.getBoundingClientRect();
        const bar = document.querySelector('.bar')!.getBoundingClientRect();
        const foot = document.querySelector('footer.actions')!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, barBottom: bar.bottom, footTop: foot.top };
      });
      if (!geo) continue;
      seen++;
      expect(geo.top).toBeGreaterThanOrEqual(geo.barBottom - 0.5);
      expect(geo.bottom).toBeLessThanOrEqual(geo.footTop + 0.5);
    }
    expect(seen).toBeGreaterThanOrEqual(8);
    await popup.screenshot({ path: artifact('views-popup-errors-focused.png') });
    // Enter on a finding's title asks the page to show it.
    await popup.focus('[data-section="fail"] .finding-main');
    await popup.keyboard.press('Enter');
    await page.waitForFunction((a) => !!document.querySelector(`[${a}]`), ATTR.flash);
    await popup.close();
    await page.close();
  });
});

describe('views, looked at', () => {
  const shots: [string, string, number][] = [
    ['format2019.html', 'views-2019', 1280],
    ['format2019.html', 'views-2019', 412],
    ['seed000-plain.html', 'views-consistent', 412],
    ['format2019-blanks.html', 'views-2019-blanks', 1280],
    ['format2019-blanks.html', 'views-2019-blanks', 412],
  ];
  it.each(shots)('%s as %s at %i px', async (file, name, width) => {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    const url = /name="gouji-fixture-url" content="([^"]+)"/.exec(html)![1]!;
    L.pages.set(url, html);
    const page = await L.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    expect(await settled(page)).toBe('report');
    await page.locator('table[data-gouji-table~="apply"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    await page.screenshot({ path: artifact(`${name}-${width}.png`) });
    if (width === 412) {
      const tabId = await tabIdOf(url);
      const popup = await L.context.newPage();
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('[data-count]');
      await popup.screenshot({ path: artifact(`${name}-popup.png`) });
      await popup.close();
    }
    await page.close();
  });

  it('空白按 0 计 from the popup: stored, the page re-checks, the chip and the popup say the option is on', async () => {
    const html = readFileSync(join(FIXTURES, 'format2019-blanks.html'), 'utf8');
    const url = /name="gouji-fixture-url" content="([^"]+)"/.exec(html)![1]!.replace('.html', '-b0.html');
    L.pages.set(url, html);
    const page = await L.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    expect(await settled(page)).toBe('report');
    const chipText = () =>
      page.evaluate(
        ({ tag, chip }) =>
          document.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${chip}"][data-table="apply"]`)
            ?.textContent ?? '',
        { tag: HOST_SELECTOR, chip: PART.chip },
      );
    await expect.poll(chipText).toContain('20 项勾稽关系无法核对');
    const tabId = await tabIdOf(url);
    const popup = await L.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${tabId}`);
    const box = popup.locator('[data-option="blank-as-zero"] input[type="checkbox"]');
    await expect.poll(() => box.isChecked()).toBe(false);
    await box.focus();
    await popup.keyboard.press('Space');
    // The page re-checks with the option; its new result reaches the popup.
    await popup.waitForSelector('[data-option="blank-as-zero"][data-used="true"]');
    expect(await popup.textContent('[data-count="errors"]')).toContain('1');
    await expect.poll(chipText).toContain('已选“空白按 0 计”');
    expect(await chipText()).toContain('1 处错误（3 项核对不一致）');
    await page.locator('table[data-gouji-table~="apply"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact('views-2019-blanks-as-zero-1280.png') });
    await popup.screenshot({ path: artifact('views-2019-blanks-as-zero-popup.png') });
    // Off again: stored, and the page goes back to undecided.
    await box.focus();
    await popup.keyboard.press('Space');
    await popup.waitForSelector('[data-option="blank-as-zero"][data-used="false"]');
    await expect.poll(chipText).toContain('20 项勾稽关系无法核对');
    await popup.close();
    await page.close();
  });

  it('the 反馈意见 letter', async () => {
    const url = 'https://www.zs.gov.cn/keyboard/letter.html';
    const page = await openReport(url, sitePage({ set: fiveErrors(), textReceived: 150 }), 1280);
    const tabId = await tabIdOf(url);
    const popup = await L.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${L.extensionId}/popup.html?tabId=${tabId}`);
    await popup.click('[data-action="feedback"]');
    const text = await popup.inputValue('[data-field="feedback-text"]');
    expect(text).toContain('有 6 处数据经核对不一致（涉及 10 项表格勾稽关系）');
    expect(text).toContain('《中山市人民政府办公室2024年度政府信息公开工作年度报告》');
    expect(text).not.toContain('门户网站》');
    expect(text).toMatch(/反馈人：_+\n联系方式：_+\n\d{4}年\d{1,2}月\d{1,2}日\n$/);
    await popup.locator('[data-section="feedback"]').scrollIntoViewIfNeeded();
    await popup.screenshot({ path: artifact('views-letter.png') });
    await popup.close();
    await page.close();
  });
});
