// One report per tab when the content script runs in every frame (a report page's article is often in a
// same-origin <iframe src> or an <iframe srcdoc>). Each frame sends its own gouji:result; the tab keeps the
// best: a frame's new result replaces that frame's old one, and a different frame's result replaces it
// only when it is more of a report (rank). The popup then talks to that frame (TabState.frameId).

import type { TabState } from './protocol';
import { rankReport } from '../frames';

/** none < error < report (and among reports, more values read, then more checks). */
export function rankState(s: TabState): number {
  if (s.state === 'report' && s.report) return 2 + rankReport(s.report);
  return s.state === 'error' ? 1 : 0;
}

export function chooseFrameState(prev: TabState | null, next: TabState): TabState {
  if (!prev) return next;
  if ((prev.frameId ?? 0) === (next.frameId ?? 0)) return next;
  // Another frame of the same page: the better one stays. (A new document in the top frame clears the
  // tab's entry first — background's onUpdated — so an old subframe's result never outlives its page.)
  return rankState(next) > rankState(prev) ? next : prev;
}

/** The page address a frame's report should carry: about:srcdoc / about:blank frames take their parent's. */
export function frameUrl(win: { location?: { href?: string }; parent?: unknown } | null | undefined): string {
  const href = win?.location?.href ?? '';
  if (!/^about:/.test(href)) return href;
  try {
    const parent = win?.parent as { location?: { href?: string } } | undefined;
    const up = parent && parent !== win ? parent.location?.href : undefined;
    return up && !/^about:/.test(up) ? up : href;
  } catch {
    return href;
  }
}
