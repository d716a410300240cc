// The light content script's list-page test: how many distinct links on this page have a text naming an
// annual report (年度报告 / 年报, simplified or traditional) and a year. Raw text only — no converter, no
// layout — and at most 3,000 links read, so it stays cheap on any page. The batch page reads the list
// again with the full reader (./links.ts).
const TITLE = /(年度?[报報]告|年[报報])/;
const YEAR = /(?:19|20)\d{2}/;

export function countListLinks(doc: Document, max = 3000): number {
  const anchors = doc.querySelectorAll('a[href]');
  const seen = new Set<string>();
  for (let i = 0; i < anchors.length && i < max; i++) {
    const a = anchors[i]!;
    const text = (a.textContent ?? '').slice(0, 300);
    if (text.length < 6 || !TITLE.test(text) || !YEAR.test(text)) continue;
    const href = a.getAttribute('href') ?? '';
    if (/^\s*(javascript|mailto|data):|^\s*#/i.test(href)) continue;
    seen.add(href.trim().replace(/#.*$/, ''));
  }
  return seen.size;
}

/** At least two: one link is a report page's "related" box. */
export const LIST_MIN_LINKS = 2;
