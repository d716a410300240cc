// One batched MutationObserver for the page's article (uBlock / Dark Reader style): it filters the
// batch cheaply, re-runs the analysis once the page has been quiet for `quietMs` (but at least every
// `maxWaitMs` on a page that never stops changing), and is disconnected by its owner's AbortSignal.
//
// It watches <body> for childList + characterData only. Most of our nodes live outside <body> (the style in
// <head>, the shadow host after <body>) and our marks are attributes, which are not observed; the keyboard
// anchors we insert before marked tables and numbers (ondemand/layer.tsx) are in <body>, and records that
// only add or remove those (`ignore`) are dropped first: nothing we do can trigger it. Sites' 繁體/简体 and 拼音 buttons rewrite text nodes or whole subtrees (seed 002
// was saved after such a rewrite): both are childList / characterData records.

export interface ObserverOptions {
  quietMs?: number;
  maxWaitMs?: number;
  /** Above this many records in one batch, skip filtering and re-run (a whole-article rewrite). */
  hugeBatch?: number;
  /** Nodes of our own (keyboard anchors): a record that only adds or removes such nodes is no page change. */
  ignore?: (node: Node) => boolean;
}

export class ArticleObserver {
  private mo: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPending = 0;
  /** The element whose changes matter (the article); null = anything in <body>. */
  scope: Element | null = null;
  /** Batches seen / re-runs triggered (for tests and the bench). */
  batches = 0;
  runs = 0;

  constructor(
    private readonly doc: Document,
    private readonly onChange: () => void,
    private readonly signal: AbortSignal,
    private readonly opts: ObserverOptions = {},
  ) {
    signal.addEventListener('abort', () => this.disconnect(), { once: true });
  }

  get active(): boolean {
    return this.mo !== null;
  }

  observe(): void {
    if (this.mo || this.signal.aborted || !this.doc.body) return;
    const MO = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.mo = new MO((records) => this.batch(records));
    this.mo.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.mo?.disconnect();
    this.mo = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private batch(records: MutationRecord[]): void {
    this.batches++;
    const ignore = this.opts.ignore;
    if (ignore) records = records.filter((r) => !onlyOurs(r, ignore));
    if (!records.length) return;
    const huge = records.length > (this.opts.hugeBatch ?? 500);
    if (!huge && !records.some((r) => this.relevant(r))) return;
    const now = Date.now();
    if (this.timer === null) this.firstPending = now;
    else clearTimeout(this.timer);
    const quiet = this.opts.quietMs ?? 250;
    const wait = Math.min(quiet, Math.max(0, this.firstPending + (this.opts.maxWaitMs ?? 2000) - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.signal.aborted) return;
      this.runs++;
      this.onChange();
    }, wait);
  }

  private relevant(r: MutationRecord): boolean {
    const target = r.target;
    const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
    if (!el || el.closest('script,style,noscript,template')) return false;
    if (r.type === 'childList' && !hasContent(r.addedNodes) && !hasContent(r.removedNodes)) return false;
    const scope = this.scope;
    if (!scope || !scope.isConnected) return true;
    // Inside the article, or an ancestor of it rewritten wholesale.
    return scope.contains(el) || el.contains(scope) || addsTable(r.addedNodes);
  }
}

/** A childList record whose added and removed nodes are all ours (our anchors going in or out). */
function onlyOurs(r: MutationRecord, ignore: (node: Node) => boolean): boolean {
  if (r.type !== 'childList') return false;
  const n = r.addedNodes.length + r.removedNodes.length;
  if (!n) return false;
  for (const node of r.addedNodes) if (!ignore(node)) return false;
  for (const node of r.removedNodes) if (!ignore(node)) return false;
  return true;
}

function hasContent(nodes: NodeList): boolean {
  for (const n of nodes) {
    if (n.nodeType === 1) {
      const name = (n as Element).localName;
      if (name !== 'script' && name !== 'style' && name !== 'link' && name !== 'meta') return true;
    } else if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return true;
  }
  return false;
}

function addsTable(nodes: NodeList): boolean {
  for (const n of nodes) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === 'table' || el.getElementsByTagName('table').length) return true;
  }
  return false;
}

/**
 * The article: the nearest common ancestor of the report's tables, lifted out of any table (layout
 * tables included), and one level more when there is a single table so that its prose belongs to it.
 */
export function articleScope(tables: Element[], fallback: Element | null): Element | null {
  if (!tables.length) return fallback;
  let common: Element | null = tables[0] ?? null;
  for (const t of tables.slice(1)) {
    while (common && !common.contains(t)) common = common.parentElement;
  }
  if (!common) return fallback;
  let scope: Element | null = common;
  while (scope && scope.closest('table') && scope.parentElement)
    scope = scope.parentElement.closest('table')?.parentElement ?? scope.parentElement;
  // One table alone says little about where the prose is: take its container's parent too.
  if (new Set(tables).size === 1) scope = scope?.parentElement ?? scope;
  if (!scope || scope.localName === 'html') return scope?.ownerDocument.body ?? null;
  return scope;
}
