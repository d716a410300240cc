// Stepped computations: a generator that yields between bounded pieces of work, so the in-page engine can
// give the page its main thread back between them (issue #13: no task over 50 ms). Every synchronous
// caller (the CLI, tests, the report view) runs the same generator to its end with `drainSteps`, so the
// stepped and the one-go results cannot differ.

/** A computation in steps: each `next()` does a bounded piece of work; the return value is the result. */
export type Steps<T> = Generator<void, T, unknown>;

/** Run a stepped computation to its end in one go. */
export function drainSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Characters of text a linear pass handles between two yields (a few ms in a browser, cold). */
export const STEP_CHARS = 16_384;
/** Items (tokens, matches) handled between two yields. */
export const STEP_ITEMS = 256;
