// One-time set-up a browser pays on the first analysis of a page: the first compilation of the ~100 label,
// number and vocabulary regexes and of the code paths (≈10 ms). `warmUp()` pays it in a task of its own
// (the content script runs it in an idle task before the analysis), on a synthetic report built from the
// schema — no page involved. The traditional→simplified Map is not built here: it waits for a page with
// many traditional characters (lib/normalize/t2s.ts). Dropping the warm-up altogether saved ≈ 1–6 % of
// prepare + analyze + mark on the realistic page and made analyze + mark ≈ 1.5–1.8× longer (issue #14,
// docs/inpage.md), so it stays.

import { checkTextSteps } from './check';
import { toSimplified } from './normalize/t2s';
import { DEFAULT_FORMAT } from './schema/formats';
import { TABLES } from './schema/tables';

let done = false;

function sampleText(): string {
  const zeros = (n: number) => Array.from({ length: n }, () => '0').join('\n');
  const lines = [
    '示例市人民政府2024年度政府信息公开工作年度报告',
    '一、总体情况',
    '2024年，共收到政府信息公开申请0件，予以公开0件。',
    TABLES.active.full.zh,
    '第二十条第(一)项',
    '信息内容',
  ];
  for (const r of DEFAULT_FORMAT.active.rows) lines.push(r.name, zeros(r.columns.length));
  lines.push(TABLES.apply.full.zh, '申请人情况', '自然人', '总计');
  for (const r of DEFAULT_FORMAT.apply.rows) lines.push(r.label, zeros(7));
  lines.push(
    TABLES.review.full.zh,
    '行政复议',
    '行政诉讼',
    '结果维持',
    zeros(15),
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  );
  return lines.join('\n');
}

export function warmUp(): void {
  for (const _ of warmUpSteps()) void _;
}

/** `warmUp` in steps (the table, then the code paths a piece at a time), so the in-page engine can yield in between. */
export function* warmUpSteps(): Generator<void, void> {
  if (done) return;
  done = true;
  // A character every build knows (the engine without its t2s pack too: lib/normalize/t2s.ts T2S_ALWAYS).
  toSimplified('體');
  yield;
  yield* checkTextSteps(sampleText());
}
