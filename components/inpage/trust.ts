// Which events may act through our in-page UI. A page script can reach into our (open) shadow root and
// call `button.click()` or dispatch keydown / pointer events; those events have `isTrusted === false`, and
// every handler that does something (flag, pin, open, close, save) ignores them. Only the user's own
// input — a real click, key or pointer — reaches the actions.
//
// Unit tests run on happy-dom, where every event is synthetic: they swap the check for the length of a
// test file (`setTrustCheck`). The extension never calls it.

let check: (e: Event) => boolean = (e) => e.isTrusted === true;

export function trusted(e: Event): boolean {
  return check(e);
}

/** Wrap a handler so it runs only for trusted events. */
export function onlyTrusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e: E) => {
    if (check(e)) fn(e);
  };
}

/** Tests only: replace the trust check (happy-dom dispatches nothing trusted). */
export function setTrustCheck(fn: (e: Event) => boolean): void {
  check = fn;
}
