// "占 x%": a share written in the text must match part ÷ whole within the rounding of x. The part is the
// number just before the share; the whole is the nearest total before it in the text or, for a table-三
// claim, one of the table's headline totals. Rounding and truncation of x are both accepted.

import type { NarrativeClaim, Report } from '../types';
import { HEADLINE_ENTRIES, SHARE_BEFORE, TOTAL_MARKER } from '../schema/narrative';
import type { SumContext } from './sums';
import type { NumberToken } from './tokens';
import { sumFields } from './values';
import { formatNumber as fmt } from '../i18n/number';

const TABLE_WHOLES = [
  { name: '表三“本年新收”总计', fields: ['apply.new.total'] },
  { name: '表三“本年新收”与“上年结转”总计之和', fields: ['apply.new.total', 'apply.carried_over.total'] },
  { name: '表三“（七）总计”', fields: ['apply.total.total'] },
];

interface Whole {
  value: number;
  name: string;
  /** Written in the same sentence as the share: the reading is explicit enough to fail. */
  explicit: boolean;
  /** One of table 三's plausible bases (本年新收, 新收 + 上年结转, （七）总计). */
  table?: boolean;
}

function fits(x: number, decimals: number, part: number, whole: number): boolean {
  if (whole <= 0) return false;
  const exact = (100 * part) / whole;
  return Math.abs(exact - x) < 10 ** -decimals + 1e-9;
}

export function checkShares(ctx: SumContext, report: Report): NarrativeClaim[] {
  const out: NarrativeClaim[] = [];
  const { text, tokens } = ctx;
  for (const tok of tokens) {
    if (tok.unit !== '%' || !SHARE_BEFORE.test(text.slice(tok.windowStart, tok.start))) continue;
    const part = previous(tokens, tok.index, (t) => t.unit !== '%' && t.sentenceStart === tok.sentenceStart);
    if (!part) continue;
    const wholes: Whole[] = [];
    const textWhole = previous(
      tokens,
      part.index,
      (t) => t.unit === part.unit && t.paragraphStart === part.paragraphStart && isTotal(ctx, t),
    );
    if (textWhole) {
      wholes.push({
        value: textWhole.value,
        name: `正文“${fmt(textWhole.value)}${textWhole.unit}”`,
        explicit: textWhole.sentenceStart === tok.sentenceStart,
      });
    }
    const m = ctx.matched.get(part.index);
    if (m && m.entry.table === 'apply' && report.tables.apply?.found) {
      // "占办结总数的…" is a share of （七）总计; otherwise try 本年新收 first.
      const handled = /办结|办理|答复|处理/.test(text.slice(tok.windowStart, tok.start));
      for (const w of handled ? [TABLE_WHOLES[2]!, TABLE_WHOLES[0]!, TABLE_WHOLES[1]!] : TABLE_WHOLES) {
        const sv = sumFields(report, w.fields);
        if (sv.value !== null && !sv.unread.length)
          wholes.push({ value: sv.value, name: w.name, explicit: false, table: true });
      }
    }
    if (!wholes.length) continue;
    const hit = wholes.find((w) => fits(tok.value, tok.decimals, part.value, w.value));
    const first = wholes[0]!;
    const computed =
      first.value > 0 ? Number(((100 * part.value) / first.value).toFixed(Math.max(2, tok.decimals + 1))) : null;
    // A share that fits no plausible base — the whole written beside it, nor any of table 三's three — is
    // wrong whatever the base ("占43.4%" of 321 is 36.1 %); approximate numbers only warn.
    const everyBase = wholes.filter((w) => w.table).length === TABLE_WHOLES.length;
    const status: NarrativeClaim['status'] = hit
      ? 'pass'
      : (first.explicit || everyBase) && !tok.approx && !part.approx
        ? 'fail'
        : 'warn';
    const w = hit ?? first;
    const ratio =
      w.value > 0 ? fmt(Number(((100 * part.value) / w.value).toFixed(Math.max(2, tok.decimals + 1)))) : '—';
    out.push({
      id: `narrative:share:${ctx.span(tok.start, tok.end).start}`,
      rule: 'narrative.share',
      quote: ctx.quote(part.windowStart, tok.unitEnd),
      value: tok.value,
      unit: '%',
      approx: tok.approx,
      field: null,
      status,
      expected: hit ? Number(((100 * part.value) / hit.value).toFixed(Math.max(2, tok.decimals + 1))) : computed,
      message: `正文为 ${fmt(tok.value)}%，按 ${fmt(part.value)} ÷ ${fmt(w.value)}（${w.name}）计算为 ${ratio}%${hit ? '，一致' : ''}`,
      messageId: hit ? 'narrative.share.match' : 'narrative.share.mismatch',
      position: ctx.span(tok.start, tok.end),
    });
  }
  return out;
}

function isTotal(ctx: SumContext, t: NumberToken): boolean {
  const m = ctx.matched.get(t.index);
  return (
    (m !== undefined && HEADLINE_ENTRIES.has(m.entry.id)) || TOTAL_MARKER.test(ctx.text.slice(t.windowStart, t.start))
  );
}

function previous(tokens: readonly NumberToken[], from: number, ok: (t: NumberToken) => boolean): NumberToken | null {
  // Only a few tokens back: a share sits next to its part, and its whole is in the same paragraph.
  for (let k = from - 1; k >= 0 && k >= from - 12; k--) if (ok(tokens[k]!)) return tokens[k]!;
  return null;
}
