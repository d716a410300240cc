// checkHtml: a saved page's HTML → the report, through the light DOM (lib/html/light-dom.ts) and the same
// checkDocument the live page uses. For the CLI and the extension's batch pages; the live page keeps its
// own DOM. When the page itself reads nothing, the documents of its `<iframe srcdoc>` frames are read too
// (one level; many 信息公开 detail pages put the article there) and the best result wins (lib/frames.ts).
import { checkDocument, type Analysis, type CheckOptions } from '../check';
import { bestReport, srcdocSources } from '../frames';
import { parseLightHtml } from './light-dom';

const MAX_FRAMES = 8;

/**
 * A saved article with no <html>/<body> (only the article's markup, as some sites serve it and as people
 * save it): read as a browser would, inside a body — the light DOM, like linkedom, leaves such content
 * outside `document.body`, where detection would not see it.
 */
const HAS_ROOT = /<(?:html|body)[\s>]/i;
export const asDocumentHtml = (html: string): string =>
  HAS_ROOT.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;

export function checkHtml(html: string, opts: Omit<CheckOptions, 'root'> = {}): Analysis {
  const doc = parseLightHtml(asDocumentHtml(html)) as unknown as Document;
  const results = [checkDocument(doc, opts)];
  if (results[0]!.report.summary.fieldsFound === 0) {
    for (const src of srcdocSources(doc).slice(0, MAX_FRAMES)) {
      results.push(checkDocument(parseLightHtml(asDocumentHtml(src)) as unknown as Document, opts));
    }
  }
  return bestReport(results)!;
}
