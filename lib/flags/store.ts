// The flag store over an injected key-value area (browser.storage.local in the extension, an in-memory
// area in tests). The background (flag-add from the page and the popup) and the follow-up page both
// write through this class; each flag is its own key, so two writers touching different flags never
// overwrite each other, and a corrupted entry is skipped alone.
//
// Never lost, never silently changed (issue #13):
//  - every write goes through fitFlag then validateFlag: what is saved is what the list can show;
//  - an entry written by a newer version is left untouched by add, update and import (and listed by load);
//  - a write the storage refuses (quota) is reported, and an import is rolled back to what was there;
//  - imported dates are clamped to now;
//  - changes to one flag are serialized per key in this store (read, change, write one key, revision +1),
//    and the key is read again just before writing: a revision that moved meanwhile means another writer
//    got there first, and the change is re-applied on top of its version.

import type { Report } from '../types';
import { t, type PageKey, type Params } from '../i18n/page';
import type { KeyValueArea } from '../ext/tabs';
import { findingById, findingsOf } from './findings';
import {
  FLAG_KEY_PREFIX,
  FLAG_SCHEMA_VERSION,
  FLAGS_EXPORT_SCHEMA,
  flagKey,
  isFlagStatus,
  type Flag,
  type FlagStatus,
} from './model';
import { clampDates, fitFlag, isNewerEntry, validateFlag, type FlagProblem } from './validate';

export interface LoadResult {
  flags: Flag[];
  problems: FlagProblem[];
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  problems: FlagProblem[];
  /** Set when the file as a whole could not be read; nothing was imported. */
  error?: string;
  /** The same, as a message key with its parameters (the follow-up page says it in its language). */
  why?: FlagErrorWhy;
}

/**
 * Why a flag could not be saved or a file imported, in words any language can give (lib/i18n
 * `flagError.…`); `error` beside it keeps the Chinese sentence (older receivers, logs, tests).
 */
export interface FlagErrorWhy {
  id: Extract<PageKey, `flagError.${string}`>;
  params?: Params;
}

const failedWith = (why: FlagErrorWhy): { error: string; why: FlagErrorWhy } => ({
  error: t('zh', why.id, why.params),
  why,
});
const failed = (id: FlagErrorWhy['id'], params?: Params) => failedWith(params ? { id, params } : { id });

/** A write the storage refused, with its reason as a key (the message stays the Chinese sentence). */
export class FlagWriteError extends Error {
  constructor(readonly why: FlagErrorWhy) {
    super(t('zh', why.id, why.params));
    this.name = 'FlagWriteError';
  }
}

export type AddResult = { ok: true; flag: Flag; created: boolean } | { ok: false; error: string; why?: FlagErrorWhy };

/**
 * Newest first; ties by fingerprint so the order is stable. Plain code-unit order (the ISO dates we write
 * sort chronologically that way): localeCompare goes through an ICU collator, ≈ 40 ms for 3,000 flags on a
 * busy machine, in one task of the follow-up page (issue #13).
 */
export function sortFlags(flags: Flag[]): Flag[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...flags].sort((a, b) => cmp(b.createdAt, a.createdAt) || cmp(a.fingerprint, b.fingerprint));
}

/** Work between two pauses of a sliced load (ms): a task stays far below 50 ms. */
const LOAD_SLICE_MS = 8;
const clock = (): number => globalThis.performance?.now() ?? Date.now();

/** Why the storage refused a write (storage.local's quota, a disk error), as a message key with its detail. */
export function storageWhy(e: unknown, undone = false): FlagErrorWhy {
  const detail = e instanceof Error ? e.message : String(e);
  const full = /quota/i.test(detail);
  return {
    id: undone
      ? full
        ? 'flagError.importUndoneFull'
        : 'flagError.importUndone'
      : full
        ? 'flagError.full'
        : 'flagError.storage',
    params: { detail },
  };
}

type Entry =
  | { kind: 'absent' }
  | { kind: 'ok'; flag: Flag; raw: unknown }
  | { kind: 'newer'; raw: unknown }
  | { kind: 'bad'; raw: unknown };

export class FlagStore {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly area: KeyValueArea,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Run `fn` after every earlier change of the same key made through this store. */
  private withKey<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(key, tail);
    void tail.then(() => {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    });
    return run;
  }

  private classify(raw: unknown, fingerprint: string): Entry {
    if (raw === undefined) return { kind: 'absent' };
    if (isNewerEntry(raw)) return { kind: 'newer', raw };
    const r = validateFlag(raw, this.now(), fingerprint);
    return r.ok ? { kind: 'ok', flag: r.flag, raw } : { kind: 'bad', raw };
  }

  private async entry(fingerprint: string): Promise<Entry> {
    const key = flagKey(fingerprint);
    const got = await this.area.get(key);
    return this.classify(got[key], fingerprint);
  }

  /** Fit, validate and write one flag; the stored revision is one more than `base`'s. */
  private async put(flag: Flag, base: Flag | null): Promise<Flag> {
    const next = fitFlag({ ...flag, rev: (base?.rev ?? 0) + 1 });
    const r = validateFlag(next, this.now(), next.fingerprint);
    if (!r.ok) throw new Error(`标记内容无效，未保存：${r.reason}`);
    await this.area.set({ [flagKey(next.fingerprint)]: r.flag });
    return r.flag;
  }

  /**
   * Every valid flag, and a list of the entries that were skipped (never deleted). With `pause`, a page
   * keeps each task short over thousands of flags: the entries are read 200 keys at a time where the area
   * lists its keys, and validation pauses whenever 8 ms of it have run.
   */
  async load(pause?: () => Promise<void>): Promise<LoadResult> {
    const all = (pause && (await this.inSlices())) || (await this.area.get(null));
    const flags: Flag[] = [];
    const problems: FlagProblem[] = [];
    const rewrite: Record<string, Flag> = {};
    let since = clock();
    for (const [key, raw] of Object.entries(all)) {
      if (!key.startsWith(FLAG_KEY_PREFIX)) continue; // other data in storage.local is not ours to judge
      if (pause && clock() - since >= LOAD_SLICE_MS) {
        await pause();
        since = clock();
      }
      let r;
      try {
        r = validateFlag(raw, this.now(), key.slice(FLAG_KEY_PREFIX.length));
      } catch (e) {
        const detail = (e as Error).message;
        r = {
          ok: false as const,
          reason: `无法读取：${detail}`,
          why: { id: 'flagProblem.unreadable' as const, params: { detail } },
        };
      }
      if (!r.ok) {
        problems.push({ key, reason: r.reason, why: r.why });
        continue;
      }
      flags.push(r.flag);
      if (r.migrated) rewrite[key] = r.flag;
    }
    // Migrated entries are written back in the new shape so the migration runs once.
    if (Object.keys(rewrite).length) await this.area.set(rewrite);
    return { flags: sortFlags(flags), problems };
  }

  /**
   * The flag entries read 200 keys at a time (each answer is its own short task, instead of one task
   * taking in megabytes), every read asked at once (one round trip's wait, not one per read). In key
   * order, whatever order the answers come in.
   */
  private async inSlices(): Promise<Record<string, unknown> | null> {
    let keys: string[];
    try {
      if (!this.area.getKeys) return null;
      keys = (await this.area.getKeys()).filter((k) => k.startsWith(FLAG_KEY_PREFIX));
    } catch {
      return null; // no getKeys here (Firefox, older browsers, test doubles): one get(null)
    }
    const reads: Promise<Record<string, unknown>>[] = [];
    for (let i = 0; i < keys.length; i += 200) reads.push(this.area.get(keys.slice(i, i + 200)));
    const out: Record<string, unknown> = {};
    for (const got of await Promise.all(reads)) Object.assign(out, got);
    return out;
  }

  async get(fingerprint: string): Promise<Flag | null> {
    const key = flagKey(fingerprint);
    const got = await this.area.get(key);
    if (!(key in got)) return null;
    const r = validateFlag(got[key], this.now(), fingerprint);
    return r.ok ? r.flag : null;
  }

  /** Flag a finding of `report`. Flagging the same finding again never duplicates it (same key). */
  async addFinding(report: Report, checkId: string, note?: string): Promise<AddResult> {
    if (!report || typeof report !== 'object' || !Array.isArray(report.checks))
      return { ok: false, ...failed('flagError.noReport') };
    const finding = findingById(report, checkId);
    if (!finding) return { ok: false, ...failed('flagError.noFinding', { checkId }) };
    return this.withKey(flagKey(finding.fingerprint), async (): Promise<AddResult> => {
      const cur = await this.entry(finding.fingerprint);
      if (cur.kind === 'newer') return { ok: false, ...failed('flagError.newer') };
      const existing = cur.kind === 'ok' ? cur.flag : null;
      const stamp = this.now().toISOString();
      const cleanNote = (note ?? '').trim();
      try {
        if (existing) {
          if (cleanNote && cleanNote !== existing.note) {
            const updated = await this.put({ ...existing, note: cleanNote, updatedAt: stamp }, existing);
            return { ok: true, flag: updated, created: false };
          }
          return { ok: true, flag: existing, created: false };
        }
        const url = report.source?.url ?? '';
        const flag: Flag = {
          v: FLAG_SCHEMA_VERSION,
          fingerprint: finding.fingerprint,
          checkId: finding.id,
          kind: finding.kind,
          findingStatus: finding.status,
          url: /^https?:\/\//i.test(url) ? url : '',
          title: report.source?.title ?? null,
          agency: report.report?.agency ?? null,
          year: report.report?.year ?? null,
          cells: finding.cells,
          message: finding.message,
          expected: finding.expected,
          actual: finding.actual,
          status: 'open',
          note: cleanNote,
          createdAt: stamp,
          updatedAt: stamp,
        };
        if (finding.culprit) flag.culprit = finding.culprit;
        if (finding.quote !== undefined) flag.quote = finding.quote;
        if (finding.parts) flag.parts = finding.parts;
        // A corrupted entry under this key is replaced by the new, valid flag (it was listed as a problem).
        const saved = await this.put(flag, null);
        return { ok: true, flag: saved, created: true };
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('标记内容无效')) return { ok: false, error: e.message };
        return { ok: false, ...failedWith(storageWhy(e)) };
      }
    });
  }

  /**
   * Change a flag's status or note. Returns the flag as saved, or null when there is no such flag (or it
   * belongs to a newer version: left untouched). Throws with a message when the storage refused the write.
   */
  async update(fingerprint: string, patch: { status?: FlagStatus; note?: string }): Promise<Flag | null> {
    if (patch.status !== undefined && !isFlagStatus(patch.status)) return null;
    return this.withKey(flagKey(fingerprint), async () => {
      for (let attempt = 0; ; attempt++) {
        const cur = await this.entry(fingerprint);
        if (cur.kind !== 'ok') return null;
        const next: Flag = { ...cur.flag };
        if (patch.status !== undefined) next.status = patch.status;
        if (patch.note !== undefined) next.note = String(patch.note);
        if (next.status === cur.flag.status && next.note === cur.flag.note) return cur.flag;
        next.updatedAt = this.now().toISOString();
        // Compare before set: another writer (the follow-up page in another tab) moved the revision
        // since we read it → apply the patch again on its version.
        const again = await this.entry(fingerprint);
        if (again.kind === 'ok' && (again.flag.rev ?? 0) !== (cur.flag.rev ?? 0) && attempt < 3) continue;
        try {
          return await this.put(next, cur.flag);
        } catch (e) {
          throw new FlagWriteError(storageWhy(e));
        }
      }
    });
  }

  async remove(fingerprint: string): Promise<void> {
    await this.area.remove(flagKey(fingerprint));
  }

  /** Flags recorded for the findings this report shows now, by finding id (check id / claim id). */
  async forReport(report: Report | null | undefined): Promise<Map<string, Flag>> {
    const out = new Map<string, Flag>();
    const findings = findingsOf(report);
    if (!findings.length) return out;
    const keys = findings.map((f) => flagKey(f.fingerprint));
    const got = await this.area.get(keys);
    for (const f of findings) {
      const raw = got[flagKey(f.fingerprint)];
      if (raw === undefined) continue;
      const r = validateFlag(raw, this.now(), f.fingerprint);
      if (r.ok) out.set(f.id, r.flag);
    }
    return out;
  }

  /**
   * Merge an exported file into the store, by fingerprint: a flag already here is replaced only when
   * the imported one was changed later (its status/note win; the earlier creation date is kept).
   * Importing the same file twice changes nothing.
   */
  async importJson(text: string): Promise<ImportResult> {
    const parsed = parseFlagsFile(text, this.now());
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0, problems: [...parsed.problems] };
    if (parsed.error) return { ...result, error: parsed.error, ...(parsed.why ? { why: parsed.why } : {}) };
    const keys = [...new Set(parsed.flags.map((f) => flagKey(f.fingerprint)))];
    const got = keys.length ? await this.area.get(keys) : {};
    const writes: Record<string, Flag> = {};
    const added = new Set<string>();
    const newer = new Set<string>();
    for (const inc of parsed.flags) {
      const key = flagKey(inc.fingerprint);
      if (newer.has(key)) continue;
      const prevRaw = writes[key] ?? got[key];
      const prev = this.classify(prevRaw, inc.fingerprint);
      if (prev.kind === 'newer') {
        newer.add(key);
        result.problems.push({
          key,
          reason: t('zh', 'flagProblem.newerHere'),
          why: { id: 'flagProblem.newerHere' },
        });
        continue;
      }
      if (prev.kind === 'absent' || prev.kind === 'bad') {
        // Absent, or a corrupted entry under that key: the valid imported copy replaces it.
        writes[key] = fitFlag({ ...inc, rev: 1 });
        if (prev.kind === 'absent') {
          result.added++;
          added.add(key);
        } else result.updated++;
        continue;
      }
      if (Date.parse(inc.updatedAt) > Date.parse(prev.flag.updatedAt)) {
        const createdAt =
          Date.parse(inc.createdAt) < Date.parse(prev.flag.createdAt) ? inc.createdAt : prev.flag.createdAt;
        writes[key] = fitFlag({ ...inc, createdAt, rev: (prev.flag.rev ?? 0) + 1 });
        // A fingerprint twice in one file is one flag: count it once.
        if (!added.has(key)) result.updated++;
      } else if (!added.has(key)) {
        result.unchanged++;
      }
    }
    if (Object.keys(writes).length) {
      try {
        await this.area.set(writes);
      } catch (e) {
        // Roll back to what was there: the area may have kept part of the batch.
        const restore: Record<string, unknown> = {};
        const drop: string[] = [];
        for (const key of Object.keys(writes)) {
          if (got[key] === undefined) drop.push(key);
          else restore[key] = got[key];
        }
        await Promise.allSettled([
          drop.length ? this.area.remove(drop) : Promise.resolve(),
          Object.keys(restore).length ? this.area.set(restore) : Promise.resolve(),
        ]);
        return {
          added: 0,
          updated: 0,
          unchanged: 0,
          problems: result.problems,
          ...failedWith(storageWhy(e, true)),
        };
      }
    }
    return result;
  }
}

/** The JSON export of flags. */
export function flagsToJson(flags: Flag[], now: Date = new Date()): string {
  return (
    JSON.stringify(
      {
        schema: FLAGS_EXPORT_SCHEMA,
        version: FLAG_SCHEMA_VERSION,
        exportedAt: now.toISOString(),
        count: flags.length,
        flags: sortFlags(flags),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Reads an export (ours, or a bare array of flags); bad entries are reported and skipped. */
export function parseFlagsFile(
  text: string,
  now: Date = new Date(),
): { flags: Flag[]; problems: FlagProblem[]; error?: string; why?: FlagErrorWhy } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { flags: [], problems: [], ...failed('flagError.notJson', { detail: (e as Error).message }) };
  }
  let list: unknown;
  if (Array.isArray(data)) list = data;
  else if (typeof data === 'object' && data !== null && Array.isArray((data as { flags?: unknown }).flags)) {
    const schema = (data as { schema?: unknown }).schema;
    if (schema !== undefined && schema !== FLAGS_EXPORT_SCHEMA) {
      return {
        flags: [],
        problems: [],
        ...failed('flagError.schema', { schema: JSON.stringify(schema), expected: FLAGS_EXPORT_SCHEMA }),
      };
    }
    list = (data as { flags: unknown[] }).flags;
  } else {
    return { flags: [], problems: [], ...failed('flagError.noList') };
  }
  const flags: Flag[] = [];
  const problems: FlagProblem[] = [];
  (list as unknown[]).forEach((raw, i) => {
    const r = validateFlag(raw, now);
    if (r.ok) flags.push(clampDates(r.flag, now));
    else problems.push({ key: `#${i + 1}`, reason: r.reason, why: r.why });
  });
  return { flags, problems };
}
