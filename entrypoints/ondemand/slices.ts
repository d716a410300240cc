// Time slicing for the in-page engine (issue #13: no task of ours over 50 ms). The core's stepped
// computations (lib/steps.ts: `checkDocumentSteps`, `warmUpSteps`) do a bounded piece of work per `next()`;
// `runSliced` runs steps until a slice's budget (a few ms) is spent, then gives the main thread back to the
// page — `scheduler.yield()` where the browser has it (the continuation keeps its place ahead of other
// tasks), else a MessageChannel message (a macrotask without setTimeout's 4 ms clamp) — and goes on. Between
// slices it asks whether the run is still wanted: a newer run (the page changed) or the end of our lifetime
// stops it there, and the generator is closed.
import type { Steps } from '../../lib/steps';

/** Work done per task before yielding (ms). Short enough that a step (≤ a few ms) never makes it long. */
export const SLICE_MS = 8;

export interface SliceOptions {
  now(): number;
  /** Give the main thread back; resolves in a later task. */
  yieldTask(): Promise<void>;
  /** Still wanted? Asked after every yield; false closes the generator and resolves null. */
  live(): boolean;
  budgetMs?: number;
  /** Called once per slice with its start and end (performance marks). */
  onSlice?(start: number, end: number): void;
}

export interface Sliced<T> {
  value: T;
  /** `next()` calls made (the steps of the computation). */
  steps: number;
  /** Tasks they ran in (1 = the whole computation fit in one slice). */
  slices: number;
}

/** Run `steps` to the end in slices of about `budgetMs`; null when stopped because it was no longer wanted. */
export async function runSliced<T>(steps: Steps<T>, o: SliceOptions): Promise<Sliced<T> | null> {
  const budget = o.budgetMs ?? SLICE_MS;
  let count = 0;
  let slices = 0;
  for (;;) {
    const start = o.now();
    slices++;
    let r: IteratorResult<void, T>;
    do {
      r = steps.next();
      count++;
    } while (!r.done && o.now() - start < budget);
    o.onSlice?.(start, o.now());
    if (r.done) return { value: r.value, steps: count, slices };
    await o.yieldTask();
    if (!o.live()) {
      steps.return(undefined as never);
      return null;
    }
  }
}

type SchedulerLike = { yield?: () => Promise<void> };

/** The page's way to yield: `scheduler.yield()`, else a MessageChannel round trip, else setTimeout(0). */
export function yielder(win: Window): () => Promise<void> {
  const w = win as Window & { scheduler?: SchedulerLike; MessageChannel?: typeof MessageChannel };
  const scheduler = w.scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return () => scheduler.yield!.call(scheduler);
  const MC = w.MessageChannel;
  if (typeof MC === 'function')
    return () =>
      new Promise<void>((resolve) => {
        const ch = new MC();
        ch.port1.onmessage = () => {
          ch.port1.close();
          resolve();
        };
        ch.port2.postMessage(0);
      });
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
}
