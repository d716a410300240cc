// checkHtml: a saved page's HTML → the report, through the light DOM (lib/html/light-dom.ts) and the same
// checkDocument the live page uses. For the CLI and the extension's batch pages; the live page keeps its
// own DOM.
import { checkDocument, type Analysis, type CheckOptions } from '../check';
import { parseLightHtml } from './light-dom';

export function checkHtml(html: string, opts: Omit<CheckOptions, 'root'> = {}): Analysis {
  return checkDocument(parseLightHtml(html) as unknown as Document, opts);
}
