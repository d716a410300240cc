// Sums written in the text (issue #5 §3). "共 N 条，涵盖 a 条、b 条…以及 c 条" is an exhaustive list and
// must add up (a warning when N is "约 N"); a "其中 …" list is partial: it passes when it happens to add up
// (seed 002: 46 + 123 + 123 = 292) and is never an error.

import type { NarrativeClaim } from '../types';
import { EXHAUSTIVE_CUE, HEADLINE_ENTRIES, LAST_ITEM, LIST_ETC, PARTIAL_CUE, TOTAL_MARKER } from '../schema/narrative';
import { written } from './compare';
import type { Match } from './match';
import type { NumberToken } from './tokens';
import { arithmetic } from './values';
import { formatNumber as fmt } from '../i18n/number';

export interface SumContext {
  text: string;
  tokens: readonly NumberToken[];
  /** token index → vocabulary match */
  matched: ReadonlyMap<number, Match>;
  span(start: number, end: number): { start: number; end: number };
  quote(start: number, end: number): string;
}

const MIN_ITEMS = 2;
// Real lists have a handful of items; the bounds keep a hostile page (one endless sentence of numbers)
// from making the scan quadratic.
const MAX_ITEMS = 40;
const MAX_LOOKBACK = 30;

function isHead(ctx: SumContext, tok: NumberToken): boolean {
  const m = ctx.matched.get(tok.index);
  return (
    (m !== undefined && HEADLINE_ENTRIES.has(m.entry.id)) ||
    TOTAL_MARKER.test(ctx.text.slice(tok.windowStart, tok.start))
  );
}

/** Items after position `from` in the sentence of `first`, same unit, up to a new headline or the end of an "…以及 c" list. */
function collect(
  ctx: SumContext,
  firstIndex: number,
  unit: string,
  sentenceStart: number,
  limit = Infinity,
): { items: NumberToken[]; etc: boolean; closed: boolean } {
  const items: NumberToken[] = [];
  let closed = false;
  for (let k = firstIndex; k < ctx.tokens.length; k++) {
    const tok = ctx.tokens[k]!;
    if (tok.sentenceStart !== sentenceStart || tok.unit !== unit || closed || tok.start > limit) break;
    if (items.length >= MAX_ITEMS) return { items: [], etc: false, closed: false };
    if (items.length && isHead(ctx, tok)) break;
    items.push(tok);
    // "…以及政府信息公开年度报告1条" ends the list (seed 003, where "收到…申请1条" follows).
    const prev = items[items.length - 2];
    const lead = ctx.text.slice(prev ? prev.unitEnd : tok.clauseStart, tok.start).replace(/^[，,、；;\s]+/, '');
    if (LAST_ITEM.test(lead)) closed = true;
  }
  const last = items[items.length - 1];
  const etc = last !== undefined && LIST_ETC.test(ctx.text.slice(last.unitEnd, last.unitEnd + 2));
  return { items, etc, closed };
}

function sumClaim(
  ctx: SumContext,
  total: NumberToken,
  items: NumberToken[],
  status: NarrativeClaim['status'],
  kind: 'exhaustive' | 'partial',
): NarrativeClaim {
  const sum = Number(items.reduce((a, t) => a + t.value, 0).toFixed(6));
  const parts = arithmetic(items.map((t) => t.value));
  const agree = sum === total.value;
  const shown = `“${written(total).replace(/ /g, '')}”`;
  const last = items[items.length - 1]!;
  return {
    id: `narrative:text-sum:${ctx.span(total.start, total.end).start}`,
    rule: 'narrative.text-sum',
    quote: ctx.quote(total.windowStart, last.unitEnd),
    value: total.value,
    unit: total.unit,
    approx: total.approx,
    field: null,
    status,
    expected: sum,
    message: `正文列举之和为 ${fmt(sum)}（${parts}），与${shown}${agree ? '一致' : '不一致'}`,
    messageId: agree
      ? 'narrative.text-sum.match'
      : status === 'fail'
        ? 'narrative.text-sum.mismatch'
        : total.approx || items.some((t) => t.approx)
          ? 'narrative.text-sum.approx'
          : 'narrative.text-sum.open-list',
    listKind: kind,
    items: items.map((t) => ({ value: t.value, position: ctx.span(t.start, t.end) })),
    position: ctx.span(total.start, total.end),
  };
}

export function checkTextSums(ctx: SumContext): NarrativeClaim[] {
  const out: NarrativeClaim[] = [];
  const { text, tokens } = ctx;
  const used = new Set<number>();

  // Exhaustive lists: a total followed by 涵盖/包括/分别为.
  for (const tot of tokens) {
    if (tot.unit === '%' || !TOTAL_MARKER.test(text.slice(tot.windowStart, tot.start))) continue;
    const next = tokens[tot.index + 1];
    const rightEnd = Math.min(tot.sentenceEnd, next ? next.start : text.length);
    const right = text.slice(tot.unitEnd, rightEnd);
    const cue = EXHAUSTIVE_CUE.exec(right);
    if (!cue || PARTIAL_CUE.test(right.slice(0, cue.index + cue[0].length))) continue;
    if (!next) continue;
    const { items, etc, closed } = collect(ctx, tot.index + 1, tot.unit, tot.sentenceStart);
    if (items.length < MIN_ITEMS) continue;
    const sum = Number(items.reduce((a, t) => a + t.value, 0).toFixed(6));
    // 包括 is often used for a partial list; the list is taken as complete only when its last item is
    // joined by 以及/及/和/与 ("…以及政府信息公开年度报告1条", seed 003) or the cue is 分别为. Otherwise a
    // shortfall is worth a look, not a failure.
    const complete = closed || /分别/.test(cue[1]!);
    let status: NarrativeClaim['status'];
    if (sum === tot.value) status = 'pass';
    else if (etc)
      continue; // "…等": partial after all
    else status = tot.approx || items.some((t) => t.approx) || !complete ? 'warn' : 'fail';
    out.push(sumClaim(ctx, tot, items, status, 'exhaustive'));
    used.add(tot.index);
  }

  // Partial lists: "其中" then items in the same sentence; the whole is the nearest total before it.
  const re = new RegExp(PARTIAL_CUE.source, 'g');
  let p = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    while (p < tokens.length && tokens[p]!.start <= at) p++;
    const first = tokens[p];
    if (!first) break;
    // The first item must be in the sentence the 其中 opens.
    if (/[。；;!?！？\n]/.test(text.slice(at, first.start))) continue;
    // "（其中，当面申请5件，网络申请27件，信函申请3件），上年结转2件": a bracketed list ends at its bracket.
    const close = text.slice(at - 1, at) === '(' ? text.indexOf(')', at) : -1;
    const { items } = collect(ctx, first.index, first.unit, first.sentenceStart, close < 0 ? Infinity : close);
    if (items.length < MIN_ITEMS) continue;
    const whole = wholeBefore(ctx, first.index, first.unit, at);
    if (!whole || used.has(whole.index)) continue;
    const sum = Number(items.reduce((a, t) => a + t.value, 0).toFixed(6));
    if (sum !== whole.value) continue; // partial: not adding up is normal
    out.push(sumClaim(ctx, whole, items, 'pass', 'partial'));
    used.add(whole.index);
  }
  return out;
}

/** The total a "其中" list is part of: in its sentence or the one before, marked as a total if one is. */
function wholeBefore(ctx: SumContext, firstIndex: number, unit: string, at: number): NumberToken | null {
  const first = ctx.tokens[firstIndex]!;
  let fallback: NumberToken | null = null;
  let previousSentence = -1;
  for (let k = firstIndex - 1; k >= 0 && k >= firstIndex - MAX_LOOKBACK; k--) {
    const t = ctx.tokens[k]!;
    if (t.paragraphStart !== first.paragraphStart) break;
    if (t.start >= at) continue;
    if (t.sentenceStart !== first.sentenceStart) {
      // At most one sentence back: "共办理…292件，较上年增加118件。其中，市政府办理46件…" (seed 002).
      if (previousSentence < 0) previousSentence = t.sentenceStart;
      else if (t.sentenceStart !== previousSentence) break;
    }
    if (t.unit !== unit) continue;
    if (isHead(ctx, t)) return t;
    if (!fallback && t.sentenceStart === first.sentenceStart) fallback = t;
  }
  return fallback;
}
