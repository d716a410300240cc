// apply.row-sum:<row> — the six applicant cells of a table-三 row add up to its 总计 cell (FORMAT.md §5).
import { APPLY_ADDEND_COLUMNS, applyField } from '../schema/apply';
import { applyRowName } from '../schema/fields';
import { evaluate, specsPerFormat, termList } from './identity';
import { formatNumber as fmt } from '../i18n/number';
import { TABLES } from '../schema/tables';
import { defineRule } from './define';
import { allApplyRows, formatById } from '../schema/formats';
import { t } from '../i18n/page';

const subject = (row: string) => `${TABLES.apply.short.zh}“${applyRowName(row)}”行`;

const specs = specsPerFormat((format) => {
  return format.apply.rows.map((row) => ({
    id: `apply.row-sum:${row.id}`,
    rule: 'apply.row-sum',
    subject: subject(row.id),
    lhs: APPLY_ADDEND_COLUMNS.map((c) => applyField(row.id, c.id)),
    rhs: [applyField(row.id, 'total')],
    describe: (d) =>
      d.status === 'pass'
        ? `本行合计 ${fmt(d.expected)}（${termList(d.lhs)}），与总计一致`
        : `本行合计应为 ${fmt(d.expected)}（${termList(d.lhs)}），表中为 ${fmt(d.actual!)}`,
  }));
});

export const applyRowSum = defineRule('apply.row-sum', {
  title: '表三每行：各类申请人之和等于总计',
  tables: ['apply'],
  formats: 'tables',
  scope: 'page',
  subject,
  place: (arg, lang) => {
    const row = allApplyRows().find((r) => r.id === arg);
    const en = lang === 'en';
    return {
      table: 'apply',
      row: row ? (en ? row.en : row.label) : arg,
      column: '',
      what: t(lang, 'place.row-sum'),
    };
  },
  source: 'lib/rules/apply.row-sum.ts',
  checks: (ctx) => specs(formatById(ctx.format)!).map((spec) => evaluate(spec, ctx.values, ctx.blankAsZero)),
});
