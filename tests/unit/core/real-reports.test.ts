// The three real reports in ../shared/real-reports: the text a PDF library extracted from each official PDF,
// read by checkText value by value against the hand-checked sidecar (every field id, every check status).
// hongze-2023 carries two real table-四 errors (总计 left at 0); they must fail, with their culprits, and
// nothing else. Skips (with a message) when ../shared is not beside the repository.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../../lib/check';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const DIR = join(ROOT, '../shared/real-reports');
const NAMES = ['hongze-2023', 'hongze-2024', 'huaian-2024'] as const;

interface Sidecar {
  unit: string;
  year: number;
  format: '2021' | '2019';
  values: Record<string, number | null>;
  checks: Record<string, 'pass' | 'fail' | 'uncertain'>;
  checks_failing: string[];
  narrative_contradictions: unknown[];
}

const present = existsSync(DIR);
if (!present)
  console.warn(`[real-reports] skipped: ${DIR} is absent (the shared test data sits beside the repository)`);

describe.runIf(present)('real reports (PDF text) against their hand-checked values', () => {
  const load = (name: string) => {
    const side = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Sidecar;
    const report = checkText(readFileSync(join(DIR, `${name}.pdftext.txt`), 'utf8')).report;
    return { side, report };
  };

  for (const name of NAMES) {
    it(`${name}: every value, no extra value, every check status, no false text failure`, () => {
      const { side, report } = load(name);
      expect(report.detected).toBe(true);
      expect(report.report).toMatchObject({ year: side.year, format: side.format });
      expect(side.unit).toContain(report.report.agency);
      for (const t of ['active', 'apply', 'review'] as const) expect(report.tables[t].missing, t).toEqual([]);
      const got = Object.fromEntries(Object.entries(report.values).map(([k, v]) => [k, v.value]));
      expect(got).toEqual(side.values);
      const statuses = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
      expect(statuses).toEqual(side.checks);
      expect(
        report.checks
          .filter((c) => c.status === 'fail')
          .map((c) => c.id)
          .sort(),
      ).toEqual([...side.checks_failing].sort());
      expect(report.narrative.filter((n) => n.status === 'fail')).toEqual([]);
      expect(report.notices.filter((n) => n.level !== 'info')).toEqual([]);
    });
  }

  it('hongze-2023: the two table-四 totals left at 0 fail at their 总计 cells, with the arithmetic', () => {
    const { report } = load('hongze-2023');
    const fails = report.checks.filter((c) => c.status === 'fail');
    expect(fails.map((c) => [c.id, c.expected, c.actual, c.cells[0]]).sort()).toEqual([
      ['review.sum:litigation.after_review', 5, 0, 'litigation.after_review.total'],
      ['review.sum:review', 11, 0, 'review.total'],
    ]);
    // Each table-四 cell is in one identity only: the core names no single culprit (as on error-review).
    expect(fails.map((c) => c.culprit)).toEqual([undefined, undefined]);
    expect(fails.find((c) => c.id === 'review.sum:review')!.message).toMatch(/11/);
  });
});
