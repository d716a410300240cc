import { describe, expect, it } from 'vitest';
import { BOM, csvCell, flagsToCsv, reportToCsv, REPORT_CSV_HEADER } from '../../lib/export/csv';
import { reportFilename, safePart } from '../../lib/export/filename';
import { checkTitle, describeCheck, describeField } from '../../lib/export/labels';
import { sampleReport } from './helpers/sample-report';
import { FlagStore } from '../../lib/flags/store';
import { memoryArea } from '../../lib/ext/tabs';

/** A minimal RFC 4180 reader, to check what Excel would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('reportToCsv', () => {
  const csv = reportToCsv(sampleReport());
  it('starts with a UTF-8 BOM and uses CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.includes('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(csv)).toBe(false);
  });
  it('holds every value and every check, with ids and Chinese labels', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(REPORT_CSV_HEADER);
    const r = sampleReport();
    const values = rows.filter((x) => x[0] === '数值');
    const checks = rows.filter((x) => x[0] === '检查');
    expect(values).toHaveLength(Object.keys(r.values).length);
    expect(checks.map((x) => x[1])).toEqual(r.checks.map((c) => c.id));
    const granted = values.find((x) => x[1] === 'apply.granted.natural_person')!;
    expect(granted.slice(2, 6)).toEqual(['三、收到和处理政府信息公开申请情况', '（一）予以公开', '自然人', '120']);
    const fail = checks.find((x) => x[1] === 'apply.row-sum:granted')!;
    expect(fail[7]).toBe('fail（不一致）');
    expect(fail[8]).toBe('128');
    // Ids only in the id column; the explanation names the cell in the report's words.
    expect(fail[10]).toContain('可能出错的单元格：“（一）予以公开”行“自然人”列，应为 130');
    for (const row of rows) for (const [i, cell] of row.entries()) if (i !== 1) expect(cell).not.toMatch(ID_PATTERN);
    expect(rows.find((x) => x[1] === 'agency')![6]).toBe('某某县人民政府办公室');
    expect(rows.filter((x) => x[0] === '正文')).toHaveLength(2);
  });
  it('keeps commas, quotes and newlines inside one cell, and defuses formulas from page text', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('l1\nl2')).toBe('"l1\nl2"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell(null)).toBe('');
  });
  // Issue #13: "-1+1+cmd|' /C calc'!A0" went through (a "-" followed by a digit was exempt).
  it('guards every leading = + - @ TAB CR, a "-" followed by a digit included, but not a plain number', () => {
    const attack = "-1+1+cmd|' /C calc'!A0";
    expect(csvCell(attack)).toBe(`'${attack}`);
    for (const s of ['=1+1', '+1+1', '-1+1', '-2-3', '@A1', '\t=1', '\r=1', '-.5+cmd', '-'])
      expect(parseCsv(csvCell(s) + '\r\n')[0]![0]!.startsWith("'")).toBe(true);
    for (const s of ['-12', '-3.5', '12', '0']) expect(csvCell(s)).toBe(s);
    expect(csvCell(-12)).toBe('-12');
  });
  it('the report and flags CSVs defuse a formula in page text and in a note', async () => {
    const attack = "-1+1+cmd|' /C calc'!A0";
    const rep = sampleReport();
    rep.source.title = attack;
    const rows = parseCsv(reportToCsv(rep).slice(1));
    expect(rows.find((x) => x[1] === 'title')![6]).toBe(`'${attack}`);
    const store = new FlagStore(memoryArea(), () => new Date('2025-03-02T00:00:00Z'));
    await store.addFinding(rep, 'apply.row-sum:granted', attack);
    const { flags } = await store.load();
    const frows = parseCsv(flagsToCsv(flags).slice(1));
    expect(frows[1]![7]).toBe(`'${attack}`);
    expect(frows[1]![11]).toBe(`'${attack}`);
  });
});

/** What an id looks like when it leaks into text meant for people (issue #11). */
const ID_PATTERN = /\b(?:apply|review|active|active2019|litigation)\.[a-z_]|\bnarrative:|\bvalue\.(?:nonneg|integer)/;

describe('flagsToCsv', () => {
  it('writes one row per flag with status label, cells and the page address', async () => {
    const store = new FlagStore(memoryArea(), () => new Date('2025-03-02T00:00:00Z'));
    await store.addFinding(sampleReport(), 'apply.row-sum:granted', '已电话确认, "待回复"');
    const { flags } = await store.load();
    const rows = parseCsv(flagsToCsv(flags).slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe('某某县人民政府办公室');
    expect(rows[1]![6]).toBe('待跟进');
    expect(rows[1]![7]).toBe('已电话确认, "待回复"');
    expect(rows[1]![9]).toContain('“（一）予以公开”行“自然人”列=120');
    // Ids only in the 检查编号 column.
    for (const row of rows) for (const [i, cell] of row.entries()) if (i !== 3) expect(cell).not.toMatch(ID_PATTERN);
    expect(rows[1]![12]).toBe('https://www.example.gov.cn/zwgk/2025/art_1.html');
  });
});

describe('file names', () => {
  it('names the export after agency and year', () => {
    expect(reportFilename('中山市人民政府办公室', 2024, 'json')).toBe('gouji-中山市人民政府办公室-2024.json');
    expect(reportFilename(null, null, 'csv')).toBe('gouji-unknown-agency-unknown-year.csv');
  });
  it('removes characters Windows forbids, trailing dots, device names, and caps the length in bytes', () => {
    expect(safePart('a/b\\c:d*e?f"g<h>i|j', 'x')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safePart('name. . ', 'x')).toBe('name');
    expect(safePart('CON', 'x')).toBe('_CON');
    expect(safePart('  ', 'fallback')).toBe('fallback');
    const long = '某'.repeat(200);
    const part = safePart(long, 'x');
    expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(120);
    expect(new TextEncoder().encode(reportFilename(long, 2024, 'json')).length).toBeLessThan(255);
  });
});

describe('labels', () => {
  it('names table, row and column of field ids and check ids', () => {
    expect(describeField('apply.withheld.state_secret.legal_service')).toEqual({
      table: 'apply',
      row: '（三）不予公开 1.属于国家秘密',
      column: '法律服务机构',
    });
    expect(describeField('litigation.after_review.pending')).toMatchObject({ table: 'review', column: '尚未审结' });
    expect(describeField('active.fees.amount')).toMatchObject({ table: 'active', row: '行政事业性收费' });
    expect(describeCheck('apply.result-sum:natural_person')).toMatchObject({ table: 'apply', column: '自然人' });
    expect(checkTitle('apply.row-sum:granted')).toBe('表三 · “（一）予以公开”行 · 本行合计');
    expect(checkTitle('apply.row-sum:granted', [], 'en')).toBe('Table III · row “granted” · row total');
  });
});
