// The report object: the contract shared by the CLI, the extension's export, the popup and the tests.
// Documented in docs/report-format.md (JSON Schema in docs/report.schema.json). Field ids and check ids
// follow ../shared/FORMAT.md exactly; never rename them.

export const REPORT_SCHEMA = 'gouji/report@1' as const;

/** A built-in format (lib/schema/formats.ts), 'old' (before 2019) or 'unknown'. */
export type ReportFormat = KnownFormat | 'old' | 'unknown';
import type { KnownFormat } from './schema/formats';
export type { TableKey } from './schema/tables';
import type { TableKey } from './schema/tables';
export type CheckStatus = 'pass' | 'fail' | 'uncertain';

/** One field value as read from the page. `value` is null for a blank or unreadable cell. */
export interface ValueEntry {
  value: number | null;
  /** The cell text as found (whitespace collapsed), before normalization. */
  raw: string;
  /** true when the cell is blank (empty, &nbsp;, —, -, /, _, 无): blank is not zero. */
  blank?: boolean;
  /** Decimal places written (amounts compare as intervals). */
  decimals?: number;
  /** Unit written inside the cell ("元", "件" …), if any. */
  unit?: string;
  /** Set when the text could not be read as the number the field needs. */
  problem?: string;
  /** A footnote mark written next to the number ("158*" → value 158, note "*"). */
  note?: string;
}

export interface TableSummary {
  found: boolean;
  /** Field ids this table should have in the detected format. */
  cellsExpected: number;
  /** Field ids read (a value or a blank). */
  cellsRead: number;
  /** Field ids whose cells are blank. */
  blank: string[];
  /** Field ids expected but not found on the page. */
  missing: string[];
  /** How the table was located: 'dom' (a <table>), 'text' (flattened text), 'pdf' or 'docx' (a file rebuilt as HTML by lib/files). */
  source?: 'dom' | 'text' | 'pdf' | 'docx';
}

export interface Culprit {
  /** The field id of the probable wrong cell. */
  field: string;
  /** The value that would make every failing check involving it pass. */
  suggested: number;
  /** The checks this culprit explains. */
  explains: string[];
  /**
   * How it was found. Absent: the one cell whose change makes every failing check it is in pass (the
   * intersection of a row and a column). 'only-value': a lone failing identity where this is the only cell
   * that can take a non-negative whole value making it hold (e.g. 维持 10 + 纠正 1 = 总计 0: only 总计 = 11).
   * 'zero-total': a lone failing identity whose 总计 is 0 over parts not all 0 (维持 5 = 总计 0: the
   * total was left at the template's 0).
   */
  basis?: 'only-value' | 'zero-total';
}

export interface Check {
  /** Stable check id, e.g. "apply.row-sum:new". */
  id: string;
  /** Rule id, e.g. "apply.row-sum" (= file name in lib/rules, = docs/rules/<rule>.md). */
  rule: string;
  status: CheckStatus;
  /** What the identity says the checked cell should hold (null when it cannot be computed). */
  expected: number | null;
  /** What the table shows (null when blank/missing). */
  actual: number | null;
  /** Field ids involved, the checked (total) cell first. */
  cells: string[];
  /** Human message in Chinese, with the arithmetic spelled out. */
  message: string;
  /** Stable message id (for translation and tests; tests assert ids, not text). */
  messageId: string;
  /** Field ids of blank addends that were counted as 0. */
  assumedZero?: string[];
  /** Interval comparison for decimal amounts: [low, high] of both sides. */
  intervals?: { expected: [number, number]; actual: [number, number] };
  culprit?: Culprit;
}

export type NarrativeStatus = 'pass' | 'fail' | 'warn' | 'info';

/** A number written in the report's text, matched (or not) against the tables. Filled by lib/narrative. */
export interface NarrativeClaim {
  quote: string;
  value: number;
  unit: string;
  field: string | null;
  status: NarrativeStatus;
  expected: number | null;
  message: string;
  /** Stable id for flags and marks: "narrative:<rule>:<start>". */
  id?: string;
  /** Character offsets of the number inside the report's prose text. */
  position?: { start: number; end: number };
  /** Narrative rule id (docs/rules/narrative.*.md). */
  rule?: string;
  /** Stable message id (tests assert ids, not text). */
  messageId?: string;
  /** The field ids actually compared. */
  cells?: string[];
  /** The text says 约/近/余: a mismatch is a warning. */
  approx?: boolean;
  /** Field ids of blank addends counted as 0. */
  assumedZero?: string[];
  /** Sums written in the text: an exhaustive list or a partial one (其中). */
  listKind?: 'exhaustive' | 'partial';
  /** Sums written in the text: the listed parts. */
  items?: { value: number; position: { start: number; end: number } }[];
}

export interface ReportNotice {
  /** Stable id, e.g. "tables-missing", "old-format", "not-report", "extract.row-width". */
  id: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  field?: string;
  /** `tables-in-attachment`: the linked document (http/https only). */
  href?: string;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  tool: { name: string; version: string };
  source: {
    url: string | null;
    title: string | null;
    checkedAt: string;
    /** The attached file (PDF/DOCX) the tables were read from, when the page at `url` links its report as a file. */
    attachment?: string;
  };
  detected: boolean;
  report: { agency: string | null; year: number | null; format: ReportFormat };
  tables: Record<TableKey, TableSummary>;
  values: Record<string, ValueEntry>;
  checks: Check[];
  narrative: NarrativeClaim[];
  notices: ReportNotice[];
  summary: {
    checks: number;
    pass: number;
    fail: number;
    uncertain: number;
    fieldsFound: number;
    fieldsExpected: number;
  };
  /** Reading options the user chose; present only when one differs from the default. */
  options?: ReportOptions;
}

export interface ReportOptions {
  /** 空白按 0 计: every blank cell, a blank total included, was checked as 0 (off by default: blank is not zero). */
  blankAsZero?: boolean;
}
