// The 历史 page's state: the history entries (lib/history/store.ts), filtered by a search text, a body,
// a year and a state; delete, clear all, export and import (a JSON file of entries with their reports).
import { computed, signal } from '@preact/signals';
import type { History, HistoryEntry } from '@/lib/history/store';
import type { RowState } from '@/lib/batch/run';
import { ROW_STATES } from '@/lib/batch/run';
import type { Report } from '@/lib/types';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import type { CommonHost } from '../common/host';
import { switchLang } from '../common/ui-state';

export interface HistoryHost {
  history: () => Promise<History | null>;
  download(filename: string, mime: string, text: string): void;
  /** The UI language, shared with the popup; Chinese when absent. */
  loadLang?: CommonHost['loadLang'];
  saveLang?: CommonHost['saveLang'];
}

export const HISTORY_EXPORT = 'gouji/history@1';

interface Exported {
  schema: typeof HISTORY_EXPORT;
  entries: { entry: HistoryEntry; report?: Report }[];
}

/**
 * The largest history file import reads: the history keeps at most 150 MB of report JSON (lib/history/store.ts
 * MAX_BYTES), and its export adds a little per entry.
 */
export const HISTORY_IMPORT_MAX_BYTES = 256 * 1024 * 1024;

export class HistoryStore {
  readonly lang = signal<Lang>('zh');
  readonly entries = signal<HistoryEntry[] | null>(null);
  readonly query = signal('');
  readonly body = signal('');
  readonly year = signal('');
  readonly state = signal<RowState | ''>('');
  readonly message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);

  readonly bodies = computed(() => [...new Set((this.entries.value ?? []).map((e) => e.body).filter(Boolean))].sort());
  readonly years = computed(() =>
    [...new Set((this.entries.value ?? []).map((e) => e.year).filter((y): y is number => y !== null))].sort(
      (a, b) => b - a,
    ),
  );
  readonly shown = computed(() => {
    const q = this.query.value.trim().toLowerCase();
    return (this.entries.value ?? []).filter(
      (e) =>
        (!q || `${e.agency ?? ''} ${e.url}`.toLowerCase().includes(q)) &&
        (!this.body.value || e.body === this.body.value) &&
        (!this.year.value || String(e.year) === this.year.value) &&
        (!this.state.value || e.state === this.state.value),
    );
  });

  constructor(readonly host: HistoryHost) {}

  t = (key: MessageKey, params?: Record<string, string | number>) => t(this.lang.value, key, params);

  setLang(lang: Lang): Promise<void> {
    return switchLang(this.lang, { saveLang: this.host.saveLang ?? (async () => undefined) }, lang);
  }

  async init(): Promise<void> {
    if (this.host.loadLang) this.lang.value = await this.host.loadLang().catch(() => 'zh' as Lang);
    await this.load();
  }

  async load(): Promise<void> {
    const h = await this.host.history();
    this.entries.value = h ? await h.list() : [];
    if (!h) this.message.value = { kind: 'error', text: this.t('historyUnavailable') };
  }

  async remove(url: string): Promise<void> {
    await (await this.host.history())?.delete([url]);
    await this.load();
  }

  async clearAll(): Promise<void> {
    await (await this.host.history())?.clear();
    await this.load();
    this.message.value = { kind: 'ok', text: this.t('historyCleared') };
  }

  async exportAll(): Promise<void> {
    const h = await this.host.history();
    if (!h) return;
    const entries = [];
    for (const entry of await h.list()) entries.push({ entry, report: await h.report(entry.url) });
    const out: Exported = { schema: HISTORY_EXPORT, entries };
    this.host.download('gouji-history.json', 'application/json', JSON.stringify(out));
  }

  /**
   * Import a picked file: one larger than an export of a full history can be (HISTORY_IMPORT_MAX_BYTES) is
   * refused by its size, before it is read into memory.
   */
  async importFile(f: Pick<File, 'size' | 'text'>): Promise<void> {
    if (f.size > HISTORY_IMPORT_MAX_BYTES) {
      this.message.value = { kind: 'error', text: this.t('importTooLarge', { mb: Math.round(f.size / 1048576) }) };
      return;
    }
    await this.importText(await f.text());
  }

  /** Import a file made by exportAll; entries are checked field by field, bad ones skipped. */
  async importText(text: string): Promise<void> {
    const h = await this.host.history();
    if (!h) return;
    let data: Exported;
    try {
      data = JSON.parse(text) as Exported;
    } catch {
      this.message.value = { kind: 'error', text: this.t('historyNotJson') };
      return;
    }
    if (data?.schema !== HISTORY_EXPORT || !Array.isArray(data.entries)) {
      this.message.value = { kind: 'error', text: this.t('historyNotOurs') };
      return;
    }
    let n = 0;
    for (const item of data.entries) {
      const e = item?.entry;
      if (
        !e ||
        typeof e.url !== 'string' ||
        !/^https?:\/\//.test(e.url) ||
        !ROW_STATES.includes(e.state) ||
        typeof e.at !== 'number'
      )
        continue;
      const entry: HistoryEntry = {
        url: e.url,
        body: String(e.body ?? ''),
        agency: typeof e.agency === 'string' ? e.agency : null,
        year: typeof e.year === 'number' ? e.year : null,
        state: e.state,
        fail: Number(e.fail) || 0,
        proseFail: Number(e.proseFail) || 0,
        ...(typeof e.errors === 'number' && e.errors >= 0 ? { errors: Math.floor(e.errors) } : {}),
        from: e.from === 'page' || e.from === 'view' ? e.from : 'batch',
        at: e.at,
        size: Number(e.size) || 0,
      };
      const report = item.report && item.report.schema === 'gouji/report@1' ? item.report : undefined;
      await h.put(entry, report);
      n++;
    }
    await this.load();
    this.message.value = { kind: 'ok', text: this.t('historyImported', { n }) };
  }
}
