// apply.year-over-year:<col> — this year's 上年结转 equals last year's 结转下年度 of the same body, column by
// column (FORMAT.md §5). Needs two reports, so it runs where both are at hand (the CLI over a folder):
// registered with scope 'two-reports'.

import { APPLY_COLUMNS, applyField } from '../schema/apply';
import { applyColumnName } from '../schema/fields';
import { TABLES } from '../schema/tables';
import { formatNumber as fmt } from '../i18n/number';
import { defineRule } from './define';
import type { Check, Report } from '../types';

const subjectOf = (col: string) => `${TABLES.apply.short.zh}“${applyColumnName(col)}”列`;

export const applyYearOverYear = defineRule('apply.year-over-year', {
  title: '表三每列：本年“上年结转”等于上一年度报告的“结转下年度”',
  tables: ['apply'],
  formats: 'tables',
  scope: 'two-reports',
  subject: subjectOf,
  source: 'lib/rules/apply.year-over-year.ts',
});

export function yearOverYear(current: Report, previous: Report): Check[] {
  if (!current.tables.apply.found || !previous.tables.apply.found) return [];
  return APPLY_COLUMNS.map((col) => {
    const now = current.values[applyField('carried_over', col.id)];
    const before = previous.values[applyField('carried_forward', col.id)];
    const id = `apply.year-over-year:${col.id}`;
    const subject = subjectOf(col.id);
    const base = { id, rule: 'apply.year-over-year', cells: [applyField('carried_over', col.id)] };
    if (!now || !before || now.value === null || before.value === null) {
      return {
        ...base,
        status: 'uncertain' as const,
        expected: before?.value ?? null,
        actual: now?.value ?? null,
        messageId: 'apply.year-over-year.uncertain',
        message: `${subject}：本年“上年结转”或 ${previous.report.year} 年度“结转下年度”为空白或未读取，无法核对`,
      };
    }
    const pass = now.value === before.value;
    return {
      ...base,
      status: pass ? ('pass' as const) : ('fail' as const),
      expected: before.value,
      actual: now.value,
      messageId: pass ? 'apply.year-over-year.pass' : 'apply.year-over-year.fail',
      message: pass
        ? `${subject}：上年结转 ${fmt(now.value)} 与 ${previous.report.year} 年度报告的结转下年度一致`
        : `${subject}：上年结转应为 ${fmt(before.value)}（${previous.report.year} 年度报告的结转下年度），表中为 ${fmt(now.value)}`,
    };
  });
}
