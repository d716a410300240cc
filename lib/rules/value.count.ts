// value.nonneg:<field> and value.integer:<field> — every count is a non-negative integer (FORMAT.md §5; the
// 2019 本年增/减 may be negative; amounts in 万元/元 may have decimals). Emitted only for offending cells, so
// a clean report's check count is the 42 identities.
import { fieldName, isAmount, isSigned } from '../schema/fields';
import { formatNumber as fmt } from '../i18n/number';
import { defineRule } from './define';
import type { Evaluated } from './types';

export const valueCount = defineRule('value.count', {
  title: '数量单元格应为非负整数',
  tables: ['active', 'apply', 'review'],
  formats: 'any',
  scope: 'page',
  subject: (field) => fieldName(field),
  ids: ['value.nonneg', 'value.integer'],
  source: 'lib/rules/value.count.ts',
  checks(ctx) {
    const out: Evaluated[] = [];
    for (const [field, e] of ctx.values) {
      if (e.value === null || isAmount(field)) continue;
      if (e.value < 0 && !isSigned(field)) {
        out.push({
          check: {
            id: `value.nonneg:${field}`,
            rule: 'value.count',
            status: 'fail',
            expected: null,
            actual: e.value,
            cells: [field],
            messageId: 'value.nonneg.fail',
            message: `${fieldName(field)}：件数不能为负数，表中为 ${fmt(e.value)}`,
          },
          lhs: [],
          rhs: [field],
          residual: null,
        });
      }
      if (!Number.isInteger(e.value)) {
        out.push({
          check: {
            id: `value.integer:${field}`,
            rule: 'value.count',
            status: 'fail',
            expected: null,
            actual: e.value,
            cells: [field],
            messageId: 'value.integer.fail',
            message: `${fieldName(field)}：件数应为整数，表中为 ${e.raw}`,
          },
          lhs: [],
          rhs: [field],
          residual: null,
        });
      }
    }
    return out;
  },
});
