// The "must show" list, on the five real seeds, twice: with the tables typed in by hand
// (tests/support/narrative-reports.ts: a narrative failure here is a narrative bug) and through checkText on
// the seed files (the real pipeline: extraction, table exclusion, narrative).

import { describe, expect, it } from 'vitest';
import { checkText } from '../../lib/check';
import { checkNarrative } from '../../lib/narrative';
import type { NarrativeClaim } from '../../lib/types';
import { readSeed } from '../support/seeds';
import {
  handReport,
  SEED_000,
  SEED_001,
  SEED_002,
  SEED_003,
  SEED_004,
  type HandReport,
} from '../support/narrative-reports';

const SEEDS: Record<string, [string, HandReport]> = {
  '000': ['000_dc3f67fcb14f95e4', SEED_000],
  '001': ['001_f1496913e2f754ab', SEED_001],
  '002': ['002_f0e1d37416cc1ab7', SEED_002],
  '003': ['003_87e04e15ced1f1fc', SEED_003],
  '004': ['004_bf76cd535622c645', SEED_004],
};

const entryOf = (c: NarrativeClaim) => String(c.id).split(':')[1];
const brief = (cs: NarrativeClaim[]) => cs.map((c) => `${entryOf(c)}=${c.value}:${c.status}`);

for (const mode of ['hand-typed tables', 'checkText'] as const) {
  describe(`narrative on the seeds (${mode})`, () => {
    const run = (seed: string): NarrativeClaim[] => {
      const [file, hand] = SEEDS[seed]!;
      const text = readSeed(file);
      return mode === 'checkText' ? checkText(text).report.narrative : checkNarrative(text, handReport(hand));
    };

    it('seed 003: "收到政府信息公开申请1条" fails against 0; the "约102条" list (93) is a warning', () => {
      const claims = run('003');
      const received = claims.find((c) => entryOf(c) === 'apply.received')!;
      expect(received).toMatchObject({
        status: 'fail',
        value: 1,
        unit: '条',
        expected: 0,
        field: 'apply.new.total',
        messageId: 'narrative.mismatch',
      });
      expect(received.quote).toBe('收到政府信息公开申请1条');
      expect(received.message).toMatch(/^正文为 1 条，表三“本年新收”总计为 0/);
      const sum = claims.find((c) => entryOf(c) === 'text-sum')!;
      expect(sum).toMatchObject({
        status: 'warn',
        value: 102,
        approx: true,
        expected: 93,
        messageId: 'narrative.text-sum.approx',
      });
      expect(sum.message).toBe('正文列举之和为 93（41 + 30 + 1 + 2 + 18 + 1），与“约102条”不一致');
      expect(claims.filter((c) => c.status === 'fail')).toHaveLength(1);
      expect(claims.filter((c) => c.status === 'warn')).toHaveLength(1);
    });

    it('seed 004: every restated number passes', () => {
      const claims = run('004');
      expect(brief(claims.filter((c) => c.rule !== 'narrative.text-sum'))).toEqual([
        'apply.handled=216:pass',
        'apply.applicant.natural_person=194:pass',
        'apply.applicant.commercial=21:pass',
        'apply.applicant.other_org=1:pass',
        'apply.granted=125:pass',
        'apply.partly_granted=5:pass',
        'apply.withheld=3:pass',
        'apply.unavailable=24:pass',
        'apply.not_processed=1:pass',
        'apply.handled_otherwise=58:pass',
        'apply.carried_forward=8:pass',
      ]);
      // 216 is the （七）总计 (new is 217, new + carried over 224); the applicants are its columns.
      expect(claims.find((c) => entryOf(c) === 'apply.handled')!.field).toBe('apply.total.total');
      expect(claims.find((c) => entryOf(c) === 'apply.applicant.natural_person')!.field).toBe(
        'apply.total.natural_person',
      );
      expect(claims.find((c) => entryOf(c) === 'apply.not_processed')!.field).toBe('apply.not_processed.*.total');
      // The 其中 lists that add up: 194 + 21 + 1 = 216 and 70 + 420 + 123 = 613 (留言, not applications).
      expect(brief(claims.filter((c) => c.rule === 'narrative.text-sum'))).toEqual([
        'text-sum=216:pass',
        'text-sum=613:pass',
      ]);
    });

    it('seed 000: "共受理政府信息公开申请189件" passes; nothing fails', () => {
      const claims = run('000');
      expect(brief(claims)).toEqual(['apply.received=189:pass']);
    });

    it('seed 002 (繁體 with pinyin): 292 passes, 46 + 123 + 123 = 292 passes, nothing fails', () => {
      const claims = run('002');
      expect(brief(claims)).toEqual(['apply.handled=292:pass', 'text-sum=292:pass', 'text-sum=258:pass']);
      const sum = claims.find((c) => c.value === 292 && c.rule === 'narrative.text-sum')!;
      expect(sum.message).toBe('正文列举之和为 292（46 + 123 + 123），与“292件”一致');
      // The quote is the page's own (traditional) text; the position points at "292" in it.
      const text = readSeed(SEEDS['002']![0]);
      const handled = claims.find((c) => entryOf(c) === 'apply.handled')!;
      expect(text.slice(handled.position!.start, handled.position!.end)).toBe('292');
      expect(handled.quote).toContain('辦理');
    });

    it('seed 001 (no tables): its numbers are extracted and shown as info', () => {
      const claims = run('001');
      expect(claims.every((c) => c.status === 'info')).toBe(true);
      expect(claims.every((c) => c.message.startsWith('表格缺失，正文数据无法核对'))).toBe(true);
      expect(brief(claims)).toEqual([
        'active.licensing=31461:info',
        'active.penalty=842:info',
        'active.coercion=4:info',
        'active.fees=2181.669177:info',
        'apply.received=67:info',
        'apply.handled=67:info',
        'active.normative.issued=16:info',
        'active.normative.repealed=8:info',
        'active.normative.in_force=63:info',
      ]);
    });

    it('positions point at the number in the text', () => {
      for (const [seed, [file]] of Object.entries(SEEDS)) {
        const text = readSeed(file);
        for (const c of run(seed)) {
          const at = text.slice(c.position!.start, c.position!.end).replace(/,/g, '');
          expect(Number(at), `${seed} ${c.id}`).toBe(c.value);
          expect(c.id).toBe(`narrative:${entryOf(c)}:${c.position!.start}`);
        }
      }
    });
  });
}
