// Naming the probable culprit (FORMAT.md §5). A wrong cell breaks every identity it is in — its row sum and
// its column sum or balance — so the culprit is a cell whose change to one value makes all the failing
// checks involving it pass, without breaking a passing check. Greedy: the cell that explains the most
// failing checks, only when it is the unique best; ties stay unexplained (a wrong total and a wrong addend
// can look alike, so the message says "可能").

import type { ValueEntry } from './types';
import type { Evaluated } from './rules/types';
import { culpritMarker } from './rules/render';
import { fmt } from './rules/identity';

interface Candidate {
  field: string;
  suggested: number;
  explains: Evaluated[];
}

function needed(ev: Evaluated, field: string, current: number): number | null {
  if (ev.residual === null) return null;
  const inL = ev.lhs.includes(field);
  const inR = ev.rhs.includes(field);
  if (inL === inR) return null; // absent, or on both sides (never in our identities)
  return Math.round((inL ? current - ev.residual : current + ev.residual) * 1e9) / 1e9;
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
}

function assign(c: Candidate, values: ReadonlyMap<string, ValueEntry>): void {
  const ids = c.explains.map((e) => e.check.id);
  const entry = values.get(c.field)!;
  const shown = entry.blank ? '空白' : fmt(entry.value!);
  for (const e of c.explains) {
    e.check.culprit = { field: c.field, suggested: c.suggested, explains: ids };
    e.check.message += `${culpritMarker(c.field)}表中为 ${shown}，若为 ${fmt(c.suggested)} 则${ids.length > 1 ? `这 ${ids.length} 项` : '此项'}核对一致）`;
  }
}
