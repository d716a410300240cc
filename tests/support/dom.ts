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

/**
 * A page in a happy-dom window of a desktop browser's size (1280 × 900), as the in-page engine's tests run
 * it: no page script, no file loads; `before` acts on the window before the page is written (a hostile
 * page's globals). The caller closes it.
 */
export function pageWindow(html: string, url: string, before?: (win: Window) => void): Window {
  const win = new Window({
    url,
    width: 1280,
    height: 900,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  before?.(win);
  win.document.write(html);
  return win;
}

/** Parse with linkedom (no table.rows/cells/colSpan): proves the core reads attributes only. */
export function linkeDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export const PARSERS = [
  ['happy-dom', happyDoc],
  ['linkedom', linkeDoc],
] as const;
