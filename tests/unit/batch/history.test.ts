// The history store on fake-indexeddb (a complete in-memory IndexedDB): entries and reports, one per url,
// by body, bounded (oldest out first), cleared; and the popup's previous-year comparison over it.
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';
import { History, entryOf } from '../../../lib/history/store';
import { previousYearFromHistory } from '../../../lib/history/previous';
import { rowOf } from '../../../lib/batch/run';
import { checkDocument } from '../../../lib/check';
import { batchCorpus, previousYearPage } from '../../support/batch-corpus';

const check = (html: string, url: string) =>
  checkDocument(parseHTML(html).document as unknown as Document, { url }).report;
const corpus = batchCorpus();

describe('history (lib/history)', () => {
  it('keeps one entry per url with its report, finds a body across name variants, deletes and clears', async () => {
    const h = await History.open(new IDBFactory());
    const r2024 = check(corpus.links[0]!.html!, 'https://www.zs.gov.cn/2024.html');
    const r2023 = check(previousYearPage(), 'https://www.zs.gov.cn/2023.html');
    await h.put(entryOf(rowOf('https://www.zs.gov.cn/2023.html', undefined, r2023), r2023, 'batch', 1), r2023);
    await h.put(entryOf(rowOf('https://www.zs.gov.cn/2024.html', undefined, r2024), r2024, 'page', 2), r2024);
    await h.put(entryOf(rowOf('https://www.zs.gov.cn/2024.html', undefined, r2024), r2024, 'page', 3), r2024); // again: replaced
    const list = await h.list();
    expect(list.map((e) => [e.url, e.body, e.year, e.at])).toEqual([
      ['https://www.zs.gov.cn/2024.html', '中山市', 2024, 3],
      ['https://www.zs.gov.cn/2023.html', '中山市', 2023, 1],
    ]);
    expect((await h.report('https://www.zs.gov.cn/2023.html'))?.report.year).toBe(2023);
    expect(await h.reportsOfBody('中山市人民政府')).toHaveLength(2);
    const prev = await previousYearFromHistory(h, r2024);
    expect(prev).toMatchObject({ year: 2023, url: 'https://www.zs.gov.cn/2023.html', status: 'fail' });
    expect(prev!.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'apply.year-over-year:natural_person',
      'apply.year-over-year:total',
    ]);
    expect(await previousYearFromHistory(h, r2023)).toBeNull();
    await h.delete(['https://www.zs.gov.cn/2023.html']);
    expect((await h.list()).map((e) => e.url)).toEqual(['https://www.zs.gov.cn/2024.html']);
    expect(await h.report('https://www.zs.gov.cn/2023.html')).toBeUndefined();
    await h.clear();
    expect(await h.list()).toEqual([]);
    h.close();
  });
  it('is bounded by count and by size, oldest first', async () => {
    const h = await History.open(new IDBFactory());
    const rep = check(corpus.links[0]!.html!, 'https://www.zs.gov.cn/a.html');
    for (let i = 0; i < 6; i++) {
      const url = `https://www.zs.gov.cn/r${i}.html`;
      await h.put({ ...entryOf(rowOf(url, undefined, rep), rep, 'batch', 100 + i), size: 1000 }, rep);
    }
    expect(await h.prune(4, 1e9)).toEqual(['https://www.zs.gov.cn/r0.html', 'https://www.zs.gov.cn/r1.html']);
    expect(await h.prune(10, 2500)).toEqual(['https://www.zs.gov.cn/r2.html', 'https://www.zs.gov.cn/r3.html']);
    expect((await h.list()).map((e) => e.url)).toEqual([
      'https://www.zs.gov.cn/r5.html',
      'https://www.zs.gov.cn/r4.html',
    ]);
    h.close();
  });

  it('finds the same body under a longer name on the same site (洪泽区 → 淮安市洪泽区), not on another site', async () => {
    const h = await History.open(new IDBFactory());
    const page = (title: string) => previousYearPage().replaceAll('中山市人民政府办公室', title);
    const r2023 = check(page('洪泽区人民政府'), 'https://www.hongze.gov.cn/2023.html');
    const other = check(page('洪泽区人民政府'), 'https://www.elsewhere.gov.cn/2023.html');
    expect(r2023.report.agency).toBe('洪泽区人民政府');
    await h.put(entryOf(rowOf(r2023.source.url!, undefined, r2023), r2023, 'batch', 1), r2023);
    await h.put(entryOf(rowOf(other.source.url!, undefined, other), other, 'batch', 2), other);
    const now = check(
      corpus.links[0]!.html!.replaceAll('中山市人民政府办公室', '淮安市洪泽区人民政府'),
      'https://www.hongze.gov.cn/2024.html',
    );
    expect(now.report.agency).toBe('淮安市洪泽区人民政府');
    const found = await h.reportsOfBody(now.report.agency, now.source.url);
    expect(found.map((r) => r.source.url)).toEqual(['https://www.hongze.gov.cn/2023.html']);
    expect(await h.reportsOfBody(now.report.agency)).toEqual([]); // without the address: the name alone
    expect(await previousYearFromHistory(h, now)).toMatchObject({
      year: 2023,
      url: 'https://www.hongze.gov.cn/2023.html',
    });
    h.close();
  });
});
