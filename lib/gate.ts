// The gate, shared by the light content script and InPage: could this page be a report? Reads
// document.title and, when the title says nothing (sites that put only their own name there; the article
// heading then carries the report's), the first 20,000 characters of body.textContent — no layout, no
// writes.
export function gateSays(doc: Document, gate: (title: string, bodyText?: string) => boolean): boolean {
  const title = doc.title ?? '';
  if (gate(title)) return true;
  const text = doc.body?.textContent ?? '';
  return gate(title, text.length > 20_000 ? text.slice(0, 20_000) : text);
}
