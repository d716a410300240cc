// The previous year of a report's body, from history, and the cross-year check against it (what the
// popup shows as 上一年度报告).
import type { Check, Report } from '../types';
import { sameBody } from '../batch/body';
import { yearOverYear } from '../year-over-year';
import type { History } from './store';

export interface PreviousYear {
  year: number;
  url: string | null;
  status: 'pass' | 'fail' | 'uncertain';
  checks: Check[];
}

export function compareWithPrevious(report: Report, candidates: readonly Report[]): PreviousYear | null {
  const year = report.report.year;
  if (!report.detected || year === null) return null;
  const prev = candidates.find(
    (p) =>
      p.detected &&
      p.report.year === year - 1 &&
      sameBody(
        { agency: report.report.agency, url: report.source.url },
        { agency: p.report.agency, url: p.source.url },
      ),
  );
  if (!prev) return null;
  const checks = yearOverYear(report, prev);
  const status = checks.some((c) => c.status === 'fail')
    ? 'fail'
    : checks.length && checks.every((c) => c.status === 'pass')
      ? 'pass'
      : 'uncertain';
  return { year: year - 1, url: prev.source.url, status, checks };
}

export async function previousYearFromHistory(history: History, report: Report): Promise<PreviousYear | null> {
  return compareWithPrevious(report, await history.reportsOfBody(report.report.agency, report.source.url));
}
