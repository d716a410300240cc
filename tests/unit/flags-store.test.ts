import { describe, expect, it } from 'vitest';
import { FlagStore, flagsToJson, parseFlagsFile } from '../../lib/flags/store';
import { findingsOf, fingerprintOf } from '../../lib/flags/findings';
import { migrate, validateFlag } from '../../lib/flags/validate';
import { FLAG_KEY_PREFIX, flagKey } from '../../lib/flags/model';
import { memoryArea } from '../../lib/ext/tabs';
import { sampleReport, SAMPLE_URL } from '../support/sample-report';

let clock = Date.parse('2025-03-01T00:00:00Z');
const now = () => new Date((clock += 1000));

describe('findings and fingerprints', () => {
  it('lists failing and uncertain checks and failing/warned claims, nothing else', () => {
    const ids = findingsOf(sampleReport()).map((f) => f.id);
    expect(ids).toEqual([
      'apply.row-sum:granted',
      'apply.result-sum:natural_person',
      'review.sum:review',
      'narrative:apply-new:120',
    ]);
  });
  it('is stable across runs and times, and changes when the values or the agency change', () => {
    const a = findingsOf(sampleReport())[0]!.fingerprint;
    const r2 = sampleReport();
    r2.source.checkedAt = '2030-01-01T00:00:00Z';
    r2.values['apply.granted.natural_person']!.raw = '１２０'; // read differently, same number
    expect(findingsOf(r2)[0]!.fingerprint).toBe(a);
    const r3 = sampleReport();
    r3.values['apply.granted.partly_granted'] = { value: 1, raw: '1' };
    r3.values['apply.granted.commercial']!.value = 9;
    expect(findingsOf(r3)[0]!.fingerprint).not.toBe(a);
    expect(findingsOf(sampleReport({ agency: '另一个机关' }))[0]!.fingerprint).not.toBe(a);
    expect(fingerprintOf(sampleReport({ agency: null }), ['x'])).not.toBe(
      fingerprintOf(sampleReport({ agency: null, url: 'https://b.gov.cn/' }), ['x']),
    );
  });
  it('does not depend on the offset inside a narrative claim id', () => {
    const r = sampleReport();
    const fp = findingsOf(r).at(-1)!.fingerprint;
    r.narrative[0]!.id = 'narrative:apply-new:999';
    expect(findingsOf(r).at(-1)!.fingerprint).toBe(fp);
  });
});

describe('FlagStore', () => {
  it('adds a flag with page, agency, year, check, cells, fingerprint, status and dates', async () => {
    const store = new FlagStore(memoryArea(), now);
    const r = await store.addFinding(sampleReport(), 'apply.row-sum:granted', '  请核实 ');
    expect(r.ok && r.created).toBe(true);
    if (!r.ok) return;
    expect(r.flag).toMatchObject({
      url: SAMPLE_URL,
      agency: '某某县人民政府办公室',
      year: 2024,
      checkId: 'apply.row-sum:granted',
      status: 'open',
      note: '请核实',
      kind: 'check',
      findingStatus: 'fail',
      expected: 128,
      actual: 138,
    });
    expect(r.flag.cells[0]).toEqual({ field: 'apply.granted.total', value: 138, raw: '138' });
    expect(r.flag.culprit?.suggested).toBe(130);
    expect(r.flag.createdAt).toBe(r.flag.updatedAt);
  });
  it('never duplicates a finding flagged twice; a new note replaces the old one', async () => {
    const area = memoryArea();
    const store = new FlagStore(area, now);
    await store.addFinding(sampleReport(), 'apply.row-sum:granted');
    const again = await store.addFinding(sampleReport(), 'apply.row-sum:granted', '第二次');
    expect(again.ok && !again.created && again.flag.note).toBe('第二次');
    expect((await store.load()).flags).toHaveLength(1);
  });
  it('refuses findings that do not exist or pass', async () => {
    const store = new FlagStore(memoryArea(), now);
    expect(await store.addFinding(sampleReport(), 'apply.balance:total')).toMatchObject({ ok: false });
    expect(await store.addFinding(sampleReport(), 'no.such:check')).toMatchObject({
      ok: false,
      error: expect.stringContaining('no.such:check'),
    });
    expect(await store.addFinding(null as never, 'x')).toMatchObject({ ok: false });
  });
  it('flags narrative claims by their id', async () => {
    const store = new FlagStore(memoryArea(), now);
    const r = await store.addFinding(sampleReport(), 'narrative:apply-new:120');
    expect(r.ok && r.flag.kind).toBe('narrative');
    expect(r.ok && r.flag.quote).toContain('170件');
  });
  it('finds the flags of a report again on a revisit (by fingerprint)', async () => {
    const area = memoryArea();
    await new FlagStore(area, now).addFinding(sampleReport(), 'apply.result-sum:natural_person');
    const map = await new FlagStore(area, now).forReport(sampleReport());
    expect([...map.keys()]).toEqual(['apply.result-sum:natural_person']);
    // Once the agency corrects the cell, the old flag no longer matches a current finding.
    const fixed = sampleReport();
    fixed.values['apply.granted.natural_person'] = { value: 130, raw: '130' };
    expect((await new FlagStore(area, now).forReport(fixed)).size).toBe(0);
  });
  it('updates status and note, bumping updatedAt only on a real change', async () => {
    const store = new FlagStore(memoryArea(), now);
    const r = await store.addFinding(sampleReport(), 'apply.row-sum:granted');
    if (!r.ok) throw new Error(r.error);
    const u = await store.update(r.flag.fingerprint, { status: 'reported', note: '已发邮件' });
    expect(u).toMatchObject({ status: 'reported', note: '已发邮件' });
    expect(u!.updatedAt > r.flag.updatedAt).toBe(true);
    const same = await store.update(r.flag.fingerprint, { status: 'reported' });
    expect(same!.updatedAt).toBe(u!.updatedAt);
    expect(await store.update(r.flag.fingerprint, { status: 'bogus' as never })).toBeNull();
    await store.remove(r.flag.fingerprint);
    expect((await store.load()).flags).toEqual([]);
  });
  it('reports and skips corrupted, foreign and newer entries without deleting them or the rest', async () => {
    const area = memoryArea();
    const store = new FlagStore(area, now);
    const r = await store.addFinding(sampleReport(), 'apply.row-sum:granted');
    if (!r.ok) throw new Error(r.error);
    const good = r.flag;
    await area.set({
      [`${FLAG_KEY_PREFIX}broken`]: 'not an object',
      [`${FLAG_KEY_PREFIX}f1-evil`]: { ...good, fingerprint: 'f1-evil', url: 'javascript:alert(1)' },
      [`${FLAG_KEY_PREFIX}f1-future`]: { ...good, fingerprint: 'f1-future', v: 99 },
      [`${FLAG_KEY_PREFIX}f1-mismatch`]: { ...good },
      [`${FLAG_KEY_PREFIX}f1-nostatus`]: { ...good, fingerprint: 'f1-nostatus', status: 'whatever' },
      'someone-else': { hello: 1 },
    });
    const { flags, problems } = await store.load();
    expect(flags.map((f) => f.fingerprint)).toEqual([good.fingerprint]);
    expect(problems.map((p) => p.key).sort()).toEqual([
      `${FLAG_KEY_PREFIX}broken`,
      `${FLAG_KEY_PREFIX}f1-evil`,
      `${FLAG_KEY_PREFIX}f1-future`,
      `${FLAG_KEY_PREFIX}f1-mismatch`,
      `${FLAG_KEY_PREFIX}f1-nostatus`,
    ]);
    expect(problems.find((p) => p.key.endsWith('f1-future'))!.reason).toMatch(/更新版本/);
    expect(problems.find((p) => p.key.endsWith('f1-evil'))!.reason).toMatch(/http/);
    expect(area.data.size).toBe(7); // nothing deleted
  });
  it('migrates a version-0 entry (no v, Chinese status, no dates) once and writes it back', async () => {
    const area = memoryArea();
    const r = await new FlagStore(memoryArea(), now).addFinding(sampleReport(), 'apply.row-sum:granted');
    if (!r.ok) throw new Error(r.error);
    const { v: _v, createdAt: _c, updatedAt: _u, note: _n, kind: _k, ...legacy } = r.flag;
    await area.set({ [flagKey(r.flag.fingerprint)]: { ...legacy, status: '已反馈' } });
    const store = new FlagStore(area, () => new Date('2025-05-05T00:00:00Z'));
    const { flags, problems } = await store.load();
    expect(problems).toEqual([]);
    expect(flags[0]).toMatchObject({
      v: 1,
      status: 'reported',
      note: '',
      kind: 'check',
      createdAt: '2025-05-05T00:00:00.000Z',
    });
    expect((area.data.get(flagKey(r.flag.fingerprint)) as { v: number }).v).toBe(1);
  });
  it('chains migration steps and refuses a gap', () => {
    const steps = {
      0: (o: Record<string, unknown>) => ({ ...o, v: 1, a: 1 }),
      1: (o: Record<string, unknown>) => ({ ...o, v: 2, b: 2 }),
    };
    expect(migrate({ x: 0 }, new Date(), steps, 2)).toEqual({ entry: { x: 0, v: 2, a: 1, b: 2 }, from: 0 });
    expect(migrate({ v: 1 }, new Date(), { 0: steps[0] }, 2)).toEqual({
      error: expect.stringContaining('版本 1'),
      why: { id: 'flagProblem.noMigration', params: { n: 1 } },
    });
    expect(validateFlag([1, 2])).toMatchObject({ ok: false });
  });
});

describe('export and import', () => {
  it('round-trips, merges by fingerprint, never duplicates, newer edit wins', async () => {
    const a = new FlagStore(memoryArea(), now);
    await a.addFinding(sampleReport(), 'apply.row-sum:granted');
    await a.addFinding(sampleReport(), 'review.sum:review');
    const exported = flagsToJson((await a.load()).flags, now());
    expect(JSON.parse(exported)).toMatchObject({ schema: 'gouji/flags@1', count: 2 });

    const b = new FlagStore(memoryArea(), now);
    expect(await b.importJson(exported)).toMatchObject({ added: 2, updated: 0, unchanged: 0, problems: [] });
    expect(await b.importJson(exported)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect((await b.load()).flags).toHaveLength(2);

    // Edit in a, export again: the newer status replaces b's; an older file would not.
    const [first] = (await a.load()).flags;
    await a.update(first!.fingerprint, { status: 'fixed' });
    const newer = flagsToJson((await a.load()).flags, now());
    expect(await b.importJson(newer)).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect((await b.get(first!.fingerprint))!.status).toBe('fixed');
    expect(await b.importJson(exported)).toMatchObject({ updated: 0, unchanged: 2 });
    expect((await b.get(first!.fingerprint))!.status).toBe('fixed');
  });
  it('skips bad entries of a file with a reason, and refuses files that are not ours', async () => {
    const a = new FlagStore(memoryArea(), now);
    await a.addFinding(sampleReport(), 'apply.row-sum:granted');
    const data = JSON.parse(flagsToJson((await a.load()).flags));
    data.flags.push({ fingerprint: 'f1-x' }, 42);
    const b = new FlagStore(memoryArea(), now);
    const res = await b.importJson(JSON.stringify(data));
    expect(res.added).toBe(1);
    expect(res.problems.map((p) => p.key)).toEqual(['#2', '#3']);
    expect((await b.importJson('{oops')).error).toMatch(/JSON/);
    expect((await b.importJson('{"schema":"other/thing","flags":[]}')).error).toMatch(/schema/);
    expect((await b.importJson('{"a":1}')).error).toMatch(/flags/);
    expect(parseFlagsFile('\uFEFF[]').flags).toEqual([]);
  });
});
