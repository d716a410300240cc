// Polite fetching, shared by the CLI and the extension's batch page. The caller passes `fetch` (Node's,
// or the extension page's); nothing here touches globals. Per host: at most `perHost` requests at a time
// (2 at most), `delayMs` between the starts of two requests and after each answer; every request has a timeout and one retry (network
// errors, timeouts and 5xx — never a 4xx). Redirects are followed; the final address must still be
// allowed (gov.cn by default), else the response is refused.

import { BodyStopped, readBody } from '../net/read-body';
import { isGovCn } from '../attachments';
import { decodeBytes } from './charset';

export interface FetchOptions {
  fetch: typeof globalThis.fetch;
  /** Requests at a time per host (default 2; more is refused). */
  perHost?: number;
  /** Requests at a time overall (default 4). */
  concurrency?: number;
  /** Pause between the starts of two requests to one host, ms (default 500). */
  delayMs?: number;
  /** Per request, ms (default 20,000). */
  timeoutMs?: number;
  /** Retries after a network error, a timeout or a 5xx (default 1). */
  retries?: number;
  /** Sent as User-Agent where the platform allows it (Node; browsers ignore it). */
  userAgent?: string;
  /** May this host be fetched (after redirects too)? Default: *.gov.cn, plus hosts given in `alsoAllow`. */
  allowHost?: (host: string) => boolean;
  /** Largest body read, bytes (default 30 MB). */
  maxBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  /**
   * Follow redirects one by one and check each target's host before asking it (Node's fetch allows this;
   * a browser's `redirect: 'manual'` hides the target, so there the final address is checked instead).
   */
  manualRedirects?: boolean;
}

export interface Fetched {
  /** The address asked for. */
  url: string;
  /** The address answered from (after redirects). */
  finalUrl: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
  /** The body decoded as text (HTML pages); empty for binary types. */
  text: string;
}

/** What went wrong, for a message in the reader's language (lib/i18n `reason…` keys); `detail` is not translated. */
export type FetchErrorCode =
  | 'http'
  | 'timeout'
  | 'timeout-read'
  | 'connect'
  | 'redirect-out'
  | 'redirects'
  | 'too-large'
  | 'read'
  | 'cancelled'
  | 'not-http'
  | 'host';

export class FetchError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    readonly code: FetchErrorCode = 'read',
    /** The untranslated part: an address, a status, a size, the platform's own message. */
    readonly detail: string = '',
  ) {
    super(message);
  }
}

export const DEFAULTS = {
  perHost: 2,
  concurrency: 4,
  delayMs: 500,
  timeoutMs: 20_000,
  retries: 1,
  maxBytes: 30 * 1024 * 1024,
};

/** lib/attachments.ts: a gov.cn host (the hosts fetched without asking). */
export { isGovCn };

const BINARY = /^(application\/(pdf|msword|vnd\.|octet-stream|zip|x-)|image\/)/i;

interface HostSlot {
  active: number;
  nextStart: number;
  waiting: (() => void)[];
}

export interface Fetcher {
  get(url: string): Promise<Fetched>;
}

export function createFetcher(opts: FetchOptions): Fetcher {
  const perHost = Math.max(1, Math.min(opts.perHost ?? DEFAULTS.perHost, DEFAULTS.perHost));
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULTS.concurrency);
  const delayMs = Math.max(0, opts.delayMs ?? DEFAULTS.delayMs);
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const retries = opts.retries ?? DEFAULTS.retries;
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const allow = opts.allowHost ?? isGovCn;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const hosts = new Map<string, HostSlot>();
  let active = 0;
  const global: (() => void)[] = [];

  async function acquire(host: string): Promise<void> {
    let slot = hosts.get(host);
    if (!slot) hosts.set(host, (slot = { active: 0, nextStart: 0, waiting: [] }));
    while (slot.active >= perHost || active >= concurrency) {
      await new Promise<void>((r) => (slot!.active >= perHost ? slot!.waiting : global).push(r));
    }
    slot.active++;
    active++;
    const wait = slot.nextStart - Date.now();
    slot.nextStart = Math.max(Date.now(), slot.nextStart) + delayMs;
    if (wait > 0) await sleep(wait);
  }

  function release(host: string): void {
    const slot = hosts.get(host)!;
    slot.active--;
    active--;
    // The pause also follows each answer: a slow site is not hit again the moment it replies.
    slot.nextStart = Math.max(slot.nextStart, Date.now() + delayMs);
    slot.waiting.shift()?.();
    global.shift()?.();
  }

  async function once(url: string): Promise<Fetched> {
    const ctrl = new AbortController();
    const onAbort = () => ctrl.abort();
    opts.signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
      const headers: Record<string, string> = { Accept: 'text/html,application/xhtml+xml,application/pdf,*/*;q=0.8' };
      if (opts.userAgent) headers['User-Agent'] = opts.userAgent;
      let res: Response;
      try {
        res = await opts.fetch(url, {
          headers,
          redirect: opts.manualRedirects ? 'manual' : 'follow',
          signal: ctrl.signal,
          credentials: 'omit',
        });
        let at = url;
        for (
          let hops = 0;
          opts.manualRedirects && res.status >= 300 && res.status < 400 && res.headers.get('location');
          hops++
        ) {
          const next = new URL(res.headers.get('location')!, at).href;
          const h = safeHost(next);
          if (h === null || !allow(h))
            throw new FetchError(`重定向到允许范围以外的网址：${next}`, url, res.status, 'redirect-out', next);
          if (hops >= 5) throw new FetchError('重定向次数过多', url, res.status, 'redirects');
          at = next;
          res = await opts.fetch(next, { headers, redirect: 'manual', signal: ctrl.signal, credentials: 'omit' });
          Object.defineProperty(res, 'url', { value: res.url || next });
        }
      } catch (e) {
        if (e instanceof FetchError) throw e;
        if (opts.signal?.aborted) throw new FetchError('已取消', url, undefined, 'cancelled');
        if (ctrl.signal.aborted)
          throw new FetchError(
            `超时（${Math.round(timeoutMs / 1000)} 秒未响应）`,
            url,
            0,
            'timeout',
            String(Math.round(timeoutMs / 1000)),
          );
        const why = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
        throw new FetchError(`无法连接：${why}`, url, 0, 'connect', why);
      }
      const finalUrl = res.url || url;
      const finalHost = safeHost(finalUrl);
      if (finalHost !== null && !allow(finalHost))
        throw new FetchError(`重定向到允许范围以外的网址：${finalUrl}`, url, res.status, 'redirect-out', finalUrl);
      if (!res.ok) throw new FetchError(`HTTP ${res.status}`, url, res.status, 'http', String(res.status));
      // Never more than maxBytes held: a declared length over it is refused unread, and an answer without one
      // that goes on past it is cut there, not read whole first (the timeout alone would let a fast server fill
      // the memory).
      let bytes: Uint8Array;
      try {
        bytes = await readBody(res, { maxBytes, abort: ctrl });
      } catch (e) {
        if (!(e instanceof BodyStopped) || e.stop.kind !== 'too-large') throw e;
        const mb = e.stop.declared ? String(Math.round(e.stop.bytes / 1048576)) : `>${Math.round(maxBytes / 1048576)}`;
        throw new FetchError(`文件过大（${mb} MB）`, url, res.status, 'too-large', mb);
      }
      const contentType = res.headers.get('content-type') ?? '';
      const text = BINARY.test(contentType) || looksBinary(bytes) ? '' : decodeBytes(bytes, contentType);
      return { url, finalUrl, status: res.status, contentType, bytes, text };
    } catch (e) {
      if (e instanceof FetchError) throw e;
      if (ctrl.signal.aborted && !opts.signal?.aborted)
        throw new FetchError(
          `超时（${Math.round(timeoutMs / 1000)} 秒未读完）`,
          url,
          0,
          'timeout-read',
          String(Math.round(timeoutMs / 1000)),
        );
      if (opts.signal?.aborted) throw new FetchError('已取消', url, 0, 'cancelled');
      const why = e instanceof Error ? e.message : String(e);
      throw new FetchError(`读取出错：${why}`, url, 0, 'read', why);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    async get(url: string): Promise<Fetched> {
      const host = safeHost(url);
      if (host === null) throw new FetchError(`不是 http(s) 网址：${url}`, url, undefined, 'not-http', url);
      if (!allow(host))
        throw new FetchError(`不在允许的网站范围内（只读取 gov.cn 网址）：${url}`, url, undefined, 'host', url);
      for (let attempt = 0; ; attempt++) {
        if (opts.signal?.aborted) throw new FetchError('已取消', url, undefined, 'cancelled');
        await acquire(host);
        try {
          return await once(url);
        } catch (e) {
          const fe = e as FetchError;
          const retriable = fe.status === 0 || (fe.status !== undefined && fe.status >= 500);
          if (!retriable || attempt >= retries || opts.signal?.aborted) throw fe;
        } finally {
          release(host);
        }
      }
    },
  };
}

function safeHost(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/** PDF, DOCX (zip), OLE Word files by their first bytes, whatever the server says the type is. */
export function looksBinary(bytes: Uint8Array): boolean {
  const b = bytes;
  return (
    (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) ||
    (b[0] === 0x50 && b[1] === 0x4b) ||
    (b[0] === 0xd0 && b[1] === 0xcf)
  );
}
