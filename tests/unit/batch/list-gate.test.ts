// The content script's side of list pages, on happy-dom: the light count of report links, the chip it
// shows (a button in a shadow root that asks the background to open the batch), removed when marks are
// hidden or the script lets go — the page comes back exactly as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countListLinks } from '../../../lib/batch/list-gate';
import { settleNone, type RuntimeLike } from '../../../entrypoints/content/light';
import { LIST_CHIP_ATTR } from '../../../entrypoints/content/list-chip';
import { html, openPage, type Harness } from '../../support/inpage';
import { newsPage } from '../../support/pages';

const LIST = readFileSync(join(__dirname, '../../fixtures/report-list.html'), 'utf8');
const LIST_URL = 'https://www.zs.gov.cn/zwgk/zfxxgknb/index.html';
let h: Harness | null = null;
afterEach(() => {
  h?.win.close();
  h = null;
});

function fakeRuntime() {
  const sent: unknown[] = [];
  const listeners = new Set<(m: unknown) => Promise<unknown> | undefined>();
  return {
    sent,
    runtime: {
      sendMessage: async (m: unknown) => void sent.push(m),
      onMessage: {
        addListener: (cb: never) => void listeners.add(cb),
        removeListener: (cb: never) => void listeners.delete(cb),
      },
    } as unknown as RuntimeLike,
    ask: (m: unknown) => [...listeners].map((l) => l(m)).find((r) => r !== undefined),
  };
}

describe('list pages in the content script', () => {
  it("counts the fixture list page's 20 report links, none on a news page, 繁體 too", () => {
    h = openPage(LIST, LIST_URL);
    expect(countListLinks(h.doc)).toBe(20);
    h.win.close();
    h = openPage(newsPage());
    expect(countListLinks(h.doc)).toBe(0);
    h.win.close();
    h = openPage(
      '<a href="a">2023年度政府信息公開工作年度報告</a><a href="b">某局2022年政府信息公开年报</a><a href="b">某局2022年政府信息公开年报</a><a href="javascript:;">2021年度报告</a>',
    );
    expect(countListLinks(h.doc)).toBe(2);
  });
  it('a list page gets the chip and says how many links; hiding and letting go restore the page exactly', async () => {
    h = openPage(LIST, LIST_URL);
    const before = html(h.doc);
    const rt = fakeRuntime();
    const ac = new AbortController();
    settleNone(h.doc, rt.runtime, ac.signal, countListLinks(h.doc));
    expect(rt.sent).toEqual([{ type: 'gouji:result', state: 'none', report: null, listLinks: 20 }]);
    const chip = h.doc.querySelector(`[${LIST_CHIP_ATTR}]`)!;
    const button = chip.shadowRoot!.querySelector('button[data-action="open-batch"]') as HTMLButtonElement;
    expect(button.textContent).toBe('勾稽 ✓ 检查本页列出的 20 份年报');
    button.click();
    expect(rt.sent[1]).toEqual({ type: 'gouji:open-batch', list: LIST_URL });
    await rt.ask({ type: 'gouji:set-marks', visible: false });
    expect(h.doc.querySelector(`[${LIST_CHIP_ATTR}]`)).toBeNull();
    expect(html(h.doc)).toBe(before);
    await rt.ask({ type: 'gouji:set-marks', visible: true });
    expect(h.doc.querySelector(`[${LIST_CHIP_ATTR}]`)).not.toBeNull();
    ac.abort();
    expect(html(h.doc)).toBe(before);
  });
});
