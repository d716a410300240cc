// Messages between the extension's parts (content script ⇄ background ⇄ popup / follow-up page).
// Pure types: entrypoints/ wires them to `browser.runtime` / `browser.tabs`. Every message has a
// `type` starting with "gouji:"; senders ignore replies they do not understand.

import type { Check, Report } from '../types';
import type { AddResult } from '../flags/store';
import type { FlagStatus } from '../flags/model';
import type { PageState } from '../contract';
import type { PackName } from './packs';

/** What the background keeps per tab (storage.session, so it survives service-worker restarts). */
export interface TabState {
  state: PageState;
  url: string;
  /** The report object (null on pages that are not reports). */
  report: Report | null;
  /** Human message when state = 'error' (or a 'none' page with a reason, e.g. "页面过大"). */
  error?: string;
  /** A list page (state 'none'): how many report links it has (the popup offers the batch). */
  listLinks?: number;
  updatedAt: string;
  /** The frame the report was read in (0 = top; absent on results stored before frames were read). */
  frameId?: number;
}

/** A finding the user can flag: a table check or a narrative claim. */
export interface FindingRef {
  /** Check id ("apply.row-sum:new") or narrative claim id ("narrative:…"). */
  checkId: string;
}

export type Message =
  // content → background: the analysis of this tab settled (sent again after every re-run).
  | { type: 'gouji:result'; state: PageState; report: Report | null; error?: string; listLinks?: number }
  // content (the list-page chip) → background: open batch.html?list=<this page>.
  | { type: 'gouji:open-batch'; list: string }
  // content (the page chip of a report whose tables are in an attachment) → background: open
  // report.html?url=<the attachment> — only a .pdf/.docx on the page's own host or a gov.cn host.
  | { type: 'gouji:open-attachment'; url: string }
  // popup → background: the stored state of a tab.
  | { type: 'gouji:get-tab-state'; tabId: number }
  // popup → content: scroll to a cell / claim and flash it.
  | { type: 'gouji:focus'; checkId?: string; field?: string }
  // popup → content: show or hide every mark (hiding restores the page exactly).
  | { type: 'gouji:set-marks'; visible: boolean }
  // popup → content: are marks shown?
  | { type: 'gouji:get-marks' }
  // content/popup → background: add a flag for a finding of the tab's report (note optional).
  | { type: 'gouji:flag-add'; report: Report; checkId: string; note?: string }
  // content/popup → background: flags recorded for this report (by url), to show "已标记".
  | { type: 'gouji:flags-for-report'; report: Report }
  // background → content: flags changed (so the page re-renders its flagged state).
  | { type: 'gouji:flags-changed' }
  // background → content: the history holds this body's previous year; the cross-year checks
  // (apply.year-over-year:*, this year's 上年结转 against its 结转下年度) to mark on the 上年结转 cells.
  | { type: 'gouji:previous-year'; year: number; url: string | null; checks: Check[] }
  // content (the engine, on a page where it could not import a pack: outside gov.cn) → background: inject
  // that pack's script into the sender's frame (lib/ext/packs.ts).
  | { type: 'gouji:load-pack'; pack: PackName };

export function isGoujiMessage(m: unknown): m is Message {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as { type?: unknown }).type === 'string' &&
    (m as { type: string }).type.startsWith('gouji:')
  );
}

/** A message of one type. */
export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** The user's flags on one report's findings: the flagged check and claim ids, and each one's status. */
export interface FlagsForReport {
  checkIds: string[];
  statuses: Record<string, FlagStatus>;
}

/**
 * What each message is answered with (request → reply). Replies cross a process boundary and may come from
 * an older or newer version of the other side: receivers still check their shape (see `isAddResult`), the
 * map is what the sender may expect, not a promise. `undefined`: nobody answers.
 */
export interface Replies {
  /**
   * `flags`: for a report, what `gouji:flags-for-report` would answer, so the page needs no second message
   * (and the background no second copy of the report) to show its flags on load.
   */
  'gouji:result': { ok: true; flags?: FlagsForReport } | { ok: false; error: string };
  'gouji:get-tab-state': TabState | null;
  /** Did a cell or claim with that id get focused? */
  'gouji:focus': boolean;
  /** Are marks shown now? */
  'gouji:set-marks': boolean;
  'gouji:get-marks': boolean;
  'gouji:flag-add': AddResult;
  'gouji:flags-for-report': FlagsForReport;
  'gouji:flags-changed': undefined;
  'gouji:previous-year': undefined;
  /** Opened the batch page for the sender's list page? */
  'gouji:open-batch': { ok: true } | { ok: false; error: string };
  /** Opened the report view for the attachment the sender's page links? */
  'gouji:open-attachment': { ok: true } | { ok: false; error: string };
  /** Injected the pack into the sender's frame? */
  'gouji:load-pack': { ok: true } | { ok: false; error: string };
}

export type ReplyOf<T extends Message['type']> = Replies[T];

/** A typed sender: the reply type follows from the message's type. Rejects when nobody listens. */
export type Send = <M extends Message>(msg: M) => Promise<ReplyOf<M['type']> | undefined>;
export type SendToTab = <M extends Message>(tabId: number, msg: M) => Promise<ReplyOf<M['type']> | undefined>;

/** Wraps an untyped `sendMessage` (browser.runtime, browser.tabs bound to a tab, fake-browser) as a `Send`. */
export function typedSend(raw: (msg: Message) => Promise<unknown>): Send {
  return <M extends Message>(msg: M) => raw(msg) as Promise<ReplyOf<M['type']> | undefined>;
}

/**
 * The receiving side: one handler per message type a part answers, each typed by its message and reply
 * (`Handlers<Sender>` for the background, `Handlers` for a page). `answer` finds the handler of a message
 * that arrived untyped; messages the part does not handle (or that are not ours), and handlers that
 * answer `undefined` synchronously, give `undefined`, so `runtime.onMessage` leaves them to other listeners.
 */
export type Handlers<S = void> = {
  [T in Message['type']]?: (msg: MessageOf<T>, sender: S) => Promise<ReplyOf<T>> | ReplyOf<T>;
};

export function answer<S>(handlers: Handlers<S>, msg: unknown, sender: S): Promise<unknown> | undefined {
  if (!isGoujiMessage(msg)) return undefined;
  const h = handlers[msg.type] as ((m: Message, s: S) => unknown) | undefined;
  if (!h) return undefined;
  // A handler with nothing to say (a notification such as gouji:flags-changed) answers undefined: no reply.
  const r = h(msg, sender);
  return r === undefined ? undefined : Promise.resolve(r);
}

/** The shape check for `gouji:flag-add` replies (lib/flags/store.ts AddResult). */
export function isAddResult(r: unknown): r is AddResult {
  if (!r || typeof r !== 'object') return false;
  const ok = (r as { ok?: unknown }).ok;
  return ok === true || (ok === false && typeof (r as { error?: unknown }).error === 'string');
}
