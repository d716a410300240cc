// The report view's download of the file it was asked to check (a PDF or DOCX attachment, a report page):
// never longer than it must, never larger than the view checks. The server must answer within
// RESPONSE_TIMEOUT_MS and then keep sending (no STALL_MS without a byte); a file over MAX_BYTES is stopped as
// soon as it passes the limit — by its declared length before any byte is read, else while it streams.
import { BodyStopped, readBody } from '../../lib/net/read-body';
import { MAX_BYTES, ViewError, type Loaded } from './store';

/** No answer (status and headers) for this long: the download is given up. */
export const RESPONSE_TIMEOUT_MS = 30_000;
/** No byte of the file for this long, once it started: given up (a slow but moving download goes on). */
export const STALL_MS = 30_000;

export interface FetchUrlDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  responseTimeoutMs?: number;
  stallMs?: number;
  maxBytes?: number;
}

export async function fetchUrl(url: string, deps: FetchUrlDeps): Promise<Loaded> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ViewError('rvBadUrl', { url });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ViewError('rvOnlyHttp');
  const maxBytes = deps.maxBytes ?? MAX_BYTES;
  const waitMs = deps.responseTimeoutMs ?? RESPONSE_TIMEOUT_MS;
  const stallMs = deps.stallMs ?? STALL_MS;
  const ctrl = new AbortController();
  let res: Response;
  const timer = setTimeout(() => ctrl.abort(), waitMs);
  try {
    // no-store: the file as it is now, never a cached copy — and never a wait on the cache entry of the same
    // address still being loaded elsewhere (the PDF open in the tab the popup was asked from; one e2e run in
    // ≈ 25 stalled past 90 s there).
    res = await deps.fetch(u.href, { credentials: 'include', cache: 'no-store', signal: ctrl.signal });
  } catch {
    if (ctrl.signal.aborted) throw new ViewError('rvTimeout', { url: u.href, s: Math.round(waitMs / 1000) });
    throw new ViewError('rvNetwork', { url: u.href });
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) {
    void res.body?.cancel().catch(() => undefined);
    throw new ViewError('rvHttp', { url: u.href, status: res.status });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBody(res, { maxBytes, stallMs, abort: ctrl });
  } catch (e) {
    if (e instanceof BodyStopped && e.stop.kind === 'too-large')
      throw e.stop.declared
        ? new ViewError('rvTooLarge', { mb: Math.round(e.stop.bytes / 1048576) })
        : new ViewError('rvTooLargeOver', { mb: Math.round(maxBytes / 1048576) });
    if (e instanceof BodyStopped) throw new ViewError('rvTimeout', { url: u.href, s: Math.round(stallMs / 1000) });
    throw new ViewError('rvNetwork', { url: u.href });
  }
  const type = res.headers.get('content-type') ?? '';
  let name = '';
  try {
    name = decodeURIComponent(u.pathname.split('/').pop() ?? '');
  } catch {
    name = u.pathname.split('/').pop() ?? '';
  }
  name ||= 'file';
  if (!/\.[a-z0-9]+$/i.test(name))
    name += /pdf/.test(type) ? '.pdf' : /wordprocessingml/.test(type) ? '.docx' : /html/.test(type) ? '.html' : '';
  return { bytes, name, url: u.href };
}
