// Comparing one claim with the table: pass when any reading agrees, fail only when every reading the
// vocabulary allows disagrees and the number is exact, warn when it is approximate, info when there is
// nothing to compare with. Precision first: a false failure on a correct report is as bad as a miss.

import type { NarrativeClaim, NarrativeStatus, Report, TableKey } from '../types';
import type { NumberToken } from './tokens';
import { TABLES } from '../schema/tables';
import { tableOfField } from '../schema/fields';
import { arithmetic, sameValue, sumFields, type ResolvedOption, type SumValue } from './values';
import { formatNumber as fmt } from '../i18n/number';

export interface Evaluation {
  status: NarrativeStatus;
  field: string | null;
  expected: number | null;
  message: string;
  messageId: string;
  cells: string[];
  assumedZero?: string[];
}

/** "1 件", "2181.669177 万元", "约 102 条". */
export function written(tok: NumberToken): string {
  return `${tok.approx ? '约 ' : ''}${tok.raw.replace(/,/g, '')} ${tok.unit}`;
}

function describe(o: ResolvedOption, v: SumValue): string {
  const shown = v.value === null ? '为空' : `为 ${fmt(v.value)}`;
  return o.fields.length > 1 && v.value !== null ? `${o.name}${shown}（${arithmetic(v.parts)}）` : `${o.name}${shown}`;
}

export function tableMissing(table: TableKey, tok: NumberToken, what: string): Evaluation {
  return {
    status: 'info',
    field: null,
    expected: null,
    cells: [],
    message: `表格缺失，正文数据无法核对（正文为 ${written(tok)}，对应${TABLES[table].short.zh}${what}）`,
    messageId: 'narrative.table-missing',
  };
}

/** "（总计栏为空，按六类申请人之和计）" when a blank row 总计 was derived for the comparison. */
function derivedNote(v: SumValue): string {
  return v.derived.length ? '（表中总计栏为空，按各类申请人之和计）' : '';
}

/** Evaluate a written number against readings, the preferred reading first. */
export function evaluate(tok: NumberToken, options: readonly ResolvedOption[], report: Report): Evaluation {
  // Written 元 against a table in 万元: compare in 万元 with the precision the text gave.
  const amount = tok.unit === '万元' || tok.unit === '元';
  const value = tok.unit === '元' ? tok.value / 10000 : tok.value;
  const decimals = tok.unit === '元' ? tok.decimals + 4 : tok.decimals;
  const all = options.map((o) => ({ o, v: sumFields(report, o.fields) }));
  const cells = [...new Set(options.flatMap((o) => o.fields))];
  // Only readings whose every cell was read can decide (blank cells were read; unread ones were not).
  const read = all.filter((r) => !r.v.unread.length);
  const partial = all.filter((r) => r.v.unread.length);
  const usable = read.filter((r) => r.v.value !== null);
  const partialHit =
    !usable.some((r) => sameValue(value, decimals, r.v.value!, r.v.decimals, amount)) && partial.length;
  if (partialHit) {
    const tables = [...new Set(partial.flatMap((r) => r.v.unread.flatMap((f) => tableOfField(f) ?? [])))];
    return {
      status: 'info',
      field: partial[0]!.o.field,
      expected: null,
      cells,
      message: `正文为 ${written(tok)}，${tables.map((t) => TABLES[t].short.zh).join('、')}未完整读取（${partial[0]!.o.name}有 ${partial[0]!.v.unread.length} 个单元格未读到），无法核对`,
      messageId: 'narrative.table-partial',
    };
  }
  if (!usable.length) {
    return {
      status: 'info',
      field: options[0]?.field ?? null,
      expected: null,
      cells,
      message: `正文为 ${written(tok)}，${options.map((o) => o.name).join('、')}为空或未读到，无法核对`,
      messageId: 'narrative.table-blank',
    };
  }
  const hit = usable.find((r) => sameValue(value, decimals, r.v.value!, r.v.decimals, amount));
  if (hit) {
    return {
      status: 'pass',
      field: hit.o.field,
      expected: hit.v.value,
      cells: [...hit.o.fields],
      message: `正文为 ${written(tok)}，与${hit.o.name} ${fmt(hit.v.value!)}${hit.o.fields.length > 1 ? `（${arithmetic(hit.v.parts)}）` : ' '}一致${derivedNote(hit.v)}`,
      messageId: 'narrative.match',
      ...(hit.v.assumedZero.length ? { assumedZero: hit.v.assumedZero } : {}),
    };
  }
  const first = usable[0]!;
  // Other readings: those equal to the first are named together ("…也为 0", seed 003), the rest spelled out.
  const same = usable
    .slice(1)
    .filter((r) => r.v.value === first.v.value)
    .map((r) => r.o.name);
  const rest = [
    ...(same.length ? [`${same.join('、')}也为 ${fmt(first.v.value!)}`] : []),
    ...usable
      .slice(1)
      .filter((r) => r.v.value !== first.v.value)
      .map((r) => describe(r.o, r.v)),
  ];
  const status: NarrativeStatus = tok.approx || (!amount && !Number.isInteger(tok.value)) ? 'warn' : 'fail';
  return {
    status,
    field: first.o.field,
    expected: first.v.value,
    cells,
    message: `正文为 ${written(tok)}，${describe(first.o, first.v)}${rest.length ? `（${rest.join('；')}）` : ''}${derivedNote(first.v)}`,
    messageId: status === 'fail' ? 'narrative.mismatch' : 'narrative.mismatch-approx',
    ...(first.v.assumedZero.length ? { assumedZero: first.v.assumedZero } : {}),
  };
}

export function toClaim(
  base: { id: string; rule: string; quote: string; tok: NumberToken; position: { start: number; end: number } },
  ev: Evaluation,
): NarrativeClaim {
  return {
    id: base.id,
    rule: base.rule,
    quote: base.quote,
    value: base.tok.value,
    unit: base.tok.unit,
    approx: base.tok.approx,
    field: ev.field,
    status: ev.status,
    expected: ev.expected,
    message: ev.message,
    messageId: ev.messageId,
    cells: ev.cells,
    ...(ev.assumedZero ? { assumedZero: ev.assumedZero } : {}),
    position: base.position,
  };
}
