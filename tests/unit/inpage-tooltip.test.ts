// The tooltip's state machine (components/inpage/tooltip.ts), on its own: show by hover or focus, hide after
// a delay unless the pointer or focus comes back, pin, close and give focus back, a pinned tooltip ignoring
// hover elsewhere, the navigator's position following focus, numbers in the text hit by pointer position.
// Fake timers drive the delays (no assertion about speed).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDE_DELAY, TooltipMachine } from '../../components/inpage/tooltip';
import { createStore, type LayerStore } from '../../components/inpage/store';
import type { Target } from '../../components/inpage/model';

function target(key: string, related: string[] = []): Target {
  return {
    key,
    kind: key.startsWith('narrative') ? 'claim' : 'cell',
    severity: 'fail',
    findings: [],
    related: related.map((r) => ({ id: r }) as unknown as Element),
  };
}

let store: LayerStore;
let m: TooltipMachine;
let related: (string[] | null)[];
let focused: string[];

beforeEach(() => {
  vi.useFakeTimers();
  store = createStore();
  store.targets.value = [target('a', ['a1', 'a2']), target('b'), target('narrative:0')];
  store.walk.value = ['narrative:0', 'a', 'b'];
  related = [];
  focused = [];
  m = new TooltipMachine(store, {
    related: (t) => related.push(t ? t.related.map((e) => (e as unknown as { id: string }).id) : null),
    // As element.focus() does: the mark's focus handler runs at once.
    focusMark: (key) => {
      focused.push(key);
      m.activate(key, 'focus');
    },
  });
});
afterEach(() => {
  m.dispose();
  vi.useRealTimers();
});

describe('TooltipMachine', () => {
  it('shows on hover and hides 250 ms after the pointer leaves', () => {
    m.activate('a', 'hover');
    expect(store.active.value).toEqual({ key: 'a', pinned: false });
    expect(related.at(-1)).toEqual(['a1', 'a2']);
    m.leave('a', 'hover');
    vi.advanceTimersByTime(HIDE_DELAY.hover - 1);
    expect(store.active.value?.key).toBe('a');
    vi.advanceTimersByTime(1);
    expect(store.active.value).toBeNull();
    expect(related.at(-1)).toBeNull();
  });

  it('stays when the pointer comes back (into the tooltip) before the delay', () => {
    m.activate('a', 'hover');
    m.leave('a', 'hover');
    vi.advanceTimersByTime(200);
    m.activate('a', 'hover');
    vi.advanceTimersByTime(1000);
    expect(store.active.value?.key).toBe('a');
  });

  it('hides 100 ms after focus leaves; leaving another key does nothing', () => {
    m.activate('b', 'focus');
    m.leave('a', 'focus');
    vi.advanceTimersByTime(1000);
    expect(store.active.value?.key).toBe('b');
    m.leave('b', 'focus');
    vi.advanceTimersByTime(HIDE_DELAY.focus);
    expect(store.active.value).toBeNull();
  });

  it('focus and pin move the navigator position; hover does not', () => {
    m.activate('b', 'hover');
    expect(store.nav.value.index).toBe(-1);
    m.activate('b', 'focus');
    expect(store.nav.value.index).toBe(2);
    m.activate('a', 'pin');
    expect(store.nav.value.index).toBe(1);
  });

  it('a pinned tooltip stays: no hide on leave, hover elsewhere ignored, the same key stays pinned', () => {
    m.activate('a', 'pin');
    m.leave('a', 'hover');
    m.leave('a', 'focus');
    vi.advanceTimersByTime(5000);
    expect(store.active.value).toEqual({ key: 'a', pinned: true });
    m.activate('b', 'hover');
    expect(store.active.value).toEqual({ key: 'a', pinned: true });
    m.activate('a', 'focus');
    expect(store.active.value).toEqual({ key: 'a', pinned: true });
    // Another pin (a link to the other end of a contradiction) replaces it.
    m.activate('b', 'pin');
    expect(store.active.value).toEqual({ key: 'b', pinned: true });
  });

  it('closing a pinned tooltip gives focus back to its mark, and that focus does not reopen it', () => {
    m.activate('a', 'pin');
    m.close();
    expect(focused).toEqual(['a']);
    expect(store.active.value).toBeNull();
    expect(related.at(-1)).toBeNull();
    // The next real focus shows again.
    m.activate('a', 'focus');
    expect(store.active.value).toEqual({ key: 'a', pinned: false });
  });

  it('closing a tooltip shown by hover moves no focus', () => {
    m.activate('a', 'hover');
    m.close();
    expect(focused).toEqual([]);
  });

  it('a pending hide is cancelled by close and by dispose (no timer fires later)', () => {
    m.activate('a', 'hover');
    m.leave('a', 'hover');
    m.close();
    m.activate('b', 'hover');
    vi.advanceTimersByTime(1000);
    expect(store.active.value?.key).toBe('b');
    m.leave('b', 'hover');
    m.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('numbers in the text: the pointer position shows and hides their tooltip', () => {
    store.claimBoxes.value = new Map([['narrative:0', [{ x: 100, y: 200, w: 30, h: 16 }]]]);
    m.pointerAt(110, 205);
    expect(store.active.value).toEqual({ key: 'narrative:0', pinned: false });
    m.pointerAt(112, 206);
    expect(store.active.value?.key).toBe('narrative:0');
    m.pointerAt(400, 400);
    vi.advanceTimersByTime(HIDE_DELAY.hover);
    expect(store.active.value).toBeNull();
  });
});
