// The one way tests build a Document from HTML (unit tests, the scenario test, the fixtures' loader):
//   happyDoc  happy-dom — the browser-like DOM (table.rows, colSpan, layout-free computed style); runs no
//             page script and loads no CSS, script or image file (a disabled load counts as a success).
//   linkeDoc  linkedom — no table.rows/cells/colSpan: proves the core reads attributes only.
// Nothing here touches the network.
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';

/** The address a page is parsed at when the test does not care (a gov.cn article). */
export const DEFAULT_URL = 'http://www.example.gov.cn/art/1.html';

/** Parse with happy-dom (has table.rows/colSpan) — the browser-like DOM. */
export function happyDoc(html: string, url = DEFAULT_URL): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
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
