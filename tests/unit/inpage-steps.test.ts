// The engine drives the core's stepped analysis (issue #13: no task over 50 ms): on a real DOM (happy-dom)
// with the real core, the analysis runs in more than one task and gives the same report and the same marks
// as the one-go analysis; a page change mid-analysis re-runs it cleanly (the older result is never put on
// the page, no double marks); a newer run or the end of our lifetime stops the steps. No timers are
// asserted: tasks are counted through the engine's own yield hook.
import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { ATTR, STATE } from '../../lib/contract';
import { checkDocument, checkDocumentSteps } from '../../lib/check';
import { quickGate } from '../../lib/detect';
import { typedSend, type Message } from '../../lib/ext/protocol';
import { warmUpSteps } from '../../lib/warm';
import type { Report } from '../../lib/types';
import { InPage, WARM_UP_MIN_CELLS } from '../../entrypoints/ondemand/app';
import { runSliced } from '../../entrypoints/ondemand/slices';
import type { Steps } from '../../lib/steps';
import { html, marked, sleep } from '../support/inpage';
import { happyDoc, pageWindow } from '../support/dom';
import { sitePage } from '../support/pages';

const WRONG = { 'apply.new.natural_person': 165 };
const URL_ = 'https://www.zs.gov.cn/zwgk/art/2025/1/23/art_1.html';
/** A report beside a 10,000-row one-column table (issue #13's long-task page). */
const ROWS_PAGE = sitePage({ set: WRONG, textReceived: 199 }).replace(
  '</body>',
  `<table>${'<tr><td>1</td></tr>'.repeat(10_000)}</table></body>`,
);

interface Stepped {
  win: Window;
  doc: Document;
  inpage: InPage;
  sent: Message[];
  abort: AbortController;
  /** Tasks the engine yielded to. */
  yields: number;
  /** Steps of the analysis run so far (every `next()` of every analysis). */
  steps: number;
  /** Generators closed before their end. */
  closed: number;
  /** When set, each yield waits for `release()` (a test acting between two slices). */
  hold: boolean;
  release(): void;
  /** Called at every yield (a test acting between two slices). */
  onYield?(): void;
}

let h: Stepped | null = null;
afterEach(() => {
  h?.abort.abort();
  h?.win.close();
  h = null;
});

/** An InPage wired to the real stepped core; every step its own slice unless `sliceMs` says otherwise. */
function open(page: string, sliceMs = 0): Stepped {
  const win = pageWindow(page, URL_);
  const doc = win.document as unknown as Document;
  const sent: Message[] = [];
  const abort = new AbortController();
  const waiting: Array<() => void> = [];
  const s: Stepped = {
    win,
    doc,
    sent,
    abort,
    yields: 0,
    steps: 0,
    closed: 0,
    hold: false,
    release: () => {
      for (const w of waiting.splice(0)) w();
    },
    inpage: null as unknown as InPage,
  };
  /** Count the steps and early closes of a generator, passing everything through. */
  function* counted<T>(steps: Steps<T>): Steps<T> {
    let finished = false;
    try {
      for (;;) {
        s.steps++;
        const r = steps.next();
        if (r.done) {
          finished = true;
          return r.value;
        }
        yield;
      }
    } finally {
      if (!finished) {
        s.closed++;
        steps.return(undefined as never);
      }
    }
  }
  s.inpage = new InPage({
    doc,
    signal: abort.signal,
    analyze: (d, o) => checkDocument(d, o),
    analyzeSteps: (d, o) => counted(checkDocumentSteps(d, o)),
    prepareSteps: warmUpSteps,
    gate: quickGate,
    send: typedSend(async (msg) => {
      sent.push(msg);
      return undefined;
    }),
    sliceMs,
    yieldTask: () => {
      s.yields++;
      s.onYield?.();
      if (!s.hold) return new Promise((r) => setTimeout(r, 0));
      return new Promise<void>((r) => waiting.push(r));
    },
    quietMs: 20,
    lateContentMs: 200,
  });
  return s;
}

/** The report without its check time, for comparing two analyses. */
const timeless = (r: Report | null | undefined) => r && { ...r, source: { ...r.source, checkedAt: '' } };

describe('the stepped engine', () => {
  it('analyses a 10,000-row page in many tasks, with the same report and marks as the one-go analysis', async () => {
    h = open(ROWS_PAGE);
    expect(await h.inpage.start()).toBe(STATE.report);
    const oneGo = checkDocument(happyDoc(ROWS_PAGE, URL_), { url: URL_ });
    expect(timeless(h.inpage.analysis!.report)).toEqual(timeless(oneGo.report));
    expect(h.inpage.analysis!.report.summary.fail).toBeGreaterThan(0);
    // Every step in its own task here (sliceMs 0): the analysis really gave the page its thread back.
    expect(h.inpage.lastRun!.steps).toBeGreaterThan(10);
    expect(h.inpage.lastRun!.slices).toBe(h.inpage.lastRun!.steps);
    expect(h.yields).toBeGreaterThanOrEqual(h.inpage.lastRun!.slices - 1);
    // The marks are those of the report: the culprit cell, the failing checks' cells.
    const culprits = oneGo.report.checks.flatMap((c) =>
      c.culprit ? [[c.culprit.field, String(c.culprit.suggested)]] : [],
    );
    expect(culprits.length).toBeGreaterThan(0);
    expect(marked(h.doc, ATTR.culprit)).toEqual(new Map(culprits as [string, string][]));
    expect(marked(h.doc, ATTR.fail).size).toBeGreaterThan(0);
    await sleep(5);
    expect(h.sent.filter((m) => m.type === 'gouji:result')).toHaveLength(1);
  });

  it('gives the same page as the one-task engine (marks byte for byte)', async () => {
    const page = sitePage({ set: WRONG, textReceived: 199 });
    h = open(page, 1000);
    await h.inpage.start();
    const stepped = html(h.doc).replace(/g[0-9a-z]{6,}/g, 'TOKEN');
    const stepsInOne = h.inpage.lastRun!;
    expect(stepsInOne.slices).toBeLessThanOrEqual(stepsInOne.steps);
    h.abort.abort();
    h.win.close();
    h = open(page);
    // The synchronous path (no steps) on a fresh page.
    h.inpage.run();
    expect(html(h.doc).replace(/g[0-9a-z]{6,}/g, 'TOKEN')).toBe(stepped);
  });

  it('re-runs cleanly when the page changes mid-analysis: the older result never reaches the page', async () => {
    h = open(sitePage({ set: WRONG }));
    // First a settled, marked page (the observer now watches it).
    await h.inpage.start();
    expect(marked(h.doc, ATTR.culprit)).toEqual(new Map([['apply.new.natural_person', '167']]));
    // A re-run starts; hold it between two slices and fix the wrong cell meanwhile.
    h.hold = true;
    const rerun = h.inpage.analyze();
    await sleep(0);
    expect(h.yields).toBeGreaterThan(0);
    const cell = h.doc.querySelector(`[${ATTR.culprit}]`)!;
    cell.textContent = cell.getAttribute(ATTR.culprit);
    // Let the observer's quiet period pass: it starts a newer run, which supersedes the held one.
    await sleep(60);
    h.hold = false;
    h.release();
    await rerun;
    for (let i = 0; i < 50 && h.inpage.analysis?.report.summary.fail !== 0; i++) await sleep(10);
    expect(h.closed).toBeGreaterThan(0);
    expect(h.inpage.analysis!.report.summary.fail).toBe(0);
    // One consistent set of marks: none of the old ones left, the state says report.
    expect(marked(h.doc, ATTR.culprit).size).toBe(0);
    expect(marked(h.doc, ATTR.fail).size).toBe(0);
    expect(h.doc.documentElement.getAttribute(ATTR.state)).toBe(STATE.report);
    expect(h.doc.querySelectorAll(`style[${ATTR.style}]`)).toHaveLength(1);
    await sleep(5); // the result goes to the background in a task of its own
    const last = h.sent.filter((m) => m.type === 'gouji:result').at(-1) as { report: Report };
    expect(last.report.summary.fail).toBe(0);
  });

  it('stops the steps when the extension context ends mid-analysis, and leaves the page as it was', async () => {
    const page = ROWS_PAGE;
    h = open(page);
    const before = html(h.doc);
    let stepsAtAbort = -1;
    // The extension goes away between two slices of the analysis, three steps in.
    h.onYield = () => {
      if (h!.steps >= 3 && stepsAtAbort < 0) {
        stepsAtAbort = h!.steps;
        h!.abort.abort();
      }
    };
    void h.inpage.start();
    for (let i = 0; i < 200 && stepsAtAbort < 0; i++) await sleep(5);
    await sleep(20);
    expect(stepsAtAbort).toBe(3);
    expect(h.closed).toBe(1);
    expect(h.steps).toBe(stepsAtAbort);
    expect(h.inpage.analysis).toBeNull();
    expect(html(h.doc)).toBe(before);
    expect(h.sent.filter((m) => m.type === 'gouji:result')).toHaveLength(0);
  });

  it('a synchronous run supersedes a stepped run in flight', async () => {
    h = open(sitePage({ set: WRONG }));
    h.hold = true;
    const first = h.inpage.analyze();
    await sleep(0);
    h.inpage.run();
    h.hold = false;
    h.release();
    await first;
    await sleep(10);
    expect(h.closed).toBe(1);
    expect(h.inpage.state).toBe(STATE.report);
    expect(h.sent.filter((m) => m.type === 'gouji:result')).toHaveLength(1);
  });
});

describe('the warm-up before the first analysis', () => {
  /** An InPage whose warm-up only counts its runs; returns the count once the page has settled. */
  async function warmUps(page: string): Promise<{ state: string; runs: number }> {
    const win = pageWindow(page, URL_);
    const abort = new AbortController();
    let runs = 0;
    const inpage = new InPage({
      doc: win.document as unknown as Document,
      signal: abort.signal,
      analyze: (d, o) => checkDocument(d, o),
      analyzeSteps: (d, o) => checkDocumentSteps(d, o),
      prepareSteps: function* () {
        runs++;
        yield;
      },
      gate: quickGate,
      send: typedSend(async () => undefined),
      quietMs: 20,
      lateContentMs: 200,
    });
    try {
      return { state: await inpage.start(), runs };
    } finally {
      abort.abort();
      win.close();
    }
  }

  it('warms the core on a page with tables', async () => {
    expect(await warmUps(sitePage({ set: WRONG }))).toEqual({ state: STATE.report, runs: 1 });
  });

  // A page in the reports' column says 政府信息公开年度报告 in its breadcrumb: it passes the gate and is read,
  // but has no table whose code the warm-up (a synthetic report with its three tables) would have warmed.
  it('skips it on a page without a statistics table that passed the gate on its words', async () => {
    const news = (
      extra: string,
    ) => `<!doctype html><html><head><title>新闻动态_中山市人民政府门户网站</title></head><body>
      <div class="crumbs">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年度报告</div>
      <h1>市政府召开常务会议</h1><p>会议研究部署了下一阶段的重点工作。</p>${extra}</body></html>`;
    expect(quickGate('新闻动态_中山市人民政府门户网站', '政府信息公开年度报告')).toBe(true);
    expect(await warmUps(news(''))).toEqual({ state: STATE.none, runs: 0 });
    // A weather box is a table, but not one the warm-up is for.
    const weather = '<table class="weather"><tr><td>今日天气</td><td>晴</td><td>22℃</td></tr></table>';
    expect(await warmUps(news(weather))).toEqual({ state: STATE.none, runs: 0 });
    // As many cells as a table 二 has: warmed.
    const grid = `<table>${'<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>'.repeat(WARM_UP_MIN_CELLS / 4)}</table>`;
    expect(await warmUps(news(grid))).toEqual({ state: STATE.none, runs: 1 });
  });
});

describe('runSliced', () => {
  function* count(n: number, log: number[]): Steps<number> {
    for (let i = 0; i < n; i++) {
      log.push(i);
      yield;
    }
    return n;
  }

  it('runs steps until the slice budget is spent, then yields; the value is the generator’s', async () => {
    let yields = 0;
    const log: number[] = [];
    // Time that never advances: everything fits in one slice.
    const r = await runSliced(count(10, log), {
      now: () => 0,
      yieldTask: async () => void yields++,
      live: () => true,
      budgetMs: 8,
    });
    expect(r).toEqual({ value: 10, steps: 11, slices: 1 });
    expect(log).toHaveLength(10);
    expect(yields).toBe(0);
    // Each clock reading 3 ms later: a slice holds steps until 8 ms have passed since its start.
    let clock = 0;
    const slices: Array<[number, number]> = [];
    const r2 = await runSliced(count(10, []), {
      now: () => (clock += 3),
      yieldTask: async () => void yields++,
      live: () => true,
      budgetMs: 8,
      onSlice: (a, b) => slices.push([a, b]),
    });
    expect(r2!.value).toBe(10);
    expect(r2!.slices).toBeGreaterThan(1);
    expect(yields).toBe(r2!.slices - 1);
    expect(slices).toHaveLength(r2!.slices);
  });

  it('closes the generator and answers null when the run is no longer wanted', async () => {
    let closed = false;
    function* g(): Steps<string> {
      try {
        for (;;) yield;
      } finally {
        closed = true;
      }
    }
    let live = 3;
    const r = await runSliced(g(), { now: () => 0, yieldTask: async () => {}, live: () => live-- > 0, budgetMs: -1 });
    expect(r).toBeNull();
    expect(closed).toBe(true);
  });
});
