// Per-tab state and the badge, as pure logic. The background (entrypoints/background.ts) owns the one
// store; the popup asks it for the same entry. Badge and popup both derive from `findingCounts()` of that
// entry, so the number on the icon and the number in the popup cannot disagree.
//
// Storage is injected (`KeyValueArea`), so tests run on an in-memory area or fake-browser's
// storage.session: in MV3 the service worker is stopped after ~30 s idle, and only what is in
// storage.session survives that (module variables do not).

import type { Report } from '../types';
import { groupErrors } from '../errors';
import type { TabState } from './protocol';
import { STATE, type PageState } from '../contract';

/** The part of `browser.storage.StorageArea` we use. */
export interface KeyValueArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Every key, without the values (Chrome 130+); lets a reader fetch thousands of entries in slices. */
  getKeys?(): Promise<string[]>;
}

/** An in-memory area (tests, and a fallback where storage.session is missing). */
export function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  // structuredClone mimics the browser: values are copied on the way in and out.
  return {
    data,
    async get(keys) {
      const list = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of list) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

export const TAB_KEY_PREFIX = 'gouji:tab:';

export function tabKey(tabId: number): string {
  return `${TAB_KEY_PREFIX}${tabId}`;
}

export function tabIdOfKey(key: string): number | null {
  if (!key.startsWith(TAB_KEY_PREFIX)) return null;
  const n = Number(key.slice(TAB_KEY_PREFIX.length));
  return Number.isInteger(n) ? n : null;
}

/** Counts shown by both the badge and the popup. */
export interface FindingCounts {
  pass: number;
  fail: number;
  uncertain: number;
  /** Narrative claims contradicting the tables (status 'fail') or worth a look ('warn'). */
  narrativeFail: number;
  narrativeWarn: number;
  /** Tables of the report that were not found on the page. */
  tablesMissing: number;
  /** Errors (lib/errors.ts): one per probable wrong cell, unexplained failing check or contradicting text. */
  errors: number;
}

export function findingCounts(report: Report | null | undefined): FindingCounts {
  const c: FindingCounts = {
    pass: 0,
    fail: 0,
    uncertain: 0,
    narrativeFail: 0,
    narrativeWarn: 0,
    tablesMissing: 0,
    errors: 0,
  };
  if (!report) return c;
  c.errors = groupErrors(report).length;
  for (const check of report.checks ?? []) {
    if (check.status === 'pass') c.pass++;
    else if (check.status === 'fail') c.fail++;
    else if (check.status === 'uncertain') c.uncertain++;
  }
  for (const claim of report.narrative ?? []) {
    if (claim.status === 'fail') c.narrativeFail++;
    else if (claim.status === 'warn') c.narrativeWarn++;
  }
  for (const t of Object.values(report.tables ?? {})) if (t && !t.found) c.tablesMissing++;
  return c;
}

export type BadgeKind = 'fail' | 'consistent' | 'incomplete' | 'none';

export interface Badge {
  kind: BadgeKind;
  /** '' clears the badge. */
  text: string;
  color: string;
  /** Tooltip of the toolbar icon (Chinese; the icon is not colour alone). */
  title: string;
}

export const BADGE_COLORS = {
  fail: '#8B0000', // dark red
  consistent: '#1B5E20', // dark green
  incomplete: '#6B5B00', // dark amber: something could not be decided
  none: '#5F5D5B',
} as const;

/**
 * The badge for a tab. A number = failing table checks; "✓" only when every check passed, none is
 * uncertain, no table is missing and no narrative claim contradicts the tables; "?" when nothing failed
 * but the page could not be fully decided (blank totals, a table missing) — never a tick for a report
 * we could not read; nothing on pages that are not reports.
 */
export function badgeFor(state: TabState | null | undefined): Badge {
  if (!state || state.state !== 'report' || !state.report) {
    return { kind: 'none', text: '', color: BADGE_COLORS.none, title: '' };
  }
  const c = findingCounts(state.report);
  // Errors, not failing checks: one wrong cell breaks its row sum and its column sum but is one error; a
  // number in the text that contradicts the tables is an error too (never a "?").
  if (c.errors > 0) {
    const parts = [`${c.errors} 处错误`];
    if (c.fail > 0) parts.push(`${c.fail} 项勾稽关系不一致`);
    if (c.narrativeFail > 0) parts.push(`正文与表格 ${c.narrativeFail} 处不符`);
    return {
      kind: 'fail',
      text: c.errors > 99 ? '99+' : String(c.errors),
      color: BADGE_COLORS.fail,
      title: `勾稽：${parts.join('，')}`,
    };
  }
  const checks = state.report.checks?.length ?? 0;
  if (checks === 0 || c.uncertain > 0 || c.tablesMissing > 0 || c.narrativeFail > 0) {
    const why: string[] = [];
    if (checks === 0) why.push('未能核对任何表格');
    if (c.uncertain > 0) why.push(`${c.uncertain} 项无法判断`);
    if (c.tablesMissing > 0) why.push(`${c.tablesMissing} 张表格未找到`);
    if (c.narrativeFail > 0) why.push(`正文与表格 ${c.narrativeFail} 处不符`);
    return {
      kind: 'incomplete',
      text: '?',
      color: BADGE_COLORS.incomplete,
      title: `勾稽：未发现表格不一致，但${why.join('，')}`,
    };
  }
  return { kind: 'consistent', text: '✓', color: BADGE_COLORS.consistent, title: `勾稽：${c.pass} 项勾稽关系全部一致` };
}

/** Builds the stored entry from a content script's `gouji:result`. */
export function tabStateFromResult(
  msg: { state: PageState; report: Report | null; error?: string; listLinks?: number },
  url: string,
  now: Date = new Date(),
): TabState {
  const state: PageState = isPageState(msg.state) ? msg.state : STATE.error;
  const out: TabState = { state, url, report: msg.report ?? null, updatedAt: now.toISOString() };
  if (msg.error) out.error = String(msg.error);
  if (state === 'none' && typeof msg.listLinks === 'number' && msg.listLinks >= 2)
    out.listLinks = Math.min(Math.floor(msg.listLinks), 3000);
  if (state === 'report' && !out.report) {
    out.state = 'error';
    out.error = out.error ?? '内容脚本报告了结果，但没有附带报告数据';
  }
  return out;
}

/** Drop the fragment: moving to "#section-3" is not a new page. */
export function pageUrl(url: string | undefined | null): string {
  if (!url) return '';
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/**
 * Should `tabs.onUpdated` drop the stored entry? Yes when the tab starts loading a document: another
 * URL, or a reload of the same one (the marks are gone with the old document; the content script
 * sends a fresh result). A fragment-only change keeps the entry.
 */
export function shouldClearOnUpdate(change: { status?: string; url?: string }, stored: TabState | null): boolean {
  if (!stored) return false;
  // Chrome puts `url` in changeInfo only when it changed: same page minus fragment = a jump inside it.
  if (change.url !== undefined) return pageUrl(change.url) !== pageUrl(stored.url);
  // 'loading' without a URL change is a reload.
  return change.status === 'loading';
}

/** Reads and writes tab entries; operations on one tab run in order (put after clear, never before). */
export class TabStore {
  private queue = new Map<number, Promise<unknown>>();

  constructor(private readonly area: KeyValueArea) {}

  private serial<T>(tabId: number, op: () => Promise<T>): Promise<T> {
    const prev = this.queue.get(tabId) ?? Promise.resolve();
    const next = prev.then(op, op);
    const tail = next.catch(() => undefined);
    this.queue.set(tabId, tail);
    void tail.then(() => {
      if (this.queue.get(tabId) === tail) this.queue.delete(tabId);
    });
    return next;
  }

  async get(tabId: number): Promise<TabState | null> {
    await (this.queue.get(tabId) ?? Promise.resolve());
    const got = await this.area.get(tabKey(tabId));
    return isTabState(got[tabKey(tabId)]) ? (got[tabKey(tabId)] as TabState) : null;
  }

  put(tabId: number, state: TabState): Promise<void> {
    return this.serial(tabId, () => this.area.set({ [tabKey(tabId)]: state }));
  }

  clear(tabId: number): Promise<void> {
    return this.serial(tabId, () => this.area.remove(tabKey(tabId)));
  }

  /** Every stored tab entry (to notify tabs showing a report whose flags changed). */
  async all(): Promise<Map<number, TabState>> {
    const got = await this.area.get(null);
    const out = new Map<number, TabState>();
    for (const [k, v] of Object.entries(got)) {
      const id = tabIdOfKey(k);
      if (id !== null && isTabState(v)) out.set(id, v);
    }
    return out;
  }
}

const isPageState = (s: unknown): s is PageState => (Object.values(STATE) as unknown[]).includes(s);

export function isTabState(v: unknown): v is TabState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<TabState>;
  return isPageState(s.state) && typeof s.url === 'string';
}
