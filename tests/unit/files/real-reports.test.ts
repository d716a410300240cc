// The three real PDFs in ../shared/real-reports/ read through pdf.js positions, value by value as their
// hand-checked sidecars say; hongze-2023's two real table-四 errors and no other failure.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBytes } from '../../support/read-files';

const DIR = resolve(import.meta.dirname, '../../../../shared/real-reports');
const REPORTS = ['hongze-2023', 'hongze-2024', 'huaian-2024'] as const;
const present = existsSync(join(DIR, 'hongze-2023.pdf'));
if (!present)
  console.warn(`skipping the real-report PDF suite: ${DIR} is absent (it lives next to the repository, never in it)`);

interface Sidecar {
  year: number;
  format: string;
  values: Record<string, number | null>;
  checks: Record<string, string>;
  checks_failing: string[];
  checks_uncertain: string[];
  narrative_contradictions: unknown[];
}

describe.skipIf(!present).each(REPORTS)('real report %s.pdf', (name) => {
  it('reads every value as the sidecar says, and the checks as it says', { timeout: 180_000 }, async () => {
    const side = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Sidecar;
    const r = (await checkBytes(new Uint8Array(readFileSync(join(DIR, `${name}.pdf`))), `${name}.pdf`)).report;
    expect(r.detected).toBe(true);
    expect(r.report.year).toBe(side.year);
    expect(r.report.format).toBe(side.format);
    const got = Object.fromEntries(
      Object.keys(side.values).map((f) => [
        f,
        r.values[f] ? (r.values[f].blank ? null : r.values[f].value) : 'not read',
      ]),
    );
    expect(got).toEqual(side.values);
    expect(Object.keys(r.values).filter((f) => !(f in side.values))).toEqual([]);
    const statuses = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
    expect(statuses).toEqual(side.checks);
    expect(
      r.checks
        .filter((c) => c.status === 'fail')
        .map((c) => c.id)
        .sort(),
    ).toEqual([...side.checks_failing].sort());
    for (const t of ['active', 'apply', 'review'] as const)
      if (r.tables[t].found) expect(r.tables[t].source).toBe('pdf');
  });
});

// The numbers in the text: none beyond the sidecar's. hongze-2024 says "区政府办代表区政府受理政府信息公开申请
// 17 件" (the office's own share) against the district's 95 in table 三: info (narrative.part-scope), not a
// contradiction (tests/unit/narrative.rules.test.ts has the same sentence shape).
describe.skipIf(!present).each(REPORTS)('real report %s.pdf, numbers in the text', (name) => {
  it("no contradiction beyond the sidecar's", { timeout: 180_000 }, async () => {
    const side = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Sidecar;
    const r = (await checkBytes(new Uint8Array(readFileSync(join(DIR, `${name}.pdf`))), `${name}.pdf`)).report;
    expect(r.narrative.filter((n) => n.status === 'fail')).toHaveLength(side.narrative_contradictions.length);
    if (name === 'hongze-2024')
      expect(r.narrative.find((n) => n.value === 17 && n.unit === '件')).toMatchObject({
        status: 'info',
        messageId: 'narrative.part-scope',
      });
  });
});
