// Our one shadow host: <div data-gouji-ui> appended to <html> (outside <body>, so the page's body
// observers and `body > *` rules do not see it, and position:absolute is relative to the document). A
// built-in element, not a custom-element name a page could define first (lib/contract.ts HOST_TAG);
// `:host{all:initial!important…}` keeps page CSS for `div` off it.
// WXT's createShadowRootUi does the same with a ContentScriptContext; the on-demand script has none,
// so both entrypoints share this equivalent.
import { render } from 'preact';
import { ANCHOR_TAG, ATTR, HOST_TAG, PART } from '../../lib/contract';
import { AnchorTargets, Layer as LayerView, type LayerActions } from '../../components/inpage/Layer';
import { ANCHOR_CSS, ANCHOR_STYLE, LAYER_CSS } from '../../components/inpage/styles';
import type { AnchorSlot, LayerStore } from '../../components/inpage/store';
import type { Target } from '../../components/inpage/model';
import type { Box } from '../../components/inpage/types';
import { intersects, placeLabels, type LabelRequest } from '../../components/inpage/placement';
import { ICON_SIZE, labelOf } from '../../components/inpage/labels';

/** Selector of a target button (keys are field / claim ids: quoted safely). */
export function targetSelector(key: string): string {
  return `[part~="${PART.target}"][data-key="${key.replace(/["\\]/g, '\\$&')}"]`;
}

/**
 * A keyboard anchor: an empty <span> inserted just before a marked table (or before the text node of a
 * marked number in the text), out of flow and zero-size, whose shadow root holds that table's focusable
 * marks. The page's Tab order then reaches them where the table is (issue #11).
 */
interface Anchor {
  id: string;
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  /** The node it stands before: the <table>, or the text node of a number in the text. */
  ref: Node;
}

export class ShadowLayer {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  private readonly container: HTMLElement;
  private rendered = false;
  /** Keyboard anchors by the node they stand before. */
  private readonly anchors = new Map<Node, Anchor>();
  /** Every node we put into the page (the body observer ignores mutations of these alone). */
  private readonly ours = new WeakSet<Node>();
  private anchorSeq = 0;

  constructor(
    private readonly doc: Document,
    private readonly store: LayerStore,
    private readonly actions: LayerActions,
    /** This page load's token (the anchors carry it as their attribute's value). */
    private readonly token = '',
  ) {
    this.host = doc.createElement(HOST_TAG);
    this.host.setAttribute(ATTR.ui, '');
    // Open mode: tests and automation reach chips and tooltips through PART names (lib/contract.ts). A
    // page can therefore see inside, but cannot act through it: every action needs a trusted event
    // (components/inpage/trust.ts).
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = LAYER_CSS;
    this.container = doc.createElement('div');
    this.shadow.append(style, this.container);
  }

  mount(): void {
    if (!this.host.isConnected) this.doc.documentElement.appendChild(this.host);
    if (!this.rendered) {
      render(<LayerView store={this.store} actions={this.actions} />, this.container);
      this.rendered = true;
    }
  }

  /**
   * The writes of a layout, ahead of it: the host in the page and the keyboard anchors before their tables.
   * Called in the task that schedules the layout, so the browser's next frame lays them out with our marks
   * and relayout()'s reads find nothing left to compute (inserting anchors right before reading positions
   * forced a layout of the whole page inside our task).
   */
  prepare(): void {
    this.mount();
    this.placeAnchors(this.anchorPlan());
  }

  unmount(): void {
    if (this.rendered) render(null, this.container);
    this.rendered = false;
    this.host.remove();
    for (const a of [...this.anchors.values()]) this.dropAnchor(a);
    if (this.store.anchors.peek().size) this.store.anchors.value = new Map();
  }

  /** Is `node` one we put into the page (an anchor), or our layer's host? */
  isOurs(node: Node): boolean {
    return node === this.host || this.ours.has(node);
  }

  /** Does an event's composed path go through our UI (the layer or an anchor)? */
  owns(path: readonly EventTarget[]): boolean {
    return path.some((n) => this.isOurs(n as Node));
  }

  /** The focusable mark of `key` (in its anchor's shadow root), if it is on the page. */
  targetButton(key: string): HTMLElement | null {
    const sel = targetSelector(key);
    for (const a of this.anchors.values()) {
      const b = a.shadow.querySelector<HTMLElement>(sel);
      if (b) return b;
    }
    return null;
  }

  /** The nodes our anchors stand before, in page order (tests). */
  anchorHosts(): HTMLElement[] {
    return [...this.anchors.values()].map((a) => a.host);
  }

  /**
   * Where each target's focusable mark goes: one anchor per marked table (before the <table>), one per
   * text node holding marked numbers of the text (before that text node). Keys in reading order.
   */
  private anchorPlan(): Map<Node, string[]> {
    const groups = new Map<Node, Target[]>();
    for (const t of this.store.targets.peek()) {
      let ref: Node | null = null;
      if (t.kind === 'cell') ref = t.element?.closest('table') ?? null;
      else if (t.range) ref = t.range.startContainer;
      if (!ref?.isConnected || !ref.parentNode || ref.parentNode.nodeType !== 1) continue;
      let g = groups.get(ref);
      if (!g) groups.set(ref, (g = []));
      g.push(t);
    }
    const at = (t: Target): Node | null => t.element ?? t.range?.startContainer ?? null;
    const out = new Map<Node, string[]>();
    for (const [ref, ts] of groups) {
      ts.sort((a, b) => {
        const na = at(a);
        const nb = at(b);
        if (na && nb && na !== nb) return na.compareDocumentPosition(nb) & 4 /* FOLLOWING */ ? -1 : 1;
        return (a.range?.startOffset ?? 0) - (b.range?.startOffset ?? 0);
      });
      out.set(
        ref,
        ts.map((t) => t.key),
      );
    }
    return out;
  }

  /**
   * Put the anchors where the plan wants them (writes only: called before any layout read). An anchor whose
   * node went away is removed; one the page moved or took out is put back before its node; a re-run over
   * the same tables keeps the same anchors (never a second one before a table).
   */
  private placeAnchors(plan: Map<Node, string[]>): void {
    for (const [ref, a] of [...this.anchors]) if (!plan.has(ref)) this.dropAnchor(a);
    for (const ref of plan.keys()) {
      let a = this.anchors.get(ref);
      if (!a) {
        const host = this.doc.createElement(ANCHOR_TAG);
        host.setAttribute(ATTR.anchor, this.token);
        host.setAttribute('style', ANCHOR_STYLE);
        const shadow = host.attachShadow({ mode: 'open' });
        const style = this.doc.createElement('style');
        style.textContent = ANCHOR_CSS;
        const container = this.doc.createElement('span');
        shadow.append(style, container);
        a = { id: `a${++this.anchorSeq}`, host, shadow, container, ref };
        this.anchors.set(ref, a);
        this.ours.add(host);
      }
      if (a.host.nextSibling !== ref || a.host.parentNode !== ref.parentNode) ref.parentNode!.insertBefore(a.host, ref);
    }
  }

  private dropAnchor(a: Anchor): void {
    render(null, a.container);
    a.host.remove();
    this.anchors.delete(a.ref);
  }

  get mounted(): boolean {
    return this.host.isConnected;
  }

  /** Read every anchor's position in one pass (anchors put in place first, then reads, then signal writes). */
  relayout(): void {
    const plan = this.anchorPlan();
    this.placeAnchors(plan);
    const win = this.doc.defaultView;
    const sx = win?.scrollX ?? 0;
    const sy = win?.scrollY ?? 0;
    const toBox = (r: DOMRect): Box => ({ x: r.left + sx, y: r.top + sy, w: r.width, h: r.height });
    const boxes = new Map<string, Box>();
    const claimBoxes = new Map<string, Box[]>();
    for (const t of this.store.targets.peek()) {
      if (t.element?.isConnected) boxes.set(t.key, toBox(t.element.getBoundingClientRect()));
      else if (t.range && t.range.startContainer.isConnected) {
        boxes.set(t.key, toBox(t.range.getBoundingClientRect()));
        claimBoxes.set(t.key, [...t.range.getClientRects()].map(toBox));
      }
    }
    const chipObstacles = new Map<string, Box[]>();
    for (const c of this.store.chips.peek()) {
      if (!c.anchor.isConnected) continue;
      boxes.set(`chip:${c.key}`, toBox(c.anchor.getBoundingClientRect()));
      const anchor = boxes.get(`chip:${c.key}`)!;
      // No layout (a DOM without rendering): nothing to measure.
      if (c.table !== 'page')
        chipObstacles.set(c.key, anchor.w > 0 || anchor.h > 0 ? this.textNear(c.anchor, toBox) : []);
    }
    this.store.chipObstacles.value = chipObstacles;
    this.store.pageRight.value = Math.max(this.doc.documentElement.clientWidth, win?.innerWidth ?? 0) + sx;
    const labels = this.placeLabels(toBox, boxes, claimBoxes);
    const slots = new Map<string, AnchorSlot>();
    for (const [ref, keys] of plan) {
      const a = this.anchors.get(ref)!;
      const zoom = (a.host as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom;
      slots.set(a.id, { keys, origin: toBox(a.host.getBoundingClientRect()), zoom: zoom && zoom > 0 ? zoom : 1 });
    }
    this.store.boxes.value = boxes;
    this.store.claimBoxes.value = claimBoxes;
    this.store.labels.value = labels;
    this.store.anchors.value = slots;
    // Rendered now (not in Preact's next tick): a caller focuses a mark right after laying out.
    for (const a of this.anchors.values())
      render(<AnchorTargets id={a.id} store={this.store} actions={this.actions} layerHost={this.host} />, a.container);
  }

  /** Text rectangles a table's chip must not cover: the table's first rows and what stands just above it. */
  private textNear(table: Element, toBox: (r: DOMRect) => Box): Box[] {
    const out: Box[] = [];
    const add = (el: Element) => {
      const range = this.doc.createRange();
      range.selectNodeContents(el);
      for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) out.push(toBox(r));
    };
    const rows = table.querySelectorAll('tr');
    for (let i = 0; i < Math.min(rows.length, 3); i++) add(rows[i]!);
    // The page's own previous siblings (our anchor before the table is not one).
    const before = (el: Element): Element | null => {
      let p = el.previousElementSibling;
      while (p && this.ours.has(p)) p = p.previousElementSibling;
      return p;
    };
    let prev = before(table);
    for (let i = 0; prev && i < 3; i++, prev = before(prev)) add(prev);
    // A table wrapped alone in a <div>/<p>: the wrapper's previous siblings stand above it.
    if (!before(table) && table.parentElement) {
      let p = before(table.parentElement);
      for (let i = 0; p && i < 3; i++, p = before(p)) add(p);
    }
    return out;
  }

  /**
   * Icons and "应为 N" badges beside the numbers (components/inpage/placement.ts): every text rectangle
   * of the marked tables is an obstacle. Reads only.
   */
  private placeLabels(
    toBox: (r: DOMRect) => Box,
    boxes: Map<string, Box>,
    claimBoxes: Map<string, Box[]>,
  ): Map<string, Box> {
    const doc = this.doc;
    const win = doc.defaultView;
    const sx = win?.scrollX ?? 0;
    const textBox = (el: Element): Box[] => {
      const range = doc.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map(toBox);
    };
    const union = (bs: Box[]): Box | null => {
      if (!bs.length) return null;
      const x = Math.min(...bs.map((b) => b.x));
      const y = Math.min(...bs.map((b) => b.y));
      return { x, y, w: Math.max(...bs.map((b) => b.x + b.w)) - x, h: Math.max(...bs.map((b) => b.y + b.h)) - y };
    };
    const tables = new Map<Element, Box>();
    /** Per table: where its labels may go (each labelled cell grown by its label's size on every side). */
    const reach = new Map<Element, Box[]>();
    const requests: LabelRequest[] = [];
    for (const t of this.store.targets.peek()) {
      const cell = boxes.get(t.key);
      if (t.kind !== 'cell' || !t.element || !cell) continue;
      const label = labelOf(t);
      if (!label) continue;
      const table = t.element.closest('table');
      if (!table) continue;
      if (!tables.has(table)) tables.set(table, toBox(table.getBoundingClientRect()));
      const tb = tables.get(table)!;
      // No layout (a DOM without rendering): nothing can overlap, and nothing to measure.
      if (tb.w > 0 || tb.h > 0) {
        let r = reach.get(table);
        if (!r) reach.set(table, (r = []));
        r.push({ x: cell.x - label.w, y: cell.y - label.h, w: cell.w + 2 * label.w, h: cell.h + 2 * label.h });
      }
      requests.push({
        key: t.key,
        w: label.w,
        h: label.h,
        cell,
        text: tb.w > 0 || tb.h > 0 ? union(textBox(t.element)) : null,
        table: tb,
      });
    }
    // Every candidate place of a label lies in its cell grown by the label's size, or in the gutters beside
    // the table, where no cell's text is: so only the text of cells that reach into those places can be in
    // the way. Rows are read first and a row out of reach is passed over whole (its cells are not measured),
    // but for a cell spanning rows, which reaches below its row.
    const obstacles: Box[] = [];
    for (const [table, near] of reach) {
      const within = (b: Box) => near.some((n) => intersects(b, n));
      for (const row of table.querySelectorAll('tr')) {
        const inReach = within(toBox(row.getBoundingClientRect()));
        for (const c of row.children) {
          if (c.localName !== 'td' && c.localName !== 'th') continue;
          if (!inReach && !((c as HTMLTableCellElement).rowSpan > 1 && within(toBox(c.getBoundingClientRect()))))
            continue;
          obstacles.push(...textBox(c));
        }
      }
    }
    const maxX = Math.max(doc.documentElement.clientWidth, win?.innerWidth ?? 0) + sx;
    const placed = placeLabels(requests, obstacles, maxX);
    // A number in the text that contradicts a table: its icon in the gutter left of its paragraph.
    for (const t of this.store.targets.peek()) {
      if (t.kind !== 'claim' || t.severity !== 'fail' || !t.range) continue;
      const first = claimBoxes.get(t.key)?.[0] ?? boxes.get(t.key);
      const block = t.range.startContainer.parentElement?.closest('p,li,div,td,section,article') ?? null;
      if (!first || !block) continue;
      const left = toBox(block.getBoundingClientRect()).x - ICON_SIZE - 4;
      if (left >= 0)
        placed.set(t.key, { x: left, y: first.y + Math.max(0, (first.h - ICON_SIZE) / 2), w: ICON_SIZE, h: ICON_SIZE });
    }
    return placed;
  }
}
