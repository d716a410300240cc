// The follow-up flag: one finding (a failing or uncertain table check, or a narrative claim that
// disagrees with the tables) the user wants to follow up with the agency. Stored one entry per key in
// storage.local (see docs/flags.md), so one corrupted entry never takes the others down with it.

import type { Culprit } from '../types';
import { t } from '../i18n/page';

/** Bump when the stored shape changes, and add a step to MIGRATIONS (lib/flags/validate.ts). */
export const FLAG_SCHEMA_VERSION = 1 as const;

/** storage.local key of a flag: prefix + fingerprint. Keys without this prefix are not ours. */
export const FLAG_KEY_PREFIX = 'gouji:flag:';

/** Export file marker (JSON export of all flags). */
export const FLAGS_EXPORT_SCHEMA = 'gouji/flags@1' as const;

export const FLAG_STATUSES = ['open', 'reported', 'fixed', 'false_positive'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** Display labels; the stored value is the id (left column). */
export const FLAG_STATUS_LABELS: Record<FlagStatus, { zh: string; en: string }> = Object.fromEntries(
  FLAG_STATUSES.map((s) => [s, { zh: t('zh', `flagStatus.${s}`), en: t('en', `flagStatus.${s}`) }]),
) as Record<FlagStatus, { zh: string; en: string }>;

export type FindingKind = 'check' | 'narrative';
export type FindingStatus = 'fail' | 'uncertain' | 'warn';

export interface FlagCell {
  field: string;
  value: number | null;
  raw: string;
  /** The cell was blank (blank is not zero) or not read at all; absent: a number, or text that is none. */
  state?: 'blank' | 'missing';
}

/**
 * What a finding is made of beyond its cells and numbers, so that it can be said in any language at display
 * time (lib/rules/render.ts renderFlag): the check's or claim's message id and the parts its words need.
 * Absent on flags made before it existed (their saved Chinese `message` is shown). Additive: a build that does
 * not know it ignores it (lib/flags/validate.ts keeps it only when well formed).
 */
export interface FlagParts {
  messageId: string;
  /** Checks: blank addends counted as 0, and the interval comparison of amounts. */
  assumedZero?: string[];
  intervals?: { expected: [number, number]; actual: [number, number] };
  /** Claims: the unit written, 约/近/余, the cells compared, the parts of a sum written in the text. */
  unit?: string;
  approx?: boolean;
  cells?: string[];
  items?: number[];
}

/** What a finding says, kept the same in a report's finding and in the flag made of it. */
export interface FindingContent {
  /** Cells involved and the values the page showed (checked total first). */
  cells: FlagCell[];
  /** The finding's message (Chinese, with the arithmetic). */
  message: string;
  expected: number | null;
  actual: number | null;
  culprit?: Culprit;
  /** Narrative claims: the sentence quoted from the report. */
  quote?: string;
  /** What the finding is made of, to say it in the reader's language (absent on older flags). */
  parts?: FlagParts;
}

export interface Flag extends FindingContent {
  v: typeof FLAG_SCHEMA_VERSION;
  /** Stable fingerprint of the finding (lib/flags/fingerprint.ts); also the storage key suffix. */
  fingerprint: string;
  /** Check id ("apply.row-sum:new") or narrative claim id ("narrative:…"). */
  checkId: string;
  kind: FindingKind;
  /** The finding's status when it was flagged. */
  findingStatus: FindingStatus;
  url: string;
  title: string | null;
  agency: string | null;
  year: number | null;
  status: FlagStatus;
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Revision: +1 on every write of this flag (absent = 0). Updates read, change and write one key. */
  rev?: number;
}

export function flagKey(fingerprint: string): string {
  return FLAG_KEY_PREFIX + fingerprint;
}

export function isFlagStatus(s: unknown): s is FlagStatus {
  return typeof s === 'string' && (FLAG_STATUSES as readonly string[]).includes(s);
}

/** Flags still worth telling the agency about (not corrected, not a false positive). */
export function isActionable(f: Pick<Flag, 'status'>): boolean {
  return f.status === 'open' || f.status === 'reported';
}
