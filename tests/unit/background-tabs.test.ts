import { describe, expect, it } from 'vitest';
import {
  badgeFor,
  BADGE_COLORS,
  findingCounts,
  memoryArea,
  shouldClearOnUpdate,
  TabStore,
  tabStateFromResult,
} from '../../lib/ext/tabs';
import type { TabState } from '../../lib/ext/protocol';
import { consistentReport, sampleReport, SAMPLE_URL } from '../support/sample-report';

const reportState = (r = sampleReport()): TabState =>
  tabStateFromResult({ state: 'report', report: r }, SAMPLE_URL, new Date('2025-03-01T00:00:00Z'));

describe('badgeFor', () => {
  it('shows the number of failing checks in dark red', () => {
    const b = badgeFor(reportState());
    expect(b).toMatchObject({ kind: 'fail', text: '2', color: BADGE_COLORS.fail });
    expect(b.color).toBe('#8B0000');
    expect(b.text).toBe(String(findingCounts(sampleReport()).fail));
  });
  it('shows a dark green tick only when everything is consistent', () => {
    expect(badgeFor(reportState(consistentReport()))).toMatchObject({
      kind: 'consistent',
      text: '✓',
      color: '#1B5E20',
    });
  });
  it('shows "?" (never a tick) when nothing failed but a check is uncertain or a table is missing', () => {
    const r = consistentReport();
    r.checks[0]!.status = 'uncertain';
    expect(badgeFor(reportState(r)).text).toBe('?');
    const r2 = consistentReport();
    r2.tables.review.found = false;
    expect(badgeFor(reportState(r2))).toMatchObject({ kind: 'incomplete', text: '?' });
    const r3 = consistentReport();
    r3.checks = [];
    expect(badgeFor(reportState(r3)).text).toBe('?');
  });
  it('shows nothing on pages that are not reports, and caps huge counts', () => {
    expect(badgeFor(null).text).toBe('');
    expect(badgeFor(tabStateFromResult({ state: 'none', report: null }, 'https://x.gov.cn/')).text).toBe('');
    const r = sampleReport();
    r.checks = Array.from({ length: 120 }, (_, i) => ({ ...r.checks[0]!, id: `x:${i}`, status: 'fail' as const }));
    expect(badgeFor(reportState(r)).text).toBe('99+');
  });
});

describe('tabStateFromResult', () => {
  it('turns a "report" result without a report into an error, not a crash', () => {
    const s = tabStateFromResult({ state: 'report', report: null }, 'https://x.gov.cn/');
    expect(s.state).toBe('error');
    expect(s.error).toMatch(/报告数据/);
  });
});

describe('shouldClearOnUpdate', () => {
  const stored = reportState();
  it('clears on navigation to another page and on reload, keeps on a fragment jump', () => {
    expect(shouldClearOnUpdate({ status: 'loading', url: 'https://www.example.gov.cn/other.html' }, stored)).toBe(true);
    expect(shouldClearOnUpdate({ status: 'loading' }, stored)).toBe(true);
    expect(shouldClearOnUpdate({ url: SAMPLE_URL + '#part3' }, stored)).toBe(false);
    expect(shouldClearOnUpdate({ status: 'complete' }, stored)).toBe(false);
    expect(shouldClearOnUpdate({ status: 'loading' }, null)).toBe(false);
  });
});

describe('TabStore', () => {
  it('stores, reads, clears per tab and survives a new store instance on the same area (a restarted worker)', async () => {
    const area = memoryArea();
    const a = new TabStore(area);
    await a.put(7, reportState());
    await a.put(8, tabStateFromResult({ state: 'none', report: null }, 'https://y.gov.cn/'));
    const b = new TabStore(area); // what a restarted service worker sees
    expect((await b.get(7))?.report?.report.agency).toBe('某某县人民政府办公室');
    expect([...(await b.all()).keys()].sort()).toEqual([7, 8]);
    await b.clear(7);
    expect(await b.get(7)).toBeNull();
    expect(await b.get(8)).not.toBeNull();
  });
  it('runs a clear then a put for one tab in order', async () => {
    const store = new TabStore(memoryArea());
    void store.clear(3);
    void store.put(3, reportState());
    expect((await store.get(3))?.state).toBe('report');
  });
  it('ignores garbage under its keys', async () => {
    const area = memoryArea();
    await area.set({ 'gouji:tab:5': { nope: 1 } });
    expect(await new TabStore(area).get(5)).toBeNull();
  });
});
