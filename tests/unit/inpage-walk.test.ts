// Walking the findings in the page (issue #11): the navigator (Alt+↓/↑ anywhere, j/k in our UI), its
// order (text contradictions first, then cells in reading order), and the focus trap of a pinned tooltip.
import { afterEach, describe, expect, it } from 'vitest';
import { ATTR, PART } from '../../lib/contract';
import { focusedTarget, openPage, sleep, targets, ui, type Harness } from '../support/inpage';
import { newsPage, sitePage } from '../support/pages';

let h: Harness | null = null;
afterEach(() => {
  h?.abort.abort();
  h?.win.close();
  h = null;
});

const WRONG = { 'apply.new.natural_person': 165 };
const q = (root: ShadowRoot, part: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
const key = (
  h: Harness,
  k: string,
  init: { altKey?: boolean; shiftKey?: boolean } = {},
  on: EventTarget = h.doc.body,
) =>
  on.dispatchEvent(
    new h.win.KeyboardEvent('keydown', {
      key: k,
      bubbles: true,
      composed: true,
      cancelable: true,
      ...init,
    }) as unknown as Event,
  );

describe('the findings navigator', () => {
  it('walks one stop per error — text contradictions first, then wrong cells in reading order — with Alt+↓/↑ from anywhere', async () => {
    h = openPage(sitePage({ set: WRONG, textReceived: 150 }));
    await h.inpage.start();
    let root = await ui(h);
    const walk = h.inpage.store.walk.peek();
    expect(walk[0]).toMatch(/^narrative:/);
    // One wrong cell (本年新收 · 自然人) breaks two checks: one stop, as the chip counts one error. The two
    // failing totals it explains are not stops of their own (they stay reachable by Tab and hover).
    expect(walk.slice(1)).toEqual(['apply.new.natural_person']);
    expect(h.inpage.store.targets.peek().map((t) => t.key)).toEqual(
      expect.arrayContaining(['apply.new.total', 'apply.total.natural_person']),
    );
    expect(q(root, 'navigator')).toHaveLength(0); // shown once the user walks

    key(h, 'ArrowDown', { altKey: true });
    root = await ui(h);
    const nav = q(root, 'navigator')[0]!;
    expect(nav.getAttribute('role')).toBe('toolbar');
    expect(nav.textContent).toContain('第 1 / 2 处');
    expect(focusedTarget(h.doc)?.getAttribute('data-key')).toBe(walk[0]);
    expect(q(root, PART.tooltip)[0]?.getAttribute('data-key')).toBe(walk[0]);

    key(h, 'ArrowDown', { altKey: true });
    root = await ui(h);
    expect(focusedTarget(h.doc)?.getAttribute('data-key')).toBe('apply.new.natural_person');
    expect(q(root, PART.tooltip)[0]?.getAttribute('data-key')).toBe('apply.new.natural_person');
    expect(q(root, 'navigator')[0]!.textContent).toContain('第 2 / 2 处');
    // The culprit's tooltip says it once, then lists both checks it breaks with their arithmetic.
    const tip = q(root, PART.tooltip)[0]!;
    expect(tip.querySelector('.lead')?.textContent).toContain('可能是这一格出错：若为 167');
    expect(tip.textContent!.match(/可能是这一格出错/g)).toHaveLength(1);
    expect(q(root, PART.finding).map((f) => f.getAttribute('data-check'))).toEqual([
      'apply.row-sum:new',
      'apply.balance:natural_person',
    ]);
    expect(tip.textContent).toContain('本行合计应为 187（165 + 8 + 0 + 0 + 1 + 13），表中为 189');

    // j / k while focus is in our UI (wrapping round).
    key(h, 'j', {}, focusedTarget(h.doc)!);
    root = await ui(h);
    expect(focusedTarget(h.doc)?.getAttribute('data-key')).toBe(walk[0]);
    key(h, 'k', {}, focusedTarget(h.doc)!);
    root = await ui(h);
    expect(focusedTarget(h.doc)?.getAttribute('data-key')).toBe('apply.new.natural_person');
    // Alt+↑ from the first wraps to the last.
    key(h, 'ArrowUp', { altKey: true });
    root = await ui(h);
    expect(focusedTarget(h.doc)?.getAttribute('data-key')).toBe(walk[0]);
    key(h, 'ArrowUp', { altKey: true });
    root = await ui(h);
    expect(focusedTarget(h.doc)?.getAttribute('data-key')).toBe('apply.new.natural_person');
    // The buttons do the same; Esc closes the navigator.
    (q(root, 'navigator')[0]!.querySelector('[data-nav="next"]') as HTMLElement).click();
    root = await ui(h);
    expect(focusedTarget(h.doc)?.getAttribute('data-key')).toBe(walk[0]);
    key(h, 'Escape', {}, q(root, 'navigator')[0]!);
    root = await ui(h);
    expect(q(root, 'navigator')).toHaveLength(0);
  });

  it('leaves j / k to the page, and Alt+↓ to the page’s own form fields', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    const input = h.doc.createElement('input');
    h.doc.body.prepend(input);
    expect(key(h, 'j')).toBe(true); // not cancelled
    expect(key(h, 'ArrowDown', { altKey: true }, input)).toBe(true);
    expect(q(await ui(h), 'navigator')).toHaveLength(0);
    expect(key(h, 'ArrowDown', { altKey: true })).toBe(false);
  });
});

describe('a number in the text that contradicts a table', () => {
  it('marks the table cell too, and each end links to the other', async () => {
    h = openPage(sitePage({ textReceived: 150 }));
    await h.inpage.start();
    const claim = h.inpage.store.walk.peek()[0]!;
    expect(claim).toMatch(/^narrative:/);
    const field = h.inpage.store.targets.peek().find((t) => t.key === claim)!.claim!.field!;
    const cell = h.doc.querySelector(`[${ATTR.field}="${field}"]`)!;
    expect(cell.getAttribute(ATTR.prose)).toBe(claim);
    h.inpage.activate(claim, 'pin');
    let root = await ui(h);
    (q(root, PART.tooltip)[0]!.querySelector(`[data-goto="${field}"]`) as HTMLElement).click();
    await sleep(50);
    root = await ui(h);
    // Arrived by the link: the cell's tooltip is pinned, focus on its link back.
    const tip = q(root, PART.tooltip)[0]!;
    expect(tip.getAttribute('data-key')).toBe(field);
    expect(tip.getAttribute('role')).toBe('dialog');
    expect(tip.textContent).toContain('正文“');
    expect(tip.textContent).toContain('与此格不一致');
    expect(root.activeElement?.getAttribute('data-goto')).toBe(claim);
    expect(
      targets(h.doc)
        .find((t) => t.getAttribute('data-key') === field)!
        .getAttribute('aria-label'),
    ).toContain('表中为 189');
    (root.activeElement as HTMLElement).click();
    await sleep(50);
    root = await ui(h);
    expect(q(root, PART.tooltip)[0]!.getAttribute('data-key')).toBe(claim);
    expect(root.activeElement?.getAttribute('data-goto')).toBe(field);
    h.inpage.setVisible(false);
    expect(cell.hasAttribute(ATTR.prose)).toBe(false);
  });
});

describe('a pinned tooltip', () => {
  it('keeps Tab inside (both ways), and Escape closes it and gives focus back to the mark', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    let root = await ui(h);
    const target = targets(h.doc).find((t) => t.getAttribute('data-key') === 'apply.new.natural_person')!;
    target.focus();
    key(h, 'Enter', {}, target);
    await sleep(50);
    root = await ui(h);
    const tip = q(root, PART.tooltip)[0]!;
    expect(tip.getAttribute('role')).toBe('dialog');
    const controls = [...tip.querySelectorAll<HTMLElement>('button, input')];
    expect(controls.length).toBeGreaterThan(1);
    expect(root.activeElement).toBe(controls[0]);
    for (let i = 0; i < controls.length; i++) key(h, 'Tab', {}, root.activeElement!);
    expect(root.activeElement).toBe(controls[0]); // went round, never left
    key(h, 'Tab', { shiftKey: true }, root.activeElement!);
    expect(root.activeElement).toBe(controls.at(-1));
    key(h, 'Escape', {}, root.activeElement!);
    root = await ui(h);
    expect(q(root, PART.tooltip)).toHaveLength(0);
    expect(focusedTarget(h.doc)).toBe(target);
    expect(h.doc.querySelector(`[${ATTR.culprit}]`)).not.toBeNull();
  });
});

/** What an id looks like when it leaks into text meant for people (issue #11). */
const ID_PATTERN = /\b(?:apply|review|active|active2019|litigation)\.[a-z_]|\bnarrative:|\bvalue\.(?:nonneg|integer)/;

describe('no ids on screen', () => {
  it('chips, marks’ accessible names and every tooltip speak in words; ids stay in data- attributes', async () => {
    h = openPage(
      sitePage({
        set: { ...WRONG, 'apply.partly_granted.research': '', 'apply.not_processed.publication.total': '—' },
        textReceived: 150,
      }),
    );
    await h.inpage.start();
    let root = await ui(h);
    const texts: string[] = [];
    const collect = (r: ShadowRoot) => {
      texts.push(r.textContent ?? '');
      for (const e of r.querySelectorAll('*'))
        for (const a of ['aria-label', 'title', 'placeholder']) if (e.hasAttribute(a)) texts.push(e.getAttribute(a)!);
    };
    const keys = h.inpage.store.targets.peek().map((t) => t.key);
    expect(keys.some((k) => ID_PATTERN.test(k))).toBe(true);
    const statuses = new Set(h.inpage.store.targets.peek().flatMap((t) => t.findings.map((f) => f.status)));
    expect([...statuses].sort()).toEqual(['culprit', 'fail', 'uncertain', 'zero']);
    for (const k of keys) {
      h.inpage.activate(k, 'pin');
      root = await ui(h);
      expect(root.querySelector(`[part~="${PART.tooltip}"]`)).not.toBeNull();
      collect(root);
      h.inpage.close();
    }
    key(h, 'ArrowDown', { altKey: true });
    collect(await ui(h));
    expect(texts.join('\n')).toContain('可能是这一格出错');
    for (const t of texts) expect(t).not.toMatch(ID_PATTERN);
    // The page's own elements carry the ids, in data- attributes only.
    expect(h.doc.querySelector(`[${ATTR.field}="apply.new.natural_person"]`)).not.toBeNull();
  });
});

describe('"检查此页" on a page already judged not a report', () => {
  it('answers every time, at once ("不是年报"), instead of leaving the popup waiting', async () => {
    h = openPage(newsPage());
    expect(await h.inpage.start()).toBe('none');
    const results = () => h!.sent.filter((m) => m.type === 'gouji:result');
    for (let i = 1; i <= 3; i++) {
      const before = results().length;
      expect(await h.inpage.start(true)).toBe('none');
      for (let n = 0; n < 50 && results().length === before; n++) await sleep(10);
      expect(results()).toHaveLength(before + 1);
      expect(results().at(-1)).toMatchObject({ state: 'none' });
    }
  });
});
