// checkHtml: a saved page's HTML → the report, through the light DOM (lib/html/light-dom.ts) and the same
// checkDocument the live page uses. For the CLI and the extension's batch pages; the live page keeps its
// own DOM. When the page itself reads nothing, the documents of its `<iframe srcdoc>` frames are read too
// (one level; many 信息公开 detail pages put the article there) and the best result wins (lib/frames.ts).
import { checkDocument, type Analysis, type CheckOptions } from '../check';
import { bestReport, srcdocSources } from '../frames';
import { parseLightHtml } from './light-dom';

const MAX_FRAMES = 8;

export function checkHtml(html: string, opts: Omit<CheckOptions, 'root'> = {}): Analysis {
  const doc = parseLightHtml(html) as unknown as Document;
  const results = [checkDocument(doc, opts)];
  if (results[0]!.report.summary.fieldsFound === 0) {
    for (const src of srcdocSources(doc).slice(0, MAX_FRAMES)) {
      const inner = src.includes('<html') ? src : `<!doctype html><html><head></head><body>${src}</body></html>`;
      results.push(checkDocument(parseLightHtml(inner) as unknown as Document, opts));
    }
  }
  return bestReport(results)!;
}
