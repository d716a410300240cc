// A hand-built Report (lib/types.ts) for the popup, flag and export tests: a 2021-format report of a
// made-up county office whose table 三 has one wrong cell (自然人 of 予以公开: 120 where 130 makes both its
// row and its column add up), one blank total (an uncertain check), and one narrative claim that
// contradicts the table. Independent of lib/check.ts on purpose: these tests are about the popup and
// the flags, not about extraction.

import { REPORT_SCHEMA, type Check, type Report, type ValueEntry } from '../../lib/types';
import { APPLY_COLUMNS, applyFields } from '../../lib/schema/apply';
import { REVIEW_FIELDS } from '../../lib/schema/review';
import { activeFields } from '../../lib/schema/active';

export const SAMPLE_URL = 'https://www.example.gov.cn/zwgk/2025/art_1.html';
export const SAMPLE_AGENCY = '某某县人民政府办公室';

function v(value: number | null): ValueEntry {
  return value === null ? { value: null, raw: '', blank: true } : { value, raw: String(value) };
}

export function sampleReport(
  overrides: { agency?: string | null; year?: number | null; url?: string | null } = {},
): Report {
  const values: Record<string, ValueEntry> = {};
  for (const f of activeFields('2021')) values[f] = v(f.endsWith('amount') ? 12.5 : 3);
  for (const f of applyFields('2021')) values[f] = v(0);
  const set = (row: string, nums: number[]) =>
    APPLY_COLUMNS.forEach((c, i) => (values[`apply.${row}.${c.id}`] = v(nums[i] ?? 0)));
  set('new', [150, 10, 0, 0, 0, 0, 160]);
  set('carried_over', [5, 0, 0, 0, 0, 0, 5]);
  set('granted', [120, 8, 0, 0, 0, 0, 138]); // 自然人 should be 130
  set('partly_granted', [10, 2, 0, 0, 0, 0, 12]);
  set('total', [155, 10, 0, 0, 0, 0, 165]);
  set('carried_forward', [0, 0, 0, 0, 0, 0, 0]);
  for (const f of REVIEW_FIELDS) values[f] = v(0);
  values['review.upheld'] = v(2);
  values['review.total'] = v(null); // blank total → uncertain

  const checks: Check[] = [];
  const addendCells = (row: string) => [
    `apply.${row}.total`,
    ...APPLY_COLUMNS.filter((c) => c.id !== 'total').map((c) => `apply.${row}.${c.id}`),
  ];
  for (const row of ['new', 'carried_over', 'partly_granted', 'total', 'carried_forward']) {
    checks.push({
      id: `apply.row-sum:${row}`,
      rule: 'apply.row-sum',
      status: 'pass',
      expected: values[`apply.${row}.total`]!.value,
      actual: values[`apply.${row}.total`]!.value,
      cells: addendCells(row),
      message: '本行合计一致',
      messageId: 'apply.row-sum.pass',
    });
  }
  checks.push({
    id: 'apply.row-sum:granted',
    rule: 'apply.row-sum',
    status: 'fail',
    expected: 128,
    actual: 138,
    cells: addendCells('granted'),
    message: '表三“（一）予以公开”行：本行合计应为 128（120 + 8 + 0 + 0 + 0 + 0），表中为 138',
    messageId: 'apply.row-sum.fail',
    culprit: {
      field: 'apply.granted.natural_person',
      suggested: 130,
      explains: ['apply.row-sum:granted', 'apply.result-sum:natural_person'],
    },
  });
  checks.push({
    id: 'apply.result-sum:natural_person',
    rule: 'apply.result-sum',
    status: 'fail',
    expected: 130,
    actual: 155,
    cells: ['apply.total.natural_person', 'apply.granted.natural_person', 'apply.partly_granted.natural_person'],
    message: '表三“自然人”列：（七）总计应为 130（120 + 10 + 0 …），表中为 155',
    messageId: 'apply.result-sum.fail',
    culprit: {
      field: 'apply.granted.natural_person',
      suggested: 130,
      explains: ['apply.row-sum:granted', 'apply.result-sum:natural_person'],
    },
  });
  checks.push({
    id: 'apply.balance:total',
    rule: 'apply.balance',
    status: 'pass',
    expected: 165,
    actual: 165,
    cells: ['apply.total.total', 'apply.new.total', 'apply.carried_over.total', 'apply.carried_forward.total'],
    message: '160 + 5 = 165 + 0，一致',
    messageId: 'apply.balance.pass',
  });
  checks.push({
    id: 'review.sum:review',
    rule: 'review.sum',
    status: 'uncertain',
    expected: 2,
    actual: null,
    cells: ['review.total', 'review.upheld', 'review.corrected', 'review.other', 'review.pending'],
    message: '表四“行政复议”：总计为空白，无法核对（维持 + 纠正 + 其他 + 尚未审结 = 2）',
    messageId: 'review.sum.blank-total',
  });
  checks.push({
    id: 'review.sum:litigation.direct',
    rule: 'review.sum',
    status: 'pass',
    expected: 0,
    actual: 0,
    cells: ['litigation.direct.total'],
    message: '一致',
    messageId: 'review.sum.pass',
  });
  const pass = checks.filter((c) => c.status === 'pass').length;
  const fail = checks.filter((c) => c.status === 'fail').length;
  const uncertain = checks.filter((c) => c.status === 'uncertain').length;
  const fieldsExpected = Object.keys(values).length;
  const agency = overrides.agency === undefined ? SAMPLE_AGENCY : overrides.agency;
  const year = overrides.year === undefined ? 2024 : overrides.year;
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'gouji', version: '0.1.0' },
    source: {
      url: overrides.url === undefined ? SAMPLE_URL : overrides.url,
      title: `${agency ?? ''}${year ?? ''}年度政府信息公开工作年度报告`,
      checkedAt: '2025-03-01T08:00:00.000Z',
    },
    detected: true,
    report: { agency, year, format: '2021' },
    tables: {
      active: { found: true, cellsExpected: 10, cellsRead: 10, blank: [], missing: [], source: 'dom' },
      apply: { found: true, cellsExpected: 175, cellsRead: 175, blank: [], missing: [], source: 'dom' },
      review: { found: true, cellsExpected: 15, cellsRead: 15, blank: ['review.total'], missing: [], source: 'dom' },
    },
    values,
    checks,
    narrative: [
      {
        id: 'narrative:apply-new:120',
        quote: '全年共收到政府信息公开申请170件',
        value: 170,
        unit: '件',
        field: 'apply.new.total',
        status: 'fail',
        expected: 160,
        message: '正文写 170 件，表格“本年新收”总计为 160',
      },
      {
        id: 'narrative:review:300',
        quote: '行政复议2件',
        value: 2,
        unit: '件',
        field: 'review.upheld',
        status: 'pass',
        expected: 2,
        message: '一致',
      },
    ],
    notices: [],
    summary: { checks: checks.length, pass, fail, uncertain, fieldsFound: fieldsExpected, fieldsExpected },
  };
}

/** A report with every check passing. */
export function consistentReport(): Report {
  const r = sampleReport();
  r.checks = r.checks.filter((c) => c.status === 'pass');
  r.narrative = r.narrative.filter((n) => n.status === 'pass');
  r.summary = { ...r.summary, checks: r.checks.length, pass: r.checks.length, fail: 0, uncertain: 0 };
  return r;
}
