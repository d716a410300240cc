// apply.row-sum:<row> — the six applicant cells of a table-三 row add up to its 总计 cell (FORMAT.md §5).
import { APPLY_ADDEND_COLUMNS, applyField } from '../schema/apply';
import { applyRowName } from '../schema/fields';
import { evaluate, fmt, specsPerFormat, termList } from './identity';
import { formatById } from '../schema/formats';
import { TABLES } from '../schema/tables';
import type { Rule } from './types';

const specs = specsPerFormat((format) => {
  return format.apply.rows.map((row) => ({
    id: `apply.row-sum:${row.id}`,
    rule: 'apply.row-sum',
    subject: `${TABLES.apply.short.zh}“${applyRowName(row.id)}”行`,
    lhs: APPLY_ADDEND_COLUMNS.map((c) => applyField(row.id, c.id)),
    rhs: [applyField(row.id, 'total')],
    describe: (d) =>
      d.status === 'pass'
        ? `本行合计 ${fmt(d.expected)}（${termList(d.lhs)}），与总计一致`
        : `本行合计应为 ${fmt(d.expected)}（${termList(d.lhs)}），表中为 ${fmt(d.actual!)}`,
  }));
});

export const applyRowSum: Rule = {
  id: 'apply.row-sum',
  title: '表三每行：各类申请人之和等于总计',
  run(ctx) {
    const format = formatById(ctx.format);
    if (!ctx.found.apply || !format) return [];
    return specs(format).map((spec) => evaluate(spec, ctx.values));
  },
};
