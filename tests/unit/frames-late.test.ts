// Frames and late content, without a browser: the tab keeps the best frame's result (lib/ext/frames.ts),
// and the light content script's watcher (entrypoints/content/light.ts watchLate) asks the gate again only
// after the page changed, and stops. The same shapes run in Chromium in tests/e2e/frames.e2e.test.ts.
import { describe, expect, it } from 'vitest';
import { chooseFrameState, frameUrl, rankState } from '../../lib/ext/frames';
import type { TabState } from '../../lib/ext/protocol';
import { watchLate } from '../../entrypoints/content/light';
import { quickGate } from '../../lib/detect';
import { gateSays } from '../../lib/gate';
import { checkDocument } from '../../lib/check';
import { happyDoc } from '../support/dom';
import { PAGE_URL } from '../support/inpage';
import { loadFixture } from '../support/fixtures';

const state = (s: TabState['state'], frameId: number, fields = 0): TabState => ({
  state: s,
  url: 'https://www.zs.gov.cn/a.html',
  frameId,
  updatedAt: '2025-01-01T00:00:00.000Z',
  report:
    s === 'report'
      ? ({ detected: true, summary: { fieldsFound: fields, checks: fields ? 42 : 0 } } as TabState['report'])
      : null,
});

describe('one report per tab', () => {
  it('a subframe with the report beats the top frame that is not one, whichever comes first', () => {
    const top = state('none', 0);
    const frame = state('report', 7, 200);
    expect(chooseFrameState(chooseFrameState(null, top), frame)).toBe(frame);
    expect(chooseFrameState(chooseFrameState(null, frame), top)).toBe(frame);
  });
  it('the same frame always replaces its own result (a re-run, an upgrade, a downgrade)', () => {
    expect(chooseFrameState(state('report', 3, 200), state('none', 3)).state).toBe('none');
    expect(chooseFrameState(state('report', 3, 0), state('report', 3, 200)).report!.summary.fieldsFound).toBe(200);
  });
  it('ranks: none < error < report without tables < report with values', () => {
    expect([state('none', 0), state('error', 0), state('report', 0, 0), state('report', 0, 10)].map(rankState)).toEqual(
      [0, 1, 3, 10045],
    );
  });
  it('a srcdoc frame reports its parent page address', () => {
    const parent = { location: { href: 'https://www.zs.gov.cn/x.html' } };
    expect(frameUrl({ location: { href: 'about:srcdoc' }, parent })).toBe('https://www.zs.gov.cn/x.html');
    expect(frameUrl({ location: { href: 'https://www.zs.gov.cn/frame.html' }, parent })).toBe(
      'https://www.zs.gov.cn/frame.html',
    );
    expect(
      frameUrl({
        location: { href: 'about:srcdoc' },
        get parent(): never {
          throw new Error('cross-origin');
        },
      }),
    ).toBe('about:srcdoc');
  });
});

const until = async (cond: () => boolean, ms = 3000) => {
  for (let t = 0; t < ms && !cond(); t += 20) await new Promise((r) => setTimeout(r, 20));
};

describe('late content (watchLate)', () => {
  const shell = loadFixture('title-only-shell');
  const article = loadFixture('seed000-plain');

  it('a shell whose title and article arrive later passes the gate then, once; the engine sees a report', async () => {
    const doc = happyDoc(
      '<!doctype html><html><head><title>加载中…</title></head><body><div id="app"></div></body></html>',
      PAGE_URL,
    );
    let gateRuns = 0;
    let passed = 0;
    const ac = new AbortController();
    watchLate(
      doc,
      () => (gateRuns++, gateSays(doc, quickGate)),
      () => passed++,
      ac.signal,
      { maxMs: 5000, batchMs: 30 },
    );
    expect(gateSays(doc, quickGate)).toBe(false);
    const src = happyDoc(article.html, article.meta.url);
    doc.title = src.title;
    doc.getElementById('app')!.innerHTML = src.body.innerHTML;
    await until(() => passed > 0);
    expect(passed).toBe(1);
    expect(gateRuns).toBeGreaterThanOrEqual(1);
    expect(checkDocument(doc).report.tables.apply.found).toBe(true);
    // Stopped: later changes ask nothing.
    const before = gateRuns;
    doc.body.append(doc.createElement('p'));
    await new Promise((r) => setTimeout(r, 100));
    expect(gateRuns).toBe(before);
    ac.abort();
  });

  it('a page that never changes never runs the gate again; the watcher stops at its deadline', async () => {
    const doc = happyDoc(
      '<!doctype html><html><head><title>新闻</title></head><body><p>今日要闻</p></body></html>',
      PAGE_URL,
    );
    let gateRuns = 0;
    const ac = new AbortController();
    const stop = watchLate(
      doc,
      () => (gateRuns++, false),
      () => {},
      ac.signal,
      { maxMs: 150, batchMs: 20 },
    );
    await new Promise((r) => setTimeout(r, 250));
    expect(gateRuns).toBe(0);
    doc.body.append(doc.createElement('p')); // after the deadline: nobody listens
    await new Promise((r) => setTimeout(r, 80));
    expect(gateRuns).toBe(0);
    stop();
  });

  it('many mutations in a burst are one gate run; abort stops the watcher', async () => {
    const doc = happyDoc(
      '<!doctype html><html><head><title>新闻</title></head><body><div id="t"></div></body></html>',
      PAGE_URL,
    );
    let gateRuns = 0;
    const ac = new AbortController();
    watchLate(
      doc,
      () => (gateRuns++, false),
      () => {},
      ac.signal,
      { maxMs: 5000, batchMs: 60 },
    );
    for (let i = 0; i < 50; i++) doc.getElementById('t')!.append(doc.createTextNode(String(i)));
    await until(() => gateRuns > 0);
    await new Promise((r) => setTimeout(r, 120));
    expect(gateRuns).toBe(1);
    ac.abort();
    doc.getElementById('t')!.append(doc.createTextNode('x'));
    await new Promise((r) => setTimeout(r, 120));
    expect(gateRuns).toBe(1);
  });

  it('the title-only shell (what the CLI sees before the article arrives) is a report with tables missing', () => {
    const r = checkDocument(shell.linkedom(), { url: shell.meta.url }).report;
    expect(r.detected).toBe(true);
    expect(r.notices.map((n) => n.id)).toContain('tables-missing');
  });
});
