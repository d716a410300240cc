// A finding's message in parts, by the structure the core wrote it in — never by pattern-matching prose.
// A check's message is "<subject>：<detail>" where the subject is its rule's `subject(arg)`, and
// lib/culprit.ts appends "。可能是“<culprit field's name>”有误（…）" when a culprit explains it. Views that
// already name the place (the popup's finding title, the letter) show the detail alone and the culprit on
// its own line.

import { fieldName } from '../schema/fields';
import { ALL_RULES } from './index';
import type { RuleDef } from './define';

/** The rule a check id belongs to ("value.nonneg:…" → value.count). */
export function ruleOfCheck(checkId: string): RuleDef | null {
  const prefix = checkId.split(':', 1)[0]!;
  return ALL_RULES.find((r) => r.id === prefix || r.ids?.includes(prefix)) ?? null;
}

/** The clause lib/culprit.ts appends for this culprit field, up to its opening bracket. */
export function culpritMarker(field: string): string {
  return `。可能是“${fieldName(field)}”有误（`;
}

export interface FindingParts {
  /** What the check is about, as the message opens (null: the message does not open with it). */
  subject: string | null;
  /** The arithmetic: the message without its subject and without the culprit clause. */
  detail: string;
  /** The culprit clause ("可能是“…”有误（…）"), when the message carries one. */
  culprit: string | null;
}

export function findingParts(f: { checkId: string; message: string; culprit?: { field: string } | null }): FindingParts {
  const arg = f.checkId.includes(':') ? f.checkId.slice(f.checkId.indexOf(':') + 1) : '';
  let subject = ruleOfCheck(f.checkId)?.subject?.(arg) ?? null;
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
