// What the in-page code needs from the core's `Analysis` (lib/check.ts), spelled structurally so the
// marking code and its unit tests depend on the shape, not on how the core builds it.
import type { Check, NarrativeClaim, Report, TableKey } from '../../lib/types';

/**
 * The same body's previous-year report from the local history (the background looks it up) and the
 * cross-year checks against it (apply.year-over-year:*): this year's 上年结转 against its 结转下年度.
 */
export interface PreviousYearMarks {
  year: number;
  /** Its address (http(s) only is offered as a link). */
  url: string | null;
  checks: Check[];
}

export interface InPageAnalysis {
  report: Report;
  /** field id → the cell the value was read from. */
  elements: Map<string, Element>;
  /** The <table> elements read, per report table. */
  tableElements: Record<TableKey, Element[]>;
  /** Where a narrative claim's number is in the page (null when it cannot be located). */
  claimRange(claim: NarrativeClaim): Range | null;
}

/** A page box in document coordinates (scroll offsets included). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
