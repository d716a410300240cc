// The report view's state (report.html): one report at a time — from a file picked or dropped, a URL, or a
// tab's in-page result — shown with the popup's own findings column. The popup's store (components/popup)
// runs inside on a host whose "tab" is the report shown here, so the counts (errors, then failing checks),
// the state words, the flags (with their note) and the exports are the popup's, not a copy of them.
// Plain TS with signals: no browser globals (the entrypoint injects reading, checking and focusing).
import { computed, signal } from '@preact/signals';
import { PopupStore, type PopupHost } from '../popup/store';
import type { TabState } from '@/lib/ext/protocol';
import type { Report } from '@/lib/types';
import { rowOf, type RowState } from '@/lib/batch/run';
import { fileErrorText } from '@/lib/files';
import type { MessageKey } from '@/lib/i18n';

export type Source = 'pdf' | 'docx' | 'html' | 'text';

/** A report shown in the view. */
export interface Shown {
  report: Report;
  source: Source;
  /** The file's name or the address it came from. */
  label: string;
  url?: string;
  /** Paragraphs of a rebuilt PDF/DOCX. */
  body: string[];
  pages?: number;
}

/** What the page does: waits for a file, reads one, shows one, or says why it cannot. */
export type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'shown'; shown: Shown }
  /** `error`: said in the view's language when shown (errorText), so switching the language says it again. */
  | { kind: 'error'; error: unknown; label: string };

/** An error said in the view's language (the fetch and size limits); others carry their own message. */
export class ViewError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'ViewError';
  }
}

export interface Loaded {
  bytes: Uint8Array;
  name: string;
  url?: string;
}

export interface Checked {
  report: Report;
  source: Source;
  body: string[];
  pages?: number;
}

/** The browser side of the view: the popup's host parts that do not depend on a tab, plus reading. */
export type ReportViewHost = Omit<
  PopupHost,
  'resolveTabId' | 'getTabState' | 'watchTabState' | 'sendToTab' | 'runOnDemand' | 'files' | 'openBatch'
> & {
  /** Check a file's bytes (entrypoints/report/check.ts: by its bytes, PDF/DOCX rebuilt by lib/files). */
  check(bytes: Uint8Array, name: string, url: string | undefined): Promise<Checked>;
  /** Scroll the tables as read to a value cell and focus it; false when there is none. */
  focusField(field: string): boolean;
  /** Keep a checked report in the local history (best effort). */
  keep?(url: string, report: Report): Promise<void>;
};

export const MAX_BYTES = 60 * 1024 * 1024;

/**
 * A file the user picked or dropped, as bytes: one over MAX_BYTES is refused by its size before it is read (a
 * 2 GB file is never loaded into memory to be told it is too large).
 */
export async function loadFile(f: Pick<File, 'size' | 'name' | 'arrayBuffer'>): Promise<Loaded> {
  if (f.size > MAX_BYTES) throw new ViewError('rvTooLarge', { mb: Math.round(f.size / 1048576) });
  return { bytes: new Uint8Array(await f.arrayBuffer()), name: f.name };
}

/** The pseudo tab the popup store is bound to: the report on screen. */
const VIEW_TAB = 0;

export class ReportViewStore {
  readonly phase = signal<Phase>({ kind: 'idle' });
  readonly popup: PopupStore;
  /** The state word of what is shown (the batch page's and 历史's vocabulary). */
  readonly rowState = computed<RowState | null>(() => {
    const p = this.phase.value;
    if (p.kind === 'error') return 'error';
    if (p.kind !== 'shown') return null;
    return rowOf(p.shown.url ?? p.shown.label, undefined, p.shown.report).state;
  });

  private listeners = new Set<(s: TabState | null) => void>();
  private runId = 0;

  constructor(private readonly host: ReportViewHost) {
    const tabState = () => this.tabState();
    const listeners = this.listeners;
    const popupHost: PopupHost = {
      ...host,
      resolveTabId: async () => VIEW_TAB,
      getTabState: async () => tabState(),
      watchTabState: (_id, cb) => {
        listeners.add(cb);
        return () => listeners.delete(cb);
      },
      // "在页面中定位" scrolls to the cell in the tables as read; the marks switch has no page here.
      sendToTab: async (_id, msg) => {
        if (msg.type === 'gouji:focus') return msg.field ? host.focusField(msg.field) : false;
        throw new Error('no page');
      },
      runOnDemand: async () => {
        throw new Error('no page');
      },
    };
    this.popup = new PopupStore(popupHost);
  }

  get t() {
    return this.popup.t;
  }

  init(): Promise<void> {
    return this.popup.init();
  }

  private tabState(): TabState | null {
    const p = this.phase.peek();
    if (p.kind !== 'shown') return null;
    const r = p.shown.report;
    return {
      state: r.detected ? 'report' : 'none',
      url: p.shown.url ?? r.source.url ?? p.shown.label,
      report: r,
      updatedAt: r.source.checkedAt ?? new Date().toISOString(),
    };
  }

  /** Show a report (a file just checked, or a tab's stored result). */
  show(shown: Shown): void {
    this.phase.value = { kind: 'shown', shown };
    const s = this.tabState();
    for (const cb of this.listeners) cb(s);
  }

  fail(error: unknown, label = ''): void {
    this.phase.value = { kind: 'error', error, label };
    for (const cb of this.listeners) cb(null);
  }

  /** Read and check one input; a later call wins over an earlier one still reading. */
  async run(load: () => Promise<Loaded>, pending = ''): Promise<void> {
    const id = ++this.runId;
    this.phase.value = { kind: 'reading', name: pending };
    let label = pending;
    try {
      const { bytes, name, url } = await load();
      label = url ?? name;
      if (id === this.runId) this.phase.value = { kind: 'reading', name: label };
      if (bytes.byteLength > MAX_BYTES)
        throw new ViewError('rvTooLarge', { mb: Math.round(bytes.byteLength / 1048576) });
      const c = await this.host.check(bytes, name, url);
      if (id !== this.runId) return;
      this.show({ report: c.report, source: c.source, label, url, body: c.body, pages: c.pages });
      if (c.report.detected) void this.host.keep?.(url ?? `file:${name}`, c.report).catch(() => undefined);
    } catch (e) {
      if (id !== this.runId) return;
      this.fail(e, label);
    }
  }

  /**
   * An error in the view's language: the view's own (fetch, size) and lib/files' (save as, scanned,
   * encrypted, damaged …) by their codes; anything else said as it came, after "无法检查".
   */
  errorText(e: unknown): string {
    const t = this.popup.t;
    if (e instanceof ViewError) return t(e.key, e.params);
    const file = fileErrorText(e, this.popup.lang.value);
    if (file !== null) return file;
    return t('rvCannotCheck', { error: e instanceof Error ? e.message : String(e) });
  }
}
