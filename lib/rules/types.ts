import type { Check, ReportFormat, TableKey, ValueEntry } from '../types';

export interface RuleContext {
  /** Field id → value, only for cells that were read. */
  values: ReadonlyMap<string, ValueEntry>;
  format: ReportFormat;
  found: Readonly<Record<TableKey, boolean>>;
  /** 空白按 0 计 (CheckOptions.blankAsZero): a blank total, or all-blank cells, count as 0 too. */
  blankAsZero?: boolean;
}

/** A check plus what the culprit search needs: the identity sum(lhs) = sum(rhs). */
export interface Evaluated {
  check: Check;
  lhs: string[];
  rhs: string[];
  /** sum(lhs) − sum(rhs) with blanks as 0 (integer identities only; null otherwise). */
  residual: number | null;
}

export interface Rule {
  /** Rule id = file name = docs/rules/<id>.md. */
  id: string;
  /** One line, Chinese, for docs and the UI. */
  title: string;
  run(ctx: RuleContext): Evaluated[];
}
