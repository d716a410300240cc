// apply.result-sum:<col> — （七）总计 equals the sum of the result rows in that column (FORMAT.md §5).
import { applyField } from '../schema/apply';
import { applyColumnName } from '../schema/fields';
import { evaluate, fmt, specsPerFormat, termList } from './identity';
import { formatById } from '../schema/formats';
import { TABLES } from '../schema/tables';
import type { Rule } from './types';

const specs = specsPerFormat((format) => {
  const rows = format.apply.rows.filter((r) => r.result);
  return format.apply.columns.map((col) => ({
    id: `apply.result-sum:${col.id}`,
    rule: 'apply.result-sum',
    subject: `${TABLES.apply.short.zh}“${applyColumnName(col.id)}”列`,
    lhs: rows.map((r) => applyField(r.id, col.id)),
    rhs: [applyField('total', col.id)],
    describe: (d) =>
      d.status === 'pass'
        ? `办理结果各项之和 ${fmt(d.expected)}（${termList(d.lhs, true)}），与（七）总计一致`
        : `办理结果各项之和为 ${fmt(d.expected)}（${termList(d.lhs, true)}），（七）总计为 ${fmt(d.actual!)}`,
  }));
});

export const applyResultSum: Rule = {
  id: 'apply.result-sum',
  title: '表三每列：办理结果各项之和等于（七）总计',
  run(ctx) {
    const format = formatById(ctx.format);
    if (!ctx.found.apply || !format) return [];
    return specs(format).map((spec) => evaluate(spec, ctx.values));
  },
};
