// The format registry (lib/schema): one decoder for field ids, one copy of the tables' names, and the
// claim that a new format is one data object plus its row list — proved with a "2026" format that exists
// only in this file: registered, it is recognized on a page by its extra table-三 row, its rows are read
// and checked by the same rules, its cells are named in words; unregistered, nothing changes.
import { afterEach, describe, expect, it } from 'vitest';
import { checkDocument } from '../../../lib/check';
import { APPLY_COLUMNS, type ApplyRow } from '../../../lib/schema/apply';
import {
  activeFieldsOf,
  applyFieldsOf,
  DEFAULT_FORMAT,
  FORMAT_2021,
  FORMATS,
  formatById,
  formatName,
  registerFormat,
  type FormatDef,
} from '../../../lib/schema/formats';
import { fieldId, fieldName, parseField, tableOfCheck, tableOfField } from '../../../lib/schema/fields';
import { TABLE_KEYS, TABLES, tableName } from '../../../lib/schema/tables';
import { happyDoc } from '../../support/dom';
import { reportPage, type Values } from '../../support/pages';

describe('the registry', () => {
  it('lists the built-in formats, the default first, each with its 文号', () => {
    expect(FORMATS.map((f) => f.id)).toEqual(['2021', '2019']);
    expect(DEFAULT_FORMAT.id).toBe('2021');
    expect(formatById('2019')?.docNo).toBe('国办公开办函〔2019〕60号');
    expect(formatById('old')).toBeNull();
    expect(formatName('2021', 'zh', { docNo: true })).toBe('2021 年格式（国办公开办函〔2021〕30号）');
    expect(formatName('2019', 'en')).toBe('2019 format');
    expect(formatName('old')).toBe('旧格式');
    expect(formatName('unknown', 'en')).toBe('not recognized');
  });

  it('names each table once, in the national format’s words', () => {
    expect(TABLE_KEYS).toEqual(['active', 'apply', 'review']);
    expect(TABLES.review.full.zh).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect(tableName('apply')).toBe('表三');
    expect(tableName('active', 'zh', 'topic')).toBe('表二（主动公开）');
    expect(tableName('review', 'en', 'full')).toBe('IV. Administrative review and litigation');
  });

  it('decodes every field id of every format back to its table, row and column', () => {
    for (const f of FORMATS) {
      for (const id of [...activeFieldsOf(f), ...applyFieldsOf(f), ...f.review.fields]) {
        const p = parseField(id);
        expect(p, id).not.toBeNull();
        expect(p!.known, id).toBe(true);
        expect(fieldId(p!.table, p!.row, p!.col, formatById(p!.format)!), id).toBe(id);
        expect(tableOfField(id)).toBe(p!.table);
        expect(fieldName(id), id).toMatch(new RegExp(`^${TABLES[p!.table].short.zh} \\S.* · \\S`));
      }
    }
    expect(parseField('active2019.fees.change')).toMatchObject({
      table: 'active',
      format: '2019',
      row: 'fees',
      col: 'change',
    });
    expect(parseField('apply.withheld.state_secret.legal_service')).toMatchObject({
      table: 'apply',
      format: '2021',
      row: 'withheld.state_secret',
      col: 'legal_service',
    });
    expect(parseField('litigation.after_review.pending')).toMatchObject({
      table: 'review',
      row: 'litigation.after_review',
      col: 'pending',
    });
    expect(parseField('narrative.apply.new')).toBeNull();
    expect(fieldName('apply.withheld.internal_affairs.legal_service')).toBe(
      '表三 不予公开5.属于三类内部事务信息 · 法律服务机构',
    );
    expect(fieldName('review.total', 'en')).toBe('Table IV administrative review · total');
  });

  // parseField reads a table-三 id through two indexes (column by its id after the last dot, row → first
  // format); the plain search it replaced is the reference, on every id and on ids that are not quite ones.
  it('decodes table-三 ids as a search of every column and every format would', () => {
    const reference = (id: string) => {
      const rest = id.slice('apply.'.length);
      const col = APPLY_COLUMNS.find((c) => rest.endsWith('.' + c.id));
      const row = col ? rest.slice(0, -(col.id.length + 1)) : rest;
      const fmt = FORMATS.find((f) => f.apply.rows.some((r) => r.id === row));
      return { table: 'apply', format: (fmt ?? DEFAULT_FORMAT).id, row, col: col?.id ?? '', known: !!fmt && !!col };
    };
    expect(APPLY_COLUMNS.filter((c) => c.id.includes('.'))).toEqual([]);
    const ids = [
      ...FORMATS.flatMap((f) => applyFieldsOf(f)),
      ...FORMATS.flatMap((f) => f.apply.rows.map((r) => `apply.${r.id}`)),
      'apply.new.unknown_col',
      'apply.nonexistent.total',
      'apply.withheld.state_secret',
      'apply.',
      'apply.total',
      'apply..total',
      'apply.new.total.total',
      'apply.not_processed.repeated.natural_person',
    ];
    expect(ids.length).toBeGreaterThan(200);
    for (const id of ids) expect(parseField(id), id).toEqual(reference(id));
  });

  it('knows the table of a check from its rule, else from its first cell', () => {
    expect(tableOfCheck({ id: 'apply.row-sum:new', rule: 'apply.row-sum', cells: [] })).toBe('apply');
    expect(tableOfCheck({ id: 'review.sum:review', rule: 'review.sum' })).toBe('review');
    expect(
      tableOfCheck({
        id: 'value.count:active2019.fees.change',
        rule: 'value.count',
        cells: ['active2019.fees.change'],
      }),
    ).toBe('active');
    expect(tableOfCheck({ id: 'value.count:x', rule: 'value.count', cells: [] })).toBeNull();
  });
});

// ---- a format defined only here: the 2021 format plus a row "4.申请人撤回申请" under （六）其他处理 ----

const WITHDRAWN: ApplyRow = {
  id: 'handled_otherwise.withdrawn',
  label: '4.申请人撤回申请',
  en: 'otherwise: request withdrawn',
  match: [/撤回申请/],
  group: 'handled_otherwise',
  result: true,
  formats: ['2026'],
};

const rows2021 = FORMAT_2021.apply.rows;
const at = rows2021.findIndex((r) => r.id === 'total');
const FORMAT_2026: FormatDef = {
  ...FORMAT_2021,
  id: '2026',
  docNo: '国办公开办函〔2026〕1号（测试）',
  name: { zh: '2026 年格式', en: '2026 format' },
  apply: { ...FORMAT_2021.apply, rows: [...rows2021.slice(0, at), WITHDRAWN, ...rows2021.slice(at)] },
};

/** A consistent table 三 of `format`: one natural-person request in every result row. */
function consistent(format: FormatDef): Values {
  const v: Values = {};
  const results = format.apply.rows.filter((r) => r.result);
  const set = (row: string, n: number) => {
    for (const c of format.apply.columns)
      v[`apply.${row}.${c.id}`] = c.id === 'natural_person' || c.id === 'total' ? n : 0;
  };
  for (const r of results) set(r.id, 1);
  set('new', results.length);
  set('carried_over', 0);
  set('total', results.length);
  set('carried_forward', 0);
  return v;
}

describe('a new format is one data object and its row list', () => {
  let unregister: (() => void) | null = null;
  afterEach(() => {
    unregister?.();
    unregister = null;
  });

  it('is recognized, read and checked once registered', () => {
    unregister = registerFormat(FORMAT_2026);
    const report = checkDocument(happyDoc(reportPage(consistent(FORMAT_2026), { format: FORMAT_2026 }))).report;
    expect(report.report.format).toBe('2026');
    expect(report.tables.apply.cellsExpected).toBe(26 * 7);
    expect(report.tables.apply.cellsRead).toBe(26 * 7);
    expect(report.values['apply.handled_otherwise.withdrawn.total']?.value).toBe(1);
    const ids = report.checks.map((c) => c.id);
    expect(ids).toContain('apply.row-sum:handled_otherwise.withdrawn');
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.checks.find((c) => c.id === 'apply.result-sum:total')?.cells).toContain(
      'apply.handled_otherwise.withdrawn.total',
    );
    expect(fieldName('apply.handled_otherwise.withdrawn.natural_person')).toBe(
      '表三 其他处理4.申请人撤回申请 · 自然人',
    );
    expect(parseField('apply.handled_otherwise.withdrawn.total')).toMatchObject({ format: '2026', known: true });
    expect(formatName('2026', 'zh', { docNo: true })).toBe('2026 年格式（国办公开办函〔2026〕1号（测试））');
  });

  it('finds an error in the new row with the existing rules', () => {
    unregister = registerFormat(FORMAT_2026);
    const v = consistent(FORMAT_2026);
    v['apply.handled_otherwise.withdrawn.total'] = 2;
    const report = checkDocument(happyDoc(reportPage(v, { format: FORMAT_2026 }))).report;
    expect(report.report.format).toBe('2026');
    const failing = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    expect(failing).toEqual(['apply.row-sum:handled_otherwise.withdrawn', 'apply.result-sum:total']);
  });

  it('leaves a 2021 table a 2021 table while registered, and is gone once unregistered', () => {
    unregister = registerFormat(FORMAT_2026);
    const page = reportPage(consistent(FORMAT_2021));
    const with2026 = checkDocument(happyDoc(page), { now: new Date(0) }).report;
    expect(with2026.report.format).toBe('2021');
    unregister();
    unregister = null;
    const without = checkDocument(happyDoc(page), { now: new Date(0) }).report;
    expect(with2026).toEqual(without);
    expect(formatById('2026')).toBeNull();
    expect(parseField('apply.handled_otherwise.withdrawn.total')?.known).toBe(false);
  });

  it('refuses a second format with the same id', () => {
    expect(() => registerFormat({ ...FORMAT_2026, id: '2021' })).toThrow(/already registered/);
  });
});
