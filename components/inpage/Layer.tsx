// Everything we draw over the page, inside our shadow root: table chips, the culprit's "应为 N" badge,
// fallback boxes for narrative numbers, the navigator and the tooltip. The transparent focusable button
// per marked cell or narrative number (keyboard access: the page's cells stay untouched, so they cannot
// take focus) is `AnchorTargets`, rendered into the keyboard anchor just before its table, so that Tab
// reaches it in the page's own order. All page text shown here is rendered as text nodes by Preact,
// never as HTML.
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ATTR, PART, PERF } from '../../lib/contract';
import type { Chip, FindingLine, Target } from './model';
import { useValue, type LayerStore } from './store';
import type { Box } from './types';
import { labelOf } from './labels';
import { placeChip, placeTooltip, unionBox } from './placement';
import { ui } from './strings';
import { onlyTrusted } from './trust';

export interface LayerActions {
  /** Show the tooltip of `key` (hover or focus); pinned tooltips stay until Escape / close. */
  activate(key: string, how: 'hover' | 'focus' | 'pin'): void;
  /** The pointer or focus left `key`. */
  leave(key: string, how: 'hover' | 'focus'): void;
  close(): void;
  chip(chip: Chip): void;
  /** Resolves to null when the flag was saved, else a message for the user. */
  flag(checkId: string, note: string): Promise<string | null>;
  /** Go to the next (+1) or previous (-1) finding: scrolled into view, focused, its tooltip shown. */
  walk(step: 1 | -1): void;
  /** Go to one finding by its target key (the other end of a text-vs-table contradiction). */
  goTo(key: string): void;
  navClose(): void;
}

const ICON: Record<string, string> = {
  fail: '⚠',
  culprit: '✎',
  uncertain: '?',
  warn: '!',
  zero: '○',
  ok: '✓',
  info: 'ℹ',
  missing: '⚠',
  error: '⚠',
};

const at = (b: Box) => ({ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` });

export function Layer({ store, actions }: { store: LayerStore; actions: LayerActions }) {
  const boxes = useValue(store.boxes);
  const labels = useValue(store.labels);
  const active = useValue(store.active);
  const targets = useValue(store.targets);
  const chips = useValue(store.chips);
  const nativeHighlights = useValue(store.nativeHighlights);
  const claimBoxes = useValue(store.claimBoxes);
  const activeTarget = active ? targets.find((t) => t.key === active.key) : undefined;
  return (
    <div class="root">
      {chips.map((chip) => {
        const box = boxes.get(`chip:${chip.key}`);
        if (!box) return null;
        return <ChipView key={chip.key} chip={chip} box={box} store={store} actions={actions} />;
      })}
      {targets.map((t) => {
        const box = boxes.get(t.key);
        if (!box) return null;
        const label =
          t.kind === 'cell' ? labelOf(t) : t.severity === 'fail' ? { kind: 'icon' as const, text: '' } : null;
        return (
          <Fragment key={t.key}>
            {label && labels.get(t.key) ? (
              <span
                class={label.kind === 'badge' ? 'badge' : 'mark-icon'}
                part={PART.label}
                data-key={t.key}
                data-status={t.suggested !== undefined ? 'culprit' : t.severity}
                aria-hidden="true"
                style={at(labels.get(t.key)!)}
              >
                {label.text}
              </span>
            ) : null}
            {t.kind === 'claim' && !nativeHighlights
              ? (claimBoxes.get(t.key) ?? []).map((b, i) => (
                  <span
                    key={`${t.key}:${i}`}
                    part={PART.claimBox}
                    data-status={t.severity}
                    style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` }}
                  />
                ))
              : null}
          </Fragment>
        );
      })}
      <Navigator store={store} actions={actions} />
      {activeTarget && boxes.get(activeTarget.key) ? (
        <Tooltip target={activeTarget} pinned={active!.pinned} store={store} actions={actions} />
      ) : null}
    </div>
  );
}

/**
 * The focusable marks of one keyboard anchor (a table's, or a number in the text's), rendered into that
 * anchor's own shadow root just before the table in the page, so that Tab reaches them in the page's order:
 * the focusables before the table, its marks in reading order, then the focusables after it. Each is a
 * transparent button over its cell (`pointer-events:none`: the mouse still reaches the page), positioned
 * relative to the anchor; focus shows the tooltip (drawn in the layer), Enter pins it.
 */
export function AnchorTargets({
  id,
  store,
  actions,
  layerHost,
}: {
  id: string;
  store: LayerStore;
  actions: LayerActions;
  /** The layer's shadow host: focus moving from a mark into the layer (its tooltip) is not leaving. */
  layerHost: Element;
}) {
  const slot = useValue(store.anchors).get(id);
  const boxes = useValue(store.boxes);
  const active = useValue(store.active);
  const targets = useValue(store.targets);
  if (!slot) return null;
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const { origin, zoom } = slot;
  const z = zoom > 0 ? zoom : 1;
  return (
    <>
      {slot.keys.map((key) => {
        const t = byKey.get(key);
        const box = boxes.get(key);
        if (!t || !box) return null;
        const shown = active?.key === t.key;
        return (
          <button
            key={t.key}
            type="button"
            part={PART.target}
            data-key={t.key}
            data-status={t.severity}
            aria-label={t.name ?? ui.targetLabel(t.claim?.quote ?? t.key, ui.status[t.severity] ?? '')}
            // The tooltip lives in the layer's shadow root, which an id reference cannot reach: what it says
            // is given here as the description while it is shown.
            aria-description={shown ? describe(t) : undefined}
            aria-expanded={shown && active.pinned ? 'true' : 'false'}
            // A blank cell counted as 0 explains itself on hover but is no Tab stop (a 2019 report can
            // have a hundred of them); the findings are.
            tabIndex={t.severity === 'zero' ? -1 : undefined}
            style={{
              left: `${(box.x - origin.x) / z}px`,
              top: `${(box.y - origin.y) / z}px`,
              width: `${box.w / z}px`,
              height: `${box.h / z}px`,
            }}
            onFocus={() => actions.activate(t.key, 'focus')}
            onBlur={(e) => {
              // Moving into our own layer (the pinned tooltip; the event names its host) is not leaving.
              const next = (e as FocusEvent).relatedTarget as Node | null;
              if (next !== layerHost) actions.leave(t.key, 'focus');
            }}
            onKeyDown={onlyTrusted((e: KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                actions.activate(t.key, 'pin');
              } else if (e.key === 'Escape') actions.close();
            })}
          />
        );
      })}
    </>
  );
}

/** The tooltip's words as one line (a mark's accessible description while its tooltip is shown). */
function describe(t: Target): string {
  const lines = t.findings.map((f) => ui.claimVerdict(ui.status[f.status] ?? '', f.message));
  return (t.lead ? [t.lead, ...lines] : lines).join(' ');
}

/**
 * A table's summary chip, beside the table and never over its heading or header (placement.placeChip);
 * compact (icon and count) when the full chip has no free place, hidden when not even that fits.
 * Placed after render, on our own element only.
 */
function ChipView({ chip, box, store, actions }: { chip: Chip; box: Box; store: LayerStore; actions: LayerActions }) {
  const ref = useRef<HTMLButtonElement>(null);
  const page = chip.table === 'page';
  const obstacles = useValue(store.chipObstacles).get(chip.key);
  const right = useValue(store.pageRight);
  const placed = useRef(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || page || !obstacles) return;
    const place = () => {
      const perf = el.ownerDocument.defaultView?.performance;
      const t0 = perf?.now() ?? 0;
      placed.current = true;
      el.removeAttribute('data-compact');
      el.style.visibility = '';
      let spot: Box | null = null;
      for (const compact of [false, true]) {
        if (compact) el.setAttribute('data-compact', '');
        const r = el.getBoundingClientRect();
        spot = placeChip({ w: r.width, h: r.height }, box, obstacles, right);
        if (spot) {
          el.style.left = `${spot.x}px`;
          el.style.top = `${spot.y}px`;
          el.style.transform = 'none';
          break;
        }
      }
      if (!spot) el.style.visibility = 'hidden';
      perf?.measure(PERF.layout, { start: t0, end: perf.now() });
    };
    // In the next frame, not now: the chip's size read here would make the browser lay out, inside this task,
    // everything the layer has just added (the first layout of its labels' and marks' text: 12–28 ms on a
    // report page). Read at the frame's start, that layout is the frame's own, and this task stays short. Until
    // it is placed the first time, the chip is not shown.
    const win = el.ownerDocument.defaultView;
    if (!win?.requestAnimationFrame) {
      place();
      return;
    }
    if (!placed.current) el.style.visibility = 'hidden';
    const id = win.requestAnimationFrame(place);
    return () => win.cancelAnimationFrame(id);
  });
  const style = page
    ? {
        left: `${box.x}px`,
        top: `${box.y - 4}px`,
        maxWidth: `${Math.max(320, Math.min(720, box.w))}px`,
        transform: 'translateY(-100%)',
      }
    : {
        left: `${box.x + box.w}px`,
        top: `${box.y}px`,
        transform: `translate(calc(-100% - ${chip.slot * 4}px), -100%)`,
      };
  return (
    <button
      ref={ref}
      type="button"
      part={PART.chip}
      data-table={chip.table}
      data-level={chip.level}
      style={style}
      aria-label={`${ui.brand} · ${chip.text}`}
      onClick={onlyTrusted(() => actions.chip(chip))}
    >
      <span class="chip-icon" aria-hidden="true">
        {ICON[chip.level]}
      </span>
      {chip.short ? (
        <span class="chip-short" aria-hidden="true">
          {chip.short}
        </span>
      ) : null}
      <span class="chip-text">
        {ui.brand} · {chip.text}
        {chip.detail?.length ? (
          <ul class="chip-detail">
            {chip.detail.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : null}
      </span>
    </button>
  );
}

function Tooltip({
  target,
  pinned,
  store,
  actions,
}: {
  target: Target;
  pinned: boolean;
  store: LayerStore;
  actions: LayerActions;
}) {
  const box = useValue(store.boxes).get(target.key)!;
  const ref = useRef<HTMLDivElement>(null);
  // Pinned by keyboard: move focus into the tooltip so its buttons are reachable with Tab.
  useEffect(() => {
    if (pinned) (ref.current?.querySelector('button, input') as HTMLElement | null)?.focus();
  }, [pinned, target.key]);
  // Beside the numbers it talks about, never over them: not over the marked cell nor the digits of the
  // cells around it (or the number in the text and its line), inside the window and clear of the
  // navigator bar (placement.placeTooltip). Measured after render, written on our own element only.
  useLayoutEffect(() => {
    const el = ref.current;
    const root = el?.getRootNode() as ShadowRoot | undefined;
    const win = el?.ownerDocument.defaultView;
    if (!el || !win) return;
    el.style.left = `${box.x}px`;
    el.style.top = `${box.y + box.h + 4}px`;
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) return; // no layout (a DOM without rendering)
    const nav = root?.querySelector?.(`[part~="${PART.navigator}"]`)?.getBoundingClientRect();
    const bottom = nav && nav.height ? Math.min(win.innerHeight, nav.top) : win.innerHeight;
    const view = { x: win.scrollX, y: win.scrollY, w: win.innerWidth, h: bottom };
    const avoid = unionBox([box, ...aroundTarget(target, store, win)]) ?? box;
    const keepClear = [...chipBoxes(root, win), ...headerOf(target, win)];
    const spot = placeTooltip({ w: r.width, h: r.height }, box, avoid, view, keepClear);
    el.style.left = `${spot.x}px`;
    el.style.top = `${spot.y}px`;
  });
  const flagged = useValue(store.flagged);
  return (
    <div
      ref={ref}
      id="gouji-tip"
      part={PART.tooltip}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-label={pinned ? ui.brand : undefined}
      data-key={target.key}
      onPointerEnter={onlyTrusted(() => actions.activate(target.key, 'hover'))}
      onPointerLeave={onlyTrusted(() => actions.leave(target.key, 'hover'))}
      onKeyDown={onlyTrusted((e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          actions.close();
        } else if (e.key === 'Tab' && pinned) trapTab(e, ref.current);
      })}
    >
      {target.lead ? (
        <p class="lead" data-status="culprit">
          <span aria-hidden="true">{ICON.culprit} </span>
          {target.lead}
        </p>
      ) : null}
      <ul>
        {target.findings.map((f) => (
          <FindingView key={`${f.id}:${f.status}`} finding={f} flagged={flagged.has(f.id)} actions={actions} />
        ))}
      </ul>
      {pinned ? (
        <div class="actions">
          <button type="button" class="act" onClick={onlyTrusted(() => actions.close())}>
            {ui.close}
          </button>
        </div>
      ) : (
        <span class="hint">{ui.tooltipHint}</span>
      )}
    </div>
  );
}

/**
 * What a tooltip must leave visible, in document coordinates: for a cell, the text of the cells that touch
 * it (the row above and below, the columns left and right; a label spanning many rows counts only near
 * the cell); for a number in the text, its line boxes.
 */
function aroundTarget(target: Target, store: LayerStore, win: Window): Box[] {
  const toBox = (r: DOMRect): Box => ({ x: r.left + win.scrollX, y: r.top + win.scrollY, w: r.width, h: r.height });
  if (target.kind === 'claim') return store.claimBoxes.peek().get(target.key) ?? [];
  const cell = target.element;
  const table = cell?.closest('table');
  if (!cell || !table) return [];
  const c = cell.getBoundingClientRect();
  const near = { left: c.left - 2, right: c.right + 2, top: c.top - 2, bottom: c.bottom + 2 };
  const out: Box[] = [];
  const doc = cell.ownerDocument;
  for (const other of table.querySelectorAll('td,th')) {
    const o = other.getBoundingClientRect();
    if (o.right < near.left || o.left > near.right || o.bottom < near.top || o.top > near.bottom) continue;
    const range = doc.createRange();
    range.selectNodeContents(other);
    for (const t of range.getClientRects()) {
      if (!t.width || !t.height) continue;
      // A label spanning many rows: only its text near the cell matters.
      if (t.bottom < c.top - 3 * c.height || t.top > c.bottom + 3 * c.height) continue;
      out.push(toBox(t));
    }
  }
  return out;
}

/** Our table chips as drawn (document coordinates): a tooltip leaves them visible when it can. */
function chipBoxes(root: ShadowRoot | undefined, win: Window): Box[] {
  const out: Box[] = [];
  for (const el of root?.querySelectorAll<HTMLElement>(`[part~="${PART.chip}"]`) ?? []) {
    if (el.style.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width && r.height) out.push({ x: r.left + win.scrollX, y: r.top + win.scrollY, w: r.width, h: r.height });
  }
  return out;
}

/**
 * The text of a marked cell's table header — the rows above its first row of values — and of what stands
 * just above the table (its heading), in document coordinates: a tooltip leaves them readable when it can.
 */
function headerOf(target: Target, win: Window): Box[] {
  const table = target.kind === 'cell' ? target.element?.closest('table') : null;
  if (!table) return [];
  const doc = table.ownerDocument;
  const out: Box[] = [];
  const add = (el: Element) => {
    const range = doc.createRange();
    range.selectNodeContents(el);
    for (const r of range.getClientRects())
      if (r.width && r.height) out.push({ x: r.left + win.scrollX, y: r.top + win.scrollY, w: r.width, h: r.height });
  };
  for (const row of table.querySelectorAll('tr')) {
    if (row.closest('table') !== table) continue;
    if (row.querySelector(`[${ATTR.field}]`)) break;
    add(row);
  }
  // The heading: the nearest element before the table with text (our keyboard anchor has none), or, for a
  // table wrapped alone, before its wrapper.
  let el: Element | null = table;
  for (let up = 0; el && up < 2; up++, el = el.parentElement) {
    let prev = el.previousElementSibling;
    for (let i = 0; prev && i < 3; i++, prev = prev.previousElementSibling) {
      if (!prev.textContent?.trim()) continue;
      add(prev);
      return out;
    }
  }
  return out;
}

/** A pinned tooltip is a dialog: Tab and Shift+Tab cycle through its controls, never out to the page. */
function trapTab(e: KeyboardEvent, box: HTMLElement | null): void {
  if (!box) return;
  const items = [...box.querySelectorAll<HTMLElement>('button, input, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !(el as HTMLButtonElement).disabled,
  );
  if (!items.length) {
    e.preventDefault();
    return;
  }
  const active = (box.getRootNode() as ShadowRoot | Document).activeElement;
  const i = items.indexOf(active as HTMLElement);
  const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 || i < 0 ? 0 : i + 1;
  e.preventDefault();
  items[next]!.focus();
}

/**
 * Walk the findings: previous / next with the current position, in a small bar at the bottom of the
 * window. It shows once the user walks (Alt+↓/↑, j/k in our UI, a chip, a mark taking focus) and goes with
 * Esc or its close button.
 */
function Navigator({ store, actions }: { store: LayerStore; actions: LayerActions }) {
  const nav = useValue(store.nav);
  const list = useValue(store.walk);
  if (!nav.open || !list.length) return null;
  const current = nav.index >= 0 ? list[nav.index] : undefined;
  return (
    <div
      part={PART.navigator}
      role="toolbar"
      aria-label={ui.navLabel}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          actions.navClose();
        }
      }}
    >
      <button
        type="button"
        class="act"
        data-nav="prev"
        aria-keyshortcuts="Alt+ArrowUp k"
        onClick={() => actions.walk(-1)}
      >
        ↑ {ui.navPrev}
      </button>
      <span class="nav-pos" role="status" aria-live="polite">
        {current ? ui.navPosition(nav.index + 1, list.length) : ui.navCount(list.length)}
      </span>
      <button
        type="button"
        class="act"
        data-nav="next"
        aria-keyshortcuts="Alt+ArrowDown j"
        onClick={() => actions.walk(1)}
      >
        ↓ {ui.navNext}
      </button>
      <button type="button" class="act" data-nav="close" aria-label={ui.close} onClick={() => actions.navClose()}>
        ×
      </button>
      <span class="hint">{ui.navHint}</span>
    </div>
  );
}

function FindingView({ finding, flagged, actions }: { finding: FindingLine; flagged: boolean; actions: LayerActions }) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);
  const isFlagged = flagged || saved;
  const save = async () => {
    // Read the field itself: a fast Enter can come before the state update of the last keystroke.
    const problem = await actions.flag(finding.id, (input.current?.value ?? note).trim());
    setError(problem);
    if (problem === null) {
      setSaved(true);
      setEditing(false);
    }
  };
  return (
    <li part={PART.finding} data-check={finding.id} data-status={finding.status}>
      <span class="status" data-status={finding.status}>
        <span aria-hidden="true">{ICON[finding.status]} </span>
        {ui.status[finding.status]}
      </span>
      <span class="msg">{finding.message}</span>
      {finding.href ? (
        <div class="actions">
          <a class="act" href={finding.href} target="_blank" rel="noopener noreferrer" data-previous-year-link="">
            {finding.hrefText}
          </a>
        </div>
      ) : null}
      {finding.goto ? (
        <div class="actions">
          <button type="button" class="act" data-goto={finding.goto} onClick={() => actions.goTo(finding.goto!)}>
            {finding.goto.startsWith('narrative') ? ui.gotoText : ui.gotoCell}
          </button>
        </div>
      ) : null}
      {finding.flaggable ? (
        <div class="actions">
          {isFlagged ? (
            <span part={PART.flagged}>{ui.flagged}</span>
          ) : editing ? (
            <>
              <input
                ref={input}
                class="note"
                aria-label={ui.noteLabel}
                placeholder={ui.notePlaceholder}
                value={note}
                onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
                onKeyDown={onlyTrusted((e: KeyboardEvent) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void save();
                  }
                })}
              />
              <button type="button" class="act primary" onClick={onlyTrusted(() => void save())}>
                {ui.save}
              </button>
              <button type="button" class="act" onClick={onlyTrusted(() => setEditing(false))}>
                {ui.cancel}
              </button>
            </>
          ) : (
            <button type="button" class="act" part={PART.flag} onClick={onlyTrusted(() => setEditing(true))}>
              {ui.flag}
            </button>
          )}
          {error ? (
            <span class="error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
