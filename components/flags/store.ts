// The follow-up page's state (signals, plain TS): every flag from storage.local through lib/flags'
// FlagStore, the filters, and the actions. Storage changes made elsewhere (a flag added from a page
// while this page is open) reload the list. The page renders one page of FLAGS_PAGE_SIZE flags at a time
// (filters, search, counts and exports still cover every flag), and a reload keeps the object of every
// flag that did not change, so only the rows of changed flags render again (issue #13). A page's rows
// render incrementally: FIRST_ROWS (10) in the task that shows the page, then ROWS_CHUNK more per task until the
// page is complete, so no task of ours nears 50 ms.
import { batch, computed, effect, signal, untracked } from '@preact/signals';
import type { KeyValueArea } from '@/lib/ext/tabs';
import { pageUrl } from '@/lib/ext/tabs';
import { FlagStore, FlagWriteError, flagsToJson, sortFlags } from '@/lib/flags/store';
import { FLAG_KEY_PREFIX, FLAG_STATUSES, flagKey, isFlagStatus, type Flag, type FlagStatus } from '@/lib/flags/model';
import { validateFlag, type FlagProblem } from '@/lib/flags/validate';
import { flagsFilename, flagsToCsv } from '@/lib/export';
import { checkTitle } from '@/lib/export/labels';
import { renderFlag } from '@/lib/rules/render';
import { feedbackText, itemsFromFlags } from '@/lib/feedback';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import type { CommonHost } from '../common/host';
import { showToast, switchLang, type Toast } from '../common/ui-state';

export interface FlagsHost extends CommonHost {
  /** browser.storage.local */
  area: KeyValueArea;
  /** Calls back with the flag keys that changed in storage (newValue absent = removed). */
  watchFlags(cb: (changes: FlagChanges) => void): () => void;
}

export type FlagChanges = Record<string, { newValue?: unknown }>;

/** More changed keys than this at once (an import elsewhere): read everything again. */
const PATCH_MAX = 200;
/** A pause between slices of a long load: each task stays short. */
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Run `cb` in a task of its own soon: a MessageChannel message (no setTimeout clamp of 4 ms after a few
 * nested calls), else setTimeout. Returns a cancel function.
 */
function nextTask(cb: () => void): () => void {
  const MC = (globalThis as { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (typeof MC !== 'function') {
    const id = setTimeout(cb, 0);
    return () => clearTimeout(id);
  }
  const ch = new MC();
  let live = true;
  ch.port1.onmessage = () => {
    ch.port1.close();
    if (live) cb();
  };
  ch.port2.postMessage(0);
  return () => {
    live = false;
    ch.port1.close();
  };
}

export interface FlagGroup {
  key: string;
  agency: string | null;
  year: number | null;
  url: string;
  title: string | null;
  flags: Flag[];
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  problems: FlagProblem[];
}

/** One report = same agency, year and page (fragment ignored). */
export function groupKey(f: Pick<Flag, 'agency' | 'year' | 'url'>): string {
  return `${f.agency ?? ''}\u0000${f.year ?? ''}\u0000${pageUrl(f.url)}`;
}

/** Flags whose search text is built per idle callback (a deadline may end a slice earlier). */
const WARM_CHUNK = 200;

type IdleDeadlineLike = { timeRemaining(): number };
/** `cb` when the page is idle (requestIdleCallback, at most 1 s later), else in a task of its own. Returns a cancel. */
function idleTask(cb: (deadline?: IdleDeadlineLike) => void): () => void {
  const g = globalThis as unknown as {
    requestIdleCallback?: (cb: (d: IdleDeadlineLike) => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (typeof g.requestIdleCallback === 'function' && typeof g.cancelIdleCallback === 'function') {
    const id = g.requestIdleCallback(cb, { timeout: 1000 });
    return () => g.cancelIdleCallback!(id);
  }
  return nextTask(() => cb());
}

/** Flags per page of the list: the first render of 3,000 flags is one page, not 3,000 rows. */
export const FLAGS_PAGE_SIZE = 100;
/** Rows rendered in the task that shows a page (a screenful and more). */
export const FIRST_ROWS = 10;
/** Rows added per later task until the page is complete (each task a few ms of rendering). */
export const ROWS_CHUNK = 10;

/**
 * What the search box searches in a flag — agency, title, address, note, finding, check id, quote, the check's
 * name, and in English the finding as the page shows it (the saved message is Chinese) — lower-cased, built once
 * per flag object and language: a keystroke is then one `includes` per flag, not a rendering of every flag
 * (a changed flag is a new object, so its text is built again).
 */
const HAYSTACK: Record<Lang, WeakMap<Flag, string>> = { zh: new WeakMap(), en: new WeakMap() };
export function searchText(f: Flag, lang: Lang): string {
  const cache = HAYSTACK[lang];
  let s = cache.get(f);
  if (s === undefined) {
    const fields = f.cells.map((c) => c.field);
    const english = lang === 'en' ? `${renderFlag(f, 'en').text}\n${checkTitle(f.checkId, fields, 'en')}` : '';
    s = [f.agency, f.title, f.url, f.note, f.message, f.checkId, f.quote, checkTitle(f.checkId, fields), english]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    cache.set(f, s);
  }
  return s;
}

/** Same stored flag? Every write bumps `rev` and `updatedAt`; status and note are what this page edits. */
function sameFlag(a: Flag, b: Flag): boolean {
  return (
    a.rev === b.rev &&
    a.updatedAt === b.updatedAt &&
    a.createdAt === b.createdAt &&
    a.status === b.status &&
    a.note === b.note &&
    a.message === b.message &&
    a.title === b.title &&
    a.v === b.v
  );
}

/**
 * `next` with the objects of `prev` kept where the flag is unchanged; `prev` itself when nothing changed
 * at all (no signal fires, nothing renders).
 */
export function keepUnchanged(prev: readonly Flag[], next: Flag[]): Flag[] {
  const old = new Map(prev.map((f) => [f.fingerprint, f]));
  let same = prev.length === next.length;
  const out = next.map((f, i) => {
    const p = old.get(f.fingerprint);
    if (p && sameFlag(p, f)) {
      if (prev[i] !== p) same = false;
      return p;
    }
    same = false;
    return f;
  });
  return same ? (prev as Flag[]) : out;
}

export type FlagFilter = 'status' | 'agency' | 'year' | 'query';

/**
 * The largest follow-up list file import reads: each flag is bounded (lib/flags/validate.ts FLAG_LIMITS: ≈ 50 KB
 * at most, ≈ 1 KB as exported in practice), so 64 MB is tens of thousands of flags.
 */
export const FLAGS_IMPORT_MAX_BYTES = 64 * 1024 * 1024;

export class FlagsStore {
  readonly lang = signal<Lang>('zh');
  readonly flags = signal<Flag[]>([]);
  readonly problems = signal<FlagProblem[]>([]);
  readonly loaded = signal(false);
  readonly status = signal<FlagStatus | ''>('');
  readonly agency = signal<string>('');
  readonly year = signal<string>('');
  readonly query = signal('');
  /** The page of the filtered list shown (0-based; clamped by `pageIndex`). */
  readonly page = signal(0);
  readonly toast = signal<Toast | null>(null);
  readonly importResult = signal<ImportReport | null>(null);
  readonly confirmDelete = signal<string | null>(null);
  /** Group key → generated 反馈意见 text (open panels). */
  readonly feedback = signal<Record<string, string>>({});

  readonly store: FlagStore;
  private unwatch: (() => void) | null = null;

  readonly agencies = computed(() =>
    [...new Set(this.flags.value.map((f) => f.agency ?? ''))].sort((a, b) => a.localeCompare(b, 'zh')),
  );
  readonly years = computed(() =>
    [...new Set(this.flags.value.map((f) => (f.year === null ? '' : String(f.year))))].sort().reverse(),
  );
  readonly statusCounts = computed(() => {
    const c = Object.fromEntries(FLAG_STATUSES.map((s) => [s, 0])) as Record<FlagStatus, number>;
    for (const f of this.flags.value) c[f.status]++;
    return c;
  });

  readonly filtered = computed(() => {
    const st = this.status.value;
    const ag = this.agency.value;
    const yr = this.year.value;
    const q = this.query.value.trim().toLowerCase();
    const lang = this.lang.value;
    return this.flags.value.filter((f) => {
      if (st && f.status !== st) return false;
      if (ag && (f.agency ?? '') !== ag) return false;
      if (yr && (f.year === null ? '' : String(f.year)) !== yr) return false;
      if (q && !searchText(f, lang).includes(q)) return false;
      return true;
    });
  });

  readonly pageCount = computed(() => Math.max(1, Math.ceil(this.filtered.value.length / FLAGS_PAGE_SIZE)));
  readonly pageIndex = computed(() => Math.max(0, Math.min(this.page.value, this.pageCount.value - 1)));
  /** The flags of the page shown. */
  readonly pageFlags = computed(() => {
    const from = this.pageIndex.value * FLAGS_PAGE_SIZE;
    return this.filtered.value.slice(from, from + FLAGS_PAGE_SIZE);
  });

  /**
   * How many of the page's rows are rendered: FIRST_ROWS when a page is shown (first load, another page,
   * another filter), growing by ROWS_CHUNK per task up to the whole page. Changes of flags keep it (rows
   * already on screen are never taken away and put back).
   */
  readonly rowLimit = signal(FIRST_ROWS);
  /**
   * Which showing of rows this is: a new filter or page starts a new one, and the list's element is keyed by
   * it, so the rows shown before leave in one DOM removal instead of a diff of up to 100 rows against new ones
   * (that diff was most of a search keystroke's 80–100 ms task with 3,000 flags).
   */
  readonly view = signal(0);
  /** The page's flags rendered so far (a prefix of `pageFlags`). */
  readonly shownFlags = computed(() => {
    const all = this.pageFlags.value;
    const n = this.rowLimit.value;
    return n >= all.length ? all : all.slice(0, n);
  });
  /** Rows of the page still to render (the list says aria-busy meanwhile). */
  readonly rendering = computed(() => this.loaded.value && this.rowLimit.value < this.pageFlags.value.length);
  private cancelGrow: (() => void) | null = null;
  private readonly stopGrowing: () => void;

  /** The page's rendered flags grouped by report (a report whose flags span two pages heads both). */
  readonly groups = computed<FlagGroup[]>(() => {
    const by = new Map<string, FlagGroup>();
    for (const f of this.shownFlags.value) {
      const key = groupKey(f);
      let g = by.get(key);
      if (!g) by.set(key, (g = { key, agency: f.agency, year: f.year, url: f.url, title: f.title, flags: [] }));
      g.flags.push(f);
    }
    return [...by.values()];
  });

  constructor(
    readonly host: FlagsHost,
    now: () => Date = () => new Date(),
  ) {
    this.store = new FlagStore(host.area, now);
    // Whenever rows are missing from the page shown, the next ROWS_CHUNK come in a task of their own (the
    // write re-renders the list in that task's microtasks, then this asks again).
    this.stopGrowing = effect(() => {
      // Reads the limit itself (not only `rendering`): every step of growth runs this again.
      const missing = this.loaded.value && this.rowLimit.value < this.pageFlags.value.length;
      if (!missing || this.cancelGrow) return;
      this.cancelGrow = nextTask(() => {
        this.cancelGrow = null;
        this.rowLimit.value = this.rowLimit.peek() + ROWS_CHUNK;
      });
    });
    // The search texts of the flags shown, in the page's language, built in idle time after every load,
    // change of flags or switch of language (those already built are kept per flag object).
    this.stopWarm = effect(() => {
      void this.flags.value;
      void this.lang.value;
      if (this.loaded.value) untracked(() => this.warmSearch());
    });
  }
  private readonly stopWarm: () => void;

  /** Show the page from its first rows again (another page, another filter). */
  private restartRows(): void {
    this.rowLimit.value = FIRST_ROWS;
    this.view.value++;
  }

  t = (key: MessageKey, params?: Record<string, string | number>) => t(this.lang.value, key, params);

  async init(): Promise<void> {
    this.lang.value = await this.host.loadLang().catch(() => 'zh' as Lang);
    this.unwatch = this.host.watchFlags((changes) => this.applyChanges(changes));
    // The agency filter sorts with the zh collator, whose first use loads ICU's pinyin data (≈ 5–15 ms):
    // in a task of its own while storage is read, not in the task that shows the first rows.
    nextTask(() => void 'a'.localeCompare('b', 'zh'));
    await this.reload();
  }

  private cancelWarm: (() => void) | null = null;

  /**
   * Every flag's search text built ahead of the first keystroke, in idle time after the rows (a slice of
   * flags per idle callback, each well under a frame), so typing into the search box filters 3,000 flags in
   * one cheap pass instead of rendering every flag's finding in the keystroke's task.
   */
  private warmSearch(): void {
    this.cancelWarm?.();
    const flags = this.flags.peek();
    const lang = this.lang.peek();
    let i = 0;
    const step = (deadline?: IdleDeadlineLike) => {
      const end = Math.min(flags.length, i + WARM_CHUNK);
      for (; i < end; i++) {
        searchText(flags[i]!, lang);
        if (deadline && deadline.timeRemaining() < 1) break;
      }
      this.cancelWarm = i < flags.length ? idleTask(step) : null;
    };
    this.cancelWarm = idleTask(step);
  }

  dispose(): void {
    this.stopWarm();
    this.cancelWarm?.();
    this.cancelWarm = null;
    this.unwatch?.();
    this.stopGrowing();
    this.cancelGrow?.();
    this.cancelGrow = null;
  }

  async reload(): Promise<void> {
    try {
      const { flags, problems } = await this.store.load(pause);
      // The load's last slice (validation, sorting) and the first render are tasks of their own.
      await pause();
      batch(() => {
        this.flags.value = keepUnchanged(this.flags.peek(), flags);
        this.problems.value = problems;
        this.loaded.value = true;
      });
    } catch (e) {
      this.say('error', `${(e as Error).message}`);
      this.loaded.value = true;
    }
  }

  /** A filter changed: back to the first page. */
  setFilter(which: FlagFilter, value: string): void {
    batch(() => {
      if (which === 'status') this.status.value = isFlagStatus(value) ? value : '';
      else this[which].value = value;
      this.page.value = 0;
      this.restartRows();
    });
  }

  goToPage(n: number): void {
    const to = Math.max(0, Math.min(n, this.pageCount.peek() - 1));
    if (to === this.pageIndex.peek() && to === this.page.peek()) return;
    batch(() => {
      this.page.value = to;
      this.restartRows();
    });
  }

  /**
   * Storage changed (a write of this page, or a flag added from a report page): only those keys are read
   * and validated; every other flag keeps its object, so only changed rows render again.
   */
  applyChanges(changes: FlagChanges): void {
    const keys = Object.keys(changes).filter((k) => k.startsWith(FLAG_KEY_PREFIX));
    if (!keys.length) return;
    if (keys.length > PATCH_MAX || !this.loaded.peek()) {
      void this.reload();
      return;
    }
    const prev = this.flags.peek();
    const problems = this.problems.peek().filter((p) => !keys.includes(p.key));
    const next = new Map<string, Flag | null>();
    for (const key of keys) {
      const raw = changes[key]!.newValue;
      if (raw === undefined) {
        next.set(key, null);
        continue;
      }
      const r = validateFlag(raw, new Date(), key.slice(FLAG_KEY_PREFIX.length));
      if (r.ok) next.set(key, r.flag);
      else {
        next.set(key, null);
        problems.push({ key, reason: r.reason, why: r.why });
      }
    }
    let out: Flag[] = [];
    let reorder = false;
    for (const f of prev) {
      const key = flagKey(f.fingerprint);
      if (!next.has(key)) out.push(f);
      else {
        const n = next.get(key)!;
        next.delete(key);
        if (n) {
          out.push(n);
          if (n.createdAt !== f.createdAt) reorder = true;
        }
      }
    }
    for (const n of next.values()) {
      if (!n) continue;
      out.push(n);
      reorder = true;
    }
    if (reorder) out = sortFlags(out);
    batch(() => {
      this.flags.value = keepUnchanged(prev, out);
      const old = this.problems.peek();
      if (problems.length !== old.length || problems.some((p, k) => p !== old[k])) this.problems.value = problems;
    });
  }

  say(kind: Toast['kind'], text: string): void {
    showToast(this.toast, kind, text);
  }

  setLang(lang: Lang): Promise<void> {
    return switchLang(this.lang, this.host, lang);
  }

  async setStatus(fingerprint: string, status: string): Promise<void> {
    if (!isFlagStatus(status)) return;
    try {
      const f = await this.store.update(fingerprint, { status });
      if (f) this.applyChanges({ [flagKey(fingerprint)]: { newValue: f } });
      else await this.reload();
    } catch (e) {
      this.say('error', this.errorText(e));
      await this.reload();
    }
  }

  /** A refused write in the page's language (its key), any other error as it came. */
  private errorText(e: unknown): string {
    return e instanceof FlagWriteError ? this.t(e.why.id, e.why.params) : (e as Error).message;
  }

  async saveNote(fingerprint: string, note: string): Promise<void> {
    try {
      const f = await this.store.update(fingerprint, { note });
      if (f) this.applyChanges({ [flagKey(fingerprint)]: { newValue: f } });
      else await this.reload();
    } catch (e) {
      await this.reload();
      this.say('error', this.errorText(e));
      return;
    }
    this.say('ok', this.t('noteSaved'));
  }

  /** First call arms, second call (same flag) deletes: no modal dialog, keyboard-friendly. */
  async remove(fingerprint: string): Promise<void> {
    if (this.confirmDelete.peek() !== fingerprint) {
      this.confirmDelete.value = fingerprint;
      return;
    }
    this.confirmDelete.value = null;
    await this.store.remove(fingerprint);
    this.applyChanges({ [flagKey(fingerprint)]: {} });
    this.say('ok', this.t('removed'));
  }

  exportJson(now = new Date()): void {
    const name = flagsFilename(now, 'json');
    this.host.download(name, 'application/json', flagsToJson(this.flags.peek(), now));
    this.say('ok', this.t('downloaded', { name }));
  }

  exportCsv(now = new Date()): void {
    const name = flagsFilename(now, 'csv');
    this.host.download(name, 'text/csv;charset=utf-8', flagsToCsv(this.flags.peek()));
    this.say('ok', this.t('downloaded', { name }));
  }

  /**
   * Import a picked file: one larger than any export of the follow-up list (FLAGS_IMPORT_MAX_BYTES) is refused
   * by its size, before it is read into memory.
   */
  async importFile(f: Pick<File, 'size' | 'text'>): Promise<void> {
    if (f.size > FLAGS_IMPORT_MAX_BYTES) {
      this.importResult.value = null;
      this.say(
        'error',
        this.t('importFailed', { error: this.t('importTooLarge', { mb: Math.round(f.size / 1048576) }) }),
      );
      return;
    }
    await this.importText(await f.text());
  }

  async importText(text: string): Promise<void> {
    const res = await this.store.importJson(text);
    if (res.error) {
      this.importResult.value = null;
      this.say('error', this.t('importFailed', { error: res.why ? this.t(res.why.id, res.why.params) : res.error }));
      return;
    }
    this.importResult.value = {
      added: res.added,
      updated: res.updated,
      unchanged: res.unchanged,
      problems: res.problems,
    };
    // Skipped entries are listed in their own alert below; the import itself succeeded.
    this.say('ok', this.t('imported', res as unknown as Record<string, number>));
    await this.reload();
  }

  toggleFeedback(key: string): void {
    const cur = { ...this.feedback.peek() };
    if (key in cur) {
      delete cur[key];
    } else {
      // From every flag of that report, not only the filtered ones: the letter is about the report.
      const flags = this.flags.peek().filter((f) => groupKey(f) === key);
      const first = flags[0];
      cur[key] = first
        ? feedbackText(
            { agency: first.agency, year: first.year, title: first.title, url: first.url || null },
            itemsFromFlags(flags),
          )
        : '';
    }
    this.feedback.value = cur;
  }

  async copyText(text: string): Promise<void> {
    try {
      await this.host.copy(text);
      this.say('ok', this.t('textCopied'));
    } catch (e) {
      this.say('error', this.t('copyFailed', { error: (e as Error).message }));
    }
  }
}
