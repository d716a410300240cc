import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { inspectDocument } from '../../../lib/batch/inspect';
import { checkUrl, crossYear, rowOf, type Checked } from '../../../lib/batch/run';
import type { Fetcher } from '../../../lib/batch/fetch';
import { FetchError } from '../../../lib/batch/fetch';
import { batchToJsonl, batchToWideCsv, WIDE_HEADER } from '../../../lib/export/wide';
import { batchCorpus, previousYearPage } from '../../support/batch-corpus';

const inspect = (html: string, url: string) => inspectDocument(parseHTML(html).document as unknown as Document, url);
const BASE = 'https://www.zs.gov.cn';
const corpus = batchCorpus();

/** A fetcher over the corpus (no network): 404 for what it does not hold, a PDF for .pdf. */
const fetcher: Fetcher = {
  async get(url) {
    const path = new URL(url).pathname;
    if (path.endsWith('.pdf'))
      return {
        url,
        finalUrl: url,
        status: 200,
        contentType: 'application/pdf',
        bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
        text: '',
      };
    const html = path === '/batch/list.html' ? corpus.list(BASE) : corpus.links.find((l) => l.path === path)?.html;
    if (html === undefined) throw new FetchError('HTTP 404', url, 404);
    return { url, finalUrl: url, status: 200, contentType: 'text/html', bytes: new Uint8Array(1), text: html };
  },
};

describe('batch rows (lib/batch/run)', () => {
  it('every corpus link gets the state it declares; a PDF linked directly is an attachment', async () => {
    const got: Checked[] = [];
    for (const l of corpus.links) got.push(await checkUrl(`${BASE}${l.path}`, { fetcher, inspect }, l.title));
    expect(got.map((c) => c.row.state)).toEqual(corpus.links.map((l) => l.state));
    expect(got[17]!.row.attachment).toBe(`${BASE}/batch/files/sjj-2024.pdf`);
    expect(got[18]!.row).toMatchObject({ state: 'error', reason: 'HTTP 404' });
    const pdf = await checkUrl(`${BASE}/x/report.pdf`, { fetcher, inspect });
    expect(pdf.row).toMatchObject({ state: 'attachment', attachment: `${BASE}/x/report.pdf` });
    // the list page itself: not a report, and its links come back
    const list = await checkUrl(`${BASE}/batch/list.html`, { fetcher, inspect });
    expect(list.row).toMatchObject({ state: 'none', reason: '列表页（不是年度报告）' });
    expect(list.links).toHaveLength(20);
  });
  it('the corpus 2023 page is consistent in itself; cross-year against the batch, then against history', () => {
    const y2023 = inspect(previousYearPage(), `${BASE}/2023.html`).report;
    expect(y2023.summary).toMatchObject({ checks: 42, fail: 0 });
    const y2024 = inspect(corpus.links[0]!.html!, `${BASE}/2024.html`).report;
    const items: Checked[] = [{ row: rowOf(`${BASE}/2024.html`, undefined, y2024), report: y2024 }];
    crossYear(items); // nothing to compare with
    expect(items[0]!.row.yoy).toBeUndefined();
    crossYear(items, [y2023]); // from history
    expect(items[0]!.row.yoy).toEqual({
      status: 'fail',
      fail: 2,
      previousYear: 2023,
      previousUrl: `${BASE}/2023.html`,
    });
    expect(items[0]!.row.fail).toBe(0); // the row's own failing checks do not count the cross-year ones
    expect(y2024.summary.checks).toBe(49);
    crossYear(items, [y2023]); // idempotent
    expect(y2024.summary.checks).toBe(49);
  });
  it('wide CSV is formula-safe with a BOM and one column per field; JSON Lines carries errors as {source, error}', () => {
    const rep = inspect(corpus.links[0]!.html!, `${BASE}/a.html`).report;
    const row = { ...rowOf(`${BASE}/a.html`, undefined, rep), agency: '=HYPERLINK("x")' };
    const csv = batchToWideCsv([
      { row, report: rep },
      { row: { ...row, url: `${BASE}/b.html`, state: 'error', reason: '+HTTP 500' } },
    ]);
    expect(csv.startsWith('\ufeffurl,state,reason,agency')).toBe(true);
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
    expect(csv).toContain(`'+HTTP 500`);
    expect(csv.split('\r\n')[0]!.split(',')).toHaveLength(WIDE_HEADER.length);
    const lines = batchToJsonl([
      { row, report: rep },
      { row: { ...row, url: `${BASE}/b.html`, state: 'error', reason: 'HTTP 404' } },
    ])
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].schema).toBe('gouji/report@1');
    expect(lines[1]).toEqual({ source: { url: `${BASE}/b.html` }, error: 'HTTP 404' });
  });
});
