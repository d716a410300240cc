// Table 四 from logical rows: find its header (行政复议 … 行政诉讼 with result words), then take the next 15
// data cells by position (FORMAT.md §4: header text is often broken or lost).

import { REVIEW_FIELDS, REVIEW_GROUPS, REVIEW_KEYS, reviewField } from '../schema/review';
import { fitWidth, joinedKey, type LogicalRow, type ValueCell } from './rows';
import type { FieldCell, ParsedTable } from './apply';
import { TABLES } from '../schema/tables';

const WIDTH = REVIEW_FIELDS.length;
const HEADER = /行政复议/;
const HEADER_WORDS = /维持|纠正|审结|直接起诉|复议后起诉/;
const NEXT_SECTION = /^五[、.]|存在的主要问题|存在问题|改进情况|其他需要报告/;

export function parseReview(rows: readonly LogicalRow[], from = 0): ParsedTable {
  const byPosition = parseReviewByPosition(rows, from);
  if (byPosition.found) return byPosition;
  const byLabels = parseReviewByLabels(rows, from);
  return byLabels.found ? byLabels : byPosition;
}

// Table 四 in other layouts (mobile re-layouts, hand-made tables): 15 rows × 1 value (行政复议 | 结果维持 | 3),
// or 3 rows × 5 values (行政复议 | 3 1 0 0 4), with or without a header. Read by the labels: the group from
// the row's labels (the deepest that names one), the result from its last label, or — for a row of five
// values — the five results in the national order.
const GROUP_RE: [string, RegExp][] = [
  ['litigation.after_review', /复议后起诉|复议后/],
  ['litigation.direct', /未经复议|直接起诉/],
  ['review', /行政复议/],
];
const KEY_RE: [string, RegExp][] = [
  ['upheld', /维持/],
  ['corrected', /纠正/],
  ['other', /其他/],
  ['pending', /尚未审结|未审结|审结/],
  ['total', /总计|合计|小计/],
];
const KEYS = REVIEW_KEYS.map((k) => k.id);

function groupIn(labels: LogicalRow['labels']): string | null {
  let found: string | null = null;
  for (const l of labels) {
    for (const [id, re] of GROUP_RE) {
      if (re.test(l.key)) {
        found = id;
        break;
      }
    }
  }
  return found;
}

function keyIn(key: string): string | null {
  for (const [id, re] of KEY_RE) if (re.test(key)) return id;
  return null;
}

function parseReviewByLabels(rows: readonly LogicalRow[], from: number): ParsedTable {
  const notices: ParsedTable['notices'] = [];
  const start = rows.findIndex((r, i) => i >= from && groupIn(r.labels) === 'review' && r.values.length > 0);
  if (start < 0) return { found: false, cells: [], notices };
  const cells: FieldCell[] = [];
  const seen = new Set<string>();
  let group: string | null = null;
  let last = start;
  for (let i = start; i < rows.length && i < start + 24; i++) {
    const row = rows[i]!;
    const key = joinedKey(row.labels);
    if (i > start && NEXT_SECTION.test(key)) break;
    group = groupIn(row.labels) ?? group;
    if (!group || !row.values.length) continue;
    const leaf = row.labels[row.labels.length - 1]?.key ?? '';
    const k = row.values.length === 1 ? keyIn(leaf) : null;
    const put = (field: string, cell: ValueCell) => {
      if (seen.has(field)) return;
      seen.add(field);
      cells.push({ field, cell });
      last = i;
    };
    if (k) put(reviewField(group, k), row.values[0]!);
    else if (row.values.length === KEYS.length) row.values.forEach((v, n) => put(reviewField(group!, KEYS[n]!), v));
    else if (row.values.length > 1) break;
    if (seen.size === WIDTH) break;
  }
  // A few labelled numbers are not table 四: all three groups must be there.
  if (!REVIEW_GROUPS.every((g) => cells.some((c) => c.field.startsWith(`${g.id}.`))))
    return { found: false, cells: [], notices };
  const order = new Map(REVIEW_FIELDS.map((f, n) => [f, n]));
  cells.sort((a, b) => order.get(a.field)! - order.get(b.field)!);
  return { found: true, cells, range: [start, last], notices };
}

function parseReviewByPosition(rows: readonly LogicalRow[], from: number): ParsedTable {
  const notices: ParsedTable['notices'] = [];
  for (let i = from; i < rows.length; i++) {
    const head = rows[i]!;
    const key = joinedKey(head.labels);
    if (!HEADER.test(key)) continue;
    // Collect header words and values from here on, across header rows, until 15 values.
    let words = key;
    const values: ValueCell[] = [];
    let j = i;
    for (; j < rows.length && j < i + 8; j++) {
      const row = rows[j]!;
      if (j > i) {
        const k = joinedKey(row.labels);
        if (values.length === 0 && NEXT_SECTION.test(k)) break;
        words += k;
      }
      // Header rows may end in empty cells; only rows with a number (or a full row of blanks) are data.
      if (row.values.some((v) => v.parsed.kind === 'number') || row.values.length >= WIDTH) values.push(...row.values);
      if (values.length >= WIDTH) break;
    }
    if (!/行政诉讼/.test(words) || !HEADER_WORDS.test(words)) continue;
    if (values.length === 0) continue;
    const fitted = fitWidth(values, WIDTH, 'end');
    if (!fitted) {
      notices.push({
        id: 'extract.row-width',
        message: `${TABLES.review.short.zh}应有 ${WIDTH} 个数据单元格，读到 ${values.length} 个，未读取`,
      });
      return { found: false, cells: [], range: [i, Math.min(j, rows.length - 1)], notices };
    }
    const cells: FieldCell[] = fitted.map((cell, k) => ({ field: REVIEW_FIELDS[k]!, cell }));
    return { found: true, cells, range: [i, Math.min(j, rows.length - 1)], notices };
  }
  return { found: false, cells: [], notices };
}
