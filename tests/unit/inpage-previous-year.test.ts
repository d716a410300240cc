// The cross-year check on the page (issue #10): when the background finds the same body's previous year in
// history it sends gouji:previous-year; the 上年结转 cells that differ from last year's 结转下年度 are marked,
// their tooltip says both numbers in words with a link to last year's report, the 表三 chip says the result —
// and without that message nothing of the kind shows (no false alarm). Real core, real DOM (happy-dom).
import { afterEach, describe, expect, it } from 'vitest';
import { ATTR, PART } from '../../lib/contract';
import { checkDocument } from '../../lib/check';
import { yearOverYear } from '../../lib/year-over-year';
import type { Message } from '../../lib/ext/protocol';
import { marked, openPage, ui, type Harness } from '../support/inpage';
import { happyDoc } from '../support/dom';
import { sitePage, seed000Values } from '../support/pages';

let h: Harness | null = null;
afterEach(() => {
  h?.abort.abort();
  h?.win.close();
  h = null;
});

const q = (root: ShadowRoot, part: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
const PREV_URL = 'https://www.zs.gov.cn/zwgk/art/2024/1/20/art_2023.html';
const CO = 'apply.carried_over.natural_person';

/** Last year's report of the same body: its 结转下年度 (natural person, total) one less than this year's 上年结转. */
function previousYear(shift: number): Message & { type: 'gouji:previous-year' } {
  const now = checkDocument(happyDoc(sitePage())).report;
  const v = seed000Values();
  const prev = checkDocument(
    happyDoc(
      sitePage({
        set: {
          'apply.carried_forward.natural_person': Number(v[CO]) + shift,
          'apply.carried_forward.total': Number(v['apply.carried_over.total']) + shift,
        },
      }),
      PREV_URL,
    ),
  ).report;
  prev.report.year = now.report.year! - 1;
  return { type: 'gouji:previous-year', year: prev.report.year, url: PREV_URL, checks: yearOverYear(now, prev) };
}

describe('the cross-year check on the page', () => {
  it('marks the 上年结转 cells that differ from last year, both numbers in words, a link to last year', async () => {
    h = openPage(sitePage());
    await h.inpage.start();
    expect(marked(h.doc, ATTR.fail).size).toBe(0); // seed 000 is consistent in itself
    const msg = previousYear(-1);
    expect(msg.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'apply.year-over-year:natural_person',
      'apply.year-over-year:total',
    ]);
    await h.inpage.handleMessage(msg);
    expect([...marked(h.doc, ATTR.fail)]).toEqual([
      [CO, 'apply.year-over-year:natural_person'],
      ['apply.carried_over.total', 'apply.year-over-year:total'],
    ]);
    const root = await ui(h);
    const cell = h.doc.querySelector(`[${ATTR.field}="${CO}"]`)!;
    cell.dispatchEvent(new h.win.PointerEvent('pointerover', { bubbles: true }) as unknown as Event);
    const tip = q(await ui(h), PART.tooltip)[0]!;
    const now = Number(seed000Values()[CO]);
    expect(tip.textContent).toContain(
      `本年“上年结转”为 ${now}，${msg.year} 年度报告的“结转下年度”为 ${now - 1}，两者应相等`,
    );
    const link = tip.querySelector<HTMLAnchorElement>('a[data-previous-year-link]')!;
    expect(link.getAttribute('href')).toBe(PREV_URL);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe(`打开 ${msg.year} 年度报告`);
    // Not a finding of this report: not offered for flagging (the report does not carry it).
    const finding = tip.querySelector('[data-check="apply.year-over-year:natural_person"]')!;
    expect(finding).not.toBeNull();
    expect(finding.querySelector(`[part~="${PART.flag}"]`)).toBeNull();
    // The 表三 chip keeps its own figures, turns red and says the cross-year result in words.
    const chip = q(root, PART.chip).find((c) => c.getAttribute('data-table') === 'apply')!;
    expect(chip.textContent).toContain(`全部一致；与 ${msg.year} 年度报告 2 列不符`);
    expect(chip.textContent).toContain(`✗ 上年结转与 ${msg.year} 年度报告的结转下年度有 2 列不符`);
    expect(chip.getAttribute('data-level')).toBe('fail');
  });

  it('a matching previous year marks nothing and says so on the chip; no message, no word of it', async () => {
    h = openPage(sitePage());
    await h.inpage.start();
    let root = await ui(h);
    const chipText = () => q(root, PART.chip).find((c) => c.getAttribute('data-table') === 'apply')!.textContent ?? '';
    expect(chipText()).not.toContain('上年结转');
    const msg = previousYear(0);
    await h.inpage.handleMessage(msg);
    root = await ui(h);
    expect(marked(h.doc, ATTR.fail).size).toBe(0);
    expect(chipText()).toContain(`✓ 上年结转与 ${msg.year} 年度报告的结转下年度一致`);
    expect(
      q(root, PART.chip)
        .find((c) => c.getAttribute('data-table') === 'apply')!
        .getAttribute('data-level'),
    ).toBe('ok');
  });

  it('a page link that is not http(s) is not offered', async () => {
    h = openPage(sitePage());
    await h.inpage.start();
    await h.inpage.handleMessage({ ...previousYear(-1), url: 'javascript:alert(1)' });
    const cell = h.doc.querySelector(`[${ATTR.field}="${CO}"]`)!;
    cell.dispatchEvent(new h.win.PointerEvent('pointerover', { bubbles: true }) as unknown as Event);
    const tip = q(await ui(h), PART.tooltip)[0]!;
    expect(tip.textContent).toContain('两者应相等');
    expect(tip.querySelector('a')).toBeNull();
  });
});
