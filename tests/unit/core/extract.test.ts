import { describe, expect, it } from 'vitest';
import { checkDocument, checkText } from '../../../lib/check';
import { applyFields } from '../../../lib/schema/apply';
import { REVIEW_FIELDS } from '../../../lib/schema/review';
import { activeFields } from '../../../lib/schema/active';
import { PARSERS } from '../../support/dom';
import { reportPage } from '../../support/pages';
import { seedFiles, seedText, seedValues } from '../../support/seeds';

describe('text extraction on the real seeds', () => {
  it.each(['000', '002', '003', '004'])('seed %s: 175 + 15 + 10 values, every check passes', (seed) => {
    const r = checkText(seedText(seed)).report;
    expect(r.detected).toBe(true);
    expect(r.report.format).toBe('2021');
    expect(
      Object.keys(r.values)
        .filter((k) => k.startsWith('apply.'))
        .sort(),
    ).toEqual([...applyFields('2021')].sort());
    expect(
      Object.keys(r.values)
        .filter((k) => /^(review|litigation)\./.test(k))
        .sort(),
    ).toEqual([...REVIEW_FIELDS].sort());
    expect(
      Object.keys(r.values)
        .filter((k) => k.startsWith('active.'))
        .sort(),
    ).toEqual([...activeFields('2021')].sort());
    expect(r.checks.map((c) => c.status)).toEqual(Array(42).fill('pass'));
    expect(r.summary).toMatchObject({
      checks: 42,
      pass: 42,
      fail: 0,
      uncertain: 0,
      fieldsFound: 200,
      fieldsExpected: 200,
    });
  });
  it('reads the seeds cell for cell', () => {
    const v000 = checkText(seedText('000')).report.values;
    expect(v000['apply.new.natural_person']).toEqual({ value: 167, raw: '167' });
    expect(v000['apply.handled_otherwise.misc.total']!.value).toBe(44);
    expect(v000['litigation.direct.pending']!.value).toBe(1);
    const v002 = checkText(seedText('002')).report.values;
    expect(v002['active.licensing.decisions']!.value).toBe(60435);
    expect(v002['active.fees.amount']).toMatchObject({ value: 21273.89, decimals: 2 });
    expect(v002['review.total']!.value).toBe(37);
    const v004 = checkText(seedText('004')).report.values;
    expect(v004['apply.new.total']!.value).toBe(217);
    expect(v004['apply.carried_forward.nonprofit']!.value).toBe(1);
    expect(v004['active.normative.in_force']!.value).toBe(9);
  });
  it('reads agency and year from the title, in traditional with pinyin too', () => {
    const got = seedFiles().map((f) => checkText(seedText(f.slice(0, 3))).report.report);
    expect(got.map((r) => [r.agency, r.year])).toEqual([
      ['中山市人民政府办公室', 2024],
      ['汕尾市城区人民政府', 2024],
      ['双鸭山市', 2024],
      ['君堂镇人民政府', 2024],
      ['广东省政务服务和数据管理局', 2024],
    ]);
  });
  it('seed 001: a report whose tables are missing says so and checks nothing', () => {
    const r = checkText(seedText('001')).report;
    expect(r.detected).toBe(true);
    expect(r.tables.apply.found || r.tables.review.found || r.tables.active.found).toBe(false);
    expect(r.checks).toEqual([]);
    expect(r.notices.map((n) => n.id)).toContain('tables-missing');
  });
});

describe.each(PARSERS)('DOM extraction (%s)', (_name, parse) => {
  for (const seed of ['000', '002', '004']) {
    it(`seed ${seed} rebuilt in the national template reads the same values`, () => {
      const values = seedValues(seed);
      const a = checkDocument(parse(reportPage(values)), { url: 'http://www.example.gov.cn/a.html' });
      const got = Object.fromEntries(Object.entries(a.report.values).map(([k, v]) => [k, v.raw]));
      expect(got).toEqual(values);
      expect(a.report.summary).toMatchObject({ checks: 42, pass: 42, fieldsFound: 200 });
      expect(a.elements.size).toBe(200);
      expect(a.elements.get('apply.new.total')!.textContent).toBe(values['apply.new.total']);
      expect(a.tableElements.apply).toHaveLength(1);
      expect(a.report.source.url).toBe('http://www.example.gov.cn/a.html');
    });
  }
  it('ignores the metadata table and layout tables around the report', () => {
    const values = seedValues('000');
    const page = reportPage(values).replace(
      '<h1>',
      '<table class="layout"><tr><td><table><tr><td>导航</td><td>1</td></tr></table></td><td>',
    );
    const a = checkDocument(parse(page));
    expect(a.report.summary.fieldsFound).toBe(200);
  });
  it('reads a table split into two <table>s', () => {
    const values = seedValues('000');
    const page = reportPage(values).replace(
      /(<tr><td[^>]*>（三）不予公开)/,
      '</tbody></table><p>（续表）</p><table><tbody><tr><td rowspan="19">三、本年度办理结果</td></tr>$1',
    );
    const a = checkDocument(parse(page));
    expect(a.report.tables.apply).toMatchObject({ found: true, cellsRead: 175 });
    expect(a.tableElements.apply).toHaveLength(2);
    expect(a.report.summary.fail).toBe(0);
  });
});
