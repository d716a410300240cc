// The pure core: normalize → extract → schema → rules → report. Used unchanged by the extension and the
// CLI. Never imports `browser`, WXT, or a global `document`: callers pass the Document they work on.

export type {
  Report,
  Check,
  ValueEntry,
  TableSummary,
  NarrativeClaim,
  ReportNotice,
  CheckStatus,
  TableKey,
  ReportFormat,
} from './types';
export { REPORT_SCHEMA } from './types';
export { checkDocument, checkText, type Analysis, type CheckOptions } from './check';
export { checkHtml } from './html/check-html';
export { quickGate } from './detect';
export { warmUp } from './warm';
