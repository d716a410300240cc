// Marks on the page's own elements: attributes only, through a ledger that remembers what each attribute
// was before we touched it, so that `restore()` gives back the page byte for byte (a saved copy of a
// marked page may carry data-gouji-* attributes of its own: those are put back, not deleted).
// Plus one <style data-gouji-style> and the narrative highlights; both go away with the marks.
import { ATTR, HIGHLIGHT } from '../../lib/contract';

export class MarkLedger {
  /** element → attribute → value before we first set it (null = absent). */
  private readonly original = new Map<Element, Map<string, string | null>>();

  set(el: Element, name: string, value: string): void {
    let attrs = this.original.get(el);
    if (!attrs) this.original.set(el, (attrs = new Map()));
    // One read: the value before we first set it is also the current one then.
    const current = el.getAttribute(name);
    if (!attrs.has(name)) attrs.set(name, current);
    if (current !== value) el.setAttribute(name, value);
  }

  /** Put one attribute back as it was. */
  reset(el: Element, name: string): void {
    const attrs = this.original.get(el);
    if (!attrs?.has(name)) return;
    const before = attrs.get(name)!;
    if (before === null) el.removeAttribute(name);
    else if (el.getAttribute(name) !== before) el.setAttribute(name, before);
    attrs.delete(name);
    if (!attrs.size) this.original.delete(el);
  }

  /**
   * Make the page carry exactly `plan` (plus untouched originals): attributes we set earlier that the
   * plan no longer has are put back, the others set. Applying the same plan twice changes nothing.
   */
  apply(plan: Map<Element, Record<string, string>>): void {
    for (const [el, attrs] of [...this.original]) {
      const want = plan.get(el);
      for (const name of [...attrs.keys()]) if (!want || want[name] === undefined) this.reset(el, name);
    }
    for (const [el, attrs] of plan) for (const [name, value] of Object.entries(attrs)) this.set(el, name, value);
  }

  restore(): void {
    for (const [el, attrs] of [...this.original]) for (const name of [...attrs.keys()]) this.reset(el, name);
  }

  get size(): number {
    let n = 0;
    for (const attrs of this.original.values()) n += attrs.size;
    return n;
  }
}

// Outlines only, drawn inside the cell's border (negative offset): they neither add text nor move anything,
// and their styles (solid, dashed, dotted) differ without relying on colour. The addends of a failing total
// are outlined only faintly: on a table with five errors they are most of the table, and the reader must
// see which cells are wrong (the totals, the culprits); hovering or focusing a total highlights its own
// addends. The icons and the culprit's "应为 N" are drawn in our shadow layer beside the numbers, never over
// them (components/inpage/placement.ts).

/** A fresh random token for one page load (our stylesheet styles only cells that carry it). */
export function makeToken(): string {
  const a = new Uint32Array(2);
  globalThis.crypto.getRandomValues(a);
  return `g${a[0]!.toString(36)}${a[1]!.toString(36)}`;
}

/**
 * The page stylesheet: every selector reaches only our own attributes, and only on cells carrying this
 * load's token (`data-gouji-mark`, or the token as the value of the transient related / flash marks), so a
 * page that sets `data-gouji-fail` on its own elements does not get them drawn as our marks.
 */
export function pageCss(token: string, highlights = true): string {
  const m = (attr: string) => `[${ATTR.mark}="${token}"][${attr}]`;
  const hl = `[${ATTR.highlight}="${token}"]`;
  // A bare `::highlight()` rule matches every element: a sheet holding it made the browser recompute the
  // style of the whole page (≈ 40 ms on a page of 10,000 rows; 19 → 2.5 ms on the realistic 100 KB page,
  // Chromium). Ours match only the elements that hold highlighted text (`data-gouji-highlight`, set by
  // `highlightHosts`), and are there only while the text has highlights.
  const highlightRules = highlights
    ? `${hl}::highlight(${HIGHLIGHT.fail}){background-color:rgba(197,34,31,.18);text-decoration:underline wavy #c5221f 1px}
${hl}::highlight(${HIGHLIGHT.warn}){background-color:rgba(242,153,0,.2);text-decoration:underline dashed #b06000 1px}
`
    : '';
  return `
${m(ATTR.fail)}:not([${ATTR.total}]):not([${ATTR.culprit}]){outline:1px solid rgba(197,34,31,.28)!important;outline-offset:-1px!important}
${m(ATTR.total)}{outline:3px solid #c5221f!important;outline-offset:-3px!important}
${m(ATTR.culprit)}{outline:3px dashed #7b1fa2!important;outline-offset:-3px!important}
${m(ATTR.uncertain)}:not([${ATTR.fail}]){outline:2px dotted #5f6368!important;outline-offset:-2px!important}
${m(ATTR.prose)}:not([${ATTR.total}]):not([${ATTR.culprit}]){outline:3px double #c5221f!important;outline-offset:-3px!important}
${m(ATTR.zero)}:not([${ATTR.fail}]):not([${ATTR.uncertain}]){outline:1px dotted #80868b!important;outline-offset:-3px!important}
[${ATTR.related}="${token}"]{box-shadow:inset 0 0 0 999px rgba(251,188,4,.28)!important;outline:2px solid #f29900!important;outline-offset:-2px!important}
[${ATTR.flash}="${token}"]{animation:gouji-flash-${token} .5s ease-in-out 3!important}
@keyframes gouji-flash-${token}{50%{box-shadow:inset 0 0 0 999px rgba(26,115,232,.35)}}
${highlightRules}@media (forced-colors:active){${[ATTR.fail, ATTR.total, ATTR.culprit, ATTR.uncertain].map(m).join(',')}{outline-color:Highlight!important}}
@media print{${[ATTR.fail, ATTR.total, ATTR.culprit, ATTR.uncertain, ATTR.zero].map(m).join(',')}{outline:none!important;background-image:none!important}}
`;
}

/** At most this many text nodes under one highlight (a claim is a number and its unit: one to a few nodes). */
const HIGHLIGHT_NODES = 256;

/**
 * The elements our `::highlight()` rules must match for a range to be painted: the parent of each text node
 * the range covers (a highlight takes its style from the element its text is in). The claims' ranges start
 * and end in text nodes (lib/narrative/prose.ts `rangeAt`); the walk goes from the first to the last.
 */
export function highlightHosts(range: Range): Element[] {
  const hosts = new Set<Element>();
  const end = range.endContainer;
  const walker = range.startContainer.ownerDocument!.createTreeWalker(
    range.commonAncestorContainer,
    4 /* NodeFilter.SHOW_TEXT */,
  );
  walker.currentNode = range.startContainer;
  let node: Node | null = range.startContainer;
  for (let i = 0; node && i < HIGHLIGHT_NODES; i++) {
    if (node.nodeType === 3 && node.parentElement) hosts.add(node.parentElement);
    if (node === end) break;
    node = walker.nextNode();
  }
  return [...hosts];
}

/** The mark attributes our stylesheet draws: a cell carrying any of them also gets the load's token. */
export const STYLED_ATTRS: readonly string[] = [ATTR.fail, ATTR.total, ATTR.culprit, ATTR.uncertain, ATTR.zero];

/** Our one stylesheet in the page. Created on first mark, removed with the marks. */
export class PageStyle {
  private el: HTMLStyleElement | null = null;
  constructor(
    private readonly doc: Document,
    readonly token: string = makeToken(),
  ) {}

  /** Our stylesheet on the page, with the highlight rules when the text has highlights. */
  ensure(highlights = true): void {
    const css = pageCss(this.token, highlights);
    if (this.el?.isConnected) {
      // Rewritten only when it differs: a re-run that changes nothing restyles nothing.
      if (this.el.textContent !== css) this.el.textContent = css;
      return;
    }
    const style = this.doc.createElement('style');
    style.setAttribute(ATTR.style, '');
    style.textContent = css;
    (this.doc.head ?? this.doc.documentElement).appendChild(style);
    this.el = style;
  }

  remove(): void {
    this.el?.remove();
    this.el = null;
  }
}

// The CSS Custom Highlight API paints ranges without touching the text; where it is missing (older
// Firefox) the layer draws boxes instead, so this reports whether it worked.
type HighlightCtor = new (...ranges: Range[]) => unknown;
interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): boolean;
}

function registry(win: Window): { reg: HighlightRegistry; Highlight: HighlightCtor } | null {
  const w = win as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  if (!w.CSS?.highlights || typeof w.Highlight !== 'function') return null;
  return { reg: w.CSS.highlights, Highlight: w.Highlight };
}

export function setHighlights(win: Window, fail: Range[], warn: Range[]): boolean {
  const r = registry(win);
  if (!r) return false;
  for (const [name, ranges] of [
    [HIGHLIGHT.fail, fail],
    [HIGHLIGHT.warn, warn],
  ] as const) {
    if (ranges.length) r.reg.set(name, new r.Highlight(...ranges));
    else r.reg.delete(name);
  }
  return true;
}

export function clearHighlights(win: Window): void {
  const r = registry(win);
  if (!r) return;
  r.reg.delete(HIGHLIGHT.fail);
  r.reg.delete(HIGHLIGHT.warn);
}
