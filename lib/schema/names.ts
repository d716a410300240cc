// Human names of fields, for messages ("（一）予以公开 · 自然人"). Derived from the schema data.

import { APPLY_COLUMNS, APPLY_ROWS } from './apply';
import { REVIEW_GROUPS, REVIEW_KEYS } from './review';
import { ACTIVE_ROWS_2019, ACTIVE_ROWS_2021 } from './active';

const SHORT_ROW: Record<string, string> = {
  new: '本年新收',
  carried_over: '上年结转',
  total: '（七）总计',
  carried_forward: '结转下年度',
};

/** The printed label of a table-三 row, trimmed of the group prefix ("（三）不予公开 1.属于国家秘密" → "1.属于国家秘密"). */
export function applyRowName(id: string, short = false): string {
  if (short && SHORT_ROW[id]) return SHORT_ROW[id]!;
  const row = APPLY_ROWS.find((r) => r.id === id);
  if (!row) return id;
  const parts = row.label.split(' ');
  let name = parts[parts.length - 1]!;
  if (name.startsWith('（二）部分公开')) name = '（二）部分公开';
  if (row.group && row.group !== 'results' && /^\d\./.test(name)) {
    const group = { withheld: '不予公开', unavailable: '无法提供', not_processed: '不予处理', handled_otherwise: '其他处理' }[row.group];
    if (group) name = `${group}${name}`;
  }
  return name.length > 24 ? name.slice(0, 23) + '…' : name;
}

export function applyColumnName(id: string): string {
  return APPLY_COLUMNS.find((c) => c.id === id)?.name ?? id;
}

/** "表三 （一）予以公开 · 自然人", "表四 行政复议 · 总计", "表二 规章 · 本年制发件数". */
export function fieldName(field: string): string {
  const parts = field.split('.');
  if (parts[0] === 'apply') {
    const col = parts[parts.length - 1]!;
    const row = parts.slice(1, -1).join('.');
    return `表三 ${applyRowName(row)} · ${applyColumnName(col)}`;
  }
  if (parts[0] === 'review' || parts[0] === 'litigation') {
    const key = parts[parts.length - 1]!;
    const group = parts.slice(0, -1).join('.');
    const g = REVIEW_GROUPS.find((x) => x.id === group)?.name ?? group;
    const k = REVIEW_KEYS.find((x) => x.id === key)?.name ?? key;
    return `表四 ${g} · ${k}`;
  }
  if (parts[0] === 'active' || parts[0] === 'active2019') {
    const rows = parts[0] === 'active' ? ACTIVE_ROWS_2021 : ACTIVE_ROWS_2019;
    const row = rows.find((r) => r.id === parts[1]);
    const col = row?.columns.find((c) => c.id === parts[2]);
    return `表二 ${row?.name ?? parts[1]} · ${col?.name ?? parts[2]}`;
  }
  return field;
}

const AMOUNT = new Set<string>();
const SIGNED = new Set<string>();
for (const [prefix, rows] of [['active', ACTIVE_ROWS_2021], ['active2019', ACTIVE_ROWS_2019]] as const) {
  for (const r of rows) for (const c of r.columns) {
    if (c.amount) AMOUNT.add(`${prefix}.${r.id}.${c.id}`);
    if (c.signed) SIGNED.add(`${prefix}.${r.id}.${c.id}`);
  }
}

/** Is the field an amount (decimal, interval comparison) rather than a count? */
export function isAmount(field: string): boolean {
  return AMOUNT.has(field);
}

/** May the field be negative (2019 本年增/减)? */
export function isSigned(field: string): boolean {
  return SIGNED.has(field);
}
