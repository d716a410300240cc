// HTML → a light DOM: the fast path the CLI and the extension's batch pages read saved reports with
// (issue #14). It is built from htmlparser2's Parser — the same tokenizer, implied-end-tag rules and
// attribute handling linkedom builds its DOM from — so the tree is node for node the one linkedom gives,
// but as plain objects: no linked list of attribute nodes, no listener maps, no Range, no style engine.
// It implements only the part of the DOM the core's extraction reads (lib/extract/dom-rows.ts, grid.ts,
// lib/narrative/prose.ts, lib/check.ts): children and siblings, localName/tagName, getAttribute /
// hasAttribute (names matched exactly, as linkedom does), textContent, contains, an element TreeWalker,
// and linkedom's rules for documentElement / head / body / title. checkDocument runs on it unchanged, so
// the fast path and the DOM path cannot drift apart (tests/html-equivalence.test.ts holds them equal).
//
// The live page keeps the browser's DOM: this is for HTML text only.

import { Parser, Tokenizer } from 'htmlparser2';

// htmlparser2's tokenizer visits every character in a switch, text and attribute values included (with
// entity decoding on, it has no fast path there). The one it is given here jumps over runs that cannot
// change its state: in text to the next `<` or `&`, in a quoted attribute value to the closing quote or
// the next `&` — the characters those states act on; every other character is one they pass over. Same
// events, same offsets (tests/html-equivalence.test.ts and tests/unit/html-tokenizer.test.ts hold it to
// htmlparser2's own). The fields are the tokenizer's internals (private in its typings).
interface TokenizerState {
  buffer: string;
  offset: number;
  index: number;
}
type StateFn = (this: TokenizerState, c: number) => void;
type ValueFn = (this: TokenizerState, c: number, quote: number) => void;
interface TokenizerProto {
  stateText: StateFn;
  handleInAttributeValue: ValueFn;
}
const LT = 0x3c;
const AMP = 0x26;
const DQUOTE = 0x22;
/**
 * Where the next `&` of the buffer is, from `from` on. Kept per tokenizer: text and attribute values both stop
 * at it, and searching again from each stop would rescan a long run with none in it every time.
 */
function nextAmp(t: FastState, from: number): number {
  // Valid while the buffer is the one searched (two chunks may be equal strings: equal positions, so equal
  // answers), the search began at or before `from`, and what it found is not behind `from`.
  if (t.ampBuf !== t.buffer || t.ampFrom > from || (t.ampAt !== -1 && t.ampAt < from)) {
    t.ampBuf = t.buffer;
    t.ampFrom = from;
    t.ampAt = t.buffer.indexOf('&', from);
  }
  return t.ampAt;
}

/**
 * Move to just before the next `stop` or `&` (the tokenizer's loop then steps onto it). indexOf, not a
 * regular expression: no match object per stop (a page has thousands), and no warm-up.
 */
function skipTo(t: FastState, stop: string): void {
  const from = t.index - t.offset + 1;
  const buf = t.buffer;
  let at = buf.indexOf(stop, from);
  const amp = nextAmp(t, from);
  if (amp !== -1 && (at === -1 || amp < at)) at = amp;
  t.index = (at === -1 ? buf.length : at) + t.offset - 1;
}

interface FastState extends TokenizerState {
  ampBuf: string;
  ampFrom: number;
  ampAt: number;
}

export class FastTokenizer extends Tokenizer {
  ampBuf = '';
  ampFrom = 0;
  ampAt = -1;
}
{
  const base = Tokenizer.prototype as unknown as TokenizerProto;
  const proto = FastTokenizer.prototype as unknown as TokenizerProto;
  const text = base.stateText;
  const value = base.handleInAttributeValue;
  proto.stateText = function (c) {
    if (c === LT || c === AMP) text.call(this, c);
    else skipTo(this as FastState, '<');
  };
  proto.handleInAttributeValue = function (c, quote) {
    if (c === quote || c === AMP) value.call(this, c, quote);
    else skipTo(this as FastState, quote === DQUOTE ? '"' : "'");
  };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

export type LightNode = LightElement | LightCharacterData;

// A page's light DOM is tens of thousands of nodes, built by code that runs cold (a CLI run checks a few
// hundred files): an element's nodeType sits on the prototype, the rest is assigned in each class's own
// constructor (no class-field initializers, each a hidden function call per node, and no base class: a derived
// constructor's super() call made building 2.4× slower where the classes keep their names — esbuild's
// keepNames, as tsx and Vitest compile them), and tag names are upper-cased once per name. Over 200 report
// files, building their light DOMs: 211 → 193 ms on a cold process, 114 → 77 ms warm (with the `&` search
// below).

/** What every node has. */
interface LightNodeBase {
  parentNode: LightElement | null;
  nextSibling: LightNode | null;
  previousSibling: LightNode | null;
  readonly ownerDocument: LightDocument;
  readonly parentElement: LightElement | null;
}

/** A text node or a comment: the same members, told apart by nodeType (one class, no base class: see above). */
export class LightCharacterData implements LightNodeBase {
  declare parentNode: LightElement | null;
  declare nextSibling: LightNode | null;
  declare previousSibling: LightNode | null;
  declare readonly ownerDocument: LightDocument;
  declare readonly nodeType: typeof TEXT_NODE | typeof COMMENT_NODE;
  declare data: string;
  constructor(doc: LightDocument, data: string, nodeType: typeof TEXT_NODE | typeof COMMENT_NODE) {
    this.ownerDocument = doc;
    this.parentNode = null;
    this.nextSibling = null;
    this.previousSibling = null;
    this.nodeType = nodeType;
    this.data = data;
  }
  get nodeName(): '#text' | '#comment' {
    return this.nodeType === TEXT_NODE ? '#text' : '#comment';
  }
  get parentElement(): LightElement | null {
    return this.parentNode;
  }
  get nodeValue(): string {
    return this.data;
  }
  get textContent(): string {
    return this.data;
  }
  get firstChild(): null {
    return null;
  }
  contains(other: unknown): boolean {
    return other === this;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Tag names upper-cased once per name, not once per element. */
const UPPER = new Map<string, string>();
function upper(name: string): string {
  let u = UPPER.get(name);
  if (u === undefined) {
    u = name.toUpperCase();
    if (UPPER.size < 1024) UPPER.set(name, u);
  }
  return u;
}

export class LightElement implements LightNodeBase {
  declare parentNode: LightElement | null;
  declare nextSibling: LightNode | null;
  declare previousSibling: LightNode | null;
  declare readonly ownerDocument: LightDocument;
  declare readonly nodeType: typeof ELEMENT_NODE;
  declare readonly childNodes: LightNode[];
  declare readonly tagName: string;
  declare readonly localName: string;
  declare readonly attribs: Record<string, string>;
  constructor(doc: LightDocument, localName: string, attribs: Record<string, string>, svg: boolean) {
    this.ownerDocument = doc;
    this.parentNode = null;
    this.nextSibling = null;
    this.previousSibling = null;
    this.childNodes = [];
    this.localName = localName;
    this.attribs = attribs;
    // linkedom: HTML elements upper-case their tagName, SVG elements keep the name as written.
    this.tagName = svg ? localName : upper(localName);
  }
  get parentElement(): LightElement | null {
    return this.parentNode;
  }
  get nodeName(): string {
    return this.tagName;
  }
  get firstChild(): LightNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): LightNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get children(): LightElement[] {
    const out: LightElement[] = [];
    for (const n of this.childNodes) if (n.nodeType === ELEMENT_NODE) out.push(n);
    return out;
  }
  get firstElementChild(): LightElement | null {
    for (const n of this.childNodes) if (n.nodeType === ELEMENT_NODE) return n;
    return null;
  }
  get nextElementSibling(): LightElement | null {
    for (let n = this.nextSibling; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) return n;
    return null;
  }
  /** Exact name, as linkedom matches it (a page's `ROWSPAN` is not `rowspan` there either). */
  getAttribute(name: string): string | null {
    return hasOwn.call(this.attribs, name) ? this.attribs[name]! : null;
  }
  hasAttribute(name: string): boolean {
    return hasOwn.call(this.attribs, name);
  }
  get id(): string {
    return this.getAttribute('id') ?? '';
  }
  get className(): string {
    return this.getAttribute('class') ?? '';
  }
  get textContent(): string {
    // Most table cells hold one text node: no walk for them.
    const kids = this.childNodes;
    if (kids.length === 1 && kids[0]!.nodeType !== ELEMENT_NODE)
      return kids[0]!.nodeType === TEXT_NODE ? kids[0]!.data : '';
    if (kids.length === 0) return '';
    // Iterative (article pages nest deep); text nodes only, as linkedom and the DOM do.
    const out: string[] = [];
    const stack: LightNode[] = [];
    for (let i = this.childNodes.length - 1; i >= 0; i--) stack.push(this.childNodes[i]!);
    while (stack.length) {
      const n = stack.pop()!;
      if (n.nodeType === TEXT_NODE) out.push(n.data);
      else if (n.nodeType === ELEMENT_NODE)
        for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
    }
    return out.join('');
  }
  contains(other: unknown): boolean {
    for (let n = other as LightNodeBase | null; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  getElementsByTagName(name: string): LightElement[] {
    const out: LightElement[] = [];
    const all = name === '*';
    const walker = new LightTreeWalker(this);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (all || n.localName === name) out.push(n);
    return out;
  }
  /** Only the selectors the core asks for: `tag`, `tag[attr]`, `[attr]` and lists of them (lib/attachments.ts). */
  querySelectorAll(selector: string): LightElement[] {
    return selectAll(this, selector);
  }
}

Object.defineProperty(LightElement.prototype, 'nodeType', { value: ELEMENT_NODE });

const SIMPLE_SELECTOR = /^\s*([a-z][a-z0-9-]*|\*)?(?:\[([^\s\]=~|^$*]+)\])?\s*$/i;

/**
 * `tag`, `tag[attr]` or `[attr]`, or a comma-separated list of those (lib/attachments.ts: `a[href], iframe[src],
 * …`); anything else is a clear error, never a silent non-match.
 */
function matcher(selector: string): (n: LightElement) => boolean {
  if (selector.includes(',')) {
    const any = selector.split(',').map(simpleMatcher);
    return (n) => any.some((m) => m(n));
  }
  return simpleMatcher(selector);
}

function simpleMatcher(selector: string): (n: LightElement) => boolean {
  const m = SIMPLE_SELECTOR.exec(selector);
  if (!m || (!m[1] && !m[2])) throw new SyntaxError(`the light DOM does not take the selector ${selector}`);
  const tag = m[1] && m[1] !== '*' ? m[1].toLowerCase() : null;
  const attr = m[2] ?? null;
  return (n) => (!tag || n.localName === tag) && (!attr || hasOwn.call(n.attribs, attr));
}

function collect(root: LightElement, match: (n: LightElement) => boolean, out: LightElement[]): LightElement[] {
  const walker = new LightTreeWalker(root);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (match(n)) out.push(n);
  return out;
}

function selectAll(root: LightElement, selector: string): LightElement[] {
  return collect(root, matcher(selector), []);
}

/** document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT): elements under root in document order. */
export class LightTreeWalker {
  currentNode: LightElement;
  constructor(readonly root: LightElement) {
    this.currentNode = root;
  }
  nextNode(): LightElement | null {
    let n: LightNode | null = this.currentNode.firstElementChild;
    if (!n) {
      // Next element sibling of this node or of the nearest ancestor below the root.
      for (let up: LightElement | null = this.currentNode; up && up !== this.root; up = up.parentNode) {
        const s = up.nextElementSibling;
        if (s) {
          n = s;
          break;
        }
      }
    }
    if (!n) return null;
    this.currentNode = n;
    return n;
  }
}

/** A Range the light DOM cannot make: prose.rangeAt catches this and places the claim nowhere. */
function noRange(): never {
  throw new Error('the light DOM has no Range');
}

export class LightDocument {
  readonly nodeType = 9;
  /** Top-level nodes (the doctype is not a node here; linkedom keeps it aside too). */
  readonly childNodes: LightNode[] = [];
  private createdHead: LightElement | null = null;
  private createdBody: LightElement | null = null;

  get documentElement(): LightElement | null {
    for (const n of this.childNodes) if (n.nodeType === ELEMENT_NODE) return n;
    return null;
  }
  /** linkedom: the first element of <html> when it is a <head>; else an empty head. */
  get head(): LightElement {
    const root = this.documentElement;
    if (!root) throw new TypeError('no document element');
    const first = root.firstElementChild;
    if (first && first.tagName === 'HEAD') return first;
    return (this.createdHead ??= new LightElement(this, 'head', {}, false));
  }
  /** linkedom: the element right after the head when it is a <body>; else an empty body. */
  get body(): LightElement {
    const head = this.head;
    const next = head === this.createdHead ? this.documentElement!.firstElementChild : head.nextElementSibling;
    if (next && next.tagName === 'BODY') return next;
    return (this.createdBody ??= new LightElement(this, 'body', {}, false));
  }
  get title(): string {
    if (!this.documentElement) return '';
    return this.head.getElementsByTagName('title')[0]?.textContent || '';
  }
  /** As LightElement#querySelectorAll, over the whole document (top-level elements included). */
  querySelectorAll(selector: string): LightElement[] {
    const match = matcher(selector);
    const out: LightElement[] = [];
    for (const top of this.childNodes) {
      if (top.nodeType !== ELEMENT_NODE) continue;
      if (match(top)) out.push(top);
      collect(top, match, out);
    }
    return out;
  }
  createTreeWalker(root: LightElement): LightTreeWalker {
    return new LightTreeWalker(root);
  }
  createRange(): never {
    return noRange();
  }
}

/**
 * Parse HTML into a light DOM with linkedom's parser settings (htmlparser2, entities decoded, attribute
 * names kept as written). The result is typed as a Document for the core's DOM path.
 */
export function parseLightHtml(html: string): LightDocument {
  const doc = new LightDocument();
  let parent: LightElement | null = null;
  let svgRoot: LightElement | null = null;

  const append = (node: LightNode) => {
    const list = parent ? parent.childNodes : doc.childNodes;
    const last = list.length ? list[list.length - 1]! : null;
    if (last) {
      last.nextSibling = node;
      node.previousSibling = last;
    }
    node.parentNode = parent;
    list.push(node);
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const svg = !!svgRoot || name === 'svg' || name === 'SVG';
        const el = new LightElement(doc, name, attribs, svg);
        append(el);
        if (!svgRoot && svg) svgRoot = el;
        parent = el;
      },
      ontext(text) {
        append(new LightCharacterData(doc, text, TEXT_NODE));
      },
      oncomment(data) {
        append(new LightCharacterData(doc, data, COMMENT_NODE));
      },
      onclosetag() {
        if (parent === svgRoot) svgRoot = null;
        parent = parent ? parent.parentNode : null;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false, Tokenizer: FastTokenizer },
  );
  if (html) {
    parser.write(html);
    parser.end();
  }
  return doc;
}
