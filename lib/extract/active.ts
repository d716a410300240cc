// Table 二 from logical rows: the rows before table 三 whose label names one of the 第二十条 items.
// The 2019 format is told by its header words (本年新制作数量, 上一年项目数量 …) or by three values where
// the 2021 format has one.

import type { ActiveRow } from '../schema/active';
import {
  activeLayouts,
  DEFAULT_FORMAT,
  formatOfActiveLayout,
  type ActiveLayout,
  type FormatId,
} from '../schema/formats';
import { stripNumbering } from '../normalize/text';
import { fitWidth, joinedKey, matchLeaf, type LogicalRow } from './rows';
import type { FieldCell, ParsedTable } from './apply';
import { idJoiner, TABLES } from '../schema/tables';

const joinActive = idJoiner('');

function rowFor(defs: readonly ActiveRow[], key: string): ActiveRow | null {
  const k = stripNumbering(key);
  return defs.find((d) => d.match.test(k)) ?? null;
}

export function parseActive(rows: readonly LogicalRow[], until: number): ParsedTable & { format?: FormatId } {
  const notices: ParsedTable['notices'] = [];
  // The block starts at the first "第二十条" (or "信息内容") label (FORMAT.md §2): budget tables also have a
  // "行政事业性收费" row, and must not be read as table 二.
  const start = rows.findIndex((r, i) => i < until && /第二十条|信息内容/.test(joinedKey(r.labels)));
  if (start < 0) return { found: false, cells: [], notices };
  const candidates: { row: LogicalRow; index: number }[] = [];
  let header = '';
  for (let i = start; i < until && i < rows.length; i++) {
    const row = rows[i]!;
    header += joinedKey(row.labels.slice(-8));
    if (row.values.length && row.values.some((v) => v.parsed.kind === 'number' || v.raw))
      candidates.push({ row, index: i });
  }
  // Rows are found with the default layout's labels; another layout is told by its signals.
  const byDefault = DEFAULT_FORMAT.active.rows;
  const hits = candidates.filter((c) => matchLeaf(c.row.labels, (k) => rowFor(byDefault, k)));
  if (!hits.length) return { found: false, cells: [], notices };
  const signals = (layout: ActiveLayout): boolean => {
    if (layout.header?.test(header)) return true;
    const wide = layout.wideItems;
    return (
      !!wide &&
      hits.some((c) => {
        const d = matchLeaf(c.row.labels, (k) => rowFor(byDefault, k));
        return d && wide.rows.includes(d.id) && c.row.values.filter((v) => v.raw).length >= wide.values;
      })
    );
  };
  const layout = activeLayouts().find((l) => l !== DEFAULT_FORMAT.active && signals(l)) ?? DEFAULT_FORMAT.active;
  const format = formatOfActiveLayout(layout).id;
  const defs = layout.rows;
  const prefix = layout.prefix;
  const cells: FieldCell[] = [];
  const seen = new Set<string>();
  let first = -1;
  let last = -1;
  for (const c of candidates) {
    const def = matchLeaf(c.row.labels, (k) => rowFor(defs, k));
    if (!def || seen.has(def.id)) continue;
    seen.add(def.id);
    const fitted = fitWidth(c.row.values, def.columns.length, 'start');
    if (!fitted) {
      notices.push({
        id: 'extract.row-width',
        message: `${TABLES.active.short.zh}“${def.name}”行应有 ${def.columns.length} 个数值，读到 ${c.row.values.length} 个，该行未读取`,
      });
      continue;
    }
    const rowId = `${prefix}.${def.id}`;
    fitted.forEach((cell, k) => cells.push({ field: joinActive(rowId, def.columns[k]!.id), cell }));
    if (first < 0) first = c.index;
    last = c.index;
  }
  return { found: cells.length > 0, format, cells, range: first >= 0 ? [first, last] : undefined, notices };
}
