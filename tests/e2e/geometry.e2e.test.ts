// Marks beside, not over (issue #11): on a compact table with five errors, at widths from 360 to 1920 px
// (1280 px at 200 % zoom is a 640 px viewport with deviceScaleFactor 2; 50 % zoom of 960 px is 1920 px),
// no icon, "应为 N" badge or chip of ours meets the text rectangle of any number (Range.getClientRects of
// each value cell), and showing the marks moves nothing on the page. Screenshots go to test-results/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_SELECTOR, ATTR, HOST_SELECTOR, PART } from '../../lib/contract';
import { artifact, launch, settled, type Launched } from './harness';
import { seed000Values, sitePage } from '../support/pages';

let L: Launched;
beforeAll(async () => {
  L = await launch();
});
afterAll(async () => {
  await L?.close();
});

/** Five independent wrong cells in table 三 (distinct rows and columns): five culprits, ten failing checks. */
export function fiveErrors(): Record<string, number> {
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

// A compact table: no cell padding, small type, the table as wide as the article.
const COMPACT =
  '<style>#zoom table{width:100%;font-size:12px;line-height:1.15} #zoom td{padding:0 1px!important}</style>';

interface Geometry {
  digits: number;
  labels: { key: string; kind: string; box: [number, number, number, number] }[];
  chips: [number, number, number, number][];
  overlaps: string[];
  cells: string;
}

/** Every value cell's text rectangles against every label / chip we draw (viewport coordinates). */
function measure(page: Page): Promise<Geometry> {
  return page.evaluate(
    ({ tag, fieldAttr, label, chip }) => {
      const rects: { field: string; r: DOMRect }[] = [];
      for (const cell of document.querySelectorAll(`[${fieldAttr}]`)) {
        const range = document.createRange();
        range.selectNodeContents(cell);
        for (const r of range.getClientRects())
          if (r.width > 0 && r.height > 0) rects.push({ field: cell.getAttribute(fieldAttr)!, r });
      }
      const root = document.querySelector(tag)!.shadowRoot!;
      const box = (r: DOMRect): [number, number, number, number] => [r.left, r.top, r.width, r.height];
      const labels = [...root.querySelectorAll<HTMLElement>(`[part~="${label}"]`)].map((el) => ({
        key: el.dataset.key!,
        kind: el.className,
        box: box(el.getBoundingClientRect()),
      }));
      const chips = [...root.querySelectorAll<HTMLElement>(`[part~="${chip}"]`)].map((el) =>
        box(el.getBoundingClientRect()),
      );
      const hit = (a: [number, number, number, number], b: DOMRect) =>
        a[0] < b.right - 0.5 && b.left + 0.5 < a[0] + a[2] && a[1] < b.bottom - 0.5 && b.top + 0.5 < a[1] + a[3];
      const overlaps: string[] = [];
      for (const l of labels)
        for (const d of rects) if (hit(l.box, d.r)) overlaps.push(`${l.kind} of ${l.key} over ${d.field}`);
      for (const c of chips) for (const d of rects) if (hit(c, d.r)) overlaps.push(`chip over ${d.field}`);
      // Chips never cover the headings and paragraphs of the article either, nor the tables' header text.
      for (const el of document.querySelectorAll('#zoom > p, #zoom > h1, #zoom td:not([data-gouji-field])')) {
        const range = document.createRange();
        range.selectNodeContents(el);
        for (const r of range.getClientRects())
          if (r.width > 0 && r.height > 0)
            for (const c of chips) if (hit(c, r)) overlaps.push(`chip over “${el.textContent!.trim().slice(0, 12)}”`);
      }
      const cells = [...document.querySelectorAll('td')]
        .map((td) => {
          const r = td.getBoundingClientRect();
          return `${r.left + scrollX},${r.top + scrollY},${r.width},${r.height}`;
        })
        .join(';');
      return { digits: rects.length, labels, chips, overlaps, cells };
    },
    { tag: HOST_SELECTOR, fieldAttr: ATTR.field, label: PART.label, chip: PART.chip },
  );
}

async function relaid(page: Page): Promise<void> {
  // Two frames: the resize observer's frame, then ours.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

describe('marks beside, not over', () => {
  const WIDTHS: [number, number][] = [
    [360, 1],
    [412, 2],
    [640, 2],
    [1280, 1],
    [1920, 1],
  ];

  it.each(WIDTHS)('at %i px (scale %i): no label or chip covers a number', async (width, scale) => {
    const url = `https://www.zs.gov.cn/geometry/${width}.html`;
    L.pages.set(url, sitePage({ set: fiveErrors(), head: COMPACT }));
    const ctxPage = scale === 1 ? await L.context.newPage() : null;
    // deviceScaleFactor needs a context option; emulate 200 % zoom through CDP on the same context.
    const page = ctxPage ?? (await L.context.newPage());
    await page.setViewportSize({ width, height: 900 });
    if (scale !== 1) {
      const cdp = await L.context.newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width,
        height: 900,
        deviceScaleFactor: scale,
        mobile: false,
      });
    }
    await page.goto(url);
    expect(await settled(page)).toBe('report');
    await page.waitForFunction(
      (tag) => !!document.querySelector(tag)?.shadowRoot?.querySelector('[part~="label"]'),
      HOST_SELECTOR,
    );
    await relaid(page);
    const g = await measure(page);
    expect(g.digits).toBeGreaterThan(150);
    expect(g.overlaps).toEqual([]);
    // Five culprits: five "应为 N" badges wherever there is room beside the table (at 1280 px and up).
    const badges = g.labels.filter((l) => l.kind === 'badge');
    if (width >= 1280) expect(badges.map((b) => b.key).sort()).toEqual(Object.keys(fiveErrors()).sort());
    await page.locator('table[data-gouji-table~="apply"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact(`geometry-compact-five-errors-${width}.png`), fullPage: false });

    // Showing the marks moves nothing: every cell's box is the same with the marks hidden.
    const hidden = await page.evaluate(
      ({ tag }) => {
        document.querySelector(tag)?.remove();
        for (const s of document.querySelectorAll('style[data-gouji-style]')) s.remove();
        return [...document.querySelectorAll('td')]
          .map((td) => {
            const r = td.getBoundingClientRect();
            return `${r.left + scrollX},${r.top + scrollY},${r.width},${r.height}`;
          })
          .join(';');
      },
      { tag: HOST_SELECTOR },
    );
    expect(hidden === g.cells, 'every cell keeps its box when the marks go').toBe(true);
    await page.close();
  });

  it('keeps numbers clear while the page zooms (CSS zoom 50 %–200 % on the article)', async () => {
    const url = 'https://www.zs.gov.cn/geometry/zoom.html';
    L.pages.set(url, sitePage({ set: fiveErrors(), head: COMPACT }));
    const page = await L.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    expect(await settled(page)).toBe('report');
    for (const zoom of [0.5, 0.75, 1.5, 2]) {
      await page.evaluate((z) => {
        (document.body.style as CSSStyleDeclaration & { zoom: string }).zoom = String(z);
      }, zoom);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
      await relaid(page);
      const g = await measure(page);
      expect(g.overlaps, `zoom ${zoom}`).toEqual([]);
      expect(g.labels.length, `zoom ${zoom}`).toBeGreaterThan(0);
    }
    await page.close();
  });
});

/**
 * The current finding's tooltip and the navigator against the numbers they talk about: the marked cell's
 * text and the text of every cell touching it (a label spanning many rows counts only within three rows),
 * or the text number's own line. Viewport coordinates.
 */
function measureTip(page: Page) {
  return page.evaluate(
    ({ tag, tip, nav }) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const t = root.querySelector<HTMLElement>(`[part~="${tip}"]`);
      const n = root.querySelector<HTMLElement>(`[part~="${nav}"]`);
      if (!t) return { key: null, overlaps: [] as string[], covers: [] as string[], placeExists: false, place: '' };
      const key = t.dataset.key!;
      const boxes: [string, DOMRect][] = [];
      const texts = (el: Element, near?: DOMRect) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return [...range.getClientRects()].filter(
          (r) =>
            r.width > 0 &&
            r.height > 0 &&
            (!near || (r.bottom >= near.top - 3 * near.height && r.top <= near.bottom + 3 * near.height)),
        );
      };
      const cell = document.querySelector(`[data-gouji-field="${CSS.escape(key)}"]`);
      if (cell) {
        const c = cell.getBoundingClientRect();
        for (const other of cell.closest('table')!.querySelectorAll('td,th')) {
          const o = other.getBoundingClientRect();
          if (o.right < c.left - 2 || o.left > c.right + 2 || o.bottom < c.top - 2 || o.top > c.bottom + 2) continue;
          for (const r of texts(other, c))
            boxes.push([other === cell ? 'the marked cell' : `“${other.textContent!.trim().slice(0, 10)}”`, r]);
        }
      }
      const hit = (a: DOMRect, b: DOMRect) =>
        a.left < b.right - 0.5 && b.left + 0.5 < a.right && a.top < b.bottom - 0.5 && b.top + 0.5 < a.bottom;
      const overlaps: string[] = [];
      const tr = t.getBoundingClientRect();
      const nr = n?.getBoundingClientRect();
      for (const [what, r] of boxes) {
        if (hit(tr, r)) overlaps.push(`tooltip of ${key} over ${what}`);
        if (nr && hit(nr, r)) overlaps.push(`navigator over ${what} (${key})`);
      }
      // Our table chips, the marked cell's table header (rows above its first row of values) and the heading
      // just above the table: the tooltip leaves them readable too.
      const keep: [string, DOMRect][] = [];
      for (const c of root.querySelectorAll<HTMLElement>('[part~="chip"]'))
        if (c.style.visibility !== 'hidden')
          keep.push([`chip “${c.textContent!.slice(0, 12)}”`, c.getBoundingClientRect()]);
      const table = cell?.closest('table');
      if (table) {
        for (const row of table.querySelectorAll('tr')) {
          if (row.querySelector('[data-gouji-field]')) break;
          for (const r of texts(row)) keep.push([`header “${row.textContent!.trim().slice(0, 10)}”`, r]);
        }
        let prev = table.previousElementSibling;
        while (prev && !prev.textContent!.trim()) prev = prev.previousElementSibling;
        if (prev) for (const r of texts(prev)) keep.push([`heading “${prev.textContent!.trim().slice(0, 10)}”`, r]);
      }
      const covers = keep.filter(([, r]) => hit(tr, r)).map(([what]) => `tooltip of ${key} over ${what}`);
      // Was there a place for it at all? Every position of the tooltip's size inside the window (8 px margin,
      // above the navigator), 4 px apart, against the numbers, the navigator and what it should leave clear.
      // (The marked cell's whole box, and a few pixels' gap around every number: a tooltip never sits on them.)
      const numbers = [...boxes.map(([, r]) => r), ...(cell ? [cell.getBoundingClientRect()] : [])];
      // A number in the text: its own line (the highlight's ranges).
      const hl = (CSS as unknown as { highlights?: Map<string, { forEach(f: (r: Range) => void): void }> }).highlights;
      if (!cell)
        for (const name of ['gouji-claim-fail', 'gouji-claim-warn'])
          hl?.get(name)?.forEach((r) => numbers.push(...r.getClientRects()));
      const bottom = nr && nr.height ? Math.min(innerHeight, nr.top) : innerHeight;
      let placeExists = false;
      let place = '';
      const w = tr.width;
      const h = tr.height;
      for (let y = 8; !placeExists && y + h <= bottom - 8; y += 4)
        for (let x = 8; x + w <= innerWidth - 8; x += 4) {
          const c = new DOMRect(x, y, w, h);
          const gap = new DOMRect(x - 3.5, y - 3.5, w + 7, h + 7);
          if (numbers.some((r) => hit(gap, r)) || keep.some(([, r]) => hit(c, r))) continue;
          placeExists = true;
          place = `${x},${y} ${Math.round(w)}×${Math.round(h)} (tooltip at ${Math.round(tr.left)},${Math.round(tr.top)}; window ${innerWidth}×${Math.round(bottom)})`;
          break;
        }
      return { key, overlaps, covers, placeExists, place };
    },
    { tag: HOST_SELECTOR, tip: PART.tooltip, nav: PART.navigator },
  );
}

/**
 * Our chips, the table's header row and the heading above stay readable whenever a place clear of them (and
 * of the numbers) exists in the window; at 1280 × 800 one always does. Where none does (a tall pinned
 * tooltip at phone width), the numbers still win and the count is printed.
 */
let noPlace = 0;
function keepClear(
  g: { key: string | null; covers: string[]; placeExists: boolean; place: string },
  width: number,
  how: string,
) {
  if (width >= 1280) expect(g.placeExists, `${how} ${g.key}: a clear place at ${width} px`).toBe(true);
  if (g.placeExists) expect(g.covers, `${how} ${g.key}: free at ${g.place}`).toEqual([]);
  else noPlace++;
}
afterAll(() => {
  if (noPlace) console.log(`geometry: ${noPlace} tooltip(s) had no place clear of chips and headers`);
});

describe('tooltips and the navigator beside the numbers', () => {
  it.each([360, 412, 1280])(
    'at %i px: walking every finding, neither covers the cell or its neighbours',
    async (width) => {
      const url = `https://www.zs.gov.cn/geometry/tips-${width}.html`;
      L.pages.set(url, sitePage({ set: fiveErrors(), head: COMPACT, textReceived: 150 }));
      const page = await L.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url);
      expect(await settled(page)).toBe('report');
      await page.waitForFunction(
        (tag) => !!document.querySelector(tag)?.shadowRoot?.querySelector('[part~="target"]'),
        ANCHOR_SELECTOR,
      );
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      const seen = new Set<string>();
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Alt+ArrowDown');
        await relaid(page);
        const g = await measureTip(page);
        expect(g.key).not.toBeNull();
        expect(g.overlaps).toEqual([]);
        keepClear(g, width, 'focus');
        if (seen.has(g.key!)) break;
        seen.add(g.key!);
        // Pinned (bigger: its buttons) too.
        await page.keyboard.press('Enter');
        await relaid(page);
        const pinned = await measureTip(page);
        expect(pinned.overlaps).toEqual([]);
        keepClear(pinned, width, 'pinned');
        if (i === 1) await page.screenshot({ path: artifact(`geometry-tooltip-pinned-${width}.png`) });
        await page.keyboard.press('Escape');
      }
      expect(seen.size).toBeGreaterThanOrEqual(6);
      // Hover: the pointer over each wrong cell where the walk left it (a culprit in the first rows of values
      // near the header too).
      await page.keyboard.press('Escape');
      for (const field of Object.keys(fiveErrors())) {
        const cell = page.locator(`[${ATTR.field}="${field}"]`);
        await cell.evaluate((e) => e.scrollIntoView({ block: 'center' }));
        await cell.hover();
        await expect.poll(async () => (await measureTip(page)).key).toBe(field);
        await relaid(page);
        const hover = await measureTip(page);
        expect(hover.overlaps, `hover ${field}`).toEqual([]);
        keepClear(hover, width, 'hover');
        await page.mouse.move(0, 0);
      }
      await page.close();
    },
  );
});
