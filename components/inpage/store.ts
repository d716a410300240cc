// State of the in-page UI (plain TS): written by the controller, read by components/inpage. Each field is a
// small observable value: a component reads it through `useValue` (re-rendered, batched as any Preact state
// update, when the value changes), the controller through `peek()` or `value`. Not @preact/signals: its
// automatic tracking (a hook into every component's render) and its core were ≈ 7.7 KB of the engine every
// report page loads (issue #14), for thirteen values read by five components.
import { useLayoutEffect, useReducer } from 'preact/hooks';
import type { Chip, Target } from './model';
import type { Box } from './types';

/** A value the layer's components watch. Setting an equal value (Object.is) notifies no one. */
export class Signal<T> {
  private current: T;
  private readonly watchers = new Set<() => void>();
  constructor(value: T) {
    this.current = value;
  }
  get value(): T {
    return this.current;
  }
  set value(next: T) {
    if (Object.is(next, this.current)) return;
    this.current = next;
    for (const watch of [...this.watchers]) watch();
  }
  /** The value, for code that is not a component (the same as `value`; kept for the callers' intent). */
  peek(): T {
    return this.current;
  }
  /** Calls `watch` after each change; returns the way to stop. */
  subscribe(watch: () => void): () => void {
    this.watchers.add(watch);
    return () => this.watchers.delete(watch);
  }
}

export function signal<T>(value: T): Signal<T> {
  return new Signal(value);
}

/**
 * A component's read of a store value: the component renders again after the value changes. Subscribed in a
 * layout effect (before the browser paints), and a change between the render and the subscription is caught
 * there.
 */
export function useValue<T>(s: Signal<T>): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const seen = s.value;
  useLayoutEffect(() => {
    const stop = s.subscribe(() => rerender(undefined));
    if (!Object.is(s.value, seen)) rerender(undefined);
    return stop;
    // Subscribed once per value object; `seen` only matters at that moment.
  }, [s]);
  return seen;
}

export interface ActiveTip {
  key: string;
  /** Pinned by Enter / click: stays until Escape or close, and takes focus. */
  pinned: boolean;
}

/** One keyboard anchor (entrypoints/ondemand/layer.tsx): the marks it holds and where it is. */
export interface AnchorSlot {
  /** Target keys, in reading order: the Tab order of this table's (or this text number's) marks. */
  keys: string[];
  /** The anchor's own position (document coordinates): its buttons are placed relative to it. */
  origin: Box;
  /** The CSS zoom in effect at the anchor (its buttons' pixel sizes are multiplied by it). */
  zoom: number;
}

export interface LayerStore {
  targets: Signal<Target[]>;
  chips: Signal<Chip[]>;
  /** Document-coordinate boxes: target key → its cell / number; `chip:<key>` → the chip's anchor. */
  boxes: Signal<Map<string, Box>>;
  /** Claim key → one box per line the number spans (fallback drawing without CSS highlights). */
  claimBoxes: Signal<Map<string, Box[]>>;
  nativeHighlights: Signal<boolean>;
  /** Target key → where its icon or "应为 N" badge goes: beside the numbers, never over them (placement.ts). */
  labels: Signal<Map<string, Box>>;
  /** Chip key → text rectangles its chip must not cover (the heading above the table, the header row). */
  chipObstacles: Signal<Map<string, Box[]>>;
  /** The right edge of the page's visible width, in document coordinates. */
  pageRight: Signal<number>;
  /** Target keys in walking order: text contradictions first, then cells in reading order. */
  walk: Signal<string[]>;
  /** The navigator: shown or not, and the position in `walk` (-1: none yet). */
  nav: Signal<{ open: boolean; index: number }>;
  active: Signal<ActiveTip | null>;
  /** Keyboard anchors by id: the focusable marks, placed in the page's own Tab order. */
  anchors: Signal<Map<string, AnchorSlot>>;
  /** Check / claim ids the user flagged (from the background's `gouji:flags-for-report`). */
  flagged: Signal<Set<string>>;
}

export function createStore(): LayerStore {
  return {
    targets: signal([]),
    chips: signal([]),
    boxes: signal(new Map()),
    claimBoxes: signal(new Map()),
    nativeHighlights: signal(true),
    labels: signal(new Map()),
    chipObstacles: signal(new Map()),
    pageRight: signal(Infinity),
    walk: signal([]),
    nav: signal({ open: false, index: -1 }),
    active: signal(null),
    anchors: signal(new Map()),
    flagged: signal(new Set()),
  };
}
