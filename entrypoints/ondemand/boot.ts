// Wiring of InPage to the extension APIs: the body of /ondemand.js, which the light content script
// imports on gov.cn pages that pass the gate and the popup injects elsewhere. Both run in the extension's
// isolated world of the same page, so a second start (the popup's "检查此页" on a page already checked)
// reuses the running instance instead of marking twice.
import { checkDocument, checkDocumentSteps, type CheckOptions } from '../../lib/check';
import { quickGate } from '../../lib/detect';
import { warmUpSteps } from '../../lib/warm';
import { isGoujiMessage, typedSend, type Message } from '../../lib/ext/protocol';
import type { PageState } from '../../lib/contract';
import { InPage } from './app';
import { hiddenInPage } from './hidden';
import type { Light } from '../content/light';
import { BLANK_AS_ZERO_KEY, LANG_KEY, pickLang } from '../../lib/i18n/page';
import { pageChipText, setLang } from '../../components/inpage/strings';
import { INVALIDATED } from '../content/lifetime';
import { engineApi } from './ext-api';
import { afterRun, ensureLang, type PackLoader } from './packs';

const KEY = '__goujiInPage';
type Holder = { [KEY]?: InPage; __goujiSignal?: AbortSignal; __goujiLight?: Light };

/**
 * Start (or re-run) the engine on this page without the gate. On gov.cn pages the light content script
 * left its ctx.signal (and, on a page it judged not a report, its light listener) in the isolated world's
 * global; elsewhere the engine lives as long as the page.
 */
export function boot(force = true): Promise<PageState> {
  const holder = globalThis as unknown as Holder;
  const browser = engineApi();
  const running = holder[KEY];
  if (running && !running.disposed) return running.start(force);
  holder.__goujiLight?.release();
  delete holder.__goujiLight;
  const signal =
    holder.__goujiSignal && !holder.__goujiSignal.aborted ? holder.__goujiSignal : new AbortController().signal;

  // 空白按 0 计 (the popup's option, stored): read before the first analysis, followed live (a re-check).
  let blankAsZero = false;
  /** The options of every analysis of this page: its hidden elements, the live DOM's queries, 空白按 0 计. */
  const onPage = (opts: CheckOptions): CheckOptions => ({
    ...opts,
    hidden: hiddenInPage,
    live: true,
    ...(blankAsZero ? { blankAsZero } : {}),
  });
  const send = typedSend((msg: Message) => browser.runtime.sendMessage(msg));
  const packs: PackLoader = {
    getURL: browser.runtime.getURL ? (path) => browser.runtime.getURL!(path) : undefined,
    send,
  };
  const inpage = new InPage({
    doc: document,
    signal,
    analyze: (doc, opts) => checkDocument(doc, onPage(opts)),
    // The same analysis in bounded steps, run in slices of a few ms with the page's tasks in between.
    analyzeSteps: (doc, opts) => checkDocumentSteps(doc, onPage(opts)),
    // The core's one-time set-up (t2s tables, first regex compilation), sliced the same way, before it.
    prepareSteps: warmUpSteps,
    // A page in 繁體 needs the traditional→simplified table, a pack: loaded, then the page is read again.
    beforeShow: () => afterRun(packs, () => pageChipText.t2sMissing()),
    gate: quickGate,
    send,
  });
  holder[KEY] = inpage;

  const listener = (msg: unknown): Promise<unknown> | undefined =>
    isGoujiMessage(msg) ? inpage.handleMessage(msg) : undefined;
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener(
    'abort',
    () => {
      try {
        browser.runtime.onMessage.removeListener(listener);
      } catch {
        // the extension context is gone: nothing to remove from
      }
      if (holder[KEY] === inpage) delete holder[KEY];
      // Marks are gone (InPage.dispose ran first); a marked page says why.
      if (signal.reason === INVALIDATED) inpage.retire(pageChipText.updated());
    },
    { once: true },
  );

  // The language chosen in the popup (Chinese unless the user picked English), followed live. English is a
  // pack (lib/ext/packs.ts), loaded the first time it is chosen: the switch waits for it, and of two quick
  // switches the last one wins.
  let langAsked = 0;
  /** Switches to the stored choice once its strings are there; false when a later choice came meanwhile. */
  const chooseLang = async (stored: unknown): Promise<boolean> => {
    const lang = pickLang(stored, browser.i18n?.getUILanguage?.());
    const asked = ++langAsked;
    await ensureLang(lang, packs);
    if (asked !== langAsked) return false;
    setLang(lang);
    return true;
  };
  const applyLang = (stored: unknown) => {
    void chooseLang(stored).then((chosen) => chosen && inpage.relabel());
  };
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (LANG_KEY in changes) applyLang(changes[LANG_KEY]!.newValue);
    if (BLANK_AS_ZERO_KEY in changes) {
      const next = changes[BLANK_AS_ZERO_KEY]!.newValue === true;
      if (next === blankAsZero) return;
      blankAsZero = next;
      // A page already checked is checked again with the new choice (its result goes to the popup).
      if (inpage.analysis) void inpage.analyze();
    }
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener(
    'abort',
    () => {
      try {
        browser.storage.onChanged.removeListener(onStorage);
      } catch {
        // the extension context is gone
      }
    },
    { once: true },
  );
  return browser.storage.local
    .get([LANG_KEY, BLANK_AS_ZERO_KEY])
    .then(async (got) => {
      blankAsZero = got[BLANK_AS_ZERO_KEY] === true;
      await chooseLang(got[LANG_KEY]);
    })
    .catch(() => {})
    .then(() => inpage.start(force));
}
