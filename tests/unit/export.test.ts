import { describe, expect, it } from 'vitest';
import { BOM, csvCell, flagsToCsv, reportToCsv, REPORT_CSV_HEADER } from '../../lib/export/csv';
import { reportFilename, safePart } from '../../lib/export/filename';
import { checkTitle, describeCheck, describeField } from '../../lib/export/labels';
import { sampleReport } from '../support/sample-report';
import { FlagStore } from '../../lib/flags/store';
import { memoryArea } from '../../lib/ext/tabs';
import { parseCsv } from '../support/csv';

describe('reportToCsv', () => {
  const csv = reportToCsv(sampleReport());
  it('starts with a UTF-8 BOM and uses CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.includes('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(csv)).toBe(false);
  });
  it("is a grid of the tables in the report's order and words, then the findings; ids in a column of their own", () => {
    const rows = parseCsv(csv.slice(1));
    const r = sampleReport();
    expect(rows[0]).toEqual(['勾稽核对报告', r.source.title ?? '']);
    expect(rows.find((x) => x[0] === '机关')![1]).toBe('某某县人民政府办公室');
    // The three tables in the report's order, each a grid under its own heading.
    const heads = rows
      .map((x, i) => [x[0], i] as const)
      .filter(([c]) => /^[二三四]、/.test(c ?? ''))
      .filter(([, i]) => rows[i]!.length === 1);
    expect(heads.map(([c]) => c)).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    const applyAt = heads[1]![1];
    const header = rows[applyAt + 1]!;
    expect(header).toEqual([
      '行',
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
      '编号',
    ]);
    const grid = rows.slice(applyAt + 2, heads[2]![1] - 1);
    // Rows in printed order: 一、本年新收 first, 四、结转下年度 last (not by id).
    expect(grid[0]![0]).toBe('一、本年新收政府信息公开申请数量');
    expect(grid.at(-1)![0]).toBe('四、结转下年度继续办理');
    expect(grid.map((x) => x.at(-1))).toEqual(expect.arrayContaining(['apply.granted', 'apply.total']));
    const granted = grid.find((x) => x.at(-1) === 'apply.granted')!;
    expect(granted.slice(0, 8)).toEqual(['（一）予以公开', '120', '8', '0', '0', '0', '0', '138']);
    // Every value read is in a grid cell.
    const gridCells = rows.slice(heads[0]![1]).filter((x) => x.length > 2).length;
    expect(gridCells).toBeGreaterThan(30);
    // Blank is not zero.
    const blankField = Object.entries(r.values).find(([, v]) => v.blank)?.[0];
    if (blankField) expect(csv).toContain('空白');
    // The findings, failing checks first, with the culprit in words; ids only in 编号.
    const at = rows.findIndex((x) => x[0] === '核对明细');
    expect(rows[at + 1]).toEqual(REPORT_CSV_HEADER);
    const checks = rows.filter((x) => x[0] === '勾稽关系');
    expect(checks.map((x) => x.at(-1)).sort()).toEqual(r.checks.map((c) => c.id).sort());
    expect(checks[0]![1]).toBe('不一致');
    const fail = checks.find((x) => x.at(-1) === 'apply.row-sum:granted')!;
    expect(fail[5]).toBe('128');
    expect(fail[7]).toBe('“（一）予以公开”行“自然人”列，应为 130');
    expect(rows.filter((x) => x[0] === '正文与表格')).toHaveLength(2);
    for (const row of rows)
      for (const [i, cell] of row.entries()) if (i !== row.length - 1) expect(cell).not.toMatch(ID_PATTERN);
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
    expect(rows[0]![1]).toBe(`'${attack}`);
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
