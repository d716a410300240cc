// Issue #13, bounded work: span explosions are refused before any slot is written, and a page's tables
// share one slot budget; when it runs out the report says "页面过大，只核对了…" and claims nothing more.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { checkDocument } from '../../../lib/check';
import { expandTable, TableTooLargeError } from '../../../lib/extract/grid';
import { MAX_PAGE_SLOTS } from '../../../lib/extract/dom-rows';
import { reportPage } from '../../support/pages';
import { seedValues } from '../../support/seeds';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('bounded table expansion', () => {
  it('the slot-explosion page: 100 cells of colspan 1000 × rowspan 400 are refused, the report beside them is checked', () => {
    const rows = Array.from(
      { length: 400 },
      (_, r) =>
        `<tr>${r === 0 ? Array.from({ length: 100 }, () => '<td colspan="1000" rowspan="400">x</td>').join('') : ''}</tr>`,
    ).join('');
    const bomb = `<table id="bomb">${rows}</table>`;
    const d = doc(reportPage(seedValues('000'), { extra: bomb }));
    expect(() => expandTable(d.querySelector('#bomb')!)).toThrow(TableTooLargeError);
    const r = checkDocument(d).report;
    expect(r.summary).toMatchObject({ checks: 42, fail: 0 });
    expect(r.notices.some((n) => n.id === 'extract.table-too-large')).toBe(true);
  });

  it('spans far wider than the cells they hold are refused even under the per-table cap', () => {
    const d = doc('<table><tr><td colspan="1000" rowspan="40">x</td></tr>' + '<tr></tr>'.repeat(39) + '</table>');
    expect(() => expandTable(d.querySelector('table')!)).toThrow(TableTooLargeError);
  });

  it('a page past the slot budget: the first tables are read, then "页面过大，只核对了前 N 个表格"', () => {
    // Four tables of 100 rows × 50 cells of colspan 9 (45,000 slots each, plausible shape), after the report.
    const big = `<table>${`<tr>${'<td colspan="9">1</td>'.repeat(50)}</tr>`.repeat(100)}</table>`;
    const d = doc(reportPage(seedValues('000'), { extra: big.repeat(4) }));
    const r = checkDocument(d).report;
    expect(r.summary).toMatchObject({ checks: 42, fail: 0 }); // the report's own tables came first
    const notice = r.notices.find((n) => n.message.startsWith('页面过大'));
    expect(notice?.message).toMatch(/^页面过大，只核对了前 \d+ 个表格/);
    expect(MAX_PAGE_SLOTS).toBeLessThan(4 * 45_000 + 2000);
  });
});

describe('bounded prose', () => {
  it('a report inside 1 MB of text: the tables are checked, the text read up to the cap, and it says so', async () => {
    const { MAX_PROSE_CHARS } = await import('../../../lib/check');
    const para = '<p>2024年，本机关共收到政府信息公开申请若干件，办理情况良好，继续做好公开工作。</p>';
    const d = doc(reportPage(seedValues('000'), { extra: para.repeat(25_000) }));
    const r = checkDocument(d).report;
    expect(r.summary).toMatchObject({ checks: 42, fail: 0 });
    const n = r.notices.find((x) => x.id === 'narrative.truncated');
    expect(n?.message).toBe(`页面过大，只核对了正文前 ${MAX_PROSE_CHARS} 字中的数字`);
  });
});
