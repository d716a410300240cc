import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';

/** Parse with happy-dom (has table.rows/colSpan) — the browser-like DOM. */
export function happyDoc(html: string, url = 'http://www.example.gov.cn/art/1.html'): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** Parse with linkedom (no table.rows/cells/colSpan): proves the core reads attributes only. */
export function linkeDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export const PARSERS = [
  ['happy-dom', happyDoc],
  ['linkedom', linkeDoc],
] as const;
