// Reading stored (or imported) flag entries: migrate old versions, check the shape, and report —
// never throw on — entries that are corrupted, foreign or from a newer version of the extension.
// A rejected entry is left where it is (a newer build may still read it); it is listed, not deleted.

import type { Culprit } from '../types';
import { t, type PageKey, type Params } from '../i18n/page';
import {
  FLAG_SCHEMA_VERSION,
  FLAG_STATUSES,
  FLAG_STATUS_LABELS,
  isFlagStatus,
  type Flag,
  type FlagCell,
  type FlagParts,
  type FlagStatus,
} from './model';

/** Why an entry was skipped, as a message key (lib/i18n `flagProblem.…`) and its parameters. */
export interface ProblemWhy {
  id: Extract<PageKey, `flagProblem.${string}`>;
  params?: Params;
}

export interface FlagProblem {
  /** storage key, or "#<index>" for an entry of an imported file. */
  key: string;
  /** Chinese, for people: what was expected, what was found. */
  reason: string;
  /** The same, to say in the page's language (absent on problems made elsewhere). */
  why?: ProblemWhy;
}

export type Validated = { ok: true; flag: Flag; migrated: boolean } | { ok: false; reason: string; why: ProblemWhy };

/** A problem in words: `why` in `lang`, else its Chinese reason. */
export function problemText(p: Pick<FlagProblem, 'reason' | 'why'>, lang: 'zh' | 'en'): string {
  return p.why ? t(lang, p.why.id, p.why.params) : p.reason;
}

const problem = (id: ProblemWhy['id'], params?: Params): ProblemWhy => (params ? { id, params } : { id });

type Migration = (old: Record<string, unknown>, now: Date) => Record<string, unknown>;

/**
 * MIGRATIONS[n] turns a version-n entry into a version-(n+1) entry. Version 0 is any entry without a
 * `v` field: a hand-edited export (a spreadsheet user writing the status as "待跟进", leaving out
 * the dates). Add a step here when FLAG_SCHEMA_VERSION is bumped; never edit a released step.
 */
export const MIGRATIONS: Record<number, Migration> = {
  0: (old, now) => {
    const byLabel = new Map<string, FlagStatus>();
    for (const s of FLAG_STATUSES) {
      byLabel.set(FLAG_STATUS_LABELS[s].zh, s);
      byLabel.set(FLAG_STATUS_LABELS[s].en.toLowerCase(), s);
    }
    const status =
      typeof old.status === 'string'
        ? (byLabel.get(old.status.trim().toLowerCase()) ?? byLabel.get(old.status.trim()) ?? old.status)
        : 'open';
    const stamp = now.toISOString();
    return {
      ...old,
      v: 1,
      status,
      note: typeof old.note === 'string' ? old.note : '',
      kind:
        old.kind ?? (typeof old.checkId === 'string' && old.checkId.startsWith('narrative:') ? 'narrative' : 'check'),
      findingStatus: old.findingStatus ?? 'fail',
      cells: old.cells ?? [],
      message: old.message ?? '',
      expected: old.expected ?? null,
      actual: old.actual ?? null,
      title: old.title ?? null,
      agency: old.agency ?? null,
      year: old.year ?? null,
      createdAt: old.createdAt ?? stamp,
      updatedAt: old.updatedAt ?? old.createdAt ?? stamp,
    };
  },
};

const said = (why: ProblemWhy) => ({ error: t('zh', why.id, why.params), why });

export function migrate(
  entry: Record<string, unknown>,
  now: Date,
  migrations: Record<number, Migration> = MIGRATIONS,
  target: number = FLAG_SCHEMA_VERSION,
): { entry: Record<string, unknown>; from: number } | { error: string; why: ProblemWhy } {
  const v = entry.v === undefined ? 0 : entry.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    return said(problem('flagProblem.version', { v: JSON.stringify(v) }));
  if (v > target) return said(problem('flagProblem.newer', { v, target }));
  let cur = entry;
  for (let n = v; n < target; n++) {
    const step = migrations[n];
    if (!step) return said(problem('flagProblem.noMigration', { n }));
    cur = step(cur, now);
  }
  return { entry: cur, from: v };
}

const MAX_TEXT = 20_000;

/** What validateFlag accepts: the writer fits a flag to these *before* saving (fitFlag). */
export const FLAG_LIMITS = { text: MAX_TEXT, note: 5000, url: 4000, raw: 500 } as const;

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  // Keep as much as fits; do not split a surrogate pair.
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * A flag as it will be saved: long texts cut to what validateFlag accepts (a 25,000-character page title
 * was saved — "✓ 已标记" — and then never listed nor exported). What is saved is what can be shown.
 */
export function fitFlag(f: Flag): Flag {
  const out: Flag = {
    ...f,
    title: f.title === null ? null : cut(f.title, MAX_TEXT),
    agency: f.agency === null ? null : cut(f.agency, MAX_TEXT),
    message: cut(f.message, MAX_TEXT),
    note: cut(f.note, FLAG_LIMITS.note),
    url: f.url.length > FLAG_LIMITS.url ? '' : f.url,
    checkId: f.checkId.slice(0, 300),
    cells: f.cells.map((c) => ({ ...c, raw: c.raw.slice(0, FLAG_LIMITS.raw) })),
  };
  if (f.quote !== undefined) out.quote = cut(f.quote, MAX_TEXT);
  return out;
}

/** Imported dates later than now are clamped to now (a flag dated 9999 would win every later edit). */
export function clampDates(f: Flag, now: Date): Flag {
  const t = now.getTime();
  const clamp = (s: string) => (Date.parse(s) > t ? now.toISOString() : s);
  const createdAt = clamp(f.createdAt);
  const updatedAt = clamp(f.updatedAt);
  return createdAt === f.createdAt && updatedAt === f.updatedAt ? f : { ...f, createdAt, updatedAt };
}

/** true when `raw` is an entry written by a newer version of Gouji (left untouched, listed as such). */
export function isNewerEntry(raw: unknown): boolean {
  const v = (raw as { v?: unknown } | null)?.v;
  return (
    typeof raw === 'object' && raw !== null && typeof v === 'number' && Number.isInteger(v) && v > FLAG_SCHEMA_VERSION
  );
}
const FINGERPRINT = /^[A-Za-z0-9_-]{4,80}$/;

function isoDate(s: unknown): s is string {
  return typeof s === 'string' && s.length <= 40 && !Number.isNaN(Date.parse(s));
}

function optString(v: unknown): v is string | null {
  return v === null || (typeof v === 'string' && v.length <= MAX_TEXT);
}

function optNumber(v: unknown): v is number | null {
  return v === null || (typeof v === 'number' && Number.isFinite(v));
}

/** Only web pages: a stored `javascript:` address must never become a link in our pages. */
export function isWebUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function checkCells(v: unknown): FlagCell[] | ProblemWhy {
  if (!Array.isArray(v)) return problem('flagProblem.cellsArray');
  const out: FlagCell[] = [];
  for (const c of v) {
    if (typeof c !== 'object' || c === null) return problem('flagProblem.cellNotObject');
    const { field, value, raw } = c as Record<string, unknown>;
    if (typeof field !== 'string' || field.length > 200) return problem('flagProblem.cellField');
    if (!optNumber(value ?? null)) return problem('flagProblem.cellValue', { field });
    const cell: FlagCell = {
      field,
      value: (value as number | null) ?? null,
      raw: typeof raw === 'string' ? raw.slice(0, 500) : '',
    };
    const state = (c as Record<string, unknown>).state;
    if (state === 'blank' || state === 'missing') cell.state = state;
    out.push(cell);
  }
  return out;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const pair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every(isNum);
const ids = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 200 && v.every((x) => typeof x === 'string' && x.length <= 200);

/**
 * A flag's parts (lib/flags/model.ts FlagParts), kept only when well formed: they are optional and additive
 * (flags made before them have none; their saved message is shown), so malformed parts are left out of what
 * the page reads rather than making the whole flag unreadable. Only known fields are kept.
 */
function checkParts(v: unknown): FlagParts | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const p = v as Record<string, unknown>;
  if (typeof p.messageId !== 'string' || !p.messageId || p.messageId.length > 100) return undefined;
  const out: FlagParts = { messageId: p.messageId };
  if (p.assumedZero !== undefined) {
    if (!ids(p.assumedZero)) return undefined;
    out.assumedZero = [...p.assumedZero];
  }
  if (p.intervals !== undefined) {
    const iv = p.intervals as Record<string, unknown> | null;
    if (!iv || !pair(iv.expected) || !pair(iv.actual)) return undefined;
    out.intervals = { expected: [iv.expected[0], iv.expected[1]], actual: [iv.actual[0], iv.actual[1]] };
  }
  if (p.unit !== undefined) {
    if (typeof p.unit !== 'string' || p.unit.length > 20) return undefined;
    out.unit = p.unit;
  }
  if (p.approx !== undefined) {
    if (typeof p.approx !== 'boolean') return undefined;
    if (p.approx) out.approx = true;
  }
  if (p.cells !== undefined) {
    if (!ids(p.cells)) return undefined;
    out.cells = [...p.cells];
  }
  if (p.items !== undefined) {
    if (!Array.isArray(p.items) || p.items.length > 200 || !p.items.every(isNum)) return undefined;
    out.items = [...p.items];
  }
  return out;
}

function checkCulprit(v: unknown): Culprit | undefined | ProblemWhy {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object') return problem('flagProblem.culpritObject');
  const { field, suggested, explains } = v as Record<string, unknown>;
  if (
    typeof field !== 'string' ||
    typeof suggested !== 'number' ||
    !Array.isArray(explains) ||
    !explains.every((e) => typeof e === 'string')
  ) {
    return problem('flagProblem.culpritFields');
  }
  return { field, suggested, explains: explains as string[] };
}

const fail = (why: ProblemWhy): Validated => ({ ok: false, reason: t('zh', why.id, why.params), why });
const isWhy = (x: unknown): x is ProblemWhy =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as ProblemWhy).id === 'string';

/** Validates (after migrating) one stored or imported entry. */
export function validateFlag(raw: unknown, now: Date = new Date(), expectedFingerprint?: string): Validated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const type = Array.isArray(raw) ? 'array' : raw === null ? 'null' : typeof raw;
    return fail(problem('flagProblem.notFlag', { type }));
  }
  const m = migrate(raw as Record<string, unknown>, now);
  if ('error' in m) return { ok: false, reason: m.error, why: m.why };
  const e = m.entry;
  if (typeof e.fingerprint !== 'string' || !FINGERPRINT.test(e.fingerprint))
    return fail(problem('flagProblem.fingerprint'));
  if (expectedFingerprint !== undefined && e.fingerprint !== expectedFingerprint)
    return fail(problem('flagProblem.keyMismatch', { fingerprint: e.fingerprint }));
  if (typeof e.checkId !== 'string' || !e.checkId || e.checkId.length > 300)
    return fail(problem('flagProblem.checkId'));
  if (e.kind !== 'check' && e.kind !== 'narrative')
    return fail(problem('flagProblem.kind', { kind: JSON.stringify(e.kind) ?? 'undefined' }));
  if (e.findingStatus !== 'fail' && e.findingStatus !== 'uncertain' && e.findingStatus !== 'warn')
    return fail(problem('flagProblem.findingStatus'));
  if (typeof e.url !== 'string' || (e.url !== '' && !isWebUrl(e.url)) || e.url.length > 4000)
    return fail(problem('flagProblem.url'));
  if (!optString(e.title) || !optString(e.agency)) return fail(problem('flagProblem.titleAgency'));
  if (!(e.year === null || (typeof e.year === 'number' && Number.isInteger(e.year) && e.year > 1990 && e.year < 2200)))
    return fail(problem('flagProblem.year', { year: JSON.stringify(e.year) ?? 'undefined' }));
  if (!isFlagStatus(e.status))
    return fail(
      problem('flagProblem.status', {
        status: JSON.stringify(e.status) ?? 'undefined',
        statuses: FLAG_STATUSES.join(' / '),
      }),
    );
  if (typeof e.note !== 'string' || e.note.length > MAX_TEXT) return fail(problem('flagProblem.note'));
  if (typeof e.message !== 'string' || e.message.length > MAX_TEXT) return fail(problem('flagProblem.message'));
  if (!optNumber(e.expected) || !optNumber(e.actual)) return fail(problem('flagProblem.numbers'));
  if (!isoDate(e.createdAt) || !isoDate(e.updatedAt)) return fail(problem('flagProblem.dates'));
  const cells = checkCells(e.cells);
  if (isWhy(cells)) return fail(cells);
  const culprit = checkCulprit(e.culprit);
  if (isWhy(culprit)) return fail(culprit);
  if (e.quote !== undefined && (typeof e.quote !== 'string' || e.quote.length > MAX_TEXT))
    return fail(problem('flagProblem.quote'));
  if (e.rev !== undefined && !(typeof e.rev === 'number' && Number.isInteger(e.rev) && e.rev >= 0))
    return fail(problem('flagProblem.rev'));

  // Rebuild from known fields only: whatever else a foreign entry carried is not kept.
  const flag: Flag = {
    v: FLAG_SCHEMA_VERSION,
    fingerprint: e.fingerprint,
    checkId: e.checkId,
    kind: e.kind,
    findingStatus: e.findingStatus,
    url: e.url,
    title: (e.title as string | null) ?? null,
    agency: (e.agency as string | null) ?? null,
    year: (e.year as number | null) ?? null,
    cells,
    message: e.message,
    expected: (e.expected as number | null) ?? null,
    actual: (e.actual as number | null) ?? null,
    status: e.status,
    note: e.note,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
  if (culprit) flag.culprit = culprit;
  if (typeof e.quote === 'string') flag.quote = e.quote;
  if (typeof e.rev === 'number' && e.rev > 0) flag.rev = e.rev;
  const parts = checkParts(e.parts);
  if (parts) flag.parts = parts;
  return { ok: true, flag, migrated: m.from !== FLAG_SCHEMA_VERSION };
}
