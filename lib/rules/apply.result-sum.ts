// apply.result-sum:<col> — （七）总计 equals the sum of the result rows in that column (FORMAT.md §5).
import { applyField } from '../schema/apply';
import { applyColumnName } from '../schema/fields';
import { evaluate, specsPerFormat, termList } from './identity';
import { formatNumber as fmt } from '../i18n/number';
import { formatById } from '../schema/formats';
import { TABLES } from '../schema/tables';
import { defineRule } from './define';
import { t } from '../i18n/page';

const subject = (col: string) => `${TABLES.apply.short.zh}“${applyColumnName(col)}”列`;

const specs = specsPerFormat((format) => {
  const rows = format.apply.rows.filter((r) => r.result);
  return format.apply.columns.map((col) => ({
    id: `apply.result-sum:${col.id}`,
    rule: 'apply.result-sum',
    subject: subject(col.id),
    lhs: rows.map((r) => applyField(r.id, col.id)),
    rhs: [applyField('total', col.id)],
    describe: (d) =>
      d.status === 'pass'
        ? `办理结果各项之和 ${fmt(d.expected)}（${termList(d.lhs, true)}），与（七）总计一致`
        : `办理结果各项之和为 ${fmt(d.expected)}（${termList(d.lhs, true)}），（七）总计为 ${fmt(d.actual!)}`,
  }));
});

export const applyResultSum = defineRule('apply.result-sum', {
  title: '表三每列：办理结果各项之和等于（七）总计',
  tables: ['apply'],
  formats: 'tables',
  scope: 'page',
  subject,
  place: (arg, lang) => {
    return {
      table: 'apply',
      row: t(lang, 'place.total-row'),
      column: applyColumnName(arg, lang),
      what: t(lang, 'place.result-sum'),
    };
  },
  source: 'lib/rules/apply.result-sum.ts',
  checks: (ctx) => specs(formatById(ctx.format)!).map((spec) => evaluate(spec, ctx.values, ctx.blankAsZero)),
});
