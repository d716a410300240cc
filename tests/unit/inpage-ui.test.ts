// The in-page UI on a real DOM (happy-dom): tooltips with the core's arithmetic, keyboard pinning and
// Escape, flags ("标记跟进" / "已标记"), narrative claims (CSS highlights or fallback boxes), the popup's
// focus message, and the observer following a 繁體 rewrite of the article without triggering on our own
// nodes.
import * as OpenCC from 'opencc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { ANCHOR_SELECTOR, ATTR, HIGHLIGHT, PART } from '../../lib/contract';
import { checkDocument } from '../../lib/check';
import { REVIEW_FIELDS } from '../../lib/schema/review';
import type { Report } from '../../lib/types';
import { happyDoc } from '../support/dom';
import type { NarrativeClaim } from '../../lib/types';
import type { Message } from '../../lib/ext/protocol';
import type { InPageAnalysis } from '../../components/inpage/types';
import { focusedTarget, html, marked, openPage, PAGE_URL, sleep, targets, ui, type Harness } from '../support/inpage';
import { articleHtml, seed000Values, sitePage } from '../support/pages';
import { setLang } from '../../components/inpage/strings';
import { LAYER_CSS } from '../../components/inpage/styles';

let h: Harness | null = null;
afterEach(() => {
  h?.abort.abort();
  h?.win.close();
  h = null;
});

const WRONG = { 'apply.new.natural_person': 165 };
const q = (root: ShadowRoot, part: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];

describe('tooltips', () => {
  it('shows the failing check with its arithmetic on hover, and highlights the cells of the total', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    const total = h.doc.querySelector(`[${ATTR.field}="apply.new.total"]`)!;
    total.dispatchEvent(new h.win.PointerEvent('pointerover', { bubbles: true }) as unknown as Event);
    const root = await ui(h);
    const tip = q(root, PART.tooltip)[0]!;
    expect(tip.getAttribute('data-key')).toBe('apply.new.total');
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toContain('本行合计应为 187（165 + 8 + 0 + 0 + 1 + 13），表中为 189');
    expect(q(root, PART.finding).map((f) => f.getAttribute('data-check'))).toEqual(['apply.row-sum:new']);
    expect([...marked(h.doc, ATTR.related).keys()].sort()).toEqual(
      ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org']
        .map((c) => `apply.new.${c}`)
        .sort(),
    );
    // Leaving hides it (after a short grace period to reach the tooltip) and drops the highlight.
    total.dispatchEvent(new h.win.PointerEvent('pointerout', { bubbles: true }) as unknown as Event);
    await sleep(300);
    expect(q(await ui(h), PART.tooltip)).toHaveLength(0);
    expect(marked(h.doc, ATTR.related).size).toBe(0);
  });

  it('marks the culprit distinctly with the value it needs', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    const root = await ui(h);
    const badge = root.querySelector('.badge');
    expect(badge?.textContent).toBe('应为 167');
    const target = targets(h.doc).find((t) => t.getAttribute('data-key') === 'apply.new.natural_person')!;
    expect(target.getAttribute('data-status')).toBe('culprit');
    expect(target.getAttribute('aria-label')).toContain('可能出错的格');
    // The accessible name carries table, row, column, the value shown and the verdict — no field id.
    const name = target.getAttribute('aria-label')!;
    expect(name).toMatch(/^勾稽：表三“[^”]*本年新收[^”]*”行“自然人”列，表中为 \d+，可能出错的格（应为 167）$/);
    expect(name).not.toContain('apply.');
    const total = targets(h.doc).find((t) => t.getAttribute('data-key') === 'apply.new.total')!;
    expect(total.getAttribute('aria-label')).toMatch(/^勾稽：表三“[^”]*”行“总计”列，表中为 \d+，不一致$/);
  });

  it('is keyboard-usable: focus shows, Enter pins and moves focus in, Escape closes and returns focus', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    let root = await ui(h);
    const target = targets(h.doc).find((t) => t.getAttribute('data-key') === 'apply.new.total')!;
    target.focus();
    root = await ui(h);
    expect(q(root, PART.tooltip)[0]?.getAttribute('role')).toBe('tooltip');
    target.dispatchEvent(new h.win.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }) as unknown as Event);
    await sleep(50); // Preact runs effects (focus) after paint
    root = await ui(h);
    const tip = q(root, PART.tooltip)[0]!;
    expect(tip.getAttribute('role')).toBe('dialog');
    expect(tip.contains(root.activeElement)).toBe(true);
    tip.dispatchEvent(new h.win.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }) as unknown as Event);
    root = await ui(h);
    expect(q(root, PART.tooltip)).toHaveLength(0);
    expect(focusedTarget(h.doc)).toBe(target);
  });

  it('a table chip takes the keyboard to the first marked cell of its table', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    let root = await ui(h);
    q(root, PART.chip)
      .find((c) => c.getAttribute('data-table') === 'apply')!
      .click();
    root = await ui(h);
    expect(focusedTarget(h.doc)?.getAttribute('data-key')).toBe('apply.new.natural_person');
    expect(q(root, PART.tooltip)[0]?.getAttribute('data-key')).toBe('apply.new.natural_person');
    expect(marked(h.doc, ATTR.flash).size).toBe(1);
  });

  it('explains blank cells counted as 0 and shows uncertain checks as such', async () => {
    h = openPage(
      sitePage({ set: { 'apply.partly_granted.research': '', 'apply.not_processed.publication.total': '—' } }),
    );
    await h.inpage.start();
    expect(marked(h.doc, ATTR.zero).get('apply.partly_granted.research')).toContain('apply.row-sum:partly_granted');
    expect(marked(h.doc, ATTR.uncertain).get('apply.not_processed.publication.total')).toContain(
      'apply.row-sum:not_processed.publication',
    );
    h.inpage.activate('apply.partly_granted.research', 'hover');
    let root = await ui(h);
    expect(q(root, PART.finding)[0]?.getAttribute('data-status')).toBe('zero');
    expect(q(root, PART.tooltip)[0]?.textContent).toContain('按 0 计入');
    h.inpage.activate('apply.not_processed.publication.total', 'hover');
    root = await ui(h);
    const f = q(root, PART.finding).find(
      (x) => x.getAttribute('data-check') === 'apply.row-sum:not_processed.publication',
    )!;
    expect(f.getAttribute('data-status')).toBe('uncertain');
    expect(f.textContent).toContain('无法判断');
  });
});

describe('flags', () => {
  it('"标记跟进" sends gouji:flag-add with the note, then shows "已标记"', async () => {
    h = openPage(sitePage({ set: WRONG }));
    h.replies['gouji:flag-add'] = { ok: true };
    await h.inpage.start();
    h.inpage.activate('apply.new.total', 'pin');
    let root = await ui(h);
    q(root, PART.flag)[0]!.click();
    await sleep(50); // Preact runs effects (focus) after paint
    root = await ui(h);
    const input = root.querySelector<HTMLInputElement>('input.note')!;
    expect(root.activeElement).toBe(input);
    input.value = '请核实自然人申请数';
    input.dispatchEvent(new h.win.Event('input', { bubbles: true }) as unknown as Event);
    input.dispatchEvent(new h.win.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }) as unknown as Event);
    await sleep(10);
    const add = h.sent.find((m) => m.type === 'gouji:flag-add');
    expect(add).toMatchObject({ type: 'gouji:flag-add', checkId: 'apply.row-sum:new', note: '请核实自然人申请数' });
    expect((add as { report: { detected: boolean } }).report.detected).toBe(true);
    root = await ui(h);
    expect(q(root, PART.flagged).map((x) => x.textContent)).toEqual(['已标记']);
  });

  it('says so when the background does not answer or refuses a flag', async () => {
    h = openPage(sitePage({ set: WRONG }));
    h.replies['gouji:flag-add'] = new Error('Could not establish connection');
    await h.inpage.start();
    expect(await h.inpage.flag('apply.row-sum:new', '')).toContain('未能保存标记');
    // A refusal from the background is shown as it says.
    h.replies['gouji:flag-add'] = { ok: false, error: '此报告中没有编号为 x 的不一致或待确认项，无法标记' };
    h.inpage.activate('apply.new.total', 'pin');
    let root = await ui(h);
    q(root, PART.flag)[0]!.click();
    await sleep(50);
    root = await ui(h);
    root.querySelector<HTMLButtonElement>('button.act.primary')!.click();
    await sleep(10);
    root = await ui(h);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('无法标记');
    expect(q(root, PART.flagged)).toHaveLength(0);
  });

  /** Until the run's result has gone out (in a task after the run; its answer is taken after that). */
  async function resultSent(x: Harness): Promise<void> {
    for (let waited = 0; !x.sent.some((m) => m.type === 'gouji:result') && waited < 5_000; waited += 20)
      await sleep(20);
  }
  /** Does the tooltip of the 自然人 column's total show its balance finding as flagged? */
  async function balanceFlagged(x: Harness): Promise<boolean> {
    x.inpage.activate('apply.total.natural_person', 'hover');
    const root = await ui(x);
    const f = q(root, PART.finding).find((y) => y.getAttribute('data-check') === 'apply.balance:natural_person')!;
    return f.querySelector(`[part~="${PART.flagged}"]`) !== null;
  }
  const flagsAsked = (x: Harness) => x.sent.filter((m) => m.type === 'gouji:flags-for-report').length;

  it('asks for flags on load when the result is answered without them, and again on gouji:flags-changed', async () => {
    h = openPage(sitePage({ set: WRONG }));
    h.replies['gouji:flags-for-report'] = { checkIds: ['apply.balance:natural_person'] };
    await h.inpage.start();
    await sleep(0);
    expect(await balanceFlagged(h)).toBe(true);
    h.replies['gouji:flags-for-report'] = { checkIds: [] };
    expect(h.inpage.handleMessage({ type: 'gouji:flags-changed' })).toBeUndefined();
    await sleep(0);
    expect(q(await ui(h), PART.flagged)).toHaveLength(0);
    expect(flagsAsked(h)).toBe(2);
  });

  it('keeps the flags answering a result when a re-run finds the same result (and sends nothing)', async () => {
    h = openPage(sitePage({ set: WRONG }));
    let answer!: (r: unknown) => void;
    h.replies['gouji:result'] = new Promise((resolve) => (answer = resolve));
    h.replies['gouji:flags-for-report'] = { checkIds: [] };
    await h.inpage.start();
    await resultSent(h);
    // The page is read again before the background answers: the same result, so no second gouji:result.
    await h.inpage.analyze();
    await sleep(50);
    expect(h.sent.filter((m) => m.type === 'gouji:result')).toHaveLength(1);
    answer({ ok: true, flags: { checkIds: ['apply.balance:natural_person'], statuses: {} } });
    await sleep(0);
    expect(await balanceFlagged(h)).toBe(true);
    expect(flagsAsked(h)).toBe(0);
  });

  it("takes the flags that answer the report's result, without asking for them again", async () => {
    h = openPage(sitePage({ set: WRONG }));
    h.replies['gouji:result'] = {
      ok: true,
      flags: { checkIds: ['apply.balance:natural_person'], statuses: { 'apply.balance:natural_person': 'open' } },
    };
    h.replies['gouji:flags-for-report'] = { checkIds: [] };
    await h.inpage.start();
    await resultSent(h);
    await sleep(0);
    expect(await balanceFlagged(h)).toBe(true);
    expect(flagsAsked(h)).toBe(0);
    // A change of the flags elsewhere is still asked for.
    expect(h.inpage.handleMessage({ type: 'gouji:flags-changed' })).toBeUndefined();
    await sleep(0);
    expect(q(await ui(h), PART.flagged)).toHaveLength(0);
    expect(flagsAsked(h)).toBe(1);
  });
});

describe('narrative claims', () => {
  /** A hand-made contradiction on the "189件" of the text, located with a real Range. */
  function withClaim(h: Harness, status: 'fail' | 'warn'): NarrativeClaim {
    const claim: NarrativeClaim = {
      id: 'narrative:test:1',
      quote: '受理政府信息公开申请189件',
      value: 189,
      unit: '件',
      field: 'apply.new.total',
      status,
      expected: 188,
      message: '正文为 189 件，表三“本年新收”总计为 188',
    };
    const deps = (h.inpage as unknown as { deps: { analyze: (d: Document, o: object) => InPageAnalysis } }).deps;
    const real = deps.analyze;
    deps.analyze = (d, o) => {
      const a = real(d, o);
      a.report.narrative = [claim];
      a.claimRange = (c) => {
        if (c !== claim) return null;
        const p = [...d.querySelectorAll('p')].find((x) => x.textContent!.includes('189件'))!;
        const text = p.firstChild!;
        const r = d.createRange();
        const at = text.nodeValue!.indexOf('189');
        r.setStart(text, at);
        r.setEnd(text, at + 3);
        return r;
      };
      return a;
    };
    return claim;
  }

  it('registers CSS highlights without touching the text, with a tooltip, and removes them on hide', async () => {
    h = openPage(sitePage());
    const registry = new Map<string, { ranges: Range[] }>();
    Object.defineProperty(h.win, 'CSS', { value: { highlights: registry }, configurable: true });
    Object.defineProperty(h.win, 'Highlight', {
      configurable: true,
      value: class {
        ranges: Range[];
        constructor(...r: Range[]) {
          this.ranges = r;
        }
      },
    });
    withClaim(h, 'fail');
    const before = html(h.doc);
    await h.inpage.start();
    expect(registry.get(HIGHLIGHT.fail)?.ranges.map((r) => r.toString())).toEqual(['189']);
    expect(registry.has(HIGHLIGHT.warn)).toBe(false);
    h.inpage.activate('narrative:test:1', 'hover');
    const root = await ui(h);
    expect(q(root, PART.claimBox)).toHaveLength(0);
    expect(q(root, PART.tooltip)[0]?.textContent).toContain('正文为 189 件');
    expect(q(root, PART.flag)).toHaveLength(1);
    h.inpage.setVisible(false);
    expect(registry.size).toBe(0);
    expect(html(h.doc)).toBe(before);
  });

  it('falls back to boxes in the shadow root where CSS highlights are missing', async () => {
    h = openPage(sitePage());
    withClaim(h, 'warn');
    await h.inpage.start();
    expect(h.inpage.store.nativeHighlights.value).toBe(false);
    const root = await ui(h);
    const target = targets(h.doc).find((t) => t.getAttribute('data-key') === 'narrative:test:1')!;
    expect(target.getAttribute('data-status')).toBe('warn');
    expect(q(root, PART.claimBox).length).toBeGreaterThanOrEqual(0); // happy-dom has no layout: one box per client rect
  });
});

describe('language', () => {
  it("switches chips and tooltips to English and back (the popup's choice)", async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    try {
      setLang('en');
      h.inpage.relabel();
      h.inpage.activate('apply.new.natural_person', 'hover');
      let root = await ui(h);
      expect(q(root, PART.chip).find((c) => c.getAttribute('data-table') === 'apply')!.textContent).toContain(
        '39 identities: 1 error (2 failing checks)',
      );
      expect(root.querySelector('.badge')?.textContent).toBe('should be 167');
      expect(q(root, PART.tooltip)[0]!.textContent).toContain('probable wrong cell');
      setLang('zh');
      h.inpage.relabel();
      root = await ui(h);
      expect(q(root, PART.chip).find((c) => c.getAttribute('data-table') === 'apply')!.textContent).toContain(
        '勾稽关系 39 项：1 处错误（2 项核对不一致）',
      );
    } finally {
      setLang('zh');
    }
  });
});

describe('popup messages', () => {
  it('gouji:focus scrolls to a cell or a check and flashes it; false when unknown', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    expect(await h.inpage.handleMessage({ type: 'gouji:focus', checkId: 'apply.balance:natural_person' })).toBe(true);
    expect([...marked(h.doc, ATTR.flash).keys()]).toEqual(['apply.total.natural_person']);
    expect(await h.inpage.handleMessage({ type: 'gouji:focus', field: 'review.total' })).toBe(true);
    expect([...marked(h.doc, ATTR.flash).keys()]).toEqual(['review.total']);
    expect(await h.inpage.handleMessage({ type: 'gouji:focus', checkId: 'apply.row-sum:nope' })).toBe(false);
    await sleep(1700);
    expect(marked(h.doc, ATTR.flash).size).toBe(0);
  });

  it('answers only its own messages', async () => {
    h = openPage(sitePage());
    await h.inpage.start();
    expect(h.inpage.handleMessage({ type: 'gouji:get-tab-state', tabId: 1 })).toBeUndefined();
  });
});

describe('the observer', () => {
  const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });

  it('follows a 繁體 rewrite of the article: marks move to the new cells, once', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    const oldCell = h.doc.querySelector(`[${ATTR.culprit}]`)!;
    h.doc.getElementById('zoom')!.innerHTML = tw(articleHtml({ set: WRONG }));
    expect(h.doc.getElementById('zoom')!.textContent).toContain('收到和處理政府信息公開申請情況');
    await sleep(120);
    expect(h.inpage.observer.runs).toBe(1);
    expect(oldCell.isConnected).toBe(false);
    expect(oldCell.hasAttribute(ATTR.culprit)).toBe(false);
    expect(marked(h.doc, ATTR.field).size).toBe(200);
    expect(marked(h.doc, ATTR.culprit)).toEqual(new Map([['apply.new.natural_person', '167']]));
    expect(h.doc.querySelector(`[${ATTR.culprit}]`)!.isConnected).toBe(true);
    // The text changed (quotes are now traditional), the findings did not.
    const results = () =>
      h!.sent.filter((m) => m.type === 'gouji:result') as Extract<Message, { type: 'gouji:result' }>[];
    // The result goes out in a task of its own after the run: wait until nothing more is sent (a loaded
    // machine can delay it past the observer's quiet period), so the count below is the fix's alone.
    for (let n = -1; n !== results().length;) {
      n = results().length;
      await sleep(100);
    }
    expect(results().at(-1)!.report!.summary).toEqual(results()[0]!.report!.summary);
    const sentBefore = results().length;
    // Fixing the cell in place (a script updating text) re-runs and clears the marks.
    h.doc.querySelector(`[${ATTR.culprit}]`)!.firstChild!.nodeValue = '167';
    // Wait for the re-run's result (a loaded machine delays it past any fixed pause), then for quiet.
    for (let waited = 0; results().length === sentBefore && waited < 10_000; waited += 50) await sleep(50);
    await sleep(200);
    expect(marked(h.doc, ATTR.fail).size).toBe(0);
    expect(results()).toHaveLength(sentBefore + 1);
    expect(results().at(-1)!.report!.summary.fail).toBe(0);
  });

  it('is not triggered by our own marks, tooltips or toggling, nor by changes outside the article', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    h.inpage.activate('apply.new.total', 'hover');
    await ui(h);
    h.inpage.setVisible(false);
    h.inpage.setVisible(true);
    await h.inpage.handleMessage({ type: 'gouji:focus', field: 'apply.new.total' });
    h.doc.getElementById('clock')!.textContent = '10:00:01';
    await sleep(100);
    expect(h.inpage.observer.runs).toBe(0);
  });

  it('debounces a burst of changes into one re-run', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    const zoom = h.doc.getElementById('zoom')!;
    for (let i = 0; i < 5; i++) {
      zoom.appendChild(h.doc.createElement('p')).textContent = `补充说明 ${i}`;
      await sleep(5);
    }
    await sleep(100);
    expect(h.inpage.observer.runs).toBe(1);
  });
});

describe('keyboard anchors (issue #11: marks in the page’s Tab order, beside their tables)', () => {
  const TWO_TABLES = { ...WRONG, [REVIEW_FIELDS[0]!]: Number(seed000Values()[REVIEW_FIELDS[0]!]) + 1 };

  it('puts each table’s marks just before it (reading order), a text number’s before its text, and takes them out on hide', async () => {
    h = openPage(sitePage({ set: TWO_TABLES, textReceived: 150 }));
    const before = html(h.doc);
    await h.inpage.start();
    await ui(h);
    const anchors = [...h.doc.querySelectorAll<HTMLElement>(ANCHOR_SELECTOR)];
    const token = h.doc.querySelector(`[${ATTR.mark}]`)!.getAttribute(ATTR.mark);
    // A text number, table 三, table 四 — in page order, one anchor each.
    expect(anchors.map((a) => (a.nextSibling as Element).localName ?? '#text')).toEqual(['#text', 'table', 'table']);
    expect(anchors[0]!.nextSibling!.nodeType).toBe(3);
    for (const a of anchors) {
      // Nothing of the page's: no light-DOM child or text, out of flow, zero-size, this load's token.
      expect(a.childNodes).toHaveLength(0);
      expect(a.textContent).toBe('');
      expect(a.getAttribute(ATTR.anchor)).toBe(token);
      expect(a.getAttribute('style')).toContain('position:absolute!important');
      expect(a.getAttribute('style')).toContain('width:0!important');
      const keys = [...a.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${PART.target}"]`)].map(
        (b) => b.dataset.key!,
      );
      expect(keys.length).toBeGreaterThan(0);
      if (a.nextSibling!.nodeType === 3) {
        expect(keys.every((k) => k.startsWith('narrative'))).toBe(true);
        continue;
      }
      // Every mark of this anchor is a cell of the table right after it, in reading order.
      const cells = keys.map((k) => h!.doc.querySelector(`[${ATTR.field}="${k}"]`)!);
      for (const c of cells) expect(c.closest('table')).toBe(a.nextSibling);
      const order = [...(a.nextSibling as Element).querySelectorAll(`[${ATTR.field}]`)].filter((c) =>
        cells.includes(c),
      );
      expect(cells).toEqual(order);
    }
    expect(anchors[1]!.nextElementSibling!.getAttribute(ATTR.table)).toBe('apply');
    expect(anchors[2]!.nextElementSibling!.getAttribute(ATTR.table)).toBe('review');
    // Re-runs and re-layouts keep the same anchors (never a second one before a table)…
    h.inpage.run();
    await ui(h);
    expect([...h.doc.querySelectorAll(ANCHOR_SELECTOR)]).toEqual(anchors);
    // …the observer never took them for a page change…
    await sleep(100);
    expect(h.inpage.observer.runs).toBe(0);
    // …and hiding takes every one out: the page is byte for byte what it was.
    h.inpage.setVisible(false);
    expect(h.doc.querySelectorAll(ANCHOR_SELECTOR)).toHaveLength(0);
    expect(html(h.doc)).toBe(before);
  });

  it('the core never reads them: the same report with and without our anchors in the page', async () => {
    h = openPage(sitePage({ set: TWO_TABLES, textReceived: 150 }));
    await h.inpage.start();
    await ui(h);
    expect(h.doc.querySelectorAll(ANCHOR_SELECTOR).length).toBe(3);
    const opts = { url: PAGE_URL, title: h.doc.title };
    const strip = (r: Report) => ({ ...r, source: { ...r.source, checkedAt: '' } });
    const marked = strip(checkDocument(h.doc, opts).report);
    const plain = strip(
      checkDocument(happyDoc(sitePage({ set: TWO_TABLES, textReceived: 150 }), PAGE_URL), opts).report,
    );
    expect(marked).toEqual(plain);
    expect(marked.summary.fail).toBeGreaterThan(0);
    expect(marked.narrative.some((c) => c.status === 'fail')).toBe(true);
  });

  it('a page that removes or moves an anchor gets it back before its table at the next layout, without a re-run', async () => {
    h = openPage(sitePage({ set: WRONG }));
    await h.inpage.start();
    await ui(h);
    const anchor = h.doc.querySelector(ANCHOR_SELECTOR)!;
    const table = anchor.nextSibling;
    h.doc.body.appendChild(anchor);
    await ui(h);
    expect(anchor.nextSibling).toBe(table);
    anchor.remove();
    await ui(h);
    expect(h.doc.querySelectorAll(ANCHOR_SELECTOR)).toHaveLength(1);
    expect(h.doc.querySelector(ANCHOR_SELECTOR)!.nextSibling).toBe(table);
    await sleep(100);
    expect(h.inpage.observer.runs).toBe(0);
  });
});

describe("the layer's stylesheet", () => {
  // An image in the sheet (url(), an SVG data URL included) is a document or a decode the browser makes
  // inside the style recalculation of the layer's first render: ≈ 10 ms per load for the two SVG icons.
  it('draws no image: the mark icons are CSS shapes, each with its own glyph, so colour is never alone', () => {
    expect(LAYER_CSS).not.toContain('url(');
    const rule = (sel: string) => LAYER_CSS.split('\n').find((l) => l.startsWith(`${sel}{`)) ?? '';
    // A failing mark: a triangle with "!" (a bar and a dot); an uncertain one or a warning: a circle with "?".
    expect(rule('.mark-icon[data-status="fail"]')).toContain('clip-path:polygon(50% 0,');
    expect(rule('.mark-icon[data-status="fail"]::after')).toMatch(/linear-gradient\(#fff .*transparent.*#fff/);
    expect(rule('.mark-icon[data-status="uncertain"],.mark-icon[data-status="warn"]')).toContain('border-radius:50%');
    expect(rule('.mark-icon[data-status="uncertain"]::before,.mark-icon[data-status="warn"]::before')).toContain(
      'content:"?"',
    );
  });
});
