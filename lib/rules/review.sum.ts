// review.sum:<group> — 维持 + 纠正 + 其他 + 尚未审结 = 总计, for 行政复议 and both kinds of 行政诉讼.
import { REVIEW_ADDEND_KEYS, REVIEW_GROUPS, reviewField } from '../schema/review';
import { evaluate, fmt, type IdentitySpec } from './identity';
import { TABLES } from '../schema/tables';
import type { Rule } from './types';

// Three identities whatever the format: built once, evaluated per page.
const SPECS: IdentitySpec[] = REVIEW_GROUPS.map((g) => ({
  id: `review.sum:${g.id}`,
  rule: 'review.sum',
  subject: `${TABLES.review.short.zh}“${g.name}”`,
  lhs: REVIEW_ADDEND_KEYS.map((k) => reviewField(g.id, k.id)),
  rhs: [reviewField(g.id, 'total')],
  describe: (d) => {
    const terms = d.lhs
      .map((t, i) => `${REVIEW_ADDEND_KEYS[i]!.name.replace('结果', '')} ${t.entry?.blank ? '空' : fmt(t.n ?? 0)}`)
      .join(' + ');
    return d.status === 'pass'
      ? `${terms} = ${fmt(d.expected)}，与总计一致`
      : `总计应为 ${fmt(d.expected)}（${terms}），表中为 ${fmt(d.actual!)}`;
  },
}));

export const reviewSum: Rule = {
  id: 'review.sum',
  title: '表四：维持 + 纠正 + 其他 + 尚未审结 = 总计',
  run(ctx) {
    if (!ctx.found.review || ctx.format === 'old') return [];
    return SPECS.map((spec) => evaluate(spec, ctx.values));
  },
};
