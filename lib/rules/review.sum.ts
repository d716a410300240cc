// review.sum:<group> — 维持 + 纠正 + 其他 + 尚未审结 = 总计, for 行政复议 and both kinds of 行政诉讼.
import { REVIEW_ADDEND_KEYS, REVIEW_GROUPS, reviewField } from '../schema/review';
import { evaluate, fmt } from './identity';
import type { Rule } from './types';

export const reviewSum: Rule = {
  id: 'review.sum',
  title: '表四：维持 + 纠正 + 其他 + 尚未审结 = 总计',
  run(ctx) {
    if (!ctx.found.review || ctx.format === 'old') return [];
    return REVIEW_GROUPS.map((g) =>
      evaluate(
        {
          id: `review.sum:${g.id}`,
          rule: 'review.sum',
          subject: `表四“${g.name}”`,
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
        },
        ctx.values,
      ),
    );
  },
};
