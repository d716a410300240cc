// Numbers written in the report's text, checked against its tables (issue #5): tokenize → match the
// vocabulary (lib/schema/narrative.ts) → compare; plus sums and shares written in the text. Pure: works
// on a Prose (DOM or flattened text) and a Report whose values are already read.

import type { NarrativeClaim, Report } from '../types';
import { applyField } from '../schema/apply';
import { fieldId, parseField } from '../schema/fields';
import { formatById } from '../schema/formats';
import { APPLY_ROW_OF_ENTRY, FIRST_SECTION, OTHER_YEAR, PART_SCOPE, type NarrativeEntry } from '../schema/narrative';
import { REVIEW_ADDEND_KEYS } from '../schema/review';
import { evaluate, tableMissing, toClaim, written, type Evaluation } from './compare';
import { matchTokensSteps, type Match } from './match';
import { normalizeProse, normalizeProseSteps, originalSpan } from './normalize';
import type { Prose } from './prose';
import { checkShares } from './shares';
import { checkTextSums, type SumContext } from './sums';
import { tokenize, tokenizeSteps } from './tokens';
import { drainSteps, STEP_ITEMS, type Steps } from '../steps';
import { applyFormatOf, groupRows, resolveOption, sumFields, type ResolvedOption } from './values';
import { formatNumber as fmt } from '../i18n/number';

export type { Prose } from './prose';
export { proseFromDocument, proseFromText } from './prose';

/** A number written with a unit in the report's text, before any matching (issue #5 §1). */
export interface ExtractedNumber {
  value: number;
  unit: string;
  /** As written (normalized digits), e.g. "21,943". */
  raw: string;
  approx: boolean;
  /** The phrase around it: from the clause start (at most 40 characters back) through the unit. */
  quote: string;
  /** Offsets of the number in prose.text. */
  position: { start: number; end: number };
}

/**
 * Every number with a unit in sections 一 to 六 (from the first section heading on), skipping years,
 * dates, ordinals, document numbers and growth rates. For the CLI's --verbose view and for tests; the
 * claims in the report are the subset the vocabulary can place.
 */
export function extractNumbers(prose: Prose | string): ExtractedNumber[] {
  const original = typeof prose === 'string' ? prose : prose.text;
  const norm = normalizeProse(original);
  return tokenize(norm, Math.max(0, norm.text.search(FIRST_SECTION))).map((t) => {
    const q = originalSpan(norm, t.windowStart, t.unitEnd);
    return {
      value: t.value,
      unit: t.unit,
      raw: t.raw,
      approx: t.approx,
      quote: original.slice(q.start, q.end).replace(/\s+/g, ' ').trim(),
      position: originalSpan(norm, t.start, t.end),
    };
  });
}

/** Headline readings in the order of HEADLINE options: new, new + carried over, （七）总计. */
const HEADLINE_ROWS: ReadonlyArray<{ key: string; rows: readonly string[]; name: string }> = [
  { key: 'new', rows: ['new'], name: '“本年新收”行' },
  { key: 'new+carried_over', rows: ['new', 'carried_over'], name: '“本年新收”与“上年结转”两行' },
  { key: 'total', rows: ['total'], name: '“（七）总计”行' },
];
const HEADLINE_FIELD_TO_KEY: Record<string, string> = {
  'apply.new.total': 'new',
  'apply.new+carried_over.total': 'new+carried_over',
  'apply.total.total': 'total',
};
const ROW_NAMES: Record<string, string> = {
  granted: '“予以公开”行',
  partly_granted: '“部分公开”行',
  withheld: '“不予公开”各行',
  unavailable: '“无法提供”各行',
  not_processed: '“不予处理”各行',
  handled_otherwise: '“其他处理”各行',
  carried_over: '“上年结转”行',
  carried_forward: '“结转下年度继续办理”行',
};

interface Subject {
  /** Readings of "the row the sentence is about", preferred first. */
  rows: Array<{ key: string; rows: readonly string[]; name: string }>;
}

export function checkNarrative(prose: Prose | string, report: Report): NarrativeClaim[] {
  return drainSteps(checkNarrativeSteps(prose, report));
}

/**
 * `checkNarrative` in bounded steps (same result): normalization and tokenization a few thousand
 * characters at a time, matching and claims a few hundred numbers at a time (issue #13).
 */
export function* checkNarrativeSteps(prose: Prose | string, report: Report): Steps<NarrativeClaim[]> {
  const original = typeof prose === 'string' ? prose : prose.text;
  const norm = yield* normalizeProseSteps(original);
  const text = norm.text;
  const first = Math.max(0, text.search(FIRST_SECTION));
  yield;
  const tokens = yield* tokenizeSteps(norm, first);
  yield;
  const matches = yield* matchTokensSteps(text, tokens);
  yield;
  const span = (s: number, e: number) => originalSpan(norm, s, e);
  const quote = (s: number, e: number) => {
    const o = span(s, e);
    return original.slice(o.start, o.end).replace(/\s+/g, ' ').trim();
  };
  const format = applyFormatOf(report);
  const claims: NarrativeClaim[] = [];
  const sentenceOf = new Map<NarrativeClaim, number>();

  // Applicant claims ("194件为自然人申请") need the row their sentence is about: the latest headline
  // (收到/办理…申请 N 件) of the paragraph, or a result row directly followed by "其中".
  let headline: { match: Match; paragraph: number; preferred: string | null } | null = null;
  let category: { match: Match; sentence: number } | null = null;

  let done = 0;
  for (const m of matches) {
    if (++done % STEP_ITEMS === 0) yield;
    const { token: tok, entry } = m;
    if (aboutOtherYear(text.slice(Math.max(tok.clauseStart, tok.start - 60), tok.start), report.report.year)) continue;
    const base = {
      id: `narrative:${entry.id}:${span(tok.start, tok.end).start}`,
      rule: entry.rule,
      quote: quote(m.quoteStart, m.quoteEnd),
      tok,
      position: span(tok.start, tok.end),
    };
    let ev: Evaluation;
    if (!report.tables[entry.table]?.found) {
      ev = tableMissing(entry.table, tok, targetName(entry));
    } else if (entry.target.kind === 'any') {
      const options = entry.target.options
        .map((o) => resolveOption(o, report))
        .filter((o): o is ResolvedOption => o !== null);
      ev = options.length
        ? evaluate(tok, options, report)
        : {
            status: 'info',
            field: null,
            expected: null,
            cells: [],
            messageId: 'narrative.no-cell',
            message: `正文为 ${written(tok)}，该年报格式的表格中没有对应栏目，无法核对`,
          };
    } else {
      const found = subjectOf(m, headline, category, text);
      // No headline in the paragraph: try the three headline rows anyway; agreement is a pass, but a
      // disagreement proves nothing (the sentence may be about any row), so it stays info.
      const subject = found ?? { rows: HEADLINE_ROWS.slice() };
      const columns = entry.target.columns;
      const colName = entry.target.name;
      const colKey = columns.length === 1 ? columns[0]! : 'organizations';
      const options: ResolvedOption[] = subject.rows.map((r) => {
        const rowIds = r.rows.flatMap((g) => groupRows(g, format));
        return {
          field: `apply.${r.key}${rowIds.length > r.rows.length ? '.*' : ''}.${colKey}`,
          name: `表三${r.name}${colName}列`,
          fields: rowIds.flatMap((row) => columns.map((c) => applyField(row, c))),
        };
      });
      ev = evaluate(tok, options, report);
      if (!found && ev.status !== 'pass') {
        ev = {
          ...ev,
          status: 'info',
          messageId: 'narrative.no-subject',
          message: `正文为 ${written(tok)}（${colName}），未能确定所指的是表三哪一行，无法核对（${ev.message.replace(/^正文为 [^，]+，/, '')}）`,
        };
      }
    }
    const partScope = PART_SCOPE.test(text.slice(tok.clauseStart, tok.start));
    if (partScope && (ev.status === 'fail' || ev.status === 'warn')) {
      ev = {
        ...ev,
        status: 'info',
        messageId: 'narrative.part-scope',
        message: `${ev.message}；正文说的是代为受理或办理的机关自己的数量，表格可能统计报告涵盖的所有机关，无法核对`,
      };
    }
    const claim = toClaim(base, ev);
    claims.push(claim);
    sentenceOf.set(claim, tok.sentenceStart);

    // A headline about one office's share is not the subject of the paragraph's applicant claims.
    if ((entry.id === 'apply.received' || entry.id === 'apply.handled') && !partScope) {
      const preferred = ev.status === 'pass' && ev.field ? (HEADLINE_FIELD_TO_KEY[ev.field] ?? null) : null;
      headline = { match: m, paragraph: tok.paragraphStart, preferred };
    }
    if (APPLY_ROW_OF_ENTRY[entry.id]) category = { match: m, sentence: tok.sentenceStart };
    if (entry.allUpheld) {
      const upheld = allUpheld(m, entry, report, text, base, quote);
      if (upheld) claims.push(upheld);
    }
  }

  inForceAsParts(claims, sentenceOf);
  yield;

  const matched = new Map(matches.map((m) => [m.token.index, m] as const));
  const ctx: SumContext = { text, tokens, matched, span, quote };
  const sums = checkTextSums(ctx);
  yield;
  claims.push(...sums, ...checkShares(ctx, report));
  // Plain code-unit order for ties: localeCompare's first call builds an ICU collator (~10 ms cold), a
  // cost a content script pays on every page.
  claims.sort(
    (a, b) =>
      a.position!.start - b.position!.start || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0),
  );
  return claims;
}

/**
 * A sentence that gives a stock in two parts: "现行有效规范性文件393件，本年度制发77件" where table 二's 现行有效
 * is 470 = 393 + 77 (the older stock, then this year's additions). A 现行有效 number that contradicts the table
 * but, added to the 本年制发 number written in the same sentence (itself agreeing with the table), gives the
 * table's 现行有效 exactly, is read as parts of that figure: a pass (`narrative.parts`), not a contradiction.
 */
function inForceAsParts(claims: NarrativeClaim[], sentenceOf: Map<NarrativeClaim, number>): void {
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    const whole = c.status === 'fail' && c.expected !== null && c.field ? parseField(c.field) : null;
    if (whole?.table !== 'active' || whole.col !== 'in_force') continue;
    const issuedField = fieldId('active', whole.row, 'issued', formatById(whole.format) ?? undefined);
    const issued = claims.find(
      (d) =>
        d.field === issuedField &&
        d.status === 'pass' &&
        sentenceOf.get(d) === sentenceOf.get(c) &&
        c.value + d.value === c.expected,
    );
    if (!issued) continue;
    claims[i] = {
      ...c,
      status: 'pass',
      messageId: 'narrative.parts',
      message: `正文分两部分写出：${fmt(c.value)} + 本年制发 ${fmt(issued.value)} = ${fmt(c.expected!)}，与表中现行有效件数一致`,
    };
  }
}

/** "2023年收到申请40件", "去年办理…": not this report's tables. */
function aboutOtherYear(clause: string, year: number | null): boolean {
  OTHER_YEAR.lastIndex = 0;
  for (let m = OTHER_YEAR.exec(clause); m; m = OTHER_YEAR.exec(clause)) {
    if (!m[1]) return true;
    if (year !== null && Number(m[0]) !== year) return true;
  }
  return false;
}

function targetName(entry: NarrativeEntry): string {
  if (entry.target.kind === 'any') return entry.target.options.map((o) => o.name.replace(/^表[二三四]/, '')).join('或');
  return `${entry.target.name}列`;
}

function subjectOf(
  m: Match,
  headline: { match: Match; paragraph: number; preferred: string | null } | null,
  category: { match: Match; sentence: number } | null,
  text: string,
): Subject | null {
  const tok = m.token;
  // "不予公开3件，其中自然人申请2件": the category row, when "其中" follows it directly.
  if (category && category.sentence === tok.sentenceStart && category.match.token.index < tok.index) {
    const after = text.slice(category.match.token.unitEnd, category.match.token.unitEnd + 3);
    if (/^[，,]?其中/.test(after)) {
      const rows = APPLY_ROW_OF_ENTRY[category.match.entry.id]!;
      return { rows: [{ key: rows.join('+'), rows, name: rows.map((r) => ROW_NAMES[r] ?? r).join('与') }] };
    }
  }
  if (headline && headline.paragraph === tok.paragraphStart) {
    const order = [...HEADLINE_ROWS];
    const pref = headline.preferred ?? (headline.match.entry.id === 'apply.handled' ? 'total' : 'new');
    order.sort((a, b) => Number(b.key === pref) - Number(a.key === pref));
    return { rows: order };
  }
  return null;
}

/** "行政复议7件，均获维持": upheld = N and corrected, other, pending are 0. */
function allUpheld(
  m: Match,
  entry: NarrativeEntry,
  report: Report,
  text: string,
  base: { id: string; tok: Match['token']; position: { start: number; end: number } },
  quote: (s: number, e: number) => string,
): NarrativeClaim | null {
  const tok = m.token;
  const cue = entry.allUpheld!.after.exec(text.slice(tok.unitEnd, tok.sentenceEnd));
  if (!cue) return null;
  const groups = entry.allUpheld!.groups;
  const q = quote(m.quoteStart, tok.unitEnd + cue[0].length);
  const common = {
    id: `narrative:${entry.id}.all-upheld:${base.position.start}`,
    rule: entry.rule,
    quote: q,
    value: tok.value,
    unit: tok.unit,
    approx: tok.approx,
    field: groups.length > 1 ? `${entry.allUpheld!.group}.*.upheld` : `${groups[0]}.upheld`,
    position: base.position,
  };
  if (!report.tables.review?.found) {
    return {
      ...common,
      status: 'info',
      expected: null,
      messageId: 'narrative.table-missing',
      message: `表格缺失，正文数据无法核对（正文称 ${written(tok)}均获维持）`,
    };
  }
  const upheld = sumFields(
    report,
    groups.map((g) => `${g}.upheld`),
  );
  const others = REVIEW_ADDEND_KEYS.filter((k) => k.id !== 'upheld').map((k) => ({
    k,
    v: sumFields(
      report,
      groups.map((g) => `${g}.${k.id}`),
    ),
  }));
  const cells = groups.flatMap((g) => REVIEW_ADDEND_KEYS.map((k) => `${g}.${k.id}`));
  if (upheld.value === null) {
    return {
      ...common,
      status: 'info',
      expected: null,
      cells,
      messageId: 'narrative.table-blank',
      message: `正文称 ${written(tok)}均获维持，表四“结果维持”为空，无法核对`,
    };
  }
  const nonzero = others.filter((o) => (o.v.value ?? 0) !== 0);
  const ok = upheld.value === tok.value && nonzero.length === 0;
  const detail = [
    `“结果维持”为 ${fmt(upheld.value)}`,
    ...others.map((o) => `“${o.k.name}”为 ${o.v.value === null ? '空' : fmt(o.v.value)}`),
  ].join('，');
  return {
    ...common,
    status: ok ? 'pass' : tok.approx ? 'warn' : 'fail',
    expected: upheld.value,
    cells,
    messageId: ok ? 'narrative.all-upheld.match' : 'narrative.all-upheld.mismatch',
    message: `正文称 ${written(tok)}均获维持，表四${detail}${ok ? '，一致' : ''}`,
  };
}
