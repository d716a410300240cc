// The tooltip's behaviour, one state machine (issue #12: split out of the in-page controller). States:
//
//   closed ──hover/focus──► shown(key) ──pin (Enter, click, a link)──► pinned(key)
//     ▲                        │  leave: hide after 250 ms (pointer) / 100 ms (focus), cancelled by
//     │                        │  coming back (the pointer moving into the tooltip itself is not leaving)
//     └──── close / Esc ◄──────┴──────────────────────────────────── pinned: only close / Esc / another pin
//
// A pinned tooltip ignores hover elsewhere; closing a pinned tooltip gives focus back to its mark (and
// the focus that causes is not taken as a new "show"). Showing a tooltip by focus or pin moves the
// navigator's position to that finding. Plain TS over the store's signals: no DOM, no browser; the
// controller supplies the two effects that touch the page (related-cell highlights, focusing a mark).
import type { LayerStore } from './store';
import type { Target } from './model';
import type { Box } from './types';

export type ShowHow = 'hover' | 'focus' | 'pin';

/** How long a tooltip stays after the pointer (hover) or focus left its mark, in ms. */
export const HIDE_DELAY = { hover: 250, focus: 100 } as const;

export interface TooltipEffects {
  /** Highlight the cells that make up `target`'s failing totals (none: undefined). */
  related(target: Target | undefined): void;
  /** Focus the mark of `key` in our layer (synchronously, as element.focus() does). */
  focusMark(key: string): void;
}

export class TooltipMachine {
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  /** Set while we move focus back to a mark ourselves: that focus event is not a new "show". */
  private suppressFocus = false;
  private claimUnderPointer = '';

  constructor(
    private readonly store: LayerStore,
    private readonly effects: TooltipEffects,
  ) {}

  /** Show `key`'s tooltip (hover or focus), or pin it (stays until close / Esc, takes focus). */
  activate(key: string, how: ShowHow): void {
    if (how === 'focus' && this.suppressFocus) {
      this.suppressFocus = false;
      return;
    }
    const current = this.store.active.peek();
    if (current?.pinned && current.key !== key && how === 'hover') return;
    this.cancelHide();
    const pinned = how === 'pin' || (current?.key === key && current.pinned);
    if (how !== 'hover') {
      // A mark reached by Tab or the navigator: the navigator's position follows it.
      const i = this.store.walk.peek().indexOf(key);
      const nav = this.store.nav.peek();
      if (i >= 0 && nav.index !== i) this.store.nav.value = { ...nav, index: i };
    }
    if (current?.key !== key || current.pinned !== pinned) this.store.active.value = { key, pinned };
    this.effects.related(this.store.targets.peek().find((t) => t.key === key));
  }

  /** The pointer or focus left `key`'s mark: hide after a short delay, unless it is pinned or comes back. */
  leave(key: string, how: 'hover' | 'focus'): void {
    const current = this.store.active.peek();
    if (!current || current.key !== key || current.pinned) return;
    this.cancelHide();
    this.hideTimer = setTimeout(() => {
      this.hideTimer = null;
      const now = this.store.active.peek();
      if (now?.key === key && !now.pinned) this.close();
    }, HIDE_DELAY[how]);
  }

  /** Close whatever is shown; a pinned tooltip gives focus back to its mark. */
  close(): void {
    const current = this.store.active.peek();
    this.cancelHide();
    this.effects.related(undefined);
    if (!current) return;
    this.store.active.value = null;
    if (current.pinned) {
      // focus() fires its focus event synchronously: the flag covers exactly that one event.
      this.suppressFocus = true;
      this.effects.focusMark(current.key);
      this.suppressFocus = false;
    }
  }

  /** The pointer at a page position (document coordinates): shows / hides the tooltip of a number in the text. */
  pointerAt(x: number, y: number): void {
    const claims: Map<string, Box[]> = this.store.claimBoxes.peek();
    if (!claims.size) return;
    let hit = '';
    for (const [key, boxes] of claims)
      if (boxes.some((b) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h)) hit = key;
    if (hit === this.claimUnderPointer) return;
    if (this.claimUnderPointer) this.leave(this.claimUnderPointer, 'hover');
    this.claimUnderPointer = hit;
    if (hit) this.activate(hit, 'hover');
  }

  /** No timer left behind (the page is being unmarked or the engine disposed). */
  dispose(): void {
    this.cancelHide();
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }
}
