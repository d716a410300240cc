// Issue #13: flags are never lost or silently changed. Real store logic over an in-memory area that copies
// values in and out like storage.local (and, for the quota tests, refuses writes past a byte budget).
import { describe, expect, it } from 'vitest';
import { FlagStore, FlagWriteError, flagsToJson } from '../../lib/flags/store';
import { flagKey, FLAG_SCHEMA_VERSION } from '../../lib/flags/model';
import { memoryArea, type KeyValueArea } from '../../lib/ext/tabs';
import { flagsToCsv } from '../../lib/export/csv';
import { sampleReport } from '../support/sample-report';
import { t } from '../../lib/i18n/page';

const NOW = new Date('2025-03-02T00:00:00Z');
const CHECK = 'apply.row-sum:granted';

/** storage.local's QUOTA_BYTES behaviour: a set that would pass the budget throws and stores nothing. */
function quotaArea(budget: number): KeyValueArea & { data: Map<string, unknown> } {
  const inner = memoryArea();
  const size = (m: Map<string, unknown>) => [...m].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  return {
    ...inner,
    async set(items) {
      const next = new Map(inner.data);
      for (const [k, v] of Object.entries(items)) next.set(k, v);
      if (size(next) > budget) throw new Error('Resource::kQuotaBytes quota exceeded');
      await inner.set(items);
    },
  };
}

describe('flags: what is saved is what can be shown', () => {
  it('a page title over 20,000 characters: saved cut to fit, then listed and exported', async () => {
    const area = memoryArea();
    const store = new FlagStore(area, () => NOW);
    const report = sampleReport();
    report.source.title = '很长的标题'.repeat(5000); // 25,000 characters
    const r = await store.addFinding(report, CHECK, '备注');
    expect(r.ok).toBe(true);
    const { flags, problems } = await store.load();
    expect(problems).toEqual([]);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.title!.length).toBeLessThanOrEqual(20_000);
    expect(flags[0]!.title!.startsWith('很长的标题很长的标题')).toBe(true);
    expect(flagsToCsv(flags)).toContain('很长的标题');
    expect(JSON.parse(flagsToJson(flags, NOW)).count).toBe(1);
  });
});

describe('flags: entries of a newer version are left untouched', () => {
  const newer = (fp: string) => ({
    v: FLAG_SCHEMA_VERSION + 1,
    fingerprint: fp,
    checkId: CHECK,
    shape: 'from the future',
  });

  it('re-flagging, updating and importing do not overwrite it, and load lists it', async () => {
    const area = memoryArea();
    const store = new FlagStore(area, () => NOW);
    const first = await store.addFinding(sampleReport(), CHECK);
    expect(first.ok).toBe(true);
    const fp = first.ok ? first.flag.fingerprint : '';
    const exported = flagsToJson((await store.load()).flags, NOW);
    const future = newer(fp);
    await area.set({ [flagKey(fp)]: future });

    const again = await store.addFinding(sampleReport(), CHECK, '新的备注');
    expect(again).toMatchObject({ ok: false });
    expect(await store.update(fp, { status: 'fixed' })).toBeNull();
    const later = exported.replace(/"updatedAt": "[^"]+"/, '"updatedAt": "2025-03-01T00:00:00.000Z"');
    const imp = await store.importJson(later);
    expect(imp.error).toBeUndefined();
    expect(imp.problems.map((p) => p.reason).join()).toContain('更新版本');
    expect(area.data.get(flagKey(fp))).toEqual(future);
    const { problems } = await store.load();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toContain('更新版本');
  });
});

describe('flags: the storage quota', () => {
  it('an import over the quota reports it and rolls back; the flags already there are unchanged', async () => {
    const area = quotaArea(6000);
    const store = new FlagStore(area, () => NOW);
    const mine = await store.addFinding(sampleReport(), CHECK, '本机备注');
    expect(mine.ok).toBe(true);
    const before = new Map(area.data);
    // An export of many flags (another machine): far over the budget.
    const flags = Array.from({ length: 40 }, (_, i) => ({
      ...(mine.ok ? mine.flag : {}),
      fingerprint: `fp${String(i).padStart(4, '0')}x`,
      note: 'x'.repeat(300),
    }));
    const res = await store.importJson(JSON.stringify({ schema: 'gouji/flags@1', flags }));
    expect(res.error).toMatch(/存储空间不足.*已撤销本次导入/);
    expect(res.added).toBe(0);
    expect(area.data).toEqual(before);
  });

  it('a flag the storage refuses is an error for the user, not "✓ 已标记"', async () => {
    const store = new FlagStore(quotaArea(100), () => NOW);
    const r = await store.addFinding(sampleReport(), CHECK);
    expect(r).toMatchObject({ ok: false });
    expect(r.ok ? '' : r.error).toContain('存储空间不足');
  });
});

describe("flags: why a flag or an import failed, in the reader's language", () => {
  const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
  const both = (why: { id: Parameters<typeof t>[1]; params?: Record<string, string | number> } | undefined) => {
    expect(why).toBeDefined();
    const en = t('en', why!.id, why!.params);
    expect(en).not.toMatch(CJK);
    return { zh: t('zh', why!.id, why!.params), en };
  };

  it('a refused write, a finding that is not there, no report: a key beside the Chinese message', async () => {
    const full = await new FlagStore(quotaArea(100), () => NOW).addFinding(sampleReport(), CHECK);
    expect(full.ok).toBe(false);
    if (full.ok) return;
    expect(both(full.why)).toEqual({ zh: full.error, en: expect.stringMatching(/^Not saved: the storage is full \(/) });
    const store = new FlagStore(memoryArea(), () => NOW);
    const none = await store.addFinding(sampleReport(), 'apply.no-such-check');
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.error).toBe('此报告中没有编号为 apply.no-such-check 的不一致或待确认项，无法标记');
      expect(both(none.why).en).toContain('apply.no-such-check');
    }
  });

  it('a file that is not JSON, another schema, no list, an import over the quota', async () => {
    const store = new FlagStore(memoryArea(), () => NOW);
    for (const [text, id] of [
      ['{oops', 'flagError.notJson'],
      [JSON.stringify({ schema: 'other@1', flags: [] }), 'flagError.schema'],
      [JSON.stringify({ schema: 'gouji/flags@1' }), 'flagError.noList'],
    ] as const) {
      const r = await store.importJson(text);
      expect(r.why?.id).toBe(id);
      expect(both(r.why).zh).toBe(r.error);
    }
    const area = quotaArea(3000);
    const q = new FlagStore(area, () => NOW);
    const mine = await q.addFinding(sampleReport(), CHECK);
    const flags = Array.from({ length: 40 }, (_, i) => ({
      ...(mine.ok ? mine.flag : {}),
      fingerprint: `fp${String(i).padStart(4, '0')}x`,
      note: 'x'.repeat(300),
    }));
    const r = await q.importJson(JSON.stringify({ schema: 'gouji/flags@1', flags }));
    expect(r.why?.id).toBe('flagError.importUndoneFull');
    // A note the storage refuses: the error carries its key too.
    const base = memoryArea();
    let budget = Infinity;
    const size = () => [...base.data].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
    const area2: KeyValueArea = {
      ...base,
      async set(items) {
        if (size() + JSON.stringify(items).length > budget) throw new Error('Resource::kQuotaBytes quota exceeded');
        await base.set(items);
      },
    };
    const roomy = new FlagStore(area2, () => NOW);
    const f = await roomy.addFinding(sampleReport(), CHECK);
    expect(f.ok).toBe(true);
    budget = size() + 100;
    const err = await roomy.update(f.ok ? f.flag.fingerprint : '', { note: 'x'.repeat(500) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlagWriteError);
    expect(both((err as FlagWriteError).why).en).toMatch(/^Not saved: the storage is full/);
    expect(both(r.why).en).toMatch(/the import was undone, the flags here are unchanged$/);
  });
});

describe('flags: imported dates', () => {
  it('an updatedAt in the year 9999 is clamped to now, so a later local edit still wins', async () => {
    let now = new Date('2025-03-01T00:00:00Z');
    const store = new FlagStore(memoryArea(), () => now);
    const r = await store.addFinding(sampleReport(), CHECK);
    now = NOW;
    const flag = r.ok ? r.flag : null;
    const file = JSON.stringify({
      schema: 'gouji/flags@1',
      flags: [{ ...flag, note: '导入', updatedAt: '9999-12-31T00:00:00.000Z', createdAt: '9999-01-01T00:00:00.000Z' }],
    });
    const imp = await store.importJson(file);
    expect(imp.updated).toBe(1);
    let [f] = (await store.load()).flags;
    expect(f!.updatedAt).toBe(NOW.toISOString());
    expect(f!.createdAt).toBe('2025-03-01T00:00:00.000Z'); // the earlier creation date is kept
    now = new Date('2025-03-03T00:00:00Z');
    await store.update(f!.fingerprint, { note: '本地修改' });
    // Re-importing the same (clamped) file does not undo the later local edit.
    await store.importJson(file);
    [f] = (await store.load()).flags;
    expect(f!.note).toBe('本地修改');
  });
});

describe('flags: concurrent updates of one flag', () => {
  it('status and note changed at the same time both survive; the revision counts every write', async () => {
    const area = memoryArea();
    // A slow area: every read and write waits, so unserialized updates would interleave.
    const slow: KeyValueArea = {
      get: async (k) => {
        await new Promise((r) => setTimeout(r, 5));
        return area.get(k);
      },
      set: async (i) => {
        await new Promise((r) => setTimeout(r, 5));
        return area.set(i);
      },
      remove: (k) => area.remove(k),
    };
    const store = new FlagStore(slow, () => NOW);
    const r = await store.addFinding(sampleReport(), CHECK);
    const fp = r.ok ? r.flag.fingerprint : '';
    await Promise.all([
      store.update(fp, { status: 'reported' }),
      store.update(fp, { note: '已电话联系' }),
      store.addFinding(sampleReport(), CHECK, '第三处修改'),
    ]);
    const [f] = (await store.load()).flags;
    expect(f!.status).toBe('reported');
    expect(f!.note).toBe('第三处修改');
    expect(f!.rev).toBe(4);
  });

  it('two stores (two extension pages) on one area: a change made meanwhile by the other is not lost', async () => {
    const area = memoryArea();
    const a = new FlagStore(area, () => NOW);
    const b = new FlagStore(area, () => NOW);
    const r = await a.addFinding(sampleReport(), CHECK);
    const fp = r.ok ? r.flag.fingerprint : '';
    await b.update(fp, { status: 'fixed' });
    await a.update(fp, { note: 'A 的备注' });
    const [f] = (await a.load()).flags;
    expect(f).toMatchObject({ status: 'fixed', note: 'A 的备注', rev: 3 });
  });
});
