// The in-page controller, shared by the content script (gov.cn pages, behind the gate) and the on-demand
// script (any page, from the popup's "检查此页"). Browser APIs come in through `InPageDeps`, so unit
// tests drive it with happy-dom and a fake `send`.
//
//   main() ─ gate (title/text, ≤ 2 ms, no DOM writes) ─ no → html[data-gouji-state=none], done, no observer
//              └ yes → idle task: analyze (lib core) → plan (model.ts) → mark (ledger + style + shadow layer)
//                        → gouji:result to the background (answered with the report's flags)
//                        → ArticleObserver: page changes re-run the same path (debounced)
//   popup ⇄ handleMessage: gouji:focus / gouji:set-marks / gouji:get-marks / gouji:flags-changed
import { frameUrl } from '../../lib/ext/frames';
import { ATTR, MAX_TABLE_CELLS, PERF, STATE, type PageState } from '../../lib/contract';
import { isAddResult, type Message, type Send } from '../../lib/ext/protocol';
import type { Report } from '../../lib/types';
import type { LayerActions } from '../../components/inpage/Layer';
import { currentLang, pageChipText, ui } from '../../components/inpage/strings';
import { t } from '../../lib/i18n/page';
import { MarkLedger, PageStyle, STYLED_ATTRS, clearHighlights, highlightHosts, setHighlights } from './marks';
import { trusted } from '../../components/inpage/trust';
import { errorChip, planMarks, type Chip, type MarkPlan, type Target } from '../../components/inpage/model';
import { ArticleObserver, articleScope } from './observer';
import { gateSays } from '../../lib/gate';
import { countListLinks, LIST_MIN_LINKS } from '../../lib/batch/list-gate';
import { mountListChip } from '../content/list-chip';
import { ShadowLayer } from './layer';
import { createStore, type LayerStore } from '../../components/inpage/store';
import type { InPageAnalysis, PreviousYearMarks } from '../../components/inpage/types';
import { TooltipMachine, type ShowHow } from '../../components/inpage/tooltip';
import type { Steps } from '../../lib/steps';
import { runSliced, yielder, type Sliced } from './slices';

/** The page's table cells (td and th), counted by the browser. */
function tableCells(doc: Document): number {
  return doc.getElementsByTagName('td').length + doc.getElementsByTagName('th').length;
}

/**
 * Fewer table cells than this and the page holds no statistics table to warm the core for: table 二 alone is
 * 8 rows of 4 numbers with its headers, a report's three tables some 250 cells.
 */
export const WARM_UP_MIN_CELLS = 32;

/**
 * Run `cb` in a task after the current frame's rendering (called from a requestAnimationFrame callback): a
 * MessageChannel message is a task of its own, queued behind the frame being produced.
 */
function afterFrame(win: Window, cb: () => void): void {
  const MC = (win as Window & { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (typeof MC !== 'function') {
    setTimeout(cb, 0);
    return;
  }
  const ch = new MC();
  ch.port1.onmessage = () => {
    ch.port1.close();
    cb();
  };
  ch.port2.postMessage(0);
}

/**
 * End a measure of this task's work once the microtasks it queued have run: the layer's components render
 * in one (Preact queues its renders as a microtask), and their layout effects read positions there, which
 * makes the browser lay the page out — our work, in our task, which a measure ended before it would miss.
 */
function measureThrough(perf: Performance, name: string, start: number): void {
  queueMicrotask(() => perf.measure(name, { start, end: perf.now() }));
}

export { targetSelector } from './layer';

/**
 * The order findings are walked in: one stop per error (lib/errors.ts: an error is a cell) — numbers in the
 * text that contradict a table first (the most quotable finding), then, in reading order, each probable
 * wrong cell (its tooltip lists every check it breaks) and each failing total no culprit explains; then
 * what is only questionable: undecided totals and numbers in the text worth a look. A failing total whose
 * failure a culprit explains is no stop of its own (Tab and hover still reach it); blank cells counted as
 * 0 are explained on hover but not walked.
 */
export function walkOrder(targets: readonly Target[]): string[] {
  const claims = new Set(targets.filter((t) => t.kind === 'claim').map((t) => t.key));
  const error = (t: Target) =>
    t.findings.some(
      (f) =>
        f.status === 'culprit' ||
        (f.status === 'fail' && (f.goto ? !claims.has(f.goto) : !t.findings.some((g) => g.status === 'culprit'))),
    ) && !explainedElsewhere(t, targets);
  const cells = targets.filter((t) => t.kind === 'cell' && t.element && t.severity !== 'zero');
  cells.sort((a, b) => (a.element!.compareDocumentPosition(b.element!) & 4 /* FOLLOWING */ ? -1 : 1));
  return [
    ...targets.filter((t) => t.kind === 'claim' && t.severity === 'fail').map((t) => t.key),
    ...cells.filter(error).map((t) => t.key),
    ...cells.filter((t) => !error(t) && t.severity === 'uncertain').map((t) => t.key),
    ...targets.filter((t) => t.kind === 'claim' && t.severity !== 'fail').map((t) => t.key),
  ];
}

/** A failing total all of whose failing checks a culprit cell (another target) explains. */
function explainedElsewhere(t: Target, targets: readonly Target[]): boolean {
  if (t.findings.some((f) => f.status === 'culprit')) return false;
  const fails = t.findings.filter((f) => f.status === 'fail' && !f.goto);
  if (!fails.length) return false;
  const explained = new Set(targets.flatMap((o) => o.findings.filter((f) => f.status === 'culprit').map((f) => f.id)));
  return fails.every((f) => explained.has(f.id));
}

export interface InPageDeps {
  doc: Document;
  signal: AbortSignal;
  /** The core: `checkDocument`. */
  analyze(doc: Document, opts: { url: string; title: string }): InPageAnalysis;
  /**
   * The core in bounded steps (`checkDocumentSteps`, same result as `analyze`). When given, the engine runs
   * it in slices of `sliceMs`, yielding to the page between them (issue #13: no task over 50 ms).
   */
  analyzeSteps?(doc: Document, opts: { url: string; title: string }): Steps<InPageAnalysis>;
  /** Optional warm-up run in its own idle task before the first analysis (the t2s converter's tables). */
  prepare?(): void;
  /** The warm-up in steps (`warmUpSteps`), sliced like the analysis; preferred over `prepare`. */
  prepareSteps?(): Steps<void>;
  /**
   * Asked after each stepped run, before its result is shown: 'show'; 'again' when the run met something
   * the engine had not loaded and has loaded now (the t2s pack: lib/ext/packs.ts), so the page is read
   * again instead; { error } when it cannot be read (said on the page).
   */
  beforeShow?(): Promise<'show' | 'again' | { error: string }>;
  /** Budget of one slice of stepped work (ms). */
  sliceMs?: number;
  /** How to give the main thread back between slices (default: scheduler.yield / MessageChannel). */
  yieldTask?(): Promise<void>;
  /** The core's cheap test: `quickGate`. */
  gate(title: string, bodyText?: string): boolean;
  /** browser.runtime.sendMessage, typed by the message map; rejects when nobody listens. */
  send: Send;
  /** Re-run quiet period (ms); tests shorten it. */
  quietMs?: number;
  /** How long a page that passed the gate but holds no report is watched for late content (ms). */
  lateContentMs?: number;
}

export class InPage {
  state: PageState | null = null;
  error: string | undefined;
  visible = true;
  analysis: InPageAnalysis | null = null;
  /** The previous year from history and the cross-year checks (gouji:previous-year, from the background). */
  previous: PreviousYearMarks | null = null;
  plan: MarkPlan | null = null;
  readonly store: LayerStore = createStore();
  readonly observer: ArticleObserver;
  readonly layer: ShadowLayer;
  private readonly ledger = new MarkLedger();
  private readonly related = new MarkLedger();
  private readonly flash = new MarkLedger();
  /** The tooltip's behaviour: show, hide after a delay, pin, close (components/inpage/tooltip.ts). */
  readonly tooltip: TooltipMachine;
  private readonly style: PageStyle;
  private readonly doc: Document;
  private readonly win: Window;
  private lastSent = '';
  /** Results sent to the background so far: only the latest one's answer (its flags) is taken. */
  private resultsSent = 0;
  private listLinks = 0;
  private listChip: Element | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private lateTimer: ReturnType<typeof setTimeout> | null = null;
  private layoutPending = false;
  private wantLayer = false;
  private resize: ResizeObserver | null = null;
  // ── scheduling of the stepped analysis ──
  /** Bumped by every run: a stepped run that finds a newer one has started stops at its next yield. */
  private generation = 0;
  /** Generation of the stepped run in flight (0: none). */
  private inFlight = 0;
  private readonly settledWaiters: Array<() => void> = [];
  private readonly yieldTask: () => Promise<void>;
  /** The last stepped analysis: steps run and the tasks they took (tests, the bench). */
  lastRun: { steps: number; slices: number } | null = null;

  constructor(private readonly deps: InPageDeps) {
    this.doc = deps.doc;
    this.win = deps.doc.defaultView!;
    this.style = new PageStyle(this.doc);
    this.tooltip = new TooltipMachine(this.store, {
      related: (target) => {
        const rel = new Map<Element, Record<string, string>>();
        for (const el of target?.related ?? []) rel.set(el, { [ATTR.related]: this.style.token });
        this.related.apply(rel);
      },
      focusMark: (key) => {
        if (this.layer.mounted) this.layer.targetButton(key)?.focus();
      },
    });
    this.layer = new ShadowLayer(this.doc, this.store, this.actions(), this.style.token);
    // Our keyboard anchors are inserted into <body>: their insertion and removal are no page change.
    this.observer = new ArticleObserver(this.doc, () => void this.analyze(), deps.signal, {
      quietMs: deps.quietMs,
      ignore: (node) => this.layer.isOurs(node),
    });
    this.yieldTask = deps.yieldTask ?? yielder(this.win);
    deps.signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  /**
   * Decide cheaply, then analyze in an idle task. `force` (the popup's "检查此页") skips the gate.
   * Resolves once the state has settled.
   */
  start(force = false): Promise<PageState> {
    const perf = this.win.performance;
    const t0 = perf.now();
    // "检查此页" always answers, even when the result is the one already sent (a page already judged not
    // a report): the popup waits for it.
    if (force) this.lastSent = '';
    const pass = force || gateSays(this.doc, this.deps.gate);
    if (!force) perf.measure(PERF.gate, { start: t0, end: perf.now() });
    if (!pass) {
      this.settle(STATE.none, null);
      return Promise.resolve(STATE.none);
    }
    return new Promise((resolve) => {
      const w = this.win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
      const idle = (cb: () => void) =>
        w.requestIdleCallback ? w.requestIdleCallback(cb, { timeout: 300 }) : setTimeout(cb, 0);
      // The core's one-time set-up, then the analysis, each in tasks of its own, so none blocks for long.
      idle(() => {
        if (this.deps.signal.aborted) return;
        void this.prepare().then(() => {
          if (this.deps.signal.aborted) return;
          idle(() => {
            if (this.deps.signal.aborted) return;
            void this.analyze().then(() => resolve(this.state ?? STATE.none));
          });
        });
      });
    });
  }

  /** The core's one-time set-up: stepped and sliced when the core offers steps, else one task. */
  private async prepare(): Promise<void> {
    // The warm-up runs the core over a synthetic report with its three tables. A page with too few table
    // cells to hold even table 二 passed the gate on its words alone (a page in the reports' column whose
    // breadcrumb says 政府信息公开年度报告 beside a weather box, a notice, a report whose tables are in an
    // attachment): there it would warm table code the analysis never runs, so it is skipped. Tables that
    // arrive later are read by a later run, cold.
    if (tableCells(this.doc) < WARM_UP_MIN_CELLS) return;
    const perf = this.win.performance;
    if (this.deps.prepareSteps) {
      await runSliced(this.deps.prepareSteps(), {
        now: () => perf.now(),
        yieldTask: this.yieldTask,
        live: () => !this.deps.signal.aborted,
        budgetMs: this.deps.sliceMs,
        onSlice: (start, end) => {
          perf.measure(PERF.prepare, { start, end });
          perf.measure(PERF.slice, { start, end });
        },
      });
      return;
    }
    const tp = perf.now();
    this.deps.prepare?.();
    perf.measure(PERF.prepare, { start: tp, end: perf.now() });
  }

  /**
   * Analyze the live document and mark the result (the first run and every observer re-run). With the
   * core's steps, the work runs in slices with the page's own tasks in between; a run that a newer one
   * supersedes (the page changed meanwhile) or that outlives our lifetime stops at its next slice, so
   * only the newest result is ever put on the page. Resolves once the page state has settled.
   */
  analyze(): Promise<void> {
    if (!this.deps.analyzeSteps) {
      this.run();
      return Promise.resolve();
    }
    if (this.deps.signal.aborted) return Promise.resolve();
    const settled = this.whenSettled();
    void this.runStepped(this.deps.analyzeSteps);
    return settled;
  }

  private async runStepped(analyzeSteps: NonNullable<InPageDeps['analyzeSteps']>): Promise<void> {
    const gen = ++this.generation;
    if (this.tooLarge()) return;
    this.inFlight = gen;
    // Changes while the analysis runs re-run it (the observer's quiet period, then a newer generation).
    const watching = this.observer.active;
    this.observer.observe();
    const perf = this.win.performance;
    const opts = { url: frameUrl(this.doc.defaultView), title: this.doc.title ?? '' };
    let done: Sliced<InPageAnalysis> | null;
    // One gouji:analyze per run, as long as the run's own work; one gouji:slice per task it took.
    const t0 = perf.now();
    let work = 0;
    try {
      done = await runSliced(analyzeSteps(this.doc, opts), {
        now: () => perf.now(),
        yieldTask: this.yieldTask,
        live: () => gen === this.generation && !this.deps.signal.aborted,
        budgetMs: this.deps.sliceMs,
        onSlice: (start, end) => {
          work += end - start;
          perf.measure(PERF.slice, { start, end });
        },
      });
    } catch (e) {
      perf.measure(PERF.analyze, { start: t0, duration: work });
      if (gen !== this.generation || this.deps.signal.aborted) return;
      this.inFlight = 0;
      if (!watching) this.observer.disconnect();
      this.failed(e);
      return;
    }
    perf.measure(PERF.analyze, { start: t0, duration: work });
    if (!done || gen !== this.generation || this.deps.signal.aborted) return;
    if (this.deps.beforeShow) {
      const next = await this.deps.beforeShow().catch((e: unknown) => ({
        error: pageChipText.failed(e instanceof Error ? e.message : String(e)),
      }));
      if (gen !== this.generation || this.deps.signal.aborted) return;
      if (next === 'again') {
        void this.runStepped(analyzeSteps);
        return;
      }
      if (next !== 'show') {
        this.inFlight = 0;
        if (!watching) this.observer.disconnect();
        this.fail(next.error);
        return;
      }
    }
    this.inFlight = 0;
    this.lastRun = { steps: done.steps, slices: done.slices };
    this.apply(done.value);
  }

  /** Resolves at the next settle that no stepped run in flight will overwrite. */
  private whenSettled(): Promise<void> {
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** A pathological page (a data dump on a gov.cn URL) would freeze the tab: say so, do not try. */
  private tooLarge(): boolean {
    const cells = tableCells(this.doc);
    if (cells <= MAX_TABLE_CELLS) return false;
    this.inFlight = 0;
    this.observer.disconnect();
    this.fail(pageChipText.tooLarge(cells, MAX_TABLE_CELLS));
    return true;
  }

  private failed(e: unknown): void {
    console.warn('[gouji] analysis failed', e);
    this.fail(pageChipText.failed(e instanceof Error ? e.message : String(e)));
  }

  /** Analyze the live document now, in one task, and mark the result (tests; the engine without steps). */
  run(): void {
    if (this.deps.signal.aborted) return;
    // A stepped run in flight is superseded: its result would be older than this one.
    this.generation++;
    this.inFlight = 0;
    if (this.tooLarge()) return;
    const perf = this.win.performance;
    let analysis: InPageAnalysis;
    const t0 = perf.now();
    try {
      analysis = this.deps.analyze(this.doc, { url: frameUrl(this.doc.defaultView), title: this.doc.title ?? '' });
    } catch (e) {
      this.failed(e);
      return;
    } finally {
      perf.measure(PERF.analyze, { start: t0, end: perf.now() });
    }
    this.apply(analysis);
  }

  /** Put an analysis on the page: the report's marks, or the state of a page that holds none. */
  private apply(analysis: InPageAnalysis): void {
    this.analysis = analysis;
    if (!analysis.report.detected) {
      this.plan = null;
      this.listLinks = countListLinks(this.doc);
      if (this.listLinks >= LIST_MIN_LINKS && !this.listChip) {
        this.listChip = mountListChip(
          this.doc,
          this.listLinks,
          () => void this.deps.send({ type: 'gouji:open-batch', list: this.doc.location?.href ?? '' }).catch(() => {}),
        );
        this.deps.signal.addEventListener('abort', () => this.listChip?.remove(), { once: true });
      }
      this.settle(STATE.none, analysis.report);
      // Content loaded by script: keep watching a while, then let go (no observer on non-reports).
      this.observer.scope = null;
      this.observer.observe();
      if (this.lateTimer === null) {
        this.lateTimer = setTimeout(() => {
          if (this.state === STATE.none) this.observer.disconnect();
        }, this.deps.lateContentMs ?? 10_000);
      }
      return;
    }
    const perf = this.win.performance;
    const t1 = perf.now();
    this.plan = planMarks(analysis, this.doc, this.previousFor(analysis));
    const tables = [
      ...analysis.tableElements.active,
      ...analysis.tableElements.apply,
      ...analysis.tableElements.review,
    ];
    this.observer.scope = articleScope(tables, this.doc.body);
    this.settle(STATE.report, analysis.report);
    measureThrough(perf, PERF.mark, t1);
    this.observer.observe();
  }

  private fail(message: string): void {
    this.analysis = null;
    this.plan = null;
    this.error = message;
    this.settle(STATE.error, null);
  }

  private settle(state: PageState, report: Report | null): void {
    this.state = state;
    if (state !== STATE.error) this.error = undefined;
    this.render();
    if (!this.inFlight) for (const resolve of this.settledWaiters.splice(0)) resolve();
    // The background keeps per-tab state for the popup; send again only when something changed.
    // Serializing the report (here and in sendMessage) is not free: it gets a task of its own.
    const error = this.error;
    setTimeout(() => {
      if (this.deps.signal.aborted) return;
      const key = JSON.stringify([state, error, report && { ...report, source: { ...report.source, checkedAt: '' } }]);
      if (key === this.lastSent) return;
      this.lastSent = key;
      const list = state === STATE.none && this.listLinks >= LIST_MIN_LINKS ? { listLinks: this.listLinks } : {};
      const sent = this.deps.send({ type: 'gouji:result', state, report, ...(error ? { error } : {}), ...list });
      const seq = ++this.resultsSent;
      if (state !== STATE.report) {
        sent.catch(() => {});
        return;
      }
      // The background answers a report's result with its flags; an answer without them (it could not read
      // them) is followed by the question itself. Only the answer to the latest result sent counts: a re-run
      // with the same result sends nothing, and its flags are this answer's.
      sent.then(
        (reply) => {
          if (this.deps.signal.aborted || seq !== this.resultsSent) return;
          if (!this.takeFlags(reply && 'flags' in reply ? reply.flags : undefined)) void this.requestFlags();
        },
        () => {},
      );
    }, 0);
  }

  /** Rebuild the chips and tooltips from the current analysis (after a language switch). */
  relabel(): void {
    if (this.analysis && this.plan) this.plan = planMarks(this.analysis, this.doc, this.previousFor(this.analysis));
    this.render();
  }

  /** Put the current result on the page (or take everything off when hidden). Idempotent. */
  render(): void {
    if (!this.visible || this.state === null) {
      this.unmark();
      return;
    }
    const html = this.doc.documentElement;
    const attrs = new Map(this.plan?.attrs ?? []);
    // Every styled cell carries this load's token: our stylesheet draws nothing else.
    const token = this.style.token;
    const quiet = this.plan?.quiet;
    for (const [el, a] of attrs)
      if (STYLED_ATTRS.some((n) => a[n] !== undefined) && !quiet?.has(el)) attrs.set(el, { ...a, [ATTR.mark]: token });
    attrs.set(html, { ...(attrs.get(html) ?? {}), [ATTR.state]: this.state });
    const chips: Chip[] =
      this.plan?.chips ?? (this.state === STATE.error && this.error ? [errorChip(this.doc, this.error)] : []);
    const targets: Target[] = this.plan?.targets ?? [];
    const claims = targets.filter((t) => t.kind === 'claim' && t.range);
    // The elements holding highlighted text carry the token too: our ::highlight rules match only them.
    for (const t of claims)
      for (const el of highlightHosts(t.range!)) attrs.set(el, { ...attrs.get(el), [ATTR.highlight]: token });
    if (attrs.size > 1 || chips.length) this.style.ensure(claims.length > 0);
    else this.style.remove();
    this.ledger.apply(attrs);
    const active = this.store.active.peek();
    if (active && !targets.some((t) => t.key === active.key)) this.close();
    this.store.targets.value = targets;
    this.store.chips.value = chips;
    const walk = walkOrder(targets);
    if (walk.join('\n') !== this.store.walk.peek().join('\n')) {
      this.store.walk.value = walk;
      const nav = this.store.nav.peek();
      if (nav.index >= walk.length) this.store.nav.value = { ...nav, index: -1 };
    }
    this.store.nativeHighlights.value = setHighlights(
      this.win,
      claims.filter((t) => t.severity === 'fail').map((t) => t.range!),
      claims.filter((t) => t.severity !== 'fail').map((t) => t.range!),
    );
    if (targets.length || chips.length) {
      // The shadow layer is mounted and laid out in the next frame: positions need layout anyway, and
      // the marking task stays short.
      this.wantLayer = true;
      this.listen();
      this.scheduleLayout();
    } else {
      this.wantLayer = false;
      this.layer.unmount();
    }
  }

  /** Remove every mark: attributes back as they were, our style, highlights and shadow host gone. */
  unmark(): void {
    this.wantLayer = false;
    this.close();
    this.flash.restore();
    this.ledger.restore();
    this.style.remove();
    clearHighlights(this.win);
    this.layer.unmount();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.render();
  }

  // ── layout ──────────────────────────────────────────────────────────────────────────────────────
  private listening = false;
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const opts = { signal: this.deps.signal, passive: true, capture: true } as AddEventListenerOptions;
    this.win.addEventListener('resize', () => this.scheduleLayout(), opts);
    // Boxes are in document coordinates: window scrolling leaves them valid, a scrolling container
    // (a wide table in an overflow:auto box) does not.
    this.doc.addEventListener(
      'scroll',
      (e) => {
        if (e.target !== this.doc) this.scheduleLayout();
      },
      opts,
    );
    // Alt+↓ / Alt+↑ anywhere, j / k while focus is in our UI: walk the findings (the user's own keys only).
    this.doc.addEventListener('keydown', (e) => trusted(e) && this.onKey(e as KeyboardEvent), {
      signal: this.deps.signal,
      capture: true,
    });
    // Only the user's own pointer: events a page script dispatches (isTrusted false) are ignored.
    this.doc.addEventListener('pointerover', (e) => trusted(e) && this.pointerOver(e), opts);
    this.doc.addEventListener('pointerout', (e) => trusted(e) && this.pointerOut(e), opts);
    this.doc.addEventListener('pointermove', (e) => trusted(e) && this.pointerMove(e), opts);
    const RO = (this.win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    if (RO && this.doc.body) {
      // Images and fonts loading above a table move it without a resize event.
      this.resize = new RO(() => this.scheduleLayout());
      this.resize.observe(this.doc.body);
    }
  }

  /**
   * Lay the layer out in a task of its own just after the next frame: that frame's rendering applies our
   * marks' style (on a page of 10,000 rows that alone is tens of ms of the browser's work), so our reads of
   * positions find it done instead of forcing it inside our task. Calls while one is pending join it.
   */
  private scheduleLayout(): void {
    if (!this.wantLayer) return;
    // The layout's writes now (idempotent), so the next frame lays them out; again when a pending layout's
    // host was taken down meanwhile (marks hidden and shown).
    if (this.visible && (!this.layoutPending || !this.layer.mounted)) this.layer.prepare();
    if (this.layoutPending) return;
    const raf =
      this.win.requestAnimationFrame?.bind(this.win) ??
      ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 16) as unknown as number);
    this.layoutPending = true;
    raf(() => {
      if (this.deps.signal.aborted) {
        this.layoutPending = false;
        return;
      }
      afterFrame(this.win, () => {
        this.layoutPending = false;
        if (this.deps.signal.aborted) return;
        const perf = this.win.performance;
        const t0 = perf.now();
        this.relayout();
        measureThrough(perf, PERF.layout, t0);
      });
    });
  }

  /** Synchronous layout (tests, and `gouji:focus` before showing a tooltip). */
  relayout(): void {
    if (!this.wantLayer || !this.visible) return;
    this.layer.mount();
    this.layer.relayout();
  }

  // ── walking the findings ────────────────────────────────────────────────────────────────────────
  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || !this.store.walk.peek().length || !this.visible) return;
    const path = e.composedPath();
    const ours = this.layer.owns(path);
    const el = path[0] as Element | undefined;
    const typing =
      !!el && (/^(input|textarea|select)$/i.test(el.localName ?? '') || (el as HTMLElement).isContentEditable === true);
    let step: 1 | -1 | 0 = 0;
    if (e.altKey && !e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !(typing && !ours))
      step = e.key === 'ArrowDown' ? 1 : -1;
    else if (ours && !typing && !e.altKey && (e.key === 'j' || e.key === 'k')) step = e.key === 'j' ? 1 : -1;
    if (!step) return;
    e.preventDefault();
    e.stopPropagation();
    this.walk(step);
  }

  /** The next / previous finding: scrolled into view, its mark focused (which shows its tooltip). */
  walk(step: 1 | -1): void {
    const list = this.store.walk.peek();
    if (!list.length) return;
    const nav = this.store.nav.peek();
    const index = nav.index < 0 ? (step > 0 ? 0 : list.length - 1) : (nav.index + step + list.length) % list.length;
    this.store.nav.value = { open: true, index };
    this.show(list[index]!);
  }

  /** One finding by its target key (a link from the other end of a contradiction). */
  goTo(key: string): void {
    const i = this.store.walk.peek().indexOf(key);
    if (i >= 0) this.store.nav.value = { open: true, index: i };
    // Arrived by a link: its tooltip is pinned, focus inside it (its link back first).
    this.show(key, true);
  }

  private show(key: string, pin = false): void {
    const target = this.store.targets.peek().find((t) => t.key === key);
    if (!target) return;
    const el = target.element ?? target.range?.startContainer.parentElement ?? null;
    el?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    this.close();
    this.relayout();
    this.layer.targetButton(target.key)?.focus();
    if (pin) this.activate(target.key, 'pin');
    else if (this.store.active.peek()?.key !== target.key) this.activate(target.key, 'focus');
  }

  navClose(): void {
    const nav = this.store.nav.peek();
    this.store.nav.value = { ...nav, open: false };
  }

  // ── tooltips (the behaviour is components/inpage/tooltip.ts; here only the page's events) ───────────
  private targetOfCell(el: Element | null): Target | undefined {
    const cell = el?.closest?.(`[${ATTR.field}]`);
    if (!cell) return undefined;
    return this.store.targets.peek().find((t) => t.element === cell);
  }

  private pointerOver(e: Event): void {
    const t = this.targetOfCell(e.target as Element);
    if (t) this.activate(t.key, 'hover');
  }

  private pointerOut(e: Event): void {
    const t = this.targetOfCell(e.target as Element);
    const to = (e as PointerEvent).relatedTarget as Node | null;
    if (t && !(to && t.element!.contains(to))) this.leave(t.key, 'hover');
  }

  private pointerMove(e: Event): void {
    const { pageX, pageY } = e as PointerEvent;
    this.tooltip.pointerAt(pageX, pageY);
  }

  activate(key: string, how: ShowHow): void {
    this.tooltip.activate(key, how);
  }

  leave(key: string, how: 'hover' | 'focus'): void {
    this.tooltip.leave(key, how);
  }

  close(): void {
    this.tooltip.close();
  }

  private actions(): LayerActions {
    return {
      activate: (key, how) => this.activate(key, how),
      leave: (key, how) => this.leave(key, how),
      close: () => this.close(),
      chip: (chip) => {
        if (chip.attachment) {
          void this.deps.send({ type: 'gouji:open-attachment', url: chip.attachment }).catch(() => {});
          return;
        }
        if (!chip.first) return;
        const i = this.store.walk.peek().indexOf(chip.first);
        if (i >= 0) this.store.nav.value = { open: true, index: i };
        this.focus({ field: chip.first }, true);
      },
      flag: (checkId, note) => this.flag(checkId, note),
      walk: (step) => this.walk(step),
      goTo: (key) => this.goTo(key),
      navClose: () => this.navClose(),
    };
  }

  // ── popup requests ──────────────────────────────────────────────────────────────────────────────
  /** Scroll a cell or claim into view and flash it; false when there is nothing to show. */
  focus(req: { checkId?: string; field?: string }, fromKeyboard = false): boolean {
    const a = this.analysis;
    if (!a) return false;
    let target: Target | undefined;
    let el: Element | undefined;
    const targets = this.store.targets.peek();
    if (req.field) {
      el = a.elements.get(req.field);
      target = targets.find((t) => t.key === req.field);
    }
    // A narrative sum's field ("apply.withheld.*.total") names no cell: fall back to the claim / check id.
    if (!el && !target && req.checkId) {
      target = targets.find((t) => t.key === req.checkId);
      if (!target) {
        const check = a.report.checks.find((c) => c.id === req.checkId);
        const field = check?.cells.find((c) => a.elements.has(c));
        if (field) {
          el = a.elements.get(field);
          target = targets.find((t) => t.key === field);
        }
      }
    }
    const scrollTo = el ?? target?.element ?? target?.range?.startContainer.parentElement ?? undefined;
    if (!scrollTo) return false;
    scrollTo.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    if (!this.visible) return true;
    if (el ?? target?.element) {
      if (this.flashTimer !== null) clearTimeout(this.flashTimer);
      this.flash.apply(new Map([[(el ?? target!.element)!, { [ATTR.flash]: this.style.token }]]));
      this.flashTimer = setTimeout(() => {
        this.flashTimer = null;
        this.flash.restore();
      }, 1600);
    }
    if (target) {
      this.relayout();
      if (fromKeyboard) this.layer.targetButton(target.key)?.focus();
      else this.activate(target.key, 'hover');
    }
    return true;
  }

  /** Flag a finding for follow-up. Resolves to null when saved, else a message for the user. */
  async flag(checkId: string, note: string): Promise<string | null> {
    const report = this.analysis?.report;
    if (!report) return ui.flagFailed;
    let reply: unknown;
    try {
      reply = await this.deps.send({ type: 'gouji:flag-add', report, checkId, ...(note ? { note } : {}) });
    } catch {
      return ui.flagFailed;
    }
    // The background answers { ok: true, … } or { ok: false, error } (Replies['gouji:flag-add']).
    if (!isAddResult(reply)) return ui.flagFailed;
    if (!reply.ok) return (reply.why ? t(currentLang(), reply.why.id, reply.why.params) : reply.error) || ui.flagFailed;
    this.store.flagged.value = new Set([...this.store.flagged.peek(), checkId]);
    return null;
  }

  /**
   * Shows the flagged findings the background named (`gouji:flags-for-report`, or with a report's
   * `gouji:result`). The answer crossed a process boundary: its shape is checked. False when it had none.
   */
  private takeFlags(found: { checkIds?: unknown } | undefined): boolean {
    if (!found || !Array.isArray(found.checkIds)) return false;
    this.store.flagged.value = new Set(found.checkIds.filter((x): x is string => typeof x === 'string'));
    return true;
  }

  async requestFlags(): Promise<void> {
    const report = this.analysis?.report;
    if (!report?.detected) return;
    try {
      // Typed as Replies['gouji:flags-for-report'], but it crossed a process boundary: checked all the same.
      this.takeFlags(await this.deps.send({ type: 'gouji:flags-for-report', report }));
    } catch {
      // No background (tests, or it is restarting): no flags shown.
    }
  }

  /** The previous year, while it is the year before this report's (a re-run may read another report). */
  private previousFor(analysis: InPageAnalysis): PreviousYearMarks | null {
    const p = this.previous;
    return p && analysis.report.report.year === p.year + 1 ? p : null;
  }

  /** Messages from the popup / background. Returns undefined for messages that are not ours to answer. */
  handleMessage(msg: Message): Promise<unknown> | undefined {
    switch (msg.type) {
      case 'gouji:focus':
        return Promise.resolve(this.focus(msg));
      case 'gouji:set-marks':
        this.setVisible(msg.visible !== false);
        return Promise.resolve(this.visible);
      case 'gouji:get-marks':
        return Promise.resolve(this.visible);
      case 'gouji:flags-changed':
        void this.requestFlags();
        return undefined;
      case 'gouji:previous-year':
        this.previous = { year: msg.year, url: msg.url, checks: msg.checks };
        this.relabel();
        return undefined;
      default:
        return undefined;
    }
  }

  /**
   * The extension was updated or reloaded under this page: our marks are already gone (dispose); a page
   * that was marked keeps one chip saying so, drawn without the extension (its buttons do nothing).
   */
  retire(message: string): void {
    const wasMarked = this.state === STATE.report || this.state === STATE.error;
    if (!this.disposed) this.dispose();
    if (!wasMarked) return;
    this.store.targets.value = [];
    this.store.chips.value = [errorChip(this.doc, message)];
    this.wantLayer = true;
    this.layer.mount();
    this.layer.relayout();
  }

  disposed = false;

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.inFlight = 0;
    for (const resolve of this.settledWaiters.splice(0)) resolve();
    this.observer.disconnect();
    this.resize?.disconnect();
    if (this.lateTimer !== null) clearTimeout(this.lateTimer);
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.unmark();
    this.tooltip.dispose();
  }
}
