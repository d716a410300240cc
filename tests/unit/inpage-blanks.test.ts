// 2019-format blanks in the page (issue #11): a table with many checks undecided only because of blanks
// gets ONE notice on its chip instead of a "?" mark per cell and failure texts; the cells keep their
// outline attributes (the page contract), blank cells counted as 0 are no Tab stops; with 空白按 0 计 on,
// the chip says so and the blank grand total is the one error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTR, PART } from '../../lib/contract';
import { marked, openPage, targets as markButtons, ui, type Harness } from '../support/inpage';

const PAGE = readFileSync(join(__dirname, '../fixtures/format2019-blanks.html'), 'utf8');
const URL = /name="gouji-fixture-url" content="([^"]+)"/.exec(PAGE)![1]!;

let h: Harness | null = null;
afterEach(() => {
  h?.abort.abort();
  h?.win.close();
  h = null;
});

const q = (root: ShadowRoot, part: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];

describe('a 2019 report with blanks, in the page', () => {
  it('says the blanks once, on the table chip: no "?" mark, no failure text per cell', async () => {
    h = openPage(PAGE, URL);
    expect(await h.inpage.start()).toBe('report');
    const root = await ui(h);
    const targets = h.inpage.store.targets.peek();
    expect(targets.filter((t) => t.severity === 'uncertain')).toEqual([]);
    expect(h.inpage.store.walk.peek()).toEqual([]);
    const chip = q(root, PART.chip).find((c) => c.dataset.table === 'apply')!;
    expect(chip.textContent).toContain('20 项因空白无法判断');
    expect(chip.textContent).toContain(
      '表三中有 126 个空白单元格（空白不等于 0），其中总计或全部数据为空白的 20 项勾稽关系无法核对',
    );
    // The cells still carry what the core found (page contract), for the outline and for automation.
    expect(marked(h.doc, ATTR.uncertain).size).toBeGreaterThan(20);
    // …but no outline of their own (no load token: our stylesheet draws nothing on them), so the table is
    // not a grid of dotted boxes; the blank cell that is the grand total is one of them.
    const total = h.doc.querySelector(`[${ATTR.field}="apply.total.total"]`)!;
    expect(total.hasAttribute(ATTR.uncertain)).toBe(true);
    expect(total.hasAttribute(ATTR.mark)).toBe(false);
    expect(h.doc.querySelectorAll(`[${ATTR.mark}]`).length).toBe(0);
    // Blank cells counted as 0 explain themselves on hover but are no Tab stops.
    const zero = markButtons(h.doc).filter((b) => b.dataset.status === 'zero');
    expect(zero.length).toBeGreaterThan(50);
    for (const b of zero) expect(b.tabIndex).toBe(-1);
    expect(root.textContent).not.toContain('为空白，无法核对');
  });

  it('with 空白按 0 计 on: the chip says so, the blank grand total is the one error, its badge 应为 216', async () => {
    h = openPage(PAGE, URL, { blankAsZero: true });
    expect(await h.inpage.start()).toBe('report');
    const root = await ui(h);
    const chip = q(root, PART.chip).find((c) => c.dataset.table === 'apply')!;
    expect(chip.textContent).toContain('1 处错误（3 项核对不一致）');
    expect(chip.textContent).toContain('已选“空白按 0 计”');
    // The culprit is drawn (outline, badge): its cell carries the load's token.
    expect(h.doc.querySelector(`[${ATTR.field}="apply.total.total"]`)!.hasAttribute(ATTR.mark)).toBe(true);
    expect(h.inpage.store.targets.peek().find((t) => t.key === 'apply.total.total')?.suggested).toBe(216);
    const sent = h.sent.find((m) => m.type === 'gouji:result') as { report?: { options?: unknown } } | undefined;
    expect(sent?.report?.options).toEqual({ blankAsZero: true });
  });
});
