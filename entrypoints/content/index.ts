// Gouji's content script on *.gov.cn pages. Design (see docs/inpage.md):
//  - Most gov.cn pages are news, lists and home pages: `quickGate` on the title (and, failing that, the
//    body's textContent — no layout, no writes) says "not a report" in well under 2 ms; the page then
//    gets html[data-gouji-state=none] and nothing else, and no observer is left running.
//  - A report page is analyzed in an idle task by the same lib/ core as the CLI, and marked with
//    data-gouji-* attributes, one <style>, and one shadow root for chips and tooltips (app.ts).
//  - Every side effect hangs off ctx.signal: when the extension is reloaded or updated, the marks are
//    removed and the observer and listeners let go.
import { boot } from './boot';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main(ctx) {
    void boot(ctx.signal, false);
  },
});
