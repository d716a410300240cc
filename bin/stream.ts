// Checking many files as a stream (issue #14): results come out in file order as soon as they and every
// file before them are done, and nothing but a few numbers per report is kept, so memory stays flat in the
// number of files (a national run is ~200,000 reports). On worker threads the files are handed out one
// at a time (two in flight per worker), so at most a handful of finished reports wait for an earlier one.
import { Worker } from 'node:worker_threads';
import { checkDefaults, checkFileAsync, DecodeError, InputError } from './check-file';
import { APPLY_COLUMNS, applyField } from '../lib/schema/apply';
import { yearOverYear } from '../lib/year-over-year';
import { t } from '../lib/i18n';
import type { Check, Report, ValueEntry } from '../lib/types';
import type { BatchRow, Why } from '../lib/batch/run';

export interface Result {
  file: string;
  report?: Report;
  error?: string;
  /** The error as a message key and its parameters (said in the --lang language); `error` keeps the Chinese. */
  why?: Why;
  /** The exit code an error implies: 2 unreadable (the default), 3 unsupported (.doc, .wps …). */
  code?: 2 | 3;
  /** The batch row (state, counts) of a fetched address. */
  row?: BatchRow;
}

/** One input: a file to check, or an input that already failed (missing file …), in output order. */
export interface Entry {
  file: string;
  error?: string;
  why?: Why;
}

const failed = (
  file: string,
  e: unknown,
  prefix: 'reasonCheckFailed' | 'reasonWorkerFailed' = 'reasonCheckFailed',
): Result => {
  if (e instanceof InputError) return { file, error: e.message, code: e.code, ...(e.why ? { why: e.why } : {}) };
  if (e instanceof DecodeError) {
    const cause: Why = { id: e.key, params: e.params };
    return { file, error: t('zh', prefix, { detail: e.message }), why: { id: 'reasonUnreadable', cause } };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { file, error: t('zh', prefix, { detail }), why: { id: prefix, params: { detail } } };
};

/** One file checked: its report, or its error (never throws). HTML and text are read synchronously inside. */
export async function checkOne(file: string, url?: string, maxBytes?: number): Promise<Result> {
  try {
    return { file, report: await checkFileAsync(file, url, maxBytes) };
  } catch (err) {
    return failed(file, err);
  }
}

// From the sources (tsx) the worker entry registers tsx first; from the bundle it is the bundled worker.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './cli-worker.mjs' : './cli-worker.js', import.meta.url);

// A worker's old generation is capped: V8 otherwise sizes the heap to the allocation rate, and a run over
// 100 MB of pages on one thread peaked at ~790 MB resident while its live data stayed under 100 MB.
const WORKER_HEAP_MB = 192;

/**
 * Check every entry and call `emit` for each result, in the order of `entries`: on this thread when
 * `workers` is 0, else on that many worker threads.
 */
export async function checkInOrder(
  entries: readonly Entry[],
  opts: {
    url?: string;
    workers: number;
    maxBytes?: number;
    stop?: () => boolean;
    /**
     * Back-pressure: null while the output takes more, else a promise that settles when it does again (or
     * is gone). No file is started while the reader is behind, so a slow reader (`| gzip` to a slow disk,
     * `| less`) holds the run instead of every result queueing in memory.
     */
    backlog?: () => Promise<void> | null;
  },
  emit: (r: Result) => void,
): Promise<void> {
  const stopped = opts.stop ?? (() => false);
  const backlog = opts.backlog ?? (() => null);
  if (opts.workers < 1) {
    for (const e of entries) {
      await backlog();
      if (stopped()) return;
      if (e.error) emit({ file: e.file, error: e.error, ...(e.why ? { why: e.why } : {}) });
      else emit(await checkOne(e.file, opts.url, opts.maxBytes));
    }
    return;
  }
  const ready = new Map<number, Result>();
  let flushed = 0;
  const flush = () => {
    for (let r = ready.get(flushed); r; r = ready.get(flushed)) {
      ready.delete(flushed++);
      emit(r);
    }
  };
  let next = 0;
  // Entries that already failed need no worker.
  const take = (): number | null => {
    if (stopped()) return null;
    while (next < entries.length && entries[next]!.error) {
      ready.set(next, { file: entries[next]!.file, error: entries[next]!.error, why: entries[next]!.why });
      next++;
    }
    return next < entries.length ? next++ : null;
  };
  await Promise.all(
    Array.from(
      { length: opts.workers },
      () =>
        new Promise<void>((resolve) => {
          const w = new Worker(WORKER, {
            workerData: { url: opts.url, maxBytes: opts.maxBytes, blankAsZero: checkDefaults.blankAsZero },
            resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          });
          const inFlight = new Set<number>();
          const send = (): void => {
            // The reader is behind: this worker's next file waits until it catches up (or goes away).
            const behind = backlog();
            if (behind) {
              void behind.then(send);
              return;
            }
            const i = take();
            if (i === null) {
              if (!inFlight.size) w.postMessage(null); // nothing left: the worker closes its port and exits
              return;
            }
            inFlight.add(i);
            w.postMessage({ i, file: entries[i]!.file });
          };
          w.on('message', (m: { i: number; result: Result }) => {
            inFlight.delete(m.i);
            ready.set(m.i, m.result);
            flush();
            send();
          });
          w.on('error', (e) => {
            // A crashed worker: what it held is an error, the others carry on with the rest.
            for (const i of inFlight) ready.set(i, failed(entries[i]!.file, e, 'reasonWorkerFailed'));
            inFlight.clear();
            flush();
          });
          w.on('exit', () => resolve());
          send();
          send();
        }),
    ),
  );
  // A worker that crashed before taking its share leaves entries nobody took: check them here.
  for (let i = take(); i !== null; i = take()) ready.set(i, await checkOne(entries[i]!.file, opts.url, opts.maxBytes));
  flush();
}

/**
 * apply.year-over-year over a stream: keeps, per report, only the 14 numbers the check reads (上年结转 and
 * 结转下年度 of table 三), keyed by agency and year. A report whose previous year came earlier in file order
 * gets its checks before it is printed; when the previous year only comes later, the pair is checked then
 * and returned as a late result for the caller to print after the others.
 */
export class YearIndex {
  private seen = new Map<string, Report>();
  private waiting = new Map<string, { file: string; stub: Report }>();

  private static stub(r: Report): Report {
    const values: Record<string, ValueEntry> = {};
    for (const c of APPLY_COLUMNS) {
      for (const row of ['carried_over', 'carried_forward']) {
        const f = applyField(row, c.id);
        const v = r.values[f];
        if (v) values[f] = { value: v.value, raw: '' };
      }
    }
    return { report: { ...r.report }, tables: { apply: { found: r.tables.apply.found } }, values } as unknown as Report;
  }

  /** Add a report; returns the checks it gets now and any late pair this report completes. */
  add(file: string, r: Report): { now: Check[]; late: { file: string; checks: Check[] } | null } {
    const { agency, year } = r.report;
    if (!r.detected || !agency || year === null) return { now: [], late: null };
    const key = (y: number) => `${agency}\u0000${y}`;
    const prev = this.seen.get(key(year - 1));
    const now = prev ? yearOverYear(r, prev) : [];
    if (this.seen.has(key(year))) return { now, late: null }; // a second copy of a year: the first one is "last year"
    const stub = YearIndex.stub(r);
    this.seen.set(key(year), stub);
    if (!prev) this.waiting.set(key(year - 1), { file, stub });
    let late: { file: string; checks: Check[] } | null = null;
    const w = this.waiting.get(key(year));
    if (w) {
      this.waiting.delete(key(year));
      const checks = yearOverYear(w.stub, stub);
      if (checks.length) late = { file: w.file, checks };
    }
    return { now, late };
  }
}
