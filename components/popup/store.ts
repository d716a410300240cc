// The popup's state (signals, plain TS) apart from its view. Everything the view shows is derived from
// one TabState — the same stored entry the badge is computed from (lib/ext/tabs.ts) — plus the flags
// recorded for the report. Actions go through the host (browser in the extension, fake-browser in
// tests); the view only reads signals and calls methods.
import { batch, computed, signal } from '@preact/signals';
import { showToast, switchLang, type Toast } from '../common/ui-state';
import type { Check, NarrativeClaim, Report, TableKey } from '@/lib/types';
import type { Message, TabState } from '@/lib/ext/protocol';
import { tableOfCheck } from '@/lib/schema/fields';
import { TABLE_KEYS } from '@/lib/schema/tables';
import { findingCounts } from '@/lib/ext/tabs';
import { groupErrors } from '@/lib/errors';
import type { AddResult } from '@/lib/flags/store';
import type { FlagStatus } from '@/lib/flags/model';
import { claimId } from '@/lib/flags/findings';
import { reportFilename, reportToCsv, reportToJson } from '@/lib/export';
import { feedbackText, itemsFromReport, subjectOfReport } from '@/lib/feedback';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import type { CommonHost } from '../common/host';
import type { FileActionsHost } from './FileActions';
import type { PreviousYear } from '@/lib/history/previous';

export interface PopupHost extends CommonHost {
  /** `?tabId=N` of the popup URL, else the active tab of the current window. */
  resolveTabId(): Promise<number | null>;
  getTabState(tabId: number): Promise<TabState | null>;
  /** Calls back whenever the stored entry of the tab changes (storage.session onChanged). */
  watchTabState(tabId: number, cb: (state: TabState | null) => void): () => void;
  sendToTab(tabId: number, msg: Message): Promise<unknown>;
  /** Injects /ondemand.js into the tab (scripting.executeScript). Rejects with a reason. */
  runOnDemand(tabId: number): Promise<void>;
  flagAdd(report: Report, checkId: string, note?: string): Promise<AddResult>;
  flagsForReport(report: Report): Promise<{ checkIds: string[]; statuses: Record<string, FlagStatus> }>;
  watchFlags(cb: () => void): () => void;
  openFlagsPage(): void;
  /** PDF in the tab, attachments, local files → the report view (absent in hosts that do not offer it). */
  files?: FileActionsHost;
  /** Opens batch.html?list=<url> (optional: hosts without it show no batch offer). */
  openBatch?(list: string): void;
  openHistoryPage?(): void;
  /** The same body's previous year from history, with the cross-year check (optional). */
  previousYear?(report: Report): Promise<PreviousYear | null>;
  /** 空白按 0 计, stored (storage.local BLANK_AS_ZERO_KEY); the page's engine re-checks when it changes. */
  loadBlankAsZero?(): Promise<boolean>;
  saveBlankAsZero?(on: boolean): Promise<void>;
}

export type { Toast } from '../common/ui-state';

export interface TableGroup<T> {
  table: TableKey | 'other';
  items: T[];
}

const TABLE_ORDER: (TableKey | 'other')[] = [...TABLE_KEYS, 'other'];

export function groupByTable(checks: Check[]): TableGroup<Check>[] {
  const by = new Map<TableKey | 'other', Check[]>();
  for (const c of checks) {
    const k = tableOfCheck(c) ?? 'other';
    by.set(k, [...(by.get(k) ?? []), c]);
  }
  return TABLE_ORDER.filter((k) => by.has(k)).map((k) => ({ table: k, items: by.get(k)! }));
}

/** How long a confirmation toast stays. */
export { TOAST_MS } from '../common/ui-state';

/** How long "检查此页" waits for the page's result before saying so. */
export const CHECK_TIMEOUT_MS = 20_000;

export class PopupStore {
  readonly lang = signal<Lang>('zh');
  readonly tabId = signal<number | null>(null);
  /** undefined while loading; null when nothing is stored for the tab. */
  readonly tab = signal<TabState | null | undefined>(undefined);
  readonly flagged = signal<Record<string, FlagStatus>>({});
  readonly checking = signal(false);
  readonly toast = signal<Toast | null>(null);
  readonly feedback = signal<string | null>(null);
  /** The finding whose flag form (note) is open. */
  readonly flagFormFor = signal<string | null>(null);
  readonly marksVisible = signal<boolean | null>(null);
  /** 上一年度报告: the previous year of this body, from history. */
  readonly previous = signal<PreviousYear | null>(null);
  /** The stored 空白按 0 计 choice (the report shown says what it was checked with: `options.blankAsZero`). */
  readonly blankAsZero = signal(false);

  readonly report = computed<Report | null>(() => {
    const s = this.tab.value;
    return s && s.state === 'report' && s.report ? s.report : null;
  });
  readonly counts = computed(() => findingCounts(this.report.value));
  readonly failing = computed(() => groupByTable((this.report.value?.checks ?? []).filter((c) => c.status === 'fail')));
  /** Table errors (lib/errors.ts) per table: one culprit = one error with the checks it breaks. */
  readonly errorGroups = computed(() => {
    const r = this.report.value;
    const byId = new Map((r?.checks ?? []).map((c) => [c.id, c]));
    const errors = groupErrors(r)
      .filter((e) => e.kind !== 'prose')
      .map((e) => ({ error: e, checks: e.checks.map((id) => byId.get(id)!).filter(Boolean) }));
    const by = new Map<TableKey | 'other', typeof errors>();
    for (const e of errors) {
      const k = (e.checks[0] ? tableOfCheck(e.checks[0]) : null) ?? 'other';
      by.set(k, [...(by.get(k) ?? []), e]);
    }
    return TABLE_ORDER.filter((k) => by.has(k)).map((k) => ({ table: k, items: by.get(k)! }));
  });
  readonly uncertain = computed(() => (this.report.value?.checks ?? []).filter((c) => c.status === 'uncertain'));
  readonly claims = computed<{ id: string; claim: NarrativeClaim }[]>(() =>
    (this.report.value?.narrative ?? [])
      .map((claim, i) => ({ id: claimId(claim, i), claim }))
      .filter((x) => x.claim.status === 'fail' || x.claim.status === 'warn'),
  );
  readonly blanks = computed(() => {
    const r = this.report.value;
    if (!r) return [] as { table: TableKey; fields: string[] }[];
    return TABLE_KEYS.map((k) => ({ table: k, fields: r.tables?.[k]?.blank ?? [] })).filter((x) => x.fields.length);
  });

  private unwatch: (() => void)[] = [];
  private checkTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly host: PopupHost) {}

  t = (key: MessageKey, params?: Record<string, string | number>) => t(this.lang.value, key, params);

  async init(): Promise<void> {
    this.lang.value = await this.host.loadLang().catch(() => 'zh' as Lang);
    this.blankAsZero.value = (await this.host.loadBlankAsZero?.().catch(() => false)) ?? false;
    const tabId = await this.host.resolveTabId().catch(() => null);
    this.tabId.value = tabId;
    if (tabId === null) {
      this.tab.value = null;
      return;
    }
    this.unwatch.push(this.host.watchTabState(tabId, (s) => this.setTab(s)));
    this.unwatch.push(this.host.watchFlags(() => void this.refreshFlags()));
    const s = await this.host.getTabState(tabId).catch(() => null);
    // A watch event may have arrived first (a result landing while we asked): keep the newer one.
    if (this.tab.peek() === undefined || (s && this.tab.peek() && s.updatedAt > this.tab.peek()!.updatedAt))
      this.setTab(s);
    void this.refreshMarks();
  }

  dispose(): void {
    for (const u of this.unwatch.splice(0)) u();
    if (this.checkTimer) clearTimeout(this.checkTimer);
  }

  private setTab(s: TabState | null): void {
    batch(() => {
      this.tab.value = s;
      if (s && this.checking.peek()) {
        this.checking.value = false;
        if (this.checkTimer) clearTimeout(this.checkTimer);
      }
    });
    void this.refreshFlags();
    void this.refreshPrevious();
  }

  async refreshPrevious(): Promise<void> {
    const r = this.report.peek();
    this.previous.value = r && this.host.previousYear ? await this.host.previousYear(r).catch(() => null) : null;
  }

  async refreshFlags(): Promise<void> {
    const r = this.report.peek();
    if (!r) {
      this.flagged.value = {};
      return;
    }
    try {
      const got = await this.host.flagsForReport(r);
      this.flagged.value = { ...got.statuses };
    } catch {
      // The background is restarting; flags show on the next change.
    }
  }

  async refreshMarks(): Promise<void> {
    const id = this.tabId.peek();
    if (id === null || !this.report.peek()) return;
    try {
      const v = await this.host.sendToTab(id, { type: 'gouji:get-marks' });
      this.marksVisible.value = typeof v === 'boolean' ? v : null;
    } catch {
      this.marksVisible.value = null; // no content script in the tab (yet)
    }
  }

  async setMarks(visible: boolean): Promise<void> {
    const id = this.tabId.peek();
    if (id === null) return;
    try {
      const v = await this.host.sendToTab(id, { type: 'gouji:set-marks', visible });
      this.marksVisible.value = typeof v === 'boolean' ? v : visible;
    } catch (e) {
      this.say('error', this.t('checkFailed', { error: (e as Error).message }));
    }
  }

  say(kind: Toast['kind'], text: string): void {
    showToast(this.toast, kind, text);
  }

  setLang(lang: Lang): Promise<void> {
    return switchLang(this.lang, this.host, lang);
  }

  /** Turn 空白按 0 计 on or off: stored; the page re-checks itself and its new result comes back here. */
  async setBlankAsZero(on: boolean): Promise<void> {
    this.blankAsZero.value = on;
    try {
      await this.host.saveBlankAsZero?.(on);
    } catch {
      this.blankAsZero.value = !on;
    }
  }

  /** "检查此页": inject the on-demand script, then wait for the tab's entry to change. */
  async checkPage(): Promise<void> {
    const id = this.tabId.peek();
    if (id === null) {
      this.say('error', this.t('noTab'));
      return;
    }
    this.checking.value = true;
    this.toast.value = null;
    try {
      await this.host.runOnDemand(id);
    } catch (e) {
      this.checking.value = false;
      this.say('error', this.t('checkFailed', { error: humanInjectError(e, this.lang.peek()) }));
      return;
    }
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      if (!this.checking.peek()) return;
      this.checking.value = false;
      this.say('error', this.t('checkTimeout'));
    }, CHECK_TIMEOUT_MS);
  }

  /** Scroll the page to the finding's cell and flash it. */
  async focus(checkId: string, field?: string): Promise<void> {
    const id = this.tabId.peek();
    if (id === null) return;
    try {
      await this.host.sendToTab(id, { type: 'gouji:focus', checkId, ...(field ? { field } : {}) });
    } catch (e) {
      this.say('error', this.t('checkFailed', { error: (e as Error).message }));
    }
  }

  async flag(checkId: string, note?: string): Promise<boolean> {
    const r = this.report.peek();
    if (!r) return false;
    let res: AddResult;
    try {
      res = await this.host.flagAdd(r, checkId, note);
    } catch (e) {
      res = { ok: false, error: (e as Error).message };
    }
    if (!res || !res.ok) {
      this.say(
        'error',
        this.t('flagFailed', {
          error: res && !res.ok ? (res.why ? this.t(res.why.id, res.why.params) : res.error) || '?' : '?',
        }),
      );
      return false;
    }
    batch(() => {
      this.flagged.value = { ...this.flagged.peek(), [checkId]: res.flag.status };
      this.flagFormFor.value = null;
      this.say('ok', this.t('flagDone'));
    });
    return true;
  }

  filename(ext: 'json' | 'csv'): string {
    const r = this.report.peek();
    return reportFilename(r?.report?.agency, r?.report?.year, ext, {
      url: r?.source?.url ?? this.tab.peek()?.url ?? null,
      checkedAt: r?.source?.checkedAt ?? null,
    });
  }

  exportJson(): void {
    const r = this.report.peek();
    if (!r) return;
    const name = this.filename('json');
    this.host.download(name, 'application/json', reportToJson(r));
    this.say('ok', this.t('downloaded', { name }));
  }

  exportCsv(): void {
    const r = this.report.peek();
    if (!r) return;
    const name = this.filename('csv');
    this.host.download(name, 'text/csv;charset=utf-8', reportToCsv(r));
    this.say('ok', this.t('downloaded', { name }));
  }

  async copyJson(): Promise<void> {
    const r = this.report.peek();
    if (!r) return;
    try {
      await this.host.copy(reportToJson(r));
      this.say('ok', this.t('copied'));
    } catch (e) {
      this.say('error', this.t('copyFailed', { error: (e as Error).message }));
    }
  }

  openFeedback(): void {
    const r = this.report.peek();
    if (!r) return;
    this.feedback.value = feedbackText(subjectOfReport(r), itemsFromReport(r));
  }

  async copyFeedback(): Promise<void> {
    const text = this.feedback.peek();
    if (!text) return;
    try {
      await this.host.copy(text);
      this.say('ok', this.t('textCopied'));
    } catch (e) {
      this.say('error', this.t('copyFailed', { error: (e as Error).message }));
    }
  }
}

/** Chromium's injection errors, said plainly. */
export function humanInjectError(e: unknown, lang: Lang): string {
  const m = (e as Error)?.message ?? String(e);
  if (/chrome:\/\/|extensions gallery|Cannot access|cannot be scripted|Missing host permission/i.test(m)) {
    return t(lang, 'inject.denied', { error: m });
  }
  return m;
}
