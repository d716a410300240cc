// Issue #11 / #12: one CSV for a report. The extension (popup, report view) writes reportToCsv of the
// report it read from the page's DOM; the CLI writes `--format csv` of the saved file. For the same page
// they must be the same bytes (the check time aside), and the sheet must read as a grid.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../lib';
import { reportToCsv } from '../../lib/export/csv';
import { FIXTURE_DIR, loadFixture } from '../support/fixtures';
import { happyDoc } from '../support/dom';
import { parseCsv } from '../support/csv';

const BIN = fileURLToPath(new URL('../../bin/gouji.mjs', import.meta.url));
const untimed = (csv: string) => csv.replace(/检查时间,[^\r]*/, '检查时间,');

describe('one CSV for a report, the same in the extension and the CLI', () => {
  for (const name of ['error-two', 'format2019', 'blanks']) {
    it(`${name}: the CLI's CSV is the extension's CSV, byte for byte`, () => {
      const fx = loadFixture(name);
      const ext = reportToCsv(checkDocument(happyDoc(fx.html, fx.meta.url), { url: fx.meta.url }).report);
      const cli = spawnSync(
        process.execPath,
        [BIN, 'check', join(FIXTURE_DIR, `${name}.html`), '--url', fx.meta.url, '--format', 'csv'],
        { encoding: 'utf8' },
      ).stdout;
      expect(untimed(cli)).toBe(untimed(ext));
    });
  }

  it('reads as a grid: 表三 row by its printed label, column by its header', () => {
    const fx = loadFixture('error-two');
    const rep = checkDocument(happyDoc(fx.html, fx.meta.url), { url: fx.meta.url }).report;
    const rows = parseCsv(reportToCsv(rep).slice(1));
    const at = rows.findIndex((r) => r.length === 1 && r[0] === '三、收到和处理政府信息公开申请情况');
    const header = rows[at + 1]!;
    const grid = new Map(
      rows
        .slice(at + 2)
        .filter((r) => r.length === header.length)
        .map((r) => [r[0], r]),
    );
    const cell = (row: string, col: string) => grid.get(row)![header.indexOf(col)];
    for (const [field, v] of Object.entries(rep.values)) {
      if (!field.startsWith('apply.')) continue;
      const row = [...grid.values()].find(
        (r) => field.startsWith(`${r.at(-1)}.`) && field.split('.').length === r.at(-1)!.split('.').length + 1,
      );
      expect(row, field).toBeDefined();
      const col = field.slice(row!.at(-1)!.length + 1);
      const idx = [
        'natural_person',
        'commercial',
        'research',
        'nonprofit',
        'legal_service',
        'other_org',
        'total',
      ].indexOf(col);
      expect(row![idx + 1], field).toBe(v.blank ? '空白' : String(v.value));
    }
    expect(cell('（二）部分公开', '总计')).toBe('68');
    expect(cell('（七）总计', '自然人')).toBe('266');
  });
});
