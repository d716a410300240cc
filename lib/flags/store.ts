// The flag store over an injected key-value area (browser.storage.local in the extension, an in-memory
// area in tests). The background (flag-add from the page and the popup) and the follow-up page both
// write through this class; each flag is its own key, so two writers touching different flags never
// overwrite each other, and a corrupted entry is skipped alone.

import type { Report } from '../types';
import type { KeyValueArea } from '../ext/tabs';
import { findingById, findingsOf } from './findings';
import { FLAG_KEY_PREFIX, FLAG_SCHEMA_VERSION, FLAGS_EXPORT_SCHEMA, flagKey, isFlagStatus, type Flag, type FlagStatus } from './model';
import { validateFlag, type FlagProblem } from './validate';

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
}

export type AddResult = { ok: true; flag: Flag; created: boolean } | { ok: false; error: string };

/** Newest first; ties by fingerprint so the order is stable. */
export function sortFlags(flags: Flag[]): Flag[] {
  return [...flags].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.fingerprint.localeCompare(b.fingerprint));
}

export class FlagStore {
  constructor(private readonly area: KeyValueArea, private readonly now: () => Date = () => new Date()) {}

  /** All valid flags, and a list of the entries that were skipped (never deleted). */
  async load(): Promise<LoadResult> {
    const all = await this.area.get(null);
    const flags: Flag[] = [];
    const problems: FlagProblem[] = [];
    const rewrite: Record<string, Flag> = {};
    for (const [key, raw] of Object.entries(all)) {
      if (!key.startsWith(FLAG_KEY_PREFIX)) continue; // other data in storage.local is not ours to judge
      let r;
      try {
        r = validateFlag(raw, this.now(), key.slice(FLAG_KEY_PREFIX.length));
      } catch (e) {
        r = { ok: false as const, reason: `无法读取：${(e as Error).message}` };
      }
      if (!r.ok) {
        problems.push({ key, reason: r.reason });
        continue;
      }
      flags.push(r.flag);
      if (r.migrated) rewrite[key] = r.flag;
    }
    // Migrated entries are written back in the new shape so the migration runs once.
    if (Object.keys(rewrite).length) await this.area.set(rewrite);
    return { flags: sortFlags(flags), problems };
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
    if (!report || typeof report !== 'object' || !Array.isArray(report.checks)) return { ok: false, error: '没有可用的报告数据' };
    const finding = findingById(report, checkId);
    if (!finding) return { ok: false, error: `此报告中没有编号为 ${checkId} 的不一致或待确认项，无法标记` };
    const existing = await this.get(finding.fingerprint);
    const stamp = this.now().toISOString();
    const cleanNote = (note ?? '').trim().slice(0, 5000);
    if (existing) {
      if (cleanNote && cleanNote !== existing.note) {
        const updated = { ...existing, note: cleanNote, updatedAt: stamp };
        await this.area.set({ [flagKey(existing.fingerprint)]: updated });
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
    await this.area.set({ [flagKey(flag.fingerprint)]: flag });
    return { ok: true, flag, created: true };
  }

  async update(fingerprint: string, patch: { status?: FlagStatus; note?: string }): Promise<Flag | null> {
    const cur = await this.get(fingerprint);
    if (!cur) return null;
    const next: Flag = { ...cur };
    if (patch.status !== undefined) {
      if (!isFlagStatus(patch.status)) return null;
      next.status = patch.status;
    }
    if (patch.note !== undefined) next.note = String(patch.note).slice(0, 5000);
    if (next.status === cur.status && next.note === cur.note) return cur;
    next.updatedAt = this.now().toISOString();
    await this.area.set({ [flagKey(fingerprint)]: next });
    return next;
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
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0, problems: parsed.problems };
    if (parsed.error) return { ...result, error: parsed.error };
    const keys = parsed.flags.map((f) => flagKey(f.fingerprint));
    const got = keys.length ? await this.area.get(keys) : {};
    const writes: Record<string, Flag> = {};
    const added = new Set<string>();
    for (const inc of parsed.flags) {
      const key = flagKey(inc.fingerprint);
      const prevRaw = writes[key] ?? got[key];
      const prev = prevRaw === undefined ? null : validateFlag(prevRaw, this.now(), inc.fingerprint);
      if (!prev || !prev.ok) {
        // Absent, or a corrupted entry under that key: the valid imported copy replaces it.
        writes[key] = inc;
        if (prevRaw === undefined) {
          result.added++;
          added.add(key);
        } else result.updated++;
        continue;
      }
      if (Date.parse(inc.updatedAt) > Date.parse(prev.flag.updatedAt)) {
        const createdAt = Date.parse(inc.createdAt) < Date.parse(prev.flag.createdAt) ? inc.createdAt : prev.flag.createdAt;
        writes[key] = { ...inc, createdAt };
        // A fingerprint twice in one file is one flag: count it once.
        if (!added.has(key)) result.updated++;
      } else if (!added.has(key)) {
        result.unchanged++;
      }
    }
    if (Object.keys(writes).length) await this.area.set(writes);
    return result;
  }
}

/** The JSON export of flags. */
export function flagsToJson(flags: Flag[], now: Date = new Date()): string {
  return JSON.stringify({ schema: FLAGS_EXPORT_SCHEMA, version: FLAG_SCHEMA_VERSION, exportedAt: now.toISOString(), count: flags.length, flags: sortFlags(flags) }, null, 2) + '\n';
}

/** Reads an export (ours, or a bare array of flags); bad entries are reported and skipped. */
export function parseFlagsFile(text: string, now: Date = new Date()): { flags: Flag[]; problems: FlagProblem[]; error?: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { flags: [], problems: [], error: `文件不是有效的 JSON：${(e as Error).message}` };
  }
  let list: unknown;
  if (Array.isArray(data)) list = data;
  else if (typeof data === 'object' && data !== null && Array.isArray((data as { flags?: unknown }).flags)) {
    const schema = (data as { schema?: unknown }).schema;
    if (schema !== undefined && schema !== FLAGS_EXPORT_SCHEMA) {
      return { flags: [], problems: [], error: `不是勾稽的标记导出文件（schema 为 ${JSON.stringify(schema)}，应为 ${FLAGS_EXPORT_SCHEMA}）` };
    }
    list = (data as { flags: unknown[] }).flags;
  } else {
    return { flags: [], problems: [], error: '不是勾稽的标记导出文件：缺少 flags 列表' };
  }
  const flags: Flag[] = [];
  const problems: FlagProblem[] = [];
  (list as unknown[]).forEach((raw, i) => {
    const r = validateFlag(raw, now);
    if (r.ok) flags.push(r.flag);
    else problems.push({ key: `#${i + 1}`, reason: r.reason });
  });
  return { flags, problems };
}
