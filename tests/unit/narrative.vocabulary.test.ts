// Every vocabulary entry (lib/schema/narrative.ts) has its own examples (lib/schema/narrative.examples.ts,
// under the entry's id, out of the engine pages load): the [bracketed] number of each
// example must be claimed by that entry when the whole registry runs, and the bracketed number of each
// counterexample must not be. Every entry's examples are also run against every other entry (the
// registry order is part of what is tested), and each entry is compared with a table both ways.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NARRATIVE_VOCABULARY, type NarrativeEntry } from '../../lib/schema/narrative';
import { NARRATIVE_EXAMPLES } from '../../lib/schema/narrative.examples';
import { checkNarrative } from '../../lib/narrative';
import { matchTokens } from '../../lib/narrative/match';
import { normalizeProse, originalSpan } from '../../lib/narrative/normalize';
import { tokenize } from '../../lib/narrative/tokens';
import { resolveOption } from '../../lib/narrative/values';
import { handReport } from '../support/narrative-reports';

/** "共受理申请[189]件" → text without brackets and the offset of the number. */
function marked(example: string): { text: string; at: number } {
  const at = example.indexOf('[');
  if (at < 0 || example.indexOf(']') < at) throw new Error(`example without [number]: ${example}`);
  return { text: example.replace('[', '').replace(']', ''), at };
}

/** Which entry claims the marked number (null: none). */
function claimedBy(example: string, entries?: readonly NarrativeEntry[]): string | null {
  const { text, at } = marked(example);
  const n = normalizeProse(text);
  const tokens = tokenize(n);
  const hit = matchTokens(n.text, tokens, entries).find(
    (m) => originalSpan(n, m.token.start, m.token.end).start === at,
  );
  return hit ? hit.entry.id : null;
}

/** An entry's examples (an entry without any fails the first test, not here). */
const examplesOf = (e: NarrativeEntry) => NARRATIVE_EXAMPLES[e.id]?.[0] ?? [];
const counterexamplesOf = (e: NarrativeEntry) => NARRATIVE_EXAMPLES[e.id]?.[1] ?? [];

describe('narrative vocabulary', () => {
  it('has unique ids, each with examples and counterexamples, and no examples of an entry it lacks', () => {
    const ids = NARRATIVE_VOCABULARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of NARRATIVE_VOCABULARY) {
      expect(examplesOf(e).length, e.id).toBeGreaterThan(0);
      expect(counterexamplesOf(e).length, e.id).toBeGreaterThan(0);
    }
    expect(Object.keys(NARRATIVE_EXAMPLES).sort()).toEqual([...ids].sort());
  });

  it('ships no examples in the vocabulary the in-page engine bundles', () => {
    for (const e of NARRATIVE_VOCABULARY) expect(Object.keys(e), e.id).not.toContain('examples');
  });

  it('is documented entry by entry in docs/narrative.md', () => {
    const doc = readFileSync(join(__dirname, '../../docs/narrative.md'), 'utf8');
    for (const e of NARRATIVE_VOCABULARY) expect(doc, e.id).toContain(`\`${e.id}\``);
  });

  for (const e of NARRATIVE_VOCABULARY) {
    describe(e.id, () => {
      it.each(examplesOf(e))('claims %s', (ex) => {
        expect(claimedBy(ex)).toBe(e.id);
        // On its own too (with the entries it chains after): the cue matches, not just the registry's order.
        expect(claimedBy(ex, [e, ...NARRATIVE_VOCABULARY.filter((o) => e.chain?.after.includes(o.id))])).toBe(e.id);
      });
      it.each(counterexamplesOf(e))('does not claim %s', (ex) => {
        expect(claimedBy(ex)).not.toBe(e.id);
      });
      it("does not claim other entries' examples", () => {
        for (const other of NARRATIVE_VOCABULARY) {
          if (other === e) continue;
          for (const ex of examplesOf(other)) expect(claimedBy(ex), `${e.id} vs ${other.id}: ${ex}`).not.toBe(e.id);
        }
      });

      if (e.target.kind === 'any') {
        const target = e.target;
        it('passes when the table agrees and fails when it does not', () => {
          const ex = examplesOf(e)[0]!;
          const { text, at } = marked(ex);
          const value = Number(text.slice(at).match(/^[\d.]+/)![0]);
          const probe = handReport({});
          const first = resolveOption(target.options[0]!, probe)!;
          const run = (v: number) => {
            const report = handReport({ set: { [first.fields[0]!]: v } });
            // A blank-free table: every other field the entry reads is 0.
            for (const o of target.options)
              for (const f of resolveOption(o, report)!.fields) report.values[f] ??= { value: 0, raw: '0' };
            return checkNarrative(text, report).find((c) => c.id?.startsWith(`narrative:${e.id}:`))!;
          };
          const ok = run(value);
          expect(ok.status).toBe('pass');
          expect(ok.expected).toBe(value);
          expect(ok.field).toBe(first.field);
          const bad = run(value + 1);
          expect(bad.status).toBe('fail');
          expect(bad.messageId).toBe('narrative.mismatch');
          expect(bad.expected).toBe(value + 1);
        });
      }
    });
  }
});
