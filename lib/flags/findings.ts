// Findings of a report that can be flagged, and their stable fingerprint.
//
// The fingerprint identifies "this inconsistency in this body's report for this year": the same finding
// on a revisit (or in the CLI's output for the same page) gets the same fingerprint; a corrected table
// (other values) gets another. So it hashes the agency (or, when the agency was not recognized, the page
// address without its fragment), the year, the check id and the *numbers* of the cells involved — not
// their raw text (the DOM reader and the text reader may see "1,234" and "1234"), not the message
// wording, not the time. Narrative claim ids carry a character offset that moves when the prose is
// edited, so claims hash their field, value and quoted sentence instead.

import type { Check, NarrativeClaim, Report } from '../types';
import type { FindingContent, FindingKind, FindingStatus, FlagCell, FlagParts } from './model';

export interface Finding extends FindingContent {
  /** Check id or narrative claim id — what `gouji:flag-add` names. */
  id: string;
  kind: FindingKind;
  status: FindingStatus;
  fingerprint: string;
}

/** cyrb53: a small, well-mixed 53-bit string hash (not cryptographic; collisions are irrelevant here). */
export function hash53(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

function subjectOf(report: Pick<Report, 'report' | 'source'>): string {
  const agency = report.report?.agency?.replace(/\s+/g, '');
  if (agency) return `agency:${agency}`;
  const url = report.source?.url ?? '';
  return `url:${url.split('#')[0]}`;
}

export function fingerprintOf(report: Pick<Report, 'report' | 'source'>, parts: string[]): string {
  const canonical = ['gouji-finding@1', subjectOf(report), String(report.report?.year ?? ''), ...parts].join('\n');
  return 'f1-' + hash53(canonical) + hash53(canonical, 0x9e3779b9).slice(-6);
}

function cellsOf(report: Report, fields: string[]): FlagCell[] {
  return fields.map((field) => {
    const v = report.values?.[field];
    const cell: FlagCell = { field, value: v && typeof v.value === 'number' ? v.value : null, raw: v?.raw ?? '' };
    if (!v) cell.state = 'missing';
    else if (v.blank) cell.state = 'blank';
    return cell;
  });
}

function checkFinding(report: Report, c: Check): Finding {
  const cells = cellsOf(report, c.cells ?? []);
  const fp = fingerprintOf(report, [`check:${c.id}`, ...cells.map((x) => `${x.field}=${x.value ?? 'blank'}`)]);
  const f: Finding = {
    id: c.id,
    kind: 'check',
    status: c.status as FindingStatus,
    cells,
    message: c.message,
    expected: c.expected ?? null,
    actual: c.actual ?? null,
    fingerprint: fp,
  };
  if (c.culprit) f.culprit = c.culprit;
  if (c.messageId) {
    const parts: FlagParts = { messageId: c.messageId };
    if (c.assumedZero?.length) parts.assumedZero = [...c.assumedZero];
    if (c.intervals) parts.intervals = c.intervals;
    f.parts = parts;
  }
  return f;
}

/** A narrative claim's id; claims built without one get a deterministic fallback. */
export function claimId(claim: NarrativeClaim, index: number): string {
  return claim.id ?? `narrative:${claim.field ?? 'text'}:${claim.position?.start ?? index}`;
}

function claimFinding(report: Report, claim: NarrativeClaim, index: number): Finding {
  const cells = claim.field ? cellsOf(report, [claim.field]) : [];
  const fp = fingerprintOf(report, [
    `narrative:${claim.field ?? ''}`,
    `value=${claim.value}`,
    `quote=${claim.quote.replace(/\s+/g, '')}`,
    ...cells.map((x) => `${x.field}=${x.value ?? 'blank'}`),
  ]);
  const f: Finding = {
    id: claimId(claim, index),
    kind: 'narrative',
    status: claim.status === 'fail' ? 'fail' : 'warn',
    cells,
    message: claim.message,
    expected: claim.expected ?? null,
    actual: claim.value,
    quote: claim.quote,
    fingerprint: fp,
  };
  if (claim.messageId) {
    const parts: FlagParts = { messageId: claim.messageId, unit: claim.unit };
    if (claim.approx) parts.approx = true;
    if (claim.cells?.length) parts.cells = [...claim.cells];
    if (claim.items?.length) parts.items = claim.items.map((i) => i.value);
    f.parts = parts;
  }
  return f;
}

/** Every flaggable finding: failing and uncertain checks, failing and warned narrative claims. */
export function findingsOf(report: Report | null | undefined): Finding[] {
  if (!report) return [];
  const out: Finding[] = [];
  for (const c of report.checks ?? [])
    if (c.status === 'fail' || c.status === 'uncertain') out.push(checkFinding(report, c));
  (report.narrative ?? []).forEach((claim, i) => {
    if (claim.status === 'fail' || claim.status === 'warn') out.push(claimFinding(report, claim, i));
  });
  return out;
}

export function findingById(report: Report | null | undefined, id: string): Finding | null {
  return findingsOf(report).find((f) => f.id === id) ?? null;
}
