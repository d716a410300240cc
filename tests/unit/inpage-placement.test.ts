// Where labels and chips go (components/inpage/placement.ts): beside the numbers, never over any text.
import { describe, expect, it } from 'vitest';
import {
  intersects,
  labelWidth,
  overlapArea,
  placeChip,
  placeLabels,
  placeTooltip,
  unionBox,
} from '../../components/inpage/placement';

const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe('placeLabels', () => {
  const table = box(100, 100, 300, 200);
  it('uses the cell’s own padding when there is room beside its text', () => {
    const cell = box(200, 150, 80, 20);
    const text = box(230, 154, 20, 12);
    const placed = placeLabels([{ key: 'a', w: 12, h: 12, cell, text, table }], [text]);
    const at = placed.get('a')!;
    expect(intersects(at, text)).toBe(false);
    expect(at.x).toBeGreaterThanOrEqual(cell.x);
    expect(at.x + at.w).toBeLessThanOrEqual(cell.x + cell.w);
  });
  it('goes to the gutter when a compact cell is full of digits, and never onto another label', () => {
    const cell = box(200, 150, 24, 14);
    const text = box(200, 150, 24, 14);
    const neighbours = [
      box(176, 150, 24, 14),
      box(224, 150, 24, 14),
      box(200, 136, 24, 14),
      box(200, 164, 24, 14),
      box(176, 136, 24, 14),
      box(224, 136, 24, 14),
      box(176, 164, 24, 14),
      box(224, 164, 24, 14),
    ];
    const obstacles = [text, ...neighbours];
    const placed = placeLabels(
      [
        { key: 'a', w: 50, h: 16, cell, text, table },
        { key: 'b', w: 50, h: 16, cell, text, table },
      ],
      obstacles,
    );
    const a = placed.get('a')!;
    const b = placed.get('b')!;
    for (const o of obstacles) expect(intersects(a, o) || intersects(b, o)).toBe(false);
    expect(a.x).toBeGreaterThanOrEqual(table.x + table.w);
    expect(intersects(a, b)).toBe(false);
  });
  it('leaves a label out rather than cover a number or leave the page', () => {
    const cell = box(0, 0, 20, 10);
    const placed = placeLabels(
      [{ key: 'a', w: 60, h: 16, cell, text: cell, table: box(0, 0, 500, 500) }],
      [box(0, 0, 10_000, 10_000)],
      500,
    );
    expect(placed.has('a')).toBe(false);
  });
  it('measures labels: Han characters wider than digits', () => {
    expect(labelWidth('应为 12')).toBeGreaterThan(labelWidth('12'));
  });
});

describe('placeChip', () => {
  const table = box(100, 300, 600, 400);
  it('sits above the table at its right, clear of the heading', () => {
    const heading = box(100, 270, 240, 20);
    const at = placeChip({ w: 200, h: 20 }, table, [heading], 1280)!;
    expect(at.x + at.w).toBe(700);
    expect(at.y + at.h).toBeLessThanOrEqual(table.y);
    expect(intersects(at, heading)).toBe(false);
  });
  it('moves beside the table when the heading takes the whole width, and gives up when nothing is free', () => {
    const heading = box(0, 270, 700, 30);
    const at = placeChip({ w: 200, h: 20 }, table, [heading], 1280)!;
    expect(at.x).toBeGreaterThanOrEqual(700);
    expect(placeChip({ w: 200, h: 20 }, table, [heading], 760)).toBeNull();
  });
});

describe('placeTooltip', () => {
  const view = box(0, 1000, 412, 800);
  const size = { w: 380, h: 120 };
  it('goes below the cell and its neighbours when there is room, kept inside the window', () => {
    const cell = box(300, 1200, 40, 20);
    const avoid = box(260, 1180, 120, 60);
    const spot = placeTooltip(size, cell, avoid, view);
    expect(spot.y).toBe(1244);
    expect(spot.x + spot.w).toBeLessThanOrEqual(412 - 8);
    expect(intersects(spot, avoid)).toBe(false);
  });
  it('goes above when below would leave the window (or run under the navigator)', () => {
    const cell = box(100, 1700, 40, 20);
    const avoid = box(60, 1680, 120, 60);
    const spot = placeTooltip(size, cell, avoid, { ...view, h: 700 });
    expect(spot.y + spot.h).toBeLessThanOrEqual(1680);
    expect(intersects(spot, avoid)).toBe(false);
  });
  it('beside when neither above nor below fits, else below (the page scrolls) — never over the numbers', () => {
    const tall = box(0, 1000, 1280, 300);
    const avoid = box(100, 1010, 200, 280);
    const side = placeTooltip({ w: 300, h: 100 }, box(150, 1100, 40, 20), avoid, tall);
    expect(side.x).toBe(304);
    const none = placeTooltip({ w: 1400, h: 400 }, box(150, 1100, 40, 20), avoid, tall);
    expect(intersects(none, avoid)).toBe(false);
  });
  it('leaves our chip, the table header and the heading above visible when another place exists', () => {
    // The 总计 cell of the first row of values, low in the window: below does not fit, above would cover
    // the header row and the chip — the tooltip goes beside the table instead.
    const win = box(0, 0, 1280, 800);
    const header = box(100, 560, 320, 40);
    const chip = box(220, 535, 200, 20);
    const cell = box(370, 610, 40, 18);
    const avoid = box(330, 600, 90, 40);
    const tall = { w: 360, h: 300 };
    const plain = placeTooltip(tall, cell, avoid, win);
    expect(intersects(plain, header)).toBe(true); // what it did before: above, over the header
    const spot = placeTooltip(tall, cell, avoid, win, [header, chip]);
    expect(intersects(spot, avoid)).toBe(false);
    expect(intersects(spot, header)).toBe(false);
    expect(intersects(spot, chip)).toBe(false);
    expect(spot.y + spot.h).toBeLessThanOrEqual(800 - 8);
  });
  it('covers as little of them as it can when every place inside the window meets them, never the numbers', () => {
    // 412 px: neither side has room; below does not fit; above meets the header — least of it.
    const win = box(0, 0, 412, 800);
    const header = box(0, 380, 412, 30);
    const avoid = box(150, 420, 120, 40);
    const spot = placeTooltip({ w: 380, h: 400 }, box(180, 430, 40, 18), avoid, win, [header]);
    expect(intersects(spot, avoid)).toBe(false);
    expect(spot.y + spot.h).toBeLessThanOrEqual(avoid.y);
    // With room below after all, below wins and covers nothing.
    const low = placeTooltip({ w: 380, h: 200 }, box(180, 430, 40, 18), avoid, win, [header]);
    expect(low.y).toBe(avoid.y + avoid.h + 4);
    expect(overlapArea(low, header)).toBe(0);
  });
  it('overlapArea', () => {
    expect(overlapArea(box(0, 0, 10, 10), box(5, 5, 10, 10))).toBe(25);
    expect(overlapArea(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(0);
  });
  it('unionBox', () => {
    expect(unionBox([])).toBeNull();
    expect(unionBox([box(0, 0, 10, 10), box(20, 5, 5, 20)])).toEqual(box(0, 0, 25, 25));
  });
});
