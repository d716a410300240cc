// Table 三 from logical rows. Rows are recognized by their leaf label (lib/schema/apply.ts), with the
// group context remembered for bare leaves ("3.其他" under "（六）其他处理"). Rows whose label was lost get
// their id from their position between recognized rows (seed 004 loses "本年度办理结果"; text dumps can
// lose a whole label line).

import { APPLY_COLUMNS, APPLY_GROUPS, applyField, type ApplyRow } from '../schema/apply';
import { allApplyRows, applyFormatOfRows, type FormatId } from '../schema/formats';
import { stripNumbering } from '../normalize/text';
import { fitWidth, matchLeaf, type LogicalRow, type ValueCell } from './rows';
import { TABLES } from '../schema/tables';

const WIDTH = APPLY_COLUMNS.length;

export interface FieldCell {
  field: string;
  cell: ValueCell;
}

export interface ParsedTable {
  found: boolean;
  /** The format the table's rows say (FormatDef.apply; FormatDef.active for table 二). */
  format?: FormatId;
  cells: FieldCell[];
  /** Index range [first, last] of the logical rows the table occupies. */
  range?: [number, number];
  notices: { id: string; message: string; field?: string }[];
}

function groupOf(key: string): string | null {
  const k = stripNumbering(key);
  for (const g of APPLY_GROUPS) if (g.match.test(k)) return g.id;
  return null;
}

function rowForLeaf(key: string, group: string | null): ApplyRow | null {
  const k = stripNumbering(key);
  if (!k) return null;
  for (const r of allApplyRows()) {
    if (r.needsGroup && r.group !== group) continue;
    if (r.match.some((m) => m.test(k))) {
      // "不予公开" must not read as "予以公开"; "其他处理" as a leaf is the 2019 row only when it has values.
      if (r.id === 'granted' && /不予/.test(k)) continue;
      return r;
    }
  }
  return null;
}

function matchRow(row: LogicalRow, group: string | null): ApplyRow | null {
  return matchLeaf(row.labels, (k) => rowForLeaf(k, group));
}

/** Does this row look like the start of table 三 (so the block search can begin here)? */
function isApplyStart(row: LogicalRow): boolean {
  return row.values.length > 0 && matchRow(row, null)?.id === 'new';
}

interface Entry {
  row: LogicalRow;
  index: number;
  id: string | null;
  values: ValueCell[];
}

export function parseApply(rows: readonly LogicalRow[]): ParsedTable {
  const notices: ParsedTable['notices'] = [];
  let start = rows.findIndex(isApplyStart);
  if (start < 0) {
    // No "本年新收" row: accept a block that still has several recognizable result rows.
    start = rows.findIndex((r) => r.values.length >= WIDTH && matchRow(r, null)?.id === 'carried_over');
    if (start < 0) return { found: false, cells: [], notices };
  }

  // Walk the block: recognized rows, unrecognized number rows, until "结转下年度" (or a foreign row).
  const entries: Entry[] = [];
  let group: string | null = null;
  let end = start;
  for (let i = start; i < rows.length; i++) {
    const row = rows[i]!;
    for (const l of row.labels) {
      const g = groupOf(l.key);
      if (g) group = g;
    }
    if (row.values.length === 0) continue;
    const numbers = row.values.filter((v) => v.parsed.kind === 'number').length;
    const def = matchRow(row, group);
    // Header rows (all blank, narrower than the table) are layout, not data.
    if (!def && numbers === 0) continue;
    if (def && row.values.length < WIDTH && numbers === 0) continue;
    end = i;
    if (row.values.length > WIDTH && row.values.length % WIDTH === 0 && fitWidth(row.values, WIDTH, 'end') === null) {
      // Text dumps: a lost label line merges two rows' numbers into one run.
      for (let k = 0; k < row.values.length; k += WIDTH) {
        entries.push({ row, index: i, id: k === 0 && def ? def.id : null, values: row.values.slice(k, k + WIDTH) });
      }
    } else entries.push({ row, index: i, id: def?.id ?? null, values: row.values });
    if (def?.id === 'carried_forward') break;
    // Stop at rows that clearly belong to another table (table 四 has 15 numbers in a row).
    if (!def && row.values.length >= 2 * WIDTH) {
      entries.pop();
      break;
    }
  }

  const formatDef = applyFormatOfRows(new Set(entries.flatMap((e) => (e.id ? [e.id] : []))));
  const format = formatDef.id;
  const order = formatDef.apply.rows.map((r) => r.id);
  // A 2021-only leaf seen in a 2019 table (or the reverse) cannot be placed: treat it as unlabelled.
  for (const e of entries) if (e.id && !order.includes(e.id)) e.id = null;

  assignByPosition(entries, order);

  const cells: FieldCell[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (!e.id) {
      notices.push({
        id: 'extract.unplaced-row',
        message: `${TABLES.apply.short.zh}有一行数字无法对应到任何行（${labelOf(e.row)}${e.values.map((v) => v.raw).join(' ')}），未读取`,
      });
      continue;
    }
    if (seen.has(e.id)) {
      notices.push({
        id: 'extract.duplicate-row',
        message: `${TABLES.apply.short.zh}“${rowLabel(e.id)}”行出现两次，只读取第一次`,
        field: applyField(e.id, 'total'),
      });
      continue;
    }
    seen.add(e.id);
    const fitted = fitWidth(e.values, WIDTH, 'end');
    if (!fitted) {
      notices.push({
        id: 'extract.row-width',
        message: `${TABLES.apply.short.zh}“${rowLabel(e.id)}”行应有 ${WIDTH} 个数值，读到 ${e.values.length} 个（${e.values.map((v) => v.raw || '空').join('、')}），该行未读取`,
        field: applyField(e.id, 'total'),
      });
      continue;
    }
    fitted.forEach((cell, c) => cells.push({ field: applyField(e.id!, APPLY_COLUMNS[c]!.id), cell }));
  }
  const first = entries[0]?.index ?? start;
  return { found: cells.length > 0, format, cells, range: [Math.min(first, start), end], notices };
}

/** Give unlabelled rows the ids their position implies, only where the count fits exactly. */
function assignByPosition(entries: Entry[], order: string[]): void {
  let i = 0;
  while (i < entries.length) {
    if (entries[i]!.id) {
      i++;
      continue;
    }
    let j = i;
    while (j < entries.length && !entries[j]!.id) j++;
    const before = i > 0 ? order.indexOf(entries[i - 1]!.id!) : -1;
    const after = j < entries.length ? order.indexOf(entries[j]!.id!) : order.length;
    const gap = j - i;
    const fitsBetween = after - before - 1 === gap;
    const fitsAfterLast = j === entries.length && before >= 0 && before + gap < order.length;
    if (fitsBetween || fitsAfterLast) for (let k = 0; k < gap; k++) entries[i + k]!.id = order[before + 1 + k]!;
    i = j;
  }
}

function rowLabel(id: string): string {
  return allApplyRows().find((r) => r.id === id)?.label ?? id;
}

function labelOf(row: LogicalRow): string {
  const last = row.labels[row.labels.length - 1];
  return last ? `${last.raw.slice(0, 20)}：` : '';
}
