// The one place findings become words, per language: a check's message in parts (subject, detail, culprit
// clause), a number in the text, a notice, a state's name and the verdict line. Every string comes from
// lib/i18n (zh.ts / en.ts, same keys and placeholders); the numbers and names from the structured finding
// (messageId, expected, actual, cells, culprit, intervals, assumedZero) and the report's values and schema —
// never from parsing a glued message. A check's Chinese rendering is the core's own `message` character for
// character (tests/unit/render.test.ts demands it over every fixture), so the report JSON keeps its
// messages while the views render both languages here. Claims and notices carry data the JSON does not keep
// (the readings compared, an attachment's name): their Chinese is the core's message, their English is
// built from what the JSON keeps.

import { fieldName, fieldPlace, tableOfCheck, tableOfField } from '../schema/fields';
import { REVIEW_ADDEND_KEYS } from '../schema/review';
import { isTableKey, TABLE_KEYS, TABLES, tableName } from '../schema/tables';
import { formatNumber, roundNumber } from '../i18n/number';
import { t, type Lang, type PageKey } from '../i18n/page';
import type { Check, CheckStatus, NarrativeClaim, Report, ReportNotice, ValueEntry } from '../types';
import type { FindingContent, FindingKind, FindingStatus } from '../flags/model';
import { ALL_RULES } from './index';
import type { RuleDef } from './define';

type Values = Readonly<Record<string, ValueEntry>>;
const fmt = formatNumber;

/** The rule a check id belongs to ("value.nonneg:…" → value.count). */
export function ruleOfCheck(checkId: string): RuleDef | null {
  const prefix = checkId.split(':', 1)[0]!;
  return ALL_RULES.find((r) => r.id === prefix || r.ids?.includes(prefix)) ?? null;
}

const argOf = (checkId: string) => (checkId.includes(':') ? checkId.slice(checkId.indexOf(':') + 1) : '');

// ---------------------------------------------------------------------------------------------------------
// States: one name per state everywhere (page, popup, report view, batch, CLI, CSV, letter).

/**
 * Every status a finding can have → the one word for it. A check that cannot be decided, a number in the
 * text that cannot be compared (info) and one that is only approximately off (warn) are one state:
 * 无法判断 / undecided.
 */
export type StateWord = 'pass' | 'fail' | 'uncertain' | 'warn' | 'info' | 'culprit' | 'zero' | 'prose';
const STATE_KEY: Record<StateWord, PageKey> = {
  pass: 'state.pass',
  fail: 'state.fail',
  uncertain: 'state.uncertain',
  warn: 'state.uncertain',
  info: 'state.uncertain',
  culprit: 'state.culprit',
  zero: 'state.zero',
  prose: 'state.prose',
};
export function stateName(state: StateWord, lang: Lang): string {
  return t(lang, STATE_KEY[state] ?? 'state.uncertain');
}

// ---------------------------------------------------------------------------------------------------------
// Cells in words.

/** A field in words: "表三 （一）予以公开 · 自然人" / "Table III (1) Granted · Natural persons". */
export function cellName(field: string, lang: Lang): string {
  return fieldName(field, lang);
}

/** "“（七）总计”行“自然人”列" / "row “(7) Total”, column “Natural persons”". */
export function cellInWords(field: string, lang: Lang): string {
  const p = fieldPlace(field, lang, 'full');
  return p.column ? t(lang, 'cell.inWords', { row: p.row, column: p.column }) : p.row;
}

/** A term of a sum as shown in the arithmetic: the number, 空/blank, 缺/not read, ?. */
function termText(entry: ValueEntry | undefined, lang: Lang): string {
  if (!entry) return t(lang, 'cell.notRead');
  if (entry.blank) return t(lang, 'cell.blank');
  return entry.value === null ? t(lang, 'cell.unreadable') : fmt(entry.value);
}

/** "266 + 0 + 空 + 18"; compact (more than 8 terms): zeros left out and counted. */
function termList(fields: readonly string[], values: Values, lang: Lang, compact = false): string {
  const terms = fields.map((f) => ({ entry: values[f], text: termText(values[f], lang) }));
  if (!compact || terms.length <= 8) return terms.map((x) => x.text).join(' + ');
  const shown = terms.filter((x) => !x.entry || x.entry.blank || x.entry.value !== 0);
  const zeros = terms.length - shown.length;
  const list = shown.map((x) => x.text).join(' + ') || '0';
  return zeros ? t(lang, 'check.terms.rest', { list, n: zeros }) : list;
}

const join = (lang: Lang, parts: readonly string[]) => parts.join(t(lang, 'list.sep'));

// ---------------------------------------------------------------------------------------------------------
// Checks.

export interface RenderedCheck {
  /** What the check is about, as the message opens ("表三“（一）予以公开”行"). */
  subject: string;
  /** The arithmetic (or why it cannot be decided), without the subject and the culprit clause. */
  detail: string;
  /** The culprit clause ("可能是“…”有误（…）"), when a culprit explains the check. */
  culprit: string | null;
  /** The whole message: "<subject>：<detail>。<culprit>". For Chinese, the core's message exactly. */
  text: string;
}

type CheckLike = Pick<
  Check,
  'id' | 'rule' | 'status' | 'messageId' | 'expected' | 'actual' | 'cells' | 'message' | 'culprit'
> &
  Partial<Pick<Check, 'assumedZero' | 'intervals'>>;

/** The identity's two sides, as the rule built them (cells = [checked, ...lhs, ...rhs[1..]]). */
function sides(check: Pick<Check, 'rule' | 'cells'>): { lhs: string[]; rhs: string[] } {
  const [anchor, ...rest] = check.cells;
  if (check.rule === 'apply.balance') return { lhs: rest.slice(0, 2), rhs: [anchor!, ...rest.slice(2)] };
  return { lhs: rest, rhs: anchor === undefined ? [] : [anchor] };
}

function checkSubject(check: CheckLike, lang: Lang): string {
  const arg = argOf(check.id);
  const rule = ruleOfCheck(check.id);
  if (lang === 'zh') return rule?.subject?.(arg) ?? check.cells[0] ?? check.id;
  if (rule?.id === 'value.count') return fieldName(arg, 'en');
  const place = rule?.place?.(arg, 'en');
  if (!place) return check.cells[0] ? fieldName(check.cells[0], 'en') : check.id;
  const table = place.table ? TABLES[place.table].short.en : '';
  // A column check (result sums, balances) names its column; a row check its row.
  const where = place.column ? `column “${place.column}”` : place.row ? `row “${place.row}”` : '';
  return [table, where].filter(Boolean).join(', ') + (place.what ? ` (${place.what})` : '');
}

/** The identity rules whose failing checks get a culprit or "which row/column" (lib/culprit.ts). */
const IDENTITY_RULES = new Set(['apply.row-sum', 'apply.result-sum', 'apply.balance', 'review.sum']);

function identityBody(check: CheckLike, values: Values, lang: Lang): string {
  const { lhs, rhs } = sides(check);
  const pass = check.status === 'pass';
  const expected = fmt(check.expected ?? 0);
  const actual = check.actual === null ? t(lang, 'cell.unreadable') : fmt(check.actual);
  switch (check.rule) {
    case 'apply.row-sum':
      return t(lang, pass ? 'check.row-sum.pass' : 'check.row-sum.fail', {
        expected,
        actual,
        terms: termList(lhs, values, lang),
      });
    case 'apply.result-sum':
      return t(lang, pass ? 'check.result-sum.pass' : 'check.result-sum.fail', {
        expected,
        actual,
        terms: termList(lhs, values, lang, true),
      });
    case 'apply.balance': {
      const v = (f: string | undefined) => {
        const e = f === undefined ? undefined : values[f];
        return !e ? t(lang, 'cell.notRead') : e.blank ? t(lang, 'cell.blank') : fmt(e.value ?? 0);
      };
      const num = (f: string | undefined) => {
        const e = f === undefined ? undefined : values[f];
        return !e || e.blank ? 0 : (e.value ?? 0);
      };
      const sumL = roundNumber(num(lhs[0]) + num(lhs[1]));
      const sumR = roundNumber(num(rhs[0]) + num(rhs[1]));
      const left = t(lang, 'check.balance.left', { new: v(lhs[0]), carried: v(lhs[1]), sum: fmt(sumL) });
      const right = t(lang, 'check.balance.right', { total: v(rhs[0]), forward: v(rhs[1]), sum: fmt(sumR) });
      return t(lang, pass ? 'check.balance.pass' : 'check.balance.fail', {
        left,
        right,
        diff: fmt(Math.abs(sumL - sumR)),
      });
    }
    case 'review.sum': {
      const terms = lhs
        .map((f, i) => {
          const key = REVIEW_ADDEND_KEYS[i];
          const name = lang === 'zh' ? (key?.name ?? '').replace('结果', '') : fieldPlace(f, 'en').column;
          const e = values[f];
          return t(lang, 'check.review.term', {
            name,
            value: e?.blank ? t(lang, 'cell.blank') : fmt(e ? (e.blank ? 0 : (e.value ?? 0)) : 0),
          });
        })
        .join(' + ');
      return t(lang, pass ? 'check.review.pass' : 'check.review.fail', { expected, actual, terms });
    }
  }
  return t(lang, 'check.other');
}

function checkBody(check: CheckLike, values: Values, lang: Lang): string | null {
  const { lhs, rhs } = sides(check);
  const ordered = [...lhs, ...rhs];
  switch (check.messageId) {
    case 'identity.missing':
      return t(lang, 'check.missing', {
        cells: join(
          lang,
          ordered.filter((f) => !values[f]).map((f) => fieldName(f, lang)),
        ),
      });
    case 'identity.unreadable':
      return t(lang, 'check.unreadable', {
        cells: join(
          lang,
          ordered
            .filter((f) => values[f] && !values[f]!.blank && values[f]!.value === null)
            .map((f) => t(lang, 'check.unreadableCell', { name: fieldName(f, lang), raw: values[f]!.raw })),
        ),
      });
    case 'identity.total-blank':
      return t(lang, 'check.total-blank', { name: fieldName(check.cells[0] ?? '', lang) });
    case 'identity.all-blank':
      return t(lang, 'check.all-blank');
    case 'value.nonneg.fail':
      return t(lang, 'check.nonneg', { actual: check.actual === null ? '?' : fmt(check.actual) });
    case 'value.integer.fail':
      return t(lang, 'check.integer', { raw: values[check.cells[0] ?? '']?.raw ?? String(check.actual ?? '') });
  }
  if (check.rule === 'apply.year-over-year') {
    // The previous year's number is in the core's Chinese message only: Chinese shows the core's message.
    if (lang === 'zh') return null;
    const key: PageKey =
      check.status === 'pass' ? 'check.yoy.pass' : check.status === 'fail' ? 'check.yoy.fail' : 'check.yoy.uncertain';
    return t(lang, key, {
      expected: check.expected === null ? '?' : fmt(check.expected),
      actual: check.actual === null ? '?' : fmt(check.actual),
    });
  }
  if (IDENTITY_RULES.has(check.rule) && check.status !== 'uncertain') {
    let body = identityBody(check, values, lang);
    if (check.intervals)
      body += t(lang, 'check.intervals', {
        expected: check.intervals.expected.join(', '),
        actual: check.intervals.actual.join(', '),
      });
    if (check.assumedZero?.length)
      body += t(lang, 'check.assumed', {
        cells: join(
          lang,
          check.assumedZero.map((f) => fieldName(f, lang)),
        ),
      });
    if (check.status === 'fail' && !check.culprit && !check.intervals) {
      const column = check.rule === 'apply.result-sum' || check.rule === 'apply.balance';
      body += t(lang, column ? 'check.whereWrong.column' : 'check.whereWrong.row');
    }
    return body;
  }
  return null;
}

/** Why a culprit whose identity fails alone is named (shown after the value it needs). */
export function culpritBasis(basis: 'only-value' | 'zero-total', lang: Lang): string {
  return t(lang, basis === 'only-value' ? 'culprit.basis.only-value' : 'culprit.basis.zero-total');
}

/** The culprit clause of a check ("可能是“…”有误（表中为 …，若为 … 则…核对一致）"), without its leading stop. */
export function culpritClause(
  culprit: NonNullable<Check['culprit']>,
  entry: ValueEntry | undefined,
  lang: Lang,
): string {
  const shown = !entry ? '?' : entry.blank ? t(lang, 'cell.blankWord') : fmt(entry.value ?? 0);
  const n = culprit.explains.length;
  const clause = t(lang, 'culprit.clause', {
    name: fieldName(culprit.field, lang),
    shown,
    suggested: fmt(culprit.suggested),
    which: n > 1 ? t(lang, 'culprit.many', { n }) : t(lang, 'culprit.one'),
    why: culprit.basis ? t(lang, 'culprit.why', { basis: culpritBasis(culprit.basis, lang) }) : '',
  });
  return clause.replace(/^[。.]\s*/, '');
}

/**
 * A check in words, in parts. Chinese: the core's message, taken apart where it was joined; English: built
 * from the same structure with the same parts.
 */
export function renderCheck(check: CheckLike, values: Values, lang: Lang): RenderedCheck {
  const subject = checkSubject(check, lang);
  const body = checkBody(check, values, lang);
  if (body === null && lang === 'zh') {
    const p = findingParts({ checkId: check.id, message: check.message, culprit: check.culprit });
    return { subject: p.subject ?? '', detail: p.detail, culprit: p.culprit, text: check.message };
  }
  const detail = body ?? t(lang, 'check.other');
  const culprit =
    check.culprit && check.status === 'fail' ? culpritClause(check.culprit, values[check.culprit.field], lang) : null;
  const head = t(lang, 'check.subject', { subject, detail });
  const text = culprit ? `${head}${lang === 'zh' ? '。' : '. '}${culprit}` : head;
  return { subject, detail, culprit, text };
}

/** A check's message without its culprit clause ("<subject>：<detail>"): the culprit is said once elsewhere. */
export function checkWithoutCulprit(check: CheckLike, values: Values, lang: Lang): string {
  const r = renderCheck(check, values, lang);
  return t(lang, 'check.subject', { subject: r.subject, detail: r.detail });
}

/** lib/culprit.ts: the clause it appends to each check a culprit explains (zh, the report's message). */
export function culpritMarker(field: string): string {
  return `。可能是“${fieldName(field)}”有误（`;
}

/** What lib/culprit.ts appends to a failing identity's Chinese message (the report JSON's `message`). */
export function culpritSuffixZh(culprit: NonNullable<Check['culprit']>, entry: ValueEntry | undefined): string {
  return `。${culpritClause(culprit, entry, 'zh')}`;
}

/** What lib/culprit.ts appends to a failing identity no single cell explains ("。这一行中有一格有误…"). */
export function whereWrongZh(rule: string): string {
  return t(
    'zh',
    rule === 'apply.result-sum' || rule === 'apply.balance' ? 'check.whereWrong.column' : 'check.whereWrong.row',
  );
}

export interface FindingParts {
  /** What the check is about, as the message opens (null: the message does not open with it). */
  subject: string | null;
  /** The arithmetic: the message without its subject and without the culprit clause. */
  detail: string;
  /** The culprit clause ("可能是“…”有误（…）"), when the message carries one. */
  culprit: string | null;
}

/**
 * A stored Chinese message (a flag keeps the message it was made with) in parts, by the structure the core
 * wrote it in: "<subject>：<detail>" plus lib/culprit.ts's clause — never by pattern-matching prose.
 */
export function findingParts(f: {
  checkId: string;
  message: string;
  culprit?: { field: string } | null;
}): FindingParts {
  let subject = ruleOfCheck(f.checkId)?.subject?.(argOf(f.checkId)) ?? null;
  let rest = f.message.trim();
  if (subject && rest.startsWith(`${subject}：`)) rest = rest.slice(subject.length + 1).trimStart();
  else subject = null;
  let culprit: string | null = null;
  if (f.culprit) {
    const i = rest.lastIndexOf(culpritMarker(f.culprit.field));
    if (i >= 0) {
      culprit = rest.slice(i + 1);
      rest = rest.slice(0, i);
    }
  }
  return { subject, detail: rest, culprit };
}

/** A check's detail in one language (renderCheck's `detail`). */
export function checkDetail(check: CheckLike, values: Values, lang: Lang): string {
  return renderCheck(check, values, lang).detail;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers in the text.

const UNIT_EN: Record<string, string> = { 万元: ' (10,000 yuan)', 元: ' yuan', '%': '%' };

function writtenEn(claim: Pick<NarrativeClaim, 'value' | 'unit' | 'approx'>): string {
  const v = `${fmt(claim.value)}${UNIT_EN[claim.unit] ?? ''}`;
  return t('en', claim.approx ? 'claim.writtenApprox' : 'claim.written', { value: v });
}

/** What a claim was compared with, in words: its field, or the sum of its cells. */
function claimWhere(claim: NarrativeClaim, lang: Lang): string {
  if (claim.field) return fieldName(claim.field, lang);
  const cells = claim.cells ?? [];
  if (cells.length === 1) return fieldName(cells[0]!, lang);
  if (cells.length > 1)
    return t(lang, 'claim.sumOf', {
      names: join(
        lang,
        cells.map((f) => fieldName(f, lang)),
      ),
    });
  return '';
}

/**
 * A number written in the text, checked against the tables, in words. Chinese: the core's message (it names
 * the readings it compared, which the JSON does not keep); English: from the claim's value, unit, field,
 * cells, expected and messageId.
 */
export function renderClaim(claim: NarrativeClaim, lang: Lang): string {
  if (lang === 'zh') return claim.message;
  const written = writtenEn(claim);
  const where = claimWhere(claim, 'en');
  const expected = claim.expected === null ? '' : fmt(claim.expected);
  const id = claim.messageId ?? '';
  const tables = () => {
    const keys = [...new Set((claim.cells ?? []).flatMap((f) => tableOfField(f) ?? []))];
    return join(
      'en',
      (keys.length ? keys : TABLE_KEYS).map((k) => TABLES[k].short.en),
    );
  };
  switch (id) {
    case 'narrative.match':
      return t('en', 'claim.match', { written, where, expected });
    case 'narrative.mismatch':
    case 'narrative.mismatch-approx':
      return claim.expected === null
        ? t('en', 'claim.mismatchBlank', { written, where })
        : t('en', 'claim.mismatch', { written, where, expected });
    case 'narrative.table-missing':
      return t('en', 'claim.table-missing', { written });
    case 'narrative.table-blank':
      return t('en', 'claim.table-blank', { written, where });
    case 'narrative.table-partial':
      return t('en', 'claim.table-partial', { written, tables: tables() });
    case 'narrative.no-cell':
      return t('en', 'claim.no-cell', { written });
    case 'narrative.no-subject':
      return t('en', 'claim.no-subject', { written, table: TABLES.apply.short.en });
    case 'narrative.part-scope':
      return t('en', 'claim.part-scope', { written });
    case 'narrative.parts':
      return t('en', 'claim.parts', { expected });
    case 'narrative.all-upheld.match':
      return t('en', 'claim.all-upheld.match', { value: fmt(claim.value), where });
    case 'narrative.all-upheld.mismatch':
      return t('en', 'claim.all-upheld.mismatch', { value: fmt(claim.value), where, expected });
    case 'narrative.share.match':
      return t('en', 'claim.share.match', { value: fmt(claim.value), expected });
    case 'narrative.share.mismatch':
      return claim.expected === null
        ? t('en', 'claim.share.noBase', { value: fmt(claim.value) })
        : t('en', 'claim.share.mismatch', { value: fmt(claim.value), expected });
  }
  if (id.startsWith('narrative.text-sum.')) {
    const parts = (claim.items ?? []).map((i) => fmt(i.value)).join(' + ');
    const value = `${fmt(claim.value)}${UNIT_EN[claim.unit] ?? ''}`;
    return t('en', id === 'narrative.text-sum.match' ? 'claim.text-sum.match' : 'claim.text-sum.mismatch', {
      expected,
      parts,
      value,
    });
  }
  return t('en', 'claim.other', { written });
}

// ---------------------------------------------------------------------------------------------------------
// Notices.

/** lib/check.ts BLANK_UNDECIDED: the checks undecided only because of blanks. */
const BLANK_MESSAGES: ReadonlySet<string> = new Set(['identity.total-blank', 'identity.all-blank']);

/** The limit lib/check.ts reads prose up to (kept here so the renderer does not import the engine). */
const MAX_PROSE_CHARS_SHOWN = '100,000';

/**
 * A notice in words. Chinese: the core's message; English: from its id, its field and the report (which
 * tables were found, the year). Numbers the JSON does not keep (an attachment's name, how many images)
 * are left out of the English sentence rather than guessed.
 */
export function renderNotice(
  notice: ReportNotice,
  report: (Pick<Report, 'report' | 'tables'> & Partial<Pick<Report, 'checks'>>) | null,
  lang: Lang,
): string {
  if (lang === 'zh') return notice.message;
  const id = notice.id;
  // A table's blanks said once (lib/check.ts): counted again from the report's tables and checks.
  const blankTable = /^(blanks-undecided|blank-as-zero)\.(\w+)$/.exec(id);
  if (blankTable && isTableKey(blankTable[2])) {
    const key = blankTable[2];
    const n = report?.tables?.[key]?.blank.length ?? 0;
    const table = TABLES[key].short.en;
    if (blankTable[1] === 'blank-as-zero') return t('en', 'notice.blank-as-zero', { table, n });
    const m = (report?.checks ?? []).filter(
      (c) => c.status === 'uncertain' && BLANK_MESSAGES.has(c.messageId) && tableOfCheck(c) === key,
    ).length;
    return t('en', 'notice.blanks-undecided', { table, n, m });
  }
  switch (id) {
    case 'not-report':
    case 'tables-missing':
    case 'narrative.error':
    case 'tables-in-attachment':
    case 'tables-as-images':
    case 'extract.table-too-large':
    case 'pdf.pages-skipped':
    case 'attachment':
      return t('en', `notice.${id}` as PageKey);
    case 'old-format': {
      const year = report?.report?.year;
      return year ? t('en', 'notice.old-format', { year }) : t('en', 'notice.old-format-noyear');
    }
    case 'tables-partly-missing': {
      const missing = TABLE_KEYS.filter((k) => report?.tables?.[k] && !report.tables[k].found);
      return t('en', 'notice.tables-partly-missing', {
        tables: join(
          'en',
          missing.map((k) => tableName(k, 'en', 'topic')),
        ),
      });
    }
    case 'narrative.truncated':
      return t('en', 'notice.narrative.truncated', { n: MAX_PROSE_CHARS_SHOWN });
  }
  if (id.startsWith('extract.')) {
    const table = notice.field ? tableOfField(notice.field) : null;
    return t('en', 'notice.extract', { table: table ? TABLES[table].short.en : 'A table' });
  }
  return t('en', 'notice.other', { id });
}

// ---------------------------------------------------------------------------------------------------------
// Flags: a finding saved by the user, said again at display time in the reader's language.

/** What a flag (or a report's flaggable finding) keeps of its finding: lib/flags/model.ts. */
export type FlagLike = FindingContent & { checkId: string; kind: FindingKind; findingStatus: FindingStatus };

export interface RenderedFlag {
  /** The finding without its subject and culprit clause (a check's arithmetic; a claim's sentence). */
  detail: string;
  /** The whole finding, as a report's message reads ("<subject>：<detail>。<culprit>"). */
  text: string;
  /** false: the flag lacks the parts to say it again (made by an older build), so this is its saved message. */
  rendered: boolean;
}

/** The values a flag saw, as the report had them (a missing cell is absent, a blank one blank). */
function flagValues(flag: FlagLike): Record<string, ValueEntry> {
  const out: Record<string, ValueEntry> = {};
  for (const c of flag.cells) {
    if (c.state === 'missing') continue;
    out[c.field] = c.state === 'blank' ? { value: null, raw: c.raw, blank: true } : { value: c.value, raw: c.raw };
  }
  return out;
}

/**
 * A flagged finding in words, from the parts the flag keeps (check id, cells and their values, expected,
 * culprit, message id, a claim's unit and cells): the same renderer as the report's findings, so the follow-up
 * page, its search and the letter say it in the current language and wording. A flag without its parts (made
 * before they were kept) shows the message it was saved with — its stored data is never rewritten.
 */
export function renderFlag(flag: FlagLike, lang: Lang): RenderedFlag {
  const parts = flag.parts;
  if (parts && flag.kind === 'narrative') {
    const claim: NarrativeClaim = {
      quote: flag.quote ?? '',
      value: flag.actual ?? 0,
      unit: parts.unit ?? '',
      field: flag.cells[0]?.field ?? null,
      status: flag.findingStatus === 'fail' ? 'fail' : 'warn',
      expected: flag.expected,
      message: flag.message,
      messageId: parts.messageId,
    };
    if (parts.cells) claim.cells = parts.cells;
    if (parts.approx) claim.approx = true;
    if (parts.items) claim.items = parts.items.map((value) => ({ value, position: { start: 0, end: 0 } }));
    const text = renderClaim(claim, lang);
    return { detail: text, text, rendered: true };
  }
  const rule = ruleOfCheck(flag.checkId);
  if (parts && flag.kind === 'check' && rule) {
    const check: CheckLike = {
      id: flag.checkId,
      rule: rule.id,
      status: (flag.findingStatus === 'warn' ? 'uncertain' : flag.findingStatus) as CheckStatus,
      messageId: parts.messageId,
      expected: flag.expected,
      actual: flag.actual,
      cells: flag.cells.map((c) => c.field),
      message: flag.message,
      ...(flag.culprit ? { culprit: flag.culprit } : {}),
      ...(parts.assumedZero ? { assumedZero: parts.assumedZero } : {}),
      ...(parts.intervals ? { intervals: parts.intervals } : {}),
    };
    const r = renderCheck(check, flagValues(flag), lang);
    return { detail: r.detail, text: r.text, rendered: true };
  }
  const detail =
    flag.kind === 'check'
      ? findingParts({ checkId: flag.checkId, message: flag.message, culprit: flag.culprit }).detail
      : flag.message;
  return { detail, text: flag.message, rendered: false };
}

// ---------------------------------------------------------------------------------------------------------
// The verdict line.

/**
 * A report's (or a table's) verdict, counting errors — never "全部一致" when a check could not be decided:
 * "1 处错误（2 项核对不一致），3 项无法判断" / "未发现不一致，37 项无法判断" / "全部一致".
 */
export function verdictText(
  counts: { errors: number; failing: number; uncertain: number; blankOnly?: boolean },
  lang: Lang,
): string {
  const parts: string[] = [];
  if (counts.errors)
    parts.push(
      t(lang, counts.errors === 1 ? 'verdict.error1' : 'verdict.errors', {
        errors: counts.errors,
        checks: counts.failing,
      }),
    );
  else if (counts.uncertain) parts.push(t(lang, 'verdict.noneFound'));
  else parts.push(t(lang, 'verdict.allConsistent'));
  if (counts.uncertain)
    parts.push(t(lang, counts.blankOnly ? 'verdict.undecidedBlank' : 'verdict.undecided', { n: counts.uncertain }));
  return parts.join(t(lang, 'clause.sep'));
}
