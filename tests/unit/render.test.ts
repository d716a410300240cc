// lib/rules/render.ts, the one place findings become words. Chinese is rendered from the check's structure
// and must equal the core's `message` (the report JSON) character for character, over every check of every
// fixture page and seed; English is built from the same parts and carries no Chinese (quotes from the page
// excepted: every row and column of every table has an English name).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkText } from '../../lib/check';
import type { Report } from '../../lib/types';
import { groupErrors } from '../../lib/errors';
import { renderCheck, renderClaim, renderNotice, stateName, verdictText } from '../../lib/rules/render';
import { linkeDoc } from '../support/dom';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const SEEDS = '/work/shared/seeds';
const CJK = /[\u4e00-\u9fff]/;
const page = (name: string): Report => checkDocument(linkeDoc(readFileSync(join(FIXTURES, name), 'utf8'))).report;

function reports(): [string, Report][] {
  const out: [string, Report][] = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f, page(f)]);
  if (existsSync(SEEDS))
    for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt')))
      out.push([`seed ${f}`, checkText(readFileSync(join(SEEDS, f), 'utf8')).report]);
  return out;
}

/**
 * Chinese left in an English rendering, once the report's own words are taken out: a cell's text as the page
 * printed it ("unreadable as a number: “约12件”") and quotes from the page. Every row and column of every
 * table has an English name (lib/schema), so nothing else may stay Chinese.
 */
function chineseLeft(text: string, extra: string[] = []): string {
  let s = text;
  for (const q of extra) s = s.split(q).join('');
  return CJK.test(s) ? s : '';
}

describe('renderCheck', () => {
  const all = reports();

  it(
    'Chinese from the structure equals the core’s message, every check of every fixture and seed',
    { timeout: 180_000 },
    () => {
      let checks = 0;
      const kinds = new Set<string>();
      for (const [name, r] of all)
        for (const c of r.checks) {
          const zh = renderCheck(c, r.values, 'zh');
          expect(zh.text, `${name} ${c.id}`).toBe(c.message);
          expect(!!zh.culprit, `${name} ${c.id}`).toBe(!!c.culprit);
          checks++;
          kinds.add(`${c.rule}/${c.messageId}${c.culprit ? '+culprit' : ''}${c.intervals ? '+intervals' : ''}`);
        }
      expect(checks).toBeGreaterThan(1500);
      // Every shape met: pass, fail, the undecided reasons, culprits, intervals.
      for (const k of [
        'apply.row-sum/apply.row-sum.fail+culprit',
        'apply.result-sum/apply.result-sum.fail+culprit',
        'apply.balance/apply.balance.pass',
        'review.sum/review.sum.fail',
        'apply.row-sum/identity.total-blank',
        'value.count/value.nonneg.fail',
      ])
        expect([...kinds], k).toContain(k);
    },
  );

  it('English from the same parts: no Chinese, the numbers of the check', { timeout: 180_000 }, () => {
    for (const [name, r] of all)
      for (const c of r.checks) {
        const en = renderCheck(c, r.values, 'en');
        const raws = c.cells.map((f) => r.values[f]?.raw ?? '').filter(Boolean);
        expect(chineseLeft(en.text, raws), `${name} ${c.id}: ${en.text}`).toBe('');
        if (c.status === 'fail' && c.expected !== null && c.rule !== 'apply.balance')
          expect(en.detail, `${name} ${c.id}`).toContain(`should be ${c.expected}`);
        if (c.status === 'uncertain') expect(en.detail, `${name} ${c.id}`).toMatch(/^cannot be checked: /);
        if (c.culprit) expect(en.culprit, `${name} ${c.id}`).toContain(`with ${c.culprit.suggested},`);
      }
  });

  it('a 2021-format report with an error in a row total: both languages', () => {
    const r = page('error-row-total.html');
    const c = r.checks.find((x) => x.status === 'fail' && x.rule === 'apply.row-sum')!;
    const zh = renderCheck(c, r.values, 'zh');
    const en = renderCheck(c, r.values, 'en');
    expect(zh.subject).toMatch(/^表三“.+”行$/);
    expect(zh.detail).toMatch(/^本行合计应为 \d+（[\d +空]+），表中为 \d+/);
    expect(en.subject).toMatch(/^Table III, row “.+” \(row total\)$/);
    expect(en.detail).toMatch(/^the row total should be \d+ \([\d + blank]+\); the table shows \d+/);
    expect(en.text).toBe(`${en.subject}: ${en.detail}${en.culprit ? `. ${en.culprit}` : ''}`);
  });

  it('a culprit: the cell named in the report’s words, the value it needs, the checks it breaks', () => {
    const r = page('error-addend.html');
    const c = r.checks.find((x) => x.culprit && x.culprit.explains.length > 1)!;
    expect(c).toBeDefined();
    const en = renderCheck(c, r.values, 'en').culprit!;
    const zh = renderCheck(c, r.values, 'zh').culprit!;
    expect(zh).toMatch(
      new RegExp(
        `^可能是“表三 .+ · .+”有误（表中为 \\d+，若为 ${c.culprit!.suggested} 则这 ${c.culprit!.explains.length} 项核对一致）$`,
      ),
    );
    expect(en).toMatch(
      new RegExp(
        `^Probably “Table III .+ · .+” is wrong \\(the table shows \\d+; with ${c.culprit!.suggested}, these ${c.culprit!.explains.length} checks would hold\\)$`,
      ),
    );
  });

  it('a 2019-format report with blanks: the undecided say why, in both languages', () => {
    const r = page('format2019.html');
    const blanks = page('blanks.html');
    for (const rep of [r, blanks]) {
      const undecided = rep.checks.filter((c) => c.status === 'uncertain');
      for (const c of undecided) {
        expect(renderCheck(c, rep.values, 'zh').detail).toMatch(/无法核对|未读取到|无法识别为数字/);
        expect(renderCheck(c, rep.values, 'en').detail).toMatch(/^cannot be checked: /);
      }
    }
    const u = blanks.checks.find((c) => c.messageId === 'identity.total-blank')!;
    expect(renderCheck(u, blanks.values, 'en').detail).toMatch(/^cannot be checked: Table (II|III|IV) .+ is blank$/);
  });
});

describe('renderClaim', () => {
  it('a contradiction between the text and a table, in both languages', () => {
    const r = page('narrative-provincial.html');
    const seeds = existsSync(SEEDS) ? reports().filter(([n]) => n.startsWith('seed ')) : [];
    const claims = [r, ...seeds.map(([, x]) => x)].flatMap((x) => x.narrative);
    const fail = claims.find((c) => c.status === 'fail' && c.field);
    expect(fail, 'a fixture or seed with a contradiction').toBeDefined();
    expect(renderClaim(fail!, 'zh')).toBe(fail!.message);
    const en = renderClaim(fail!, 'en');
    expect(en).toMatch(/^the text says (about )?[\d.]+.*, but .+ shows [\d.]+$/);
    expect(en).toContain(String(fail!.value));
  });

  it('every claim of every fixture has English without Chinese', { timeout: 180_000 }, () => {
    const ids = new Set<string>();
    for (const [name, r] of reports())
      for (const c of r.narrative) {
        const en = renderClaim(c, 'en');
        expect(en, `${name} ${c.id} ${c.messageId}`).not.toBe('');
        expect(chineseLeft(en), `${name} ${c.id}: ${en}`).toBe('');
        ids.add(c.messageId ?? '');
      }
    expect([...ids]).toEqual(expect.arrayContaining(['narrative.match', 'narrative.mismatch']));
  });
});

describe('renderNotice', () => {
  it('every notice of every fixture in English, the Chinese as the core wrote it', { timeout: 180_000 }, () => {
    const seen = new Set<string>();
    for (const [name, r] of reports())
      for (const n of r.notices) {
        expect(renderNotice(n, r, 'zh')).toBe(n.message);
        const en = renderNotice(n, r, 'en');
        expect(en, `${name} ${n.id}`).not.toMatch(CJK);
        expect(en, `${name} ${n.id}`).not.toMatch(/^Notice: /); // every id the core emits has its sentence
        seen.add(n.id);
      }
    expect([...seen]).toEqual(expect.arrayContaining(['old-format', 'not-report', 'tables-missing']));
  });

  it('old format names the year; partly missing tables are named', () => {
    const r = page('old-format.html');
    const n = r.notices.find((x) => x.id === 'old-format')!;
    expect(renderNotice(n, r, 'en')).toMatch(/^The \d{4} report is in the old format/);
  });
});

describe('one vocabulary of states', () => {
  it('undecided checks, approximate and uncomparable numbers in the text share one name', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(stateName('warn', lang)).toBe(stateName('uncertain', lang));
      expect(stateName('info', lang)).toBe(stateName('uncertain', lang));
    }
    expect(stateName('uncertain', 'zh')).toBe('无法判断');
    expect(stateName('uncertain', 'en')).toBe('undecided');
  });

  it('the verdict counts errors and never says all consistent with an undecided check', () => {
    const r = page('error-addend.html');
    const errors = groupErrors({ checks: r.checks, narrative: [] }).length;
    const failing = r.checks.filter((c) => c.status === 'fail').length;
    expect(verdictText({ errors, failing, uncertain: 0 }, 'zh')).toBe(`${errors} 处错误（${failing} 项核对不一致）`);
    expect(verdictText({ errors: 1, failing: 2, uncertain: 0 }, 'en')).toBe('1 error (2 failing checks)');
    expect(verdictText({ errors: 1, failing: 1, uncertain: 0 }, 'en')).toBe('1 error (1 failing check)');
    expect(verdictText({ errors: 2, failing: 3, uncertain: 0 }, 'en')).toBe('2 errors (3 failing checks)');
    expect(verdictText({ errors: 0, failing: 0, uncertain: 37 }, 'zh')).toBe('未发现不一致，37 项无法判断');
    expect(verdictText({ errors: 0, failing: 0, uncertain: 37 }, 'en')).toBe('nothing inconsistent, 37 undecided');
    expect(verdictText({ errors: 0, failing: 0, uncertain: 0 }, 'en')).toBe('all consistent');
  });
});
