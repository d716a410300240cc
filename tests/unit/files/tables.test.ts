// The tables as read, rebuilt from a report's values: named rows and columns, marks, and a tab-separated
// copy that pastes into a spreadsheet as a grid.
import { describe, expect, it } from 'vitest';
import { cleanTables, tableTsv } from '../../../lib/files/tables';
import { checkHtml } from '../../support/read-files';
import { fixtureHtml } from '../../fixtures/gen/files';

describe('cleanTables', () => {
  const r = checkHtml(fixtureHtml('error-two')).report;
  const tables = cleanTables(r);
  it("three tables in the report's words, every value once", () => {
    expect(tables.map((t) => t.key)).toEqual(['active', 'apply', 'review']);
    const fields = tables.flatMap((t) => t.rows.flatMap((row) => row.cells.filter((c) => c).map((c) => c!.field)));
    expect(fields.sort()).toEqual(Object.keys(r.values).sort());
    const apply = tables[1]!;
    expect(apply.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(apply.rows[0]!.label).toMatch(/本年新收/);
  });
  it('failing cells carry their check ids and the culprit its suggestion', () => {
    const cells = tables.flatMap((t) => t.rows.flatMap((row) => row.cells.filter((c) => c)));
    for (const c of r.checks.filter((x) => x.status === 'fail')) {
      for (const f of c.cells) expect(cells.find((x) => x!.field === f)!.fail).toContain(c.id);
      if (c.culprit) expect(cells.find((x) => x!.field === c.culprit!.field)!.culprit).toBe(c.culprit.suggested);
    }
  });
  it('tab-separated: a header line, one line per row, no stray tabs or newlines', () => {
    const tsv = tableTsv(tables[1]!).trimEnd().split('\n');
    expect(tsv).toHaveLength(tables[1]!.rows.length + 1);
    for (const line of tsv) expect(line.split('\t')).toHaveLength(8);
    expect(
      tsv[1]!
        .split('\t')
        .slice(1)
        .every((v) => /^\d*$/.test(v)),
    ).toBe(true);
  });
});
