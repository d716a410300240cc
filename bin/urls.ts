// `gouji check <url>...`: fetch each address politely (lib/batch/fetch — the batch page uses the same
// code), check it, and with --follow check every report a list page links instead of the list itself.
// Hosts: *.gov.cn, plus the hosts of the addresses given on the command line (the user asked for them);
// a link or redirect elsewhere is refused.

import { checkUrl, pool, type Checked } from '../lib/batch/run';
import { createFetcher, isGovCn, DEFAULTS } from '../lib/batch/fetch';
import { TOOL } from '../lib/version';
import { inspectHtml } from './check-file';

export interface UrlOptions {
  follow: boolean;
  /** Reports checked at a time (the fetcher still allows at most 2 per host). */
  concurrency: number;
  delayMs: number;
  timeoutMs: number;
  onProgress?: (done: number, total: number) => void;
  fetch?: typeof globalThis.fetch;
}

export const URL_DEFAULTS = {
  concurrency: DEFAULTS.concurrency,
  delayMs: DEFAULTS.delayMs,
  timeoutMs: DEFAULTS.timeoutMs,
};

export const USER_AGENT = `${TOOL.name}/${TOOL.version} (government information-disclosure annual report checker; polite: 2 requests per host)`;

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

export async function checkUrls(urls: readonly string[], opts: UrlOptions): Promise<Checked[]> {
  const asked = new Set(
    urls.map((u) => {
      try {
        return new URL(u).hostname;
      } catch {
        return '';
      }
    }),
  );
  const fetcher = createFetcher({
    fetch: opts.fetch ?? globalThis.fetch,
    concurrency: opts.concurrency,
    delayMs: opts.delayMs,
    timeoutMs: opts.timeoutMs,
    userAgent: USER_AGENT,
    manualRedirects: true,
    allowHost: (h) => isGovCn(h) || asked.has(h),
  });
  const deps = { fetcher, inspect: inspectHtml };
  let done = 0;
  let total = urls.length;
  const out: Checked[][] = [];
  await pool(urls, opts.concurrency, async (url, i) => {
    const first = await checkUrl(url, deps);
    if (opts.follow && first.links && first.links.length >= 2) {
      total += first.links.length - 1;
      const rows: Checked[] = [];
      await pool(first.links, opts.concurrency, async (link, j) => {
        rows[j] = await checkUrl(link.url, deps, link.text);
        opts.onProgress?.(++done, total);
      });
      out[i] = rows;
    } else {
      out[i] = [first];
      opts.onProgress?.(++done, total);
    }
  });
  return out.flat();
}
