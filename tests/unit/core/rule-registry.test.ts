// The meta-test of the rule registry: every rule — page, two-report and text rules alike — is made by
// defineRule, listed in lib/rules/index.ts, has its docs page and its source file; every docs page and
// every rule id the code emits belongs to a registered rule. A failure names what is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, defineRule, RULES, ruleById, summarize } from '../../../lib/rules';
import { NARRATIVE_VOCABULARY } from '../../../lib/schema/narrative';
import type { ValueEntry } from '../../../lib/types';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

describe('the rule registry', () => {
  it('holds the 11 rules, page rules first in check order', () => {
    expect(ALL_RULES.map((r) => `${r.scope}:${r.id}`)).toEqual([
      'page:apply.row-sum',
      'page:apply.result-sum',
      'page:apply.balance',
      'page:review.sum',
      'page:value.count',
      'two-reports:apply.year-over-year',
      'text:narrative.apply',
      'text:narrative.active',
      'text:narrative.review',
      'text:narrative.share',
      'text:narrative.text-sum',
    ]);
    expect(RULES.map((r) => r.id)).toEqual([
      'apply.row-sum',
      'apply.result-sum',
      'apply.balance',
      'review.sum',
      'value.count',
    ]);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  });

  it('every rule has its docs page, its source file naming it, and (page and two-report rules) lib/rules/<id>.ts', () => {
    const missing: string[] = [];
    for (const r of ALL_RULES) {
      if (!existsSync(join(ROOT, 'docs/rules', `${r.id}.md`))) missing.push(`docs/rules/${r.id}.md`);
      if (!existsSync(join(ROOT, r.source))) missing.push(`${r.source} (source of ${r.id})`);
      else if (!read(r.source).includes(`'${r.id}'`)) missing.push(`${r.source} does not name '${r.id}'`);
      if (r.scope !== 'text' && r.source !== `lib/rules/${r.id}.ts`) missing.push(`lib/rules/${r.id}.ts`);
      if (!r.title) missing.push(`title of ${r.id}`);
    }
    expect(missing).toEqual([]);
  });

  it('every docs/rules page belongs to a registered rule', () => {
    const pages = readdirSync(join(ROOT, 'docs/rules'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    expect(pages.filter((id) => !ruleById(id))).toEqual([]);
  });

  it('every rule id the core emits is registered (vocabulary entries, claim and check literals)', () => {
    const emitted = new Set<string>(NARRATIVE_VOCABULARY.map((e) => e.rule));
    for (const dir of ['lib/narrative', 'lib/rules']) {
      for (const f of readdirSync(join(ROOT, dir))) {
        for (const m of read(`${dir}/${f}`).matchAll(/\brule: '([a-z.-]+)'/g)) emitted.add(m[1]!);
      }
    }
    expect([...emitted].filter((id) => !ruleById(id))).toEqual([]);
    expect(emitted.size).toBeGreaterThanOrEqual(5);
  });
});

describe('defineRule', () => {
  const values = new Map<string, ValueEntry>([['apply.new.total', { value: 1, raw: '1' }]]);
  const probe = defineRule('test.probe', {
    title: 'probe',
    tables: ['apply'],
    formats: 'tables',
    scope: 'page',
    source: 'tests/unit/core/rule-registry.test.ts',
    checks: () => [
      {
        check: {
          id: 'test.probe:x',
          rule: 'test.probe',
          status: 'pass',
          expected: 1,
          actual: 1,
          cells: [],
          message: '',
          messageId: 'test.probe.pass',
        },
        lhs: [],
        rhs: [],
        residual: 0,
      },
    ],
  });
  const found = { active: false, apply: true, review: false };

  it('runs a table rule only in a registered format with its tables found', () => {
    expect(probe.run({ values, format: '2021', found })).toHaveLength(1);
    expect(probe.run({ values, format: '2019', found })).toHaveLength(1);
    expect(probe.run({ values, format: 'old', found })).toEqual([]);
    expect(probe.run({ values, format: 'unknown', found })).toEqual([]);
    expect(probe.run({ values, format: '2021', found: { ...found, apply: false } })).toEqual([]);
  });

  it('runs an "any format" rule on whatever values were read', () => {
    const any = defineRule('test.any', { ...probe, formats: 'any' });
    expect(any.run({ values, format: 'unknown', found: { active: false, apply: false, review: false } })).toHaveLength(
      1,
    );
  });

  it('summarize counts checks by status in one place', () => {
    expect(summarize([{ status: 'pass' }, { status: 'fail' }, { status: 'pass' }, { status: 'uncertain' }])).toEqual({
      checks: 4,
      pass: 2,
      fail: 1,
      uncertain: 1,
    });
    expect(summarize([])).toEqual({ checks: 0, pass: 0, fail: 0, uncertain: 0 });
  });
});
