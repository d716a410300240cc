// The report's text outside its tables, with a way back to the page. Claims are found in `text`; their
// positions are offsets into `text`, and `rangeAt` turns them into a DOM Range for the page marks (which
// wrap or highlight the Range without changing the page's text).

export interface Prose {
  text: string;
  /** A DOM Range over prose.text[start, end), or null (plain-text prose, or the span crosses a boundary we added). */
  rangeAt(start: number, end: number): Range | null;
  /** Set when the walk stopped at `maxChars`: the page holds more text than was read. */
  truncated?: boolean;
}

// Elements whose start and end break a line when rendered: we insert "\n" there so that sentences in
// different paragraphs or cells never run together ("…申请" + "1条" from two <p>s would read as a claim).
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
// Never prose: code, styles, and ruby annotations (pinyin added as <rt> by accessibility toolbars).
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'rt',
  'rp',
  'textarea',
  'select',
  'option',
  'svg',
  'iframe',
]);

/** The stack entry that closes a block element (its newline after the children). */
const LEAVE = Symbol('leave');

interface Segment {
  node: Text;
  /** Offset of the node's first character in prose.text. */
  start: number;
  length: number;
}

// No attribute marks an element as "ours": our UI (the in-page layer, the list chip) lives in shadow roots,
// which this walk never enters, so a page cannot hide its own prose by dressing it as ours (issue #13).
function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none/i.test(style);
}

/**
 * Walk the text under `root` once (iteratively: article pages nest deep), skipping scripts, hidden
 * elements and the report tables in `exclude` (our own UI is in shadow roots: never walked).
 */
export function proseFromDocument(
  root: Element,
  exclude: readonly Element[],
  maxChars = Infinity,
  live = false,
): Prose {
  const steps = proseStepsFromDocument(root, exclude, maxChars, live);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Nodes walked between two yields of `proseStepsFromDocument`. */
const STEP_NODES = 4000;

/**
 * The elements under `root` that `hidden()` holds, found by the browser's own query: only elements with a
 * `hidden` or `style` attribute can be hidden by markup, and the query hands script those alone.
 */
function hiddenByQuery(root: Element): Set<Element> {
  const out = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll('[hidden],[style]'))) if (hidden(el)) out.add(el);
  return out;
}

/**
 * `proseFromDocument` in steps: the in-page engine yields to the page every few thousand nodes (issue #13).
 * `live`: the page's own DOM in a browser, where the hidden elements come from one native query and
 * children are read through lastChild / previousSibling (no NodeList per element); the same text and
 * segments as the portable walk, a few binding calls fewer per node (happy-dom searches the parent's
 * children for each sibling, so elsewhere the walk keeps childNodes).
 */
export function* proseStepsFromDocument(
  root: Element,
  exclude: readonly Element[],
  maxChars = Infinity,
  live = false,
): Generator<void, Prose> {
  const excluded = new Set<Node>(exclude);
  const hiddenSet = live ? hiddenByQuery(root) : null;
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let lastChar = '\n';

  const newline = () => {
    if (lastChar !== '\n') {
      parts.push('\n');
      length += 1;
      lastChar = '\n';
    }
  };

  // Explicit stack (article pages nest deep); a block element's way out is the LEAVE entry pushed under its
  // children, so block ends add their newline after them. Siblings are read through childNodes, never
  // nextSibling (happy-dom computes that by searching the parent's children).
  const stack: Array<Node | typeof LEAVE> = [root];
  let truncated = false;
  let walked = 0;
  while (stack.length) {
    if (length > maxChars) {
      // Bounded work: a page with megabytes of text around a report is read this far (check.ts says so).
      truncated = true;
      break;
    }
    if (++walked % STEP_NODES === 0) yield;
    const node = stack.pop()!;
    if (node === LEAVE) {
      newline();
      continue;
    }
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length) {
        segments.push({ node: node as Text, start: length, length: data.length });
        parts.push(data);
        length += data.length;
        lastChar = data[data.length - 1]!;
      }
      continue;
    }
    if (type !== 1) continue;
    const el = node as Element;
    const tag = el.localName;
    if (node !== root && (excluded.has(el) || SKIP.has(tag) || (hiddenSet ? hiddenSet.has(el) : hidden(el)))) {
      // An excluded table still ends a paragraph.
      if (excluded.has(el)) newline();
      continue;
    }
    if (BLOCK.has(tag)) {
      newline();
      stack.push(LEAVE);
    }
    if (live) {
      for (let k = el.lastChild; k; k = k.previousSibling) stack.push(k);
      continue;
    }
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }

  const text = parts.join('');
  const doc = root.ownerDocument;

  // Index of the segment holding offset `pos` (the last segment starting at or before it).
  const find = (pos: number): number => {
    let lo = 0;
    let hi = segments.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid]!.start <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };

  return {
    text,
    ...(truncated ? { truncated } : {}),
    rangeAt(start, end) {
      if (!doc || start < 0 || end > text.length || end <= start) return null;
      const a = find(start);
      const b = find(end - 1);
      if (a < 0 || b < 0) return null;
      const sa = segments[a]!;
      const sb = segments[b]!;
      // Offsets falling on a newline we inserted belong to no text node.
      if (start >= sa.start + sa.length || end - 1 >= sb.start + sb.length) return null;
      // Some DOMs (linkedom) have no usable Range; the claim then simply has no place in the page.
      try {
        const range = doc.createRange();
        range.setStart(sa.node, start - sa.start);
        range.setEnd(sb.node, end - sb.start);
        return range;
      } catch {
        return null;
      }
    },
  };
}

/**
 * Prose from flattened text (CLI, seeds). `exclude` are the [start, end) character ranges of the tables;
 * they are blanked to newlines so offsets in prose.text equal offsets in `text`.
 */
export function proseFromText(text: string, exclude: ReadonlyArray<readonly [number, number]>): Prose {
  let out = text;
  if (exclude.length) {
    const chars = text.split('');
    for (const [s, e] of exclude) {
      for (let i = Math.max(0, s); i < Math.min(e, chars.length); i++) chars[i] = '\n';
    }
    out = chars.join('');
  }
  return { text: out, rangeAt: () => null };
}
