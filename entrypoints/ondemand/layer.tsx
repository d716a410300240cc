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
    for (const c of this.store.chips.peek()) if (c.anchor.isConnected) boxes.set(`chip:${c.key}`, toBox(c.anchor.getBoundingClientRect()));
    this.store.boxes.value = boxes;
    this.store.claimBoxes.value = claimBoxes;
  }
}
