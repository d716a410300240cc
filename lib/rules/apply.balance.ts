// apply.balance:<col> — 本年新收 + 上年结转 = （七）总计 + 结转下年度, the identity the table's own note states
// ("第一项加第二项之和，等于第三项加第四项之和"). A blank （七）总计 makes it uncertain; other blanks count as 0.
import { APPLY_COLUMNS, applyField } from '../schema/apply';
import { applyColumnName } from '../schema/fields';
import { evaluate, type IdentitySpec } from './identity';
import { formatNumber as fmt } from '../i18n/number';
import { TABLES } from '../schema/tables';
import { defineRule } from './define';
import { t } from '../i18n/page';

const v = (t: { entry?: { blank?: boolean; value: number | null } }) =>
  !t.entry ? '缺' : t.entry.blank ? '空' : fmt(t.entry.value ?? 0);

// The same seven identities in both formats: built once, evaluated per page.
const subject = (col: string) => `${TABLES.apply.short.zh}“${applyColumnName(col)}”列`;

const SPECS: IdentitySpec[] = APPLY_COLUMNS.map((col) => ({
  id: `apply.balance:${col.id}`,
  rule: 'apply.balance',
  subject: subject(col.id),
  lhs: [applyField('new', col.id), applyField('carried_over', col.id)],
  rhs: [applyField('total', col.id), applyField('carried_forward', col.id)],
  describe: (d) => {
    const left = `本年新收 ${v(d.lhs[0]!)} + 上年结转 ${v(d.lhs[1]!)} = ${fmt(d.sumL)}`;
    const right = `（七）总计 ${v(d.rhs[0]!)} + 结转下年度 ${v(d.rhs[1]!)} = ${fmt(d.sumR)}`;
    return d.status === 'pass'
      ? `${left}，${right}，两边相等`
      : `${left}，而 ${right}，两边相差 ${fmt(Math.abs(d.sumL - d.sumR))}`;
  },
}));

export const applyBalance = defineRule('apply.balance', {
  title: '表三每列：本年新收 + 上年结转 = （七）总计 + 结转下年度',
  tables: ['apply'],
  formats: 'tables',
  scope: 'page',
  subject,
  place: (arg, lang) => {
    return {
      table: 'apply',
      row: '',
      column: applyColumnName(arg, lang),
      what: t(lang, 'place.balance'),
    };
  },
  source: 'lib/rules/apply.balance.ts',
  checks: (ctx) => SPECS.map((spec) => evaluate(spec, ctx.values, ctx.blankAsZero)),
});
