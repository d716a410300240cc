// A finding's message in parts, by the structure the core wrote it in — never by pattern-matching prose.
// A check's message is "<subject>：<detail>" where the subject is its rule's `subject(arg)`, and
// lib/culprit.ts appends "。可能是“<culprit field's name>”有误（…）" when a culprit explains it. Views that
// already name the place (the popup's finding title, the letter) show the detail alone and the culprit on
// its own line.

import { fieldName, fieldPlace } from '../schema/fields';
import { TABLES } from '../schema/tables';
import { formatNumber } from '../i18n/number';
import type { Lang } from '../i18n';
import type { Check, ValueEntry } from '../types';
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

export function findingParts(f: {
  checkId: string;
  message: string;
  culprit?: { field: string } | null;
}): FindingParts {
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

/** The numbers of a check's cells, in words of the given language ("blank", "not read"). */
function cellText(
  entry: { value: number | null; blank?: boolean; raw: string } | undefined,
  lang: 'zh' | 'en',
): string {
  if (!entry) return lang === 'en' ? 'not read' : '缺';
  if (entry.blank) return lang === 'en' ? 'blank' : '空';
  return entry.value === null ? `“${entry.raw}”` : formatNumber(entry.value);
}

/**
 * A check's detail in one language, rendered from its structured fields (status, messageId, expected,
 * actual, cells, the report's values) — Chinese is the core's own detail (findingParts); English is
 * built from the same parts, so no English text is ever translated from the Chinese.
 */
export function checkDetail(
  check: Pick<Check, 'id' | 'rule' | 'status' | 'messageId' | 'expected' | 'actual' | 'cells' | 'message' | 'culprit'>,
  values: Readonly<Record<string, ValueEntry>>,
  lang: Lang,
): string {
  if (lang === 'zh') return findingParts({ checkId: check.id, message: check.message, culprit: check.culprit }).detail;
  const name = (f: string) => fieldInWordsEn(f);
  const [anchor, ...others] = check.cells;
  switch (check.messageId) {
    case 'identity.missing':
      return `cannot be checked: not read — ${check.cells
        .filter((f) => !values[f])
        .map(name)
        .join('; ')}`;
    case 'identity.unreadable':
      return `cannot be checked: not a number — ${check.cells
        .filter((f) => values[f] && !values[f]!.blank && values[f]!.value === null)
        .map((f) => `${name(f)} (“${values[f]!.raw}”)`)
        .join('; ')}`;
    case 'identity.total-blank':
      return `cannot be checked: ${anchor ? name(anchor) : 'the total'} is blank`;
    case 'identity.all-blank':
      return 'cannot be checked: every other cell is blank';
    case 'value.nonneg.fail':
      return `a count cannot be negative; the table shows ${check.actual === null ? '?' : formatNumber(check.actual)}`;
    case 'value.integer.fail':
      return `a count must be a whole number; the table shows ${anchor ? cellText(values[anchor], 'en') : '?'}`;
  }
  const terms = others.map((f) => cellText(values[f], 'en')).join(', ');
  const exp = check.expected === null ? '?' : formatNumber(check.expected);
  const act = check.actual === null ? '?' : formatNumber(check.actual);
  const where = anchor ? name(anchor) : 'the checked cell';
  const arg = check.id.includes(':') ? check.id.slice(check.id.indexOf(':') + 1) : '';
  const what = ruleOfCheck(check.id)?.place?.(arg, 'en').what;
  const by = `${what ? `${what}; ` : ''}other cells: ${terms}`;
  if (check.status === 'pass') return `${where} is ${act}, consistent (${by})`;
  if (check.status === 'fail') return `${where} should be ${exp} (${by}); the table shows ${act}`;
  return `${where} cannot be checked`;
}

function fieldInWordsEn(field: string): string {
  const p = fieldPlace(field, 'en');
  const table = p.table ? `${TABLES[p.table].short.en}, ` : '';
  return p.column ? `${table}row “${p.row}”, column “${p.column}”` : `${table}${p.row}`;
}
