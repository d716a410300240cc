// Naming the probable culprit (FORMAT.md §5). A wrong cell breaks every identity it is in — its row sum and
// its column sum or balance — so the culprit is a cell whose change to one value makes all the failing
// checks involving it pass, without breaking a passing check. Greedy: the cell that explains the most
// failing checks, only when it is the unique best; ties stay unexplained (a wrong total and a wrong addend
// can look alike, so the message says "可能").
//
// A failure no intersection explains (every table-四 cell is in one identity only; a table-三 cell whose
// other identities are undecidable) gets a culprit only when it is the *only value* that fits: exactly one
// cell of the identity can be set to a non-negative whole number that makes it hold, and that cell is in no
// other decided identity (changing it would break a passing one, or leave another failure unexplained).
// 10 + 1 + 0 + 0 = 总计 0 is that shape: no addend can drop by 11 without going negative, so only the
// 总计 can be wrong (hongze-2023). When more cells fit, a 总计 of 0 over parts that are not all 0 is still
// named ('zero-total': 维持 5 = 总计 0 — a template's 0 never filled in, rather than the whole row being 0
// with a 5 typed into it). 维持 + … = 总计 12 with the addends summing to 11 is neither: any addend one
// higher fits, so no cell is named, and the message says which row (or column) holds the wrong cell.

import type { ValueEntry } from './types';
import type { Evaluated } from './rules/types';
import { culpritBasis, culpritSuffixZh, whereWrongZh } from './rules/render';
import { roundNumber } from './i18n/number';

interface Candidate {
  field: string;
  suggested: number;
  explains: Evaluated[];
  basis?: 'only-value' | 'zero-total';
}

function needed(ev: Evaluated, field: string, current: number): number | null {
  if (ev.residual === null) return null;
  const inL = ev.lhs.includes(field);
  const inR = ev.rhs.includes(field);
  if (inL === inR) return null; // absent, or on both sides (never in our identities)
  return roundNumber(inL ? current - ev.residual : current + ev.residual);
}

export function findCulprits(evaluated: Evaluated[], values: ReadonlyMap<string, ValueEntry>): void {
  const identities = evaluated.filter((e) => e.lhs.length > 0);
  let open = identities.filter((e) => e.check.status === 'fail' && e.residual !== null);
  const passing = identities.filter((e) => e.check.status === 'pass');
  const byField = new Map<string, Evaluated[]>();
  for (const e of identities)
    for (const f of [...e.lhs, ...e.rhs]) {
      let list = byField.get(f);
      if (!list) byField.set(f, (list = []));
      list.push(e);
    }

  while (open.length) {
    const fields = new Set(open.flatMap((e) => [...e.lhs, ...e.rhs]));
    const candidates: Candidate[] = [];
    for (const field of fields) {
      const entry = values.get(field);
      if (!entry) continue;
      const current = entry.blank ? 0 : entry.value;
      if (current === null) continue;
      const involved = byField.get(field) ?? [];
      if (involved.some((e) => passing.includes(e))) continue;
      const failing = involved.filter((e) => open.includes(e));
      const wants = failing.map((e) => needed(e, field, current));
      const v = wants[0];
      if (v === null || v === undefined || wants.some((w) => w !== v)) continue;
      if (v < 0 || !Number.isInteger(v)) continue;
      candidates.push({ field, suggested: v, explains: failing });
    }
    if (!candidates.length) break;
    const best = Math.max(...candidates.map((c) => c.explains.length));
    const top = candidates.filter((c) => c.explains.length === best);
    // Equally good candidates for the same failing checks are ambiguous; for disjoint checks they are
    // independent errors (error-two), each with its own culprit.
    const chosen = top.filter((c) => !top.some((o) => o !== c && o.explains.some((e) => c.explains.includes(e))));
    if (best < 2 || !chosen.length) {
      const dropped = new Set(top.flatMap((c) => c.explains));
      open = open.filter((e) => !dropped.has(e));
      continue;
    }
    for (const c of chosen) assign(c, values);
    const done = new Set(chosen.flatMap((c) => c.explains));
    open = open.filter((e) => !done.has(e));
  }

  for (const e of identities) {
    if (e.check.status !== 'fail' || e.check.culprit || e.residual === null) continue;
    const only = onlyValue(e, values, byField);
    if (only) assign(only, values);
    else e.check.message += whereWrongZh(e.check.rule);
  }
}

/** The one cell of a lone failing identity that can take a valid value making it hold, or null. */
function onlyValue(
  e: Evaluated,
  values: ReadonlyMap<string, ValueEntry>,
  byField: ReadonlyMap<string, Evaluated[]>,
): Candidate | null {
  const fits: Candidate[] = [];
  for (const field of [...e.lhs, ...e.rhs]) {
    const entry = values.get(field);
    if (!entry) return null; // a cell not read could be the wrong one
    const current = entry.blank ? 0 : entry.value;
    if (current === null) return null;
    const v = needed(e, field, current);
    if (v === null || v < 0 || !Number.isInteger(v)) continue;
    const others = (byField.get(field) ?? []).filter((o) => o !== e && o.check.status !== 'uncertain');
    // A cell in another decided identity: changing it breaks a passing one, or it is another failure's
    // business (the intersection pass above). Either way this cell is not the only value that fits.
    if (others.length) return null;
    fits.push({ field, suggested: v, explains: [e] });
  }
  if (fits.length === 1) return { ...fits[0]!, basis: 'only-value' };
  // A 总计 of 0 over parts that are not all 0: the template's 0 left in place (the parts were filled, the
  // total was not) — more probable than a part written where the whole row should be 0.
  const total = e.rhs.length === 1 ? e.rhs[0]! : null;
  const entry = total === null ? undefined : values.get(total);
  const fit = fits.find((c) => c.field === total);
  if (fit && entry && !entry.blank && entry.value === 0) return { ...fit, basis: 'zero-total' };
  return null;
}

/** Why a lone failing identity's cell is named, in Chinese (lib/rules/render.ts culpritBasis). */
export function culpritBasisZh(basis: 'only-value' | 'zero-total'): string {
  return culpritBasis(basis, 'zh');
}

function assign(c: Candidate, values: ReadonlyMap<string, ValueEntry>): void {
  const ids = c.explains.map((e) => e.check.id);
  for (const e of c.explains) {
    e.check.culprit = { field: c.field, suggested: c.suggested, explains: ids };
    if (c.basis) e.check.culprit.basis = c.basis;
    e.check.message += culpritSuffixZh(e.check.culprit, values.get(c.field));
  }
}
