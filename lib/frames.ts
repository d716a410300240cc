// Reports inside frames. Many 信息公开 detail pages put the article in an <iframe src> (same origin) or an
// <iframe srcdoc>. The extension runs in every frame and keeps one report per tab (the best one); the CLI
// reads the srcdoc documents of a saved page. Both choose with `rankReport`.

import type { Report } from './types';

/** The HTML of every srcdoc frame in the document, in document order (iframe and frame elements). */
export function srcdocSources(doc: Document): string[] {
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.documentElement ?? doc, 1 /* SHOW_ELEMENT */);
  for (let n = walker.currentNode as Element | null; n; n = walker.nextNode() as Element | null) {
    if ((n.localName === 'iframe' || n.localName === 'frame') && n.hasAttribute('srcdoc')) {
      const html = n.getAttribute('srcdoc') ?? '';
      if (html.trim()) out.push(html);
    }
  }
  return out;
}

/**
 * How much of a report a result is: not a report < a report with no tables < … more values read; ties go
 * to more checks. A frame holding the article beats the shell around it.
 */
export function rankReport(r: Report): number {
  if (!r.detected) return 0;
  return 1 + r.summary.fieldsFound * 1000 + r.summary.checks;
}

/** The best of several results (the first wins ties: the top document before its frames). */
export function bestReport<T extends { report: Report }>(results: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of results) if (!best || rankReport(r.report) > rankReport(best.report)) best = r;
  return best;
}
