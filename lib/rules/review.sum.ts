// review.sum:<group> — 维持 + 纠正 + 其他 + 尚未审结 = 总计, for 行政复议 and both kinds of 行政诉讼.
import { REVIEW_ADDEND_KEYS, REVIEW_GROUPS, reviewField } from '../schema/review';
import { evaluate, type IdentitySpec } from './identity';
import { formatNumber as fmt } from '../i18n/number';
import { TABLES } from '../schema/tables';
import { defineRule } from './define';
import { t } from '../i18n/page';

// Three identities whatever the format: built once, evaluated per page.
const subject = (group: string) =>
  `${TABLES.review.short.zh}“${REVIEW_GROUPS.find((g) => g.id === group)?.name ?? group}”`;

const SPECS: IdentitySpec[] = REVIEW_GROUPS.map((g) => ({
  id: `review.sum:${g.id}`,
  rule: 'review.sum',
  subject: subject(g.id),
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

export const reviewSum = defineRule('review.sum', {
  title: '表四：维持 + 纠正 + 其他 + 尚未审结 = 总计',
  tables: ['review'],
  formats: 'tables',
  scope: 'page',
  subject,
  place: (arg, lang) => {
    const g = REVIEW_GROUPS.find((x) => x.id === arg);
    const en = lang === 'en';
    return {
      table: 'review',
      row: g ? (en ? g.en : g.name) : arg,
      column: '',
      what: t(lang, 'place.review'),
    };
  },
  source: 'lib/rules/review.sum.ts',
  checks: (ctx) => SPECS.map((spec) => evaluate(spec, ctx.values, ctx.blankAsZero)),
});
