// Table 四 from logical rows: find its header (行政复议 … 行政诉讼 with result words), then take the next 15
// data cells by position (FORMAT.md §4: header text is often broken or lost).

import { REVIEW_FIELDS } from '../schema/review';
import { fitWidth, joinedKey, type LogicalRow, type ValueCell } from './rows';
import type { FieldCell, ParsedTable } from './apply';

const WIDTH = REVIEW_FIELDS.length;
const HEADER = /行政复议/;
const HEADER_WORDS = /维持|纠正|审结|直接起诉|复议后起诉/;
const NEXT_SECTION = /^五[、.]|存在的主要问题|存在问题|改进情况|其他需要报告/;

export function parseReview(rows: readonly LogicalRow[], from = 0): ParsedTable {
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
        message: `表四应有 ${WIDTH} 个数据单元格，读到 ${values.length} 个，未读取`,
      });
      return { found: false, cells: [], range: [i, Math.min(j, rows.length - 1)], notices };
    }
    const cells: FieldCell[] = fitted.map((cell, k) => ({ field: REVIEW_FIELDS[k]!, cell }));
    return { found: true, cells, range: [i, Math.min(j, rows.length - 1)], notices };
  }
  return { found: false, cells: [], notices };
}
