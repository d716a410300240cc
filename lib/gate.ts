// The gate, shared by the light content script and InPage: could this page be a report? Reads
// document.title and, when the title says nothing (sites that put only their own name there; the article
// heading then carries the report's), the body's text (how far into it `gate` looks is its own: quickGate
// reads the first 20,000 characters for a report's name, further for its table's phrases) — no layout, no
// writes.
export function gateSays(doc: Document, gate: (title: string, bodyText?: string) => boolean): boolean {
  const title = doc.title ?? '';
  if (gate(title)) return true;
  return gate(title, bodyText(doc));
}

/** XPathResult.STRING_TYPE (a number, so this module needs no DOM globals where there are none). */
const XPATH_STRING = 2;

/**
 * The body's text, as `body.textContent` gives it: every text node under it, in document order. Asked of the
 * document's own XPath engine first (`string(/html/body)`, the same concatenation by definition): on a news
 * page in full site chrome that skips the script's first element wrapper (`document.body`: the isolated
 * world's HTMLBodyElement → HTMLElement → Element interfaces, set up on first touch), and the gate, 2.1–2.8 →
 * 1.4–1.6 ms (docs/inpage.md). `textContent` when there is no XPath (test DOMs) or it says nothing: an XHTML
 * document (its elements are namespaced, `/html/body` finds none), a frameset, an empty body.
 */
export function bodyText(doc: Document): string {
  try {
    if (typeof doc.evaluate === 'function') {
      const s = doc.evaluate('string(/html/body)', doc, null, XPATH_STRING, null).stringValue;
      if (typeof s === 'string' && s !== '') return s;
    }
  } catch {
    // No XPath after all (a DOM that lists evaluate but cannot run it): the element's own text below.
  }
  return doc.body?.textContent ?? '';
}
