// The batch page's state apart from its view. A run: the list page's report links (or stored ones when
// resuming), each fetched politely and checked (lib/batch), the row stored after each report so a closed
// page resumes where it stopped, every report kept in history, and at the end the cross-year check
// against the batch and the history. The host gives the browser parts (fetch, storage, IndexedDB, the
// HTML parser, downloads); tests can give their own.
import { computed, signal } from '@preact/signals';
import {
  checkUrl,
  counts,
  crossYear,
  pool,
  readList,
  type BatchRow,
  type CheckDeps,
  type Checked,
  type Inspect,
} from '@/lib/batch/run';
import { createFetcher, isGovCn } from '@/lib/batch/fetch';
import { hostOf as hostOfUrl } from '@/lib/batch/body';
import type { ReportLink } from '@/lib/batch/links';
import { batchToJsonl, batchToWideCsv } from '@/lib/export/wide';
import type { KeyValueArea } from '@/lib/ext/tabs';
import { entryOf, type History } from '@/lib/history/store';
import type { Report } from '@/lib/types';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import type { CommonHost } from '../common/host';
import { switchLang } from '../common/ui-state';

export const BATCH_KEY = 'gouji:batch:v1';

export interface BatchHost {
  fetch: typeof globalThis.fetch;
  area: KeyValueArea;
  history: () => Promise<History | null>;
  inspect: Inspect;
  /** Read an attached PDF/DOCX as a report (absent: such rows stay in state `attachment`). */
  readAttachment?: CheckDeps['readAttachment'];
  download(filename: string, mime: string, text: string): void;
  /** The page's own address (to read ?list=). */
  href: string;
  setDone(state: 'running' | 'done' | 'cancelled'): void;
  /** The UI language, shared with the popup (storage.local gouji:settings:lang); Chinese when absent. */
  loadLang?: CommonHost['loadLang'];
  saveLang?: CommonHost['saveLang'];
}

interface Saved {
  list: string;
  links: ReportLink[];
  rows: Record<string, BatchRow>;
}

export type Phase = 'idle' | 'listing' | 'running' | 'cancelled' | 'done' | 'error';

/** Reports checked at a time (the fetcher allows at most 2 requests per host). */
export const CONCURRENCY = 3;

export class BatchStore {
  readonly lang = signal<Lang>('zh');
  readonly list = signal<string | null>(null);
  readonly links = signal<ReportLink[]>([]);
  readonly rows = signal<Record<string, BatchRow>>({});
  readonly phase = signal<Phase>('idle');
  /** What stopped the run before any report (a message key: shown in the reader's language). */
  readonly error = signal<{ key: MessageKey; params?: Record<string, string | number> } | null>(null);
  private readonly reports = new Map<string, Report>();
  private ctrl: AbortController | null = null;

  readonly done = computed(() => Object.keys(this.rows.value).length);
  readonly total = computed(() => this.links.value.length);
  readonly counts = computed(() => counts(Object.values(this.rows.value)));

  constructor(readonly host: BatchHost) {}

  t = (key: MessageKey, params?: Record<string, string | number>) => t(this.lang.value, key, params);

  setLang(lang: Lang): Promise<void> {
    return switchLang(this.lang, { saveLang: this.host.saveLang ?? (async () => undefined) }, lang);
  }

  async init(): Promise<void> {
    if (this.host.loadLang) this.lang.value = await this.host.loadLang().catch(() => 'zh' as Lang);
    const list = new URL(this.host.href).searchParams.get('list');
    const saved = ((await this.host.area.get(BATCH_KEY))[BATCH_KEY] ?? null) as Saved | null;
    if (!list && !saved) return;
    if (list && !/^https?:\/\//i.test(list)) {
      this.fail('batchNotUrl', { list });
      return;
    }
    if (saved && (!list || saved.list === list)) {
      this.list.value = saved.list;
      this.links.value = saved.links;
      this.rows.value = saved.rows;
    } else this.list.value = list;
    await this.start();
  }

  private fail(key: MessageKey, params?: Record<string, string | number>): void {
    this.error.value = { key, ...(params ? { params } : {}) };
    this.phase.value = 'error';
    this.host.setDone('done');
  }

  private async save(): Promise<void> {
    const s: Saved = { list: this.list.value!, links: this.links.value, rows: this.rows.value };
    await this.host.area.set({ [BATCH_KEY]: s });
  }

  /** Start, or resume: only links without a row are fetched. */
  async start(): Promise<void> {
    if (!this.list.value || this.phase.value === 'running' || this.phase.value === 'listing') return;
    const ctrl = (this.ctrl = new AbortController());
    // gov.cn only (the extension's host permission): a list elsewhere gets a clear error, not a fetch.
    const fetcher = createFetcher({ fetch: this.host.fetch, signal: ctrl.signal, allowHost: isGovCn });
    const deps: CheckDeps = {
      fetcher,
      inspect: this.host.inspect,
      ...(this.host.readAttachment ? { readAttachment: this.host.readAttachment } : {}),
    };
    this.host.setDone('running');
    this.error.value = null;
    if (!this.links.value.length) {
      this.phase.value = 'listing';
      const got = await readList(this.list.value, deps);
      if (got.error || !got.links.length) {
        if (got.error)
          this.fail('batchListUnreadable', { error: got.why ? this.t(got.why.id, got.why.params) : got.error });
        else this.fail('batchNoLinks');
        return;
      }
      this.links.value = got.links;
      await this.save();
    }
    this.phase.value = 'running';
    const history = await this.host.history().catch(() => null);
    const todo = this.links.value.filter((l) => !this.rows.value[l.url]);
    await pool(
      todo,
      CONCURRENCY,
      async (link) => {
        const c = await checkUrl(link.url, deps, link.text);
        if (ctrl.signal.aborted) return; // a cancelled fetch is not a result
        if (c.report) this.reports.set(link.url, c.report);
        this.rows.value = { ...this.rows.value, [link.url]: c.row };
        await this.save();
        if (history && c.row.state !== 'error')
          await history.put(entryOf(c.row, c.report, 'batch'), c.report).catch(() => undefined);
      },
      ctrl.signal,
    );
    if (ctrl.signal.aborted) return;
    await this.finish(history);
  }

  cancel(): void {
    this.ctrl?.abort();
    this.phase.value = 'cancelled';
    this.host.setDone('cancelled');
  }

  /** The report of a row: from this run, else from history (a resumed run). */
  private async reportOf(url: string, history: History | null): Promise<Report | undefined> {
    return this.reports.get(url) ?? (await history?.report(url).catch(() => undefined));
  }

  private async items(history: History | null): Promise<Checked[]> {
    const out: Checked[] = [];
    for (const l of this.links.value) {
      const row = this.rows.value[l.url];
      if (row) out.push({ row: { ...row }, report: await this.reportOf(l.url, history) });
    }
    return out;
  }

  private async finish(history: History | null): Promise<void> {
    const items = await this.items(history);
    // The previous years of the bodies in this batch, from history (this batch's own urls excluded).
    const inBatch = new Set(items.map((i) => i.row.url));
    const past: Report[] = [];
    if (history) {
      const seen = new Set<string>();
      for (const i of items) {
        const r0 = i.report;
        const key = `${r0?.report.agency}\u0000${hostOfUrl(r0?.source.url)}`;
        if (!r0?.report.agency || seen.has(key)) continue;
        seen.add(key);
        for (const r of await history.reportsOfBody(r0.report.agency, r0.source.url).catch(() => []))
          if (!inBatch.has(r.source.url ?? '')) past.push(r);
      }
    }
    crossYear(items, past);
    const rows = { ...this.rows.value };
    for (const i of items) {
      rows[i.row.url] = i.row;
      if (i.report) this.reports.set(i.row.url, i.report);
    }
    this.rows.value = rows;
    await this.save();
    this.phase.value = 'done';
    this.host.setDone('done');
  }

  async exportCsv(): Promise<void> {
    const history = await this.host.history().catch(() => null);
    this.host.download('gouji-batch.csv', 'text/csv;charset=utf-8', batchToWideCsv(await this.items(history)));
  }

  async exportJsonl(): Promise<void> {
    const history = await this.host.history().catch(() => null);
    this.host.download('gouji-batch.jsonl', 'application/x-ndjson', batchToJsonl(await this.items(history)));
  }

  /** Forget the stored run (the history keeps the reports). */
  async reset(): Promise<void> {
    this.ctrl?.abort();
    await this.host.area.remove(BATCH_KEY);
    this.links.value = [];
    this.rows.value = {};
    this.phase.value = 'idle';
  }
}
