// Every name the extension writes into a page, in one file: the page contract of docs/page-contract.md.
// Pure constants, no code. The content script, the on-demand script, the tests, the bench and anyone
// automating the extension import names from here, never spell them inline.
//
// Marks on the page's own elements are only these `data-gouji-*` attributes (plus one <style>, one shadow
// host and the empty out-of-flow keyboard anchors, all ours): page text and layout are never changed, and hiding the marks restores
// `document.documentElement.outerHTML` byte for byte.

/** Attributes on the page's own elements. Values are documented next to each name. */
export const ATTR = {
  /** On <html>: 'report' | 'none' | 'error' once the analysis has settled (see STATE). */
  state: 'data-gouji-state',
  /** On a <table> that was read: 'active' | 'apply' | 'review' (space-separated when one table holds several). */
  table: 'data-gouji-table',
  /** On every cell read as a field value: the field id ("apply.new.total"). */
  field: 'data-gouji-field',
  /** On every cell involved in a failing check: the check ids, space-separated. */
  fail: 'data-gouji-fail',
  /** On the checked (total) cell of a failing check: the check ids, space-separated. */
  total: 'data-gouji-total',
  /** On the probable culprit cell: the value it would need ("292"). */
  culprit: 'data-gouji-culprit',
  /** On every cell involved in an uncertain check: the check ids, space-separated. */
  uncertain: 'data-gouji-uncertain',
  /** On a table cell that a number in the report's text contradicts: the claim ids, space-separated. */
  prose: 'data-gouji-prose',
  /** On a blank cell that a check counted as 0: the check ids that assumed it, space-separated. */
  zero: 'data-gouji-zero',
  /** Transient, while a failing total is hovered or focused: on the cells that make it up (value: the load's token). */
  related: 'data-gouji-related',
  /** Transient, ~1.5 s after `gouji:focus`: on the cell scrolled into view (value: the load's token). */
  flash: 'data-gouji-flash',
  /**
   * On each element whose own text holds a highlighted number of the report's text (the parent of each text
   * node a highlight's range covers; value: the load's token). Our `::highlight()` rules match only these
   * elements: a bare `::highlight()` rule matches every element, and adding it restyled the whole page.
   */
  highlight: 'data-gouji-highlight',
  /**
   * On every cell that carries fail / total / culprit / uncertain / zero: a random token made once per page
   * load. Our stylesheet styles only cells carrying this load's token, so `data-gouji-*` attributes a page
   * (or a saved copy of a marked page) sets itself are never drawn as our marks.
   */
  mark: 'data-gouji-mark',
  /** On our one <style> element in <head>. */
  style: 'data-gouji-style',
  /** On our shadow host element (its tag is HOST_TAG). */
  ui: 'data-gouji-ui',
  /**
   * On each of our keyboard anchors (ANCHOR_TAG, value: the load's token): an empty, out-of-flow element
   * just before a marked table or number in the text, whose shadow root holds the focusable marks of that
   * table / number, so that Tab reaches them where they are in the page (issue #11).
   */
  anchor: 'data-gouji-anchor',
} as const;

export type MarkAttr = (typeof ATTR)[keyof typeof ATTR];

/** Values of `data-gouji-state`. */
export const STATE = {
  /** A report was found and checked. */
  report: 'report',
  /** Not a report (or the gate said no). Nothing else is added to the page. */
  none: 'none',
  /** A report page could not be checked (page too large, an exception); the chip says why. */
  error: 'error',
} as const;

/**
 * The one page-state type: html[data-gouji-state], the `gouji:result` message, the background's per-tab state.
 * A batch row's state (lib/batch/run.ts RowState) extends it.
 */
export type PageState = (typeof STATE)[keyof typeof STATE];

/**
 * Tag name of our shadow host: a plain <div> (with `data-gouji-ui`), never a custom-element name. Content
 * scripts have no customElements of their own, so a page that defined `gouji-ui` itself would upgrade our
 * host with its own class (and could make attachShadow throw): a built-in element cannot be pre-empted.
 */
export const HOST_TAG = 'div';

/** Selector of our shadow host. */
export const HOST_SELECTOR = 'div[data-gouji-ui]';

/**
 * Tag name of a keyboard anchor: a built-in <span> (never a custom element), zero-size and absolutely
 * positioned by its own inline `all:initial!important` style, so it takes no place in the page's layout.
 */
export const ANCHOR_TAG = 'span';

/** Selector of our keyboard anchors (their open shadow roots hold the `target` buttons). */
export const ANCHOR_SELECTOR = 'span[data-gouji-anchor]';

/**
 * `part` names inside the shadow root (open mode), for tests and automation:
 * `document.querySelector(HOST_SELECTOR).shadowRoot.querySelectorAll('[part~="chip"]')`.
 */
export const PART = {
  /** Summary chip of a checked table; `data-table` = table key. Also the top-of-article chip (`data-table="page"`). */
  chip: 'chip',
  /**
   * Focusable (transparent) button over a marked cell or claim; `data-key` = field id or claim id. In the
   * shadow root of the keyboard anchor (ANCHOR_SELECTOR) just before its table or number, not in the layer's.
   */
  target: 'target',
  /** The tooltip; `data-key` = the target it describes. */
  tooltip: 'tooltip',
  /** One finding inside the tooltip; `data-check` = check id or claim id, `data-status`. */
  finding: 'finding',
  /** "标记跟进" button inside a finding. */
  flag: 'flag',
  /** "已标记" badge inside a finding. */
  flagged: 'flagged',
  /** Box drawn over a narrative number when the CSS Custom Highlight API is missing. */
  claimBox: 'claim-box',
  /** Icon or "✎ 应为 N" badge beside a marked number, never over text; `data-key` = target key. */
  label: 'label',
  /** The findings navigator (role toolbar); buttons `data-nav` = prev | next | close. */
  navigator: 'navigator',
} as const;

/** CSS Custom Highlight names (`::highlight(gouji-claim-fail)`), registered in `CSS.highlights`. */
export const HIGHLIGHT = {
  fail: 'gouji-claim-fail',
  warn: 'gouji-claim-warn',
} as const;

/** performance.measure names (read by `npm run bench:browser`). */
export const PERF = {
  gate: 'gouji:gate',
  /** The core's one-time set-up (lib/warm.ts), in an idle task of its own before the first analysis. */
  prepare: 'gouji:prepare',
  /**
   * One per analysis run: starts when the run starts, lasts as long as the run's own work (the sum of its
   * slices, not the time the page's tasks took in between).
   */
  analyze: 'gouji:analyze',
  /** One per task the stepped analysis or the set-up ran in (its start and end). */
  slice: 'gouji:slice',
  mark: 'gouji:mark',
  /** The shadow layer mounted and laid out, in an animation frame after the marks. */
  layout: 'gouji:layout',
} as const;

/** Page size limit: above this many table cells the page is not analyzed (state `error`, a chip says why). */
export const MAX_TABLE_CELLS = 20_000;

/** Built path of the on-demand script the popup injects with `scripting.executeScript`. */
export const ONDEMAND_SCRIPT = '/ondemand.js';
