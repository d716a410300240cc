// `gouji check <url>...`: fetch each address politely (lib/batch/fetch — the batch page uses the same
// code), check it, and with --follow check every report a list page links instead of the list itself.
// Hosts: *.gov.cn, plus the hosts of the addresses given on the command line (the user asked for them);
// a link or redirect elsewhere is refused. A list page's next pages (下一页, index_1.html, createPageHTML)
// are followed on its own host, at most MAX_LIST_PAGES pages. A page whose tables are in an attached
// PDF/DOCX (gov.cn or the page's own host) is checked from that file, as the page's report.

import { checkUrl, pool, readList, type CheckDeps, type Checked } from '../lib/batch/run';
import { createFetcher, isGovCn, DEFAULTS } from '../lib/batch/fetch';
import { checkHtml } from '../lib/html/check-html';
import { rebuildFile, FileReadError, type PdfJsModule } from '../lib/files';
import type { Report } from '../lib/types';
import { TOOL } from '../lib/version';
import { checkDefaults, inspectHtml } from './check-file';

const loadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJsModule>;

/** An attached PDF/DOCX → its report (the same reading as `gouji check file.pdf`). */
export async function readAttachment(bytes: Uint8Array, name: string): Promise<Report> {
  let path = name;
  try {
    path = decodeURIComponent(new URL(name).pathname);
  } catch {
    /* a plain name */
  }
  try {
    // pdf.js may transfer the buffer: a copy.
    const r = await rebuildFile(new Uint8Array(bytes), path, loadPdfjs);
    const report = checkHtml(r.html, { url: name, source: r.source, ...checkDefaults }).report;
    report.notices.unshift(...r.notices);
    return report;
  } catch (e) {
    if (e instanceof FileReadError) throw new Error(e.message);
    throw e;
  }
}

export interface UrlOptions {
  follow: boolean;
  /** Reports checked at a time (the fetcher still allows at most 2 per host). */
  concurrency: number;
  delayMs: number;
  timeoutMs: number;
  onProgress?: (done: number, total: number) => void;
  fetch?: typeof globalThis.fetch;
  /** Largest response read (pages and attachments), bytes. */
  maxBytes?: number;
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
    ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
  });
  const deps: CheckDeps = { fetcher, inspect: inspectHtml, readAttachment };
  let done = 0;
  let total = urls.length;
  const out: Checked[][] = [];
  await pool(urls, opts.concurrency, async (url, i) => {
    const first = await checkUrl(url, deps);
    if (opts.follow && first.links && first.links.length >= 2) {
      const { links } = await readList(url, deps, { links: first.links, pages: first.pages });
      total += links.length - 1;
      const rows: Checked[] = [];
      await pool(links, opts.concurrency, async (link, j) => {
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
