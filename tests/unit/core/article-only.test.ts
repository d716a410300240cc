// The shape of the real 上海市人民政府办公厅 2019 article as some sites serve it: no <title>, no site chrome,
// no metadata — only the article's HTML with its section headings and three tables. What says "report" then
// is the six section headings plus the tables (docs/architecture.md, detection). Built from the 2019-format
// fixture by keeping only its article body; every value and every check must be as on the full page.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { checkDocument } from '../../../lib/check';
import { checkHtml } from '../../../lib/html/check-html';
import type { Report } from '../../../lib/types';

const FULL = readFileSync(join(__dirname, '../../fixtures/format2019.html'), 'utf8');
const body = /<div class="content" id="zoom">([\s\S]*)<\/div>\s*<\/div>\s*<div class="footer">/.exec(FULL)![1]!;
const ARTICLE = `<div class="TRS_Editor">${body}</div>`;

const viaHappy = (html: string): Report => {
  const w = new Window();
  w.document.write(html);
  return checkDocument(w.document as unknown as Document).report;
};
const viaLinkedom = (html: string): Report =>
  checkDocument(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document).report;
const viaHtml = (html: string): Report => checkHtml(html).report;

const essence = (r: Report) => ({
  format: r.report.format,
  tables: r.tables,
  values: r.values,
  checks: r.checks.map((c) => [c.id, c.status]),
});

describe.each([
  ['happy-dom', viaHappy],
  ['linkedom', viaLinkedom],
  ['HTML fast path', viaHtml],
] as const)('an article with no <title> and no site chrome (%s)', (_, check) => {
  it('is a report, read in the 2019 format with every value and check as on the full page', () => {
    expect(ARTICLE).not.toMatch(/<title|<h1|class="header"|ArticleTitle/);
    const article = check(ARTICLE);
    expect(article.detected).toBe(true);
    expect(article.notices.map((n) => n.id)).not.toContain('not-report');
    const full = check(FULL);
    expect(essence(article)).toEqual(essence(full));
    expect(article.summary.fail).toBe(0);
    expect(Object.keys(article.values).length).toBeGreaterThan(100);
  });
  it('the same article without its tables is a report whose tables are missing, not "not a report"', () => {
    const noTables = ARTICLE.replace(/<table[\s\S]*?<\/table>/g, '');
    const r = check(noTables);
    expect(r.detected).toBe(true);
    expect(r.notices.map((n) => n.id)).toContain('tables-missing');
  });
});
