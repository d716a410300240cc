// Our one shadow host: <div data-gouji-ui> appended to <html> (outside <body>, so the page's body
// observers and `body > *` rules do not see it, and position:absolute is relative to the document). A
// built-in element, not a custom-element name a page could define first (lib/contract.ts HOST_TAG);
// `:host{all:initial!important…}` keeps page CSS for `div` off it.
// WXT's createShadowRootUi does the same with a ContentScriptContext; the on-demand script has none,
// so both entrypoints share this equivalent.
import { render } from 'preact';
import { ATTR, HOST_TAG } from '../../lib/contract';
import { Layer as LayerView, type LayerActions } from '../../components/inpage/Layer';
import { LAYER_CSS } from '../../components/inpage/styles';
import type { LayerStore } from '../../components/inpage/store';
import type { Box } from '../../components/inpage/types';
import { placeLabels, type LabelRequest } from '../../components/inpage/placement';
import { ICON_SIZE, labelOf } from '../../components/inpage/labels';

export class ShadowLayer {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  private readonly container: HTMLElement;
  private rendered = false;

  constructor(
    private readonly doc: Document,
    private readonly store: LayerStore,
    private readonly actions: LayerActions,
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

  unmount(): void {
    if (this.rendered) render(null, this.container);
    this.rendered = false;
    this.host.remove();
  }

  get mounted(): boolean {
    return this.host.isConnected;
  }

  /** Read every anchor's position in one pass (reads only, then one signal write). */
  relayout(): void {
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
    this.store.boxes.value = boxes;
    this.store.claimBoxes.value = claimBoxes;
    this.store.labels.value = labels;
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
    let prev = table.previousElementSibling;
    for (let i = 0; prev && i < 3; i++, prev = prev.previousElementSibling) add(prev);
    // A table wrapped alone in a <div>/<p>: the wrapper's previous siblings stand above it.
    if (!table.previousElementSibling && table.parentElement) {
      let p = table.parentElement.previousElementSibling;
      for (let i = 0; p && i < 3; i++, p = p.previousElementSibling) add(p);
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
    const requests: LabelRequest[] = [];
    const obstacles: Box[] = [];
    for (const t of this.store.targets.peek()) {
      const cell = boxes.get(t.key);
      if (t.kind !== 'cell' || !t.element || !cell) continue;
      const label = labelOf(t);
      if (!label) continue;
      const table = t.element.closest('table');
      if (!table) continue;
      if (!tables.has(table)) {
        const tb = toBox(table.getBoundingClientRect());
        tables.set(table, tb);
        // No layout (a DOM without rendering): nothing can overlap, and nothing to measure.
        if (tb.w > 0 || tb.h > 0) for (const c of table.querySelectorAll('td,th')) obstacles.push(...textBox(c));
      }
      const tb = tables.get(table)!;
      requests.push({
        key: t.key,
        w: label.w,
        h: label.h,
        cell,
        text: tb.w > 0 || tb.h > 0 ? union(textBox(t.element)) : null,
        table: tb,
      });
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
