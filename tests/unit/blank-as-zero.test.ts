// 空白按 0 计 (issue #11): off by default (blank is not zero); when the user turns it on, a blank total and
// all-blank cells count as 0 too, every identity gets a verdict, and the report says the option was used.
// The fixtures that declare `gouji-expect-blank-as-zero-*` (tests/fixtures/README.md) carry the exact
// failing / uncertain checks and culprits under the option, verified by the generator's oracle.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/html/check-html';
import { reportToCsv } from '../../lib/export/csv';
import { errorCounts } from '../../lib/errors';

const DIR = join(__dirname, '../fixtures');
const meta = (html: string, name: string): string | undefined =>
  new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html)?.[1];
const ids = (s: string | undefined) => (s ?? '').split(' ').filter(Boolean).sort();

const declaring = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .filter((f) => meta(readFileSync(join(DIR, f), 'utf8'), 'gouji-expect-blank-as-zero-fail') !== undefined);

describe('空白按 0 计', () => {
  it('has fixtures that declare what it gives', () => {
    expect(declaring).toContain('format2019-blanks.html');
  });

  it.each(declaring)('%s: exactly the declared findings with the option on', (file) => {
    const html = readFileSync(join(DIR, file), 'utf8');
    const url = meta(html, 'gouji-fixture-url');
    const off = checkHtml(html, { url }).report;
    const on = checkHtml(html, { url, blankAsZero: true }).report;
    const status = (r: typeof on, s: string) =>
      r.checks
        .filter((c) => c.status === s)
        .map((c) => c.id)
        .sort();
    expect(status(on, 'fail')).toEqual(ids(meta(html, 'gouji-expect-blank-as-zero-fail')));
    expect(status(on, 'uncertain')).toEqual(ids(meta(html, 'gouji-expect-blank-as-zero-uncertain')));
    const culprits = on.checks
      .filter((c) => c.status === 'fail' && c.culprit)
      .map((c) => `${c.culprit!.field}=${c.culprit!.suggested}`);
    expect([...new Set(culprits)].sort()).toEqual(ids(meta(html, 'gouji-expect-blank-as-zero-culprits')));
    // The report records the option; without it there is no `options` at all.
    expect(on.options).toEqual({ blankAsZero: true });
    expect(off.options).toBeUndefined();
    // The same values and the same checks, only the verdicts differ.
    expect(on.values).toEqual(off.values);
    expect(on.checks.map((c) => c.id)).toEqual(off.checks.map((c) => c.id));
    // What the option did is said once per table, and the CSV says it too.
    expect(on.notices.some((n) => n.id.startsWith('blank-as-zero.'))).toBe(true);
    expect(on.notices.some((n) => n.id.startsWith('blanks-undecided.'))).toBe(false);
    expect(reportToCsv(on)).toContain('空白按 0 计');
  });

  it('format2019-blanks: off, one notice per table instead of 20 verdicts; on, one error (the blank grand total)', () => {
    const html = readFileSync(join(DIR, 'format2019-blanks.html'), 'utf8');
    const off = checkHtml(html).report;
    const notices = off.notices.filter((n) => n.id.startsWith('blanks-undecided.'));
    expect(notices.map((n) => n.id)).toEqual(['blanks-undecided.apply']);
    expect(notices[0]!.message).toBe(
      '表三中有 126 个空白单元格（空白不等于 0），其中总计或全部数据为空白的 20 项勾稽关系无法核对',
    );
    expect(off.summary).toMatchObject({ fail: 0, uncertain: 20 });
    const on = checkHtml(html, { blankAsZero: true }).report;
    expect(errorCounts(on)).toMatchObject({ errors: 1, failingChecks: 3 });
    const grand = on.checks.find((c) => c.id === 'apply.row-sum:total')!;
    expect(grand.actual).toBe(0);
    expect(grand.assumedZero).toContain('apply.total.total');
    expect(grand.message).toContain('空白按 0 计');
    expect(on.notices.find((n) => n.id === 'blank-as-zero.apply')!.message).toBe(
      '已选“空白按 0 计”：表三中 126 个空白单元格（含总计）均按 0 核对',
    );
  });

  it('leaves a report without blanks unchanged but for the option itself', () => {
    const html = readFileSync(join(DIR, 'seed000-plain.html'), 'utf8');
    const now = new Date('2025-01-01T00:00:00Z');
    const off = checkHtml(html, { now }).report;
    const on = checkHtml(html, { now, blankAsZero: true }).report;
    const { options, ...rest } = on;
    expect(options).toEqual({ blankAsZero: true });
    expect(rest).toEqual(off);
  });
});

describe('gouji check --blank-as-zero', () => {
  const BIN = join(__dirname, '../../bin/gouji.mjs');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'check', ...args], { encoding: 'utf8' });
  const file = join(DIR, 'format2019-blanks.html');

  it('off by default: exit 0, one notice for the blanks instead of 20 undecided lines', () => {
    const res = run(file);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(
      '表三中有 126 个空白单元格（空白不等于 0），其中总计或全部数据为空白的 20 项勾稽关系无法核对',
    );
    expect(res.stdout).not.toContain('为空白，无法核对');
    expect(res.stdout).not.toContain('空白按 0 计（');
    expect(JSON.parse(run(file, '--format', 'json').stdout).options).toBeUndefined();
  });

  it('on: the text says so, the JSON records it, the CSV says it, exit 1 for the blank grand total', () => {
    const text = run('--blank-as-zero', file);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('选项：空白按 0 计');
    expect(text.stdout).toContain('1 处错误（3 项核对不一致）');
    expect(text.stdout).toContain('应为 216');
    const json = JSON.parse(run(file, '--format', 'json', '--blank-as-zero').stdout);
    expect(json.options).toEqual({ blankAsZero: true });
    expect(json.summary).toMatchObject({ fail: 3, uncertain: 0 });
    expect(run(file, '--format', 'csv', '--blank-as-zero').stdout).toContain('空白按 0 计');
  });

  it('reaches the worker threads too (GOUJI_WORKERS=1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-b0-'));
    mkdirSync(join(dir, 'a'));
    copyFileSync(file, join(dir, 'a', 'r.html'));
    const res = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json', '--blank-as-zero', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, GOUJI_WORKERS: '1' },
    });
    expect(JSON.parse(res.stdout).options).toEqual({ blankAsZero: true });
  });
});
