// History: every report checked (a page, the report view, a batch) kept locally in IndexedDB — the
// IDBFactory is passed in (the extension's `indexedDB`), nothing here reaches a global. Two object
// stores: `entries` (small: url, body key, year, state, counts, when, size) for listing and matching, and
// `reports` (the report object, by url) read only when one is needed. One entry per url: checking a page
// again replaces it.
//
// Bounded: at most MAX_ENTRIES reports and MAX_BYTES of report JSON; past either, the oldest entries go
// first. The user's flags live in storage.local and are never touched here.

import type { Report } from '../types';
import { errorsOf, rowOf, type BatchRow, type RowState } from '../batch/run';
import { bodyKey, hostOf, sameBody } from '../batch/body';

export const DB_NAME = 'gouji-history';
export const MAX_ENTRIES = 2000;
export const MAX_BYTES = 150 * 1024 * 1024;

export interface HistoryEntry {
  url: string;
  /** Normalized body name (lib/batch/body.ts). */
  body: string;
  agency: string | null;
  year: number | null;
  state: RowState;
  /** Errors (lib/errors.ts, as the popup counts them); absent in entries kept before it was recorded. */
  errors?: number;
  fail: number;
  proseFail: number;
  /** Where it was checked. */
  from: 'page' | 'view' | 'batch';
  /** ms since the epoch. */
  at: number;
  /** Bytes of the stored report JSON. */
  size: number;
}

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });

export function entryOf(
  row: BatchRow,
  report: Report | undefined,
  from: HistoryEntry['from'],
  at = Date.now(),
): HistoryEntry {
  return {
    url: row.url,
    body: bodyKey(row.agency),
    agency: row.agency,
    year: row.year,
    state: row.state,
    errors: errorsOf(row),
    fail: row.fail,
    proseFail: row.proseFail,
    from,
    at,
    size: report ? JSON.stringify(report).length * 2 : 0,
  };
}

export class History {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(factory: IDBFactory): Promise<History> {
    const open = factory.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      const entries = db.createObjectStore('entries', { keyPath: 'url' });
      entries.createIndex('body', 'body');
      entries.createIndex('at', 'at');
      db.createObjectStore('reports');
    };
    return new History(await req(open));
  }

  close(): void {
    this.db.close();
  }

  /** Keep a report checked one at a time (in a page, in the report view) under the address it was read from. */
  keep(url: string, report: Report, from: HistoryEntry['from']): Promise<void> {
    return this.put(entryOf(rowOf(url, undefined, report), report, from), report);
  }

  async put(entry: HistoryEntry, report: Report | undefined): Promise<void> {
    const tx = this.db.transaction(['entries', 'reports'], 'readwrite');
    tx.objectStore('entries').put(entry);
    if (report) tx.objectStore('reports').put(report, entry.url);
    else tx.objectStore('reports').delete(entry.url);
    await done(tx);
    await this.prune();
  }

  async list(): Promise<HistoryEntry[]> {
    const all = await req(this.db.transaction('entries').objectStore('entries').getAll() as IDBRequest<HistoryEntry[]>);
    return all.sort((a, b) => b.at - a.at);
  }

  async report(url: string): Promise<Report | undefined> {
    return req(this.db.transaction('reports').objectStore('reports').get(url) as IDBRequest<Report | undefined>);
  }

  /**
   * The reports of one body: by normalized name (the `body` index); with the report's address, also the
   * names that `sameBody` matches on the same site (洪泽区人民政府 and 淮安市洪泽区人民政府 on one host).
   */
  async reportsOfBody(agency: string | null, url?: string | null): Promise<Report[]> {
    const key = bodyKey(agency);
    if (!key) return [];
    let entries = await req(
      this.db.transaction('entries').objectStore('entries').index('body').getAll(key) as IDBRequest<HistoryEntry[]>,
    );
    const host = hostOf(url);
    if (host) {
      // The entries are small (no report): reading them all to match name variants on one site is cheap.
      const seen = new Set(entries.map((e) => e.url));
      const more = (await this.list()).filter(
        (e) =>
          !seen.has(e.url) &&
          e.body !== key &&
          sameBody({ agency, url: url ?? null }, { agency: e.agency, url: e.url }),
      );
      entries = [...entries, ...more];
    }
    const out: Report[] = [];
    for (const e of entries) {
      const r = await this.report(e.url);
      if (r) out.push(r);
    }
    return out;
  }

  async delete(urls: readonly string[]): Promise<void> {
    const tx = this.db.transaction(['entries', 'reports'], 'readwrite');
    for (const u of urls) {
      tx.objectStore('entries').delete(u);
      tx.objectStore('reports').delete(u);
    }
    await done(tx);
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['entries', 'reports'], 'readwrite');
    tx.objectStore('entries').clear();
    tx.objectStore('reports').clear();
    await done(tx);
  }

  /** Oldest first out, until both bounds hold. Returns the urls removed. */
  async prune(maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES): Promise<string[]> {
    const all = (await this.list()).reverse(); // oldest first
    let bytes = all.reduce((s, e) => s + e.size, 0);
    let n = all.length;
    const drop: string[] = [];
    for (const e of all) {
      if (n <= maxEntries && bytes <= maxBytes) break;
      drop.push(e.url);
      n--;
      bytes -= e.size;
    }
    if (drop.length) await this.delete(drop);
    return drop;
  }
}
