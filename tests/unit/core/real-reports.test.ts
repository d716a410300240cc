// The three real reports in ../shared/real-reports: the text a PDF library extracted from each official PDF,
// read by checkText value by value against the hand-checked sidecar (every field id, every check status).
// hongze-2023 carries two real table-四 errors (总计 left at 0); they must fail, with their culprits, and
// nothing else. Skips (with a message) when ../shared is not beside the repository.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { checkText } from '../../../lib/check';
import { groupErrors } from '../../../lib/errors';

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
    // Each table-四 cell is in one identity only, so no intersection names a cell. 10 + 1 + 0 + 0 = 0: only
    // the 总计 can take a non-negative value that makes the row hold. 5 + 0 + 0 + 0 = 0: the 维持 could also
    // be 0, but a 总计 of 0 over filled parts is the template's 0 left in place (the sidecar: "probably the
    // 总计 cells were left at 0").
    const byId = Object.fromEntries(fails.map((c) => [c.id, c.culprit]));
    expect(byId).toEqual({
      'review.sum:review': {
        field: 'review.total',
        suggested: 11,
        explains: ['review.sum:review'],
        basis: 'only-value',
      },
      'review.sum:litigation.after_review': {
        field: 'litigation.after_review.total',
        suggested: 5,
        explains: ['review.sum:litigation.after_review'],
        basis: 'zero-total',
      },
    });
    expect(fails.find((c) => c.id === 'review.sum:review')!.message).toMatch(/11.*可能是“.*总计.*”有误/);
    // One error per culprit cell: the badge and every count say 2.
    expect(groupErrors(report).map((e) => [e.kind, e.field, e.suggested])).toEqual([
      ['cell', 'review.total', 11],
      ['cell', 'litigation.after_review.total', 5],
    ]);
  });

  it('hongze-2023 in the CLI: the culprits in the text and in the JSON', () => {
    const file = join(DIR, 'hongze-2023.pdftext.txt');
    const run = (fmt: string) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/gouji.mjs'), 'check', file, '--format', fmt, '--quiet'], {
        encoding: 'utf8',
      });
    const text = run('text');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('可能有误：“行政复议”行“总计”列（表中为 0，应为 11；');
    expect(text.stdout).toContain('可能有误：“行政诉讼（复议后起诉）”行“总计”列（表中为 0，应为 5；');
    const json = JSON.parse(run('json').stdout) as { checks: { id: string; culprit?: { field: string } }[] };
    expect(json.checks.filter((c) => c.culprit).map((c) => [c.id, c.culprit!.field])).toEqual([
      ['review.sum:review', 'review.total'],
      ['review.sum:litigation.after_review', 'litigation.after_review.total'],
    ]);
  });
});
