// The CLI streams (issue #14): results in file order whether one thread or several check them, byte for
// byte; a year-over-year pair whose earlier year comes later in file order is still checked, after the rest.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedValues } from '../../support/seeds';
import { reportPage } from '../../support/pages';

const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/gouji.mjs');
const run = (args: string[], workers?: number) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, GOUJI_WORKERS: workers === undefined ? '' : String(workers) },
  });

describe('gouji check streams its results', () => {
  it('the same output, in file order, on this thread and on worker threads (all three formats)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-stream-'));
    const bad = reportPage({ ...seedValues('000'), 'apply.granted.natural_person': 51 });
    for (let i = 0; i < 13; i++)
      writeFileSync(
        join(dir, `r${String(i).padStart(2, '0')}.html`),
        i % 9 === 4 ? bad : reportPage(seedValues('000')),
      );
    writeFileSync(join(dir, 'z-news.html'), '<title>新闻</title><p>今日要闻</p>');
    for (const format of ['json', 'csv', 'text']) {
      const one = run(['check', dir, '--format', format, '--quiet'], 0);
      const three = run(['check', dir, '--format', format, '--quiet'], 3);
      expect(one.status).toBe(1);
      expect(three.status).toBe(1);
      const untimed = (out: string) => out.replace(/"checkedAt": "[^"]+"/g, '').replace(/检查时间,[^\r]*/g, '');
      expect(untimed(three.stdout)).toBe(untimed(one.stdout));
    }
    const reports = JSON.parse(run(['check', dir, '--format', 'json', '--quiet'], 2).stdout) as {
      summary: { fail: number };
      detected: boolean;
    }[];
    expect(reports).toHaveLength(14);
    expect(reports.map((r) => r.summary.fail)).toEqual([
      ...Array.from({ length: 13 }, (_, i) => (i % 9 === 4 ? 2 : 0)),
      0,
    ]);
    expect(reports[13]!.detected).toBe(false); // z-news.html sorts last
  }, 120_000);

  it('last year after this year in file order: the pair is checked and printed after the reports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-late-'));
    const v = seedValues('000');
    writeFileSync(
      join(dir, 'a-2024.html'),
      reportPage(v, { title: '中山市人民政府办公室2024年度政府信息公开工作年度报告' }),
    );
    const last = { ...v, 'apply.carried_forward.natural_person': 4, 'apply.carried_forward.total': 4 };
    writeFileSync(
      join(dir, 'b-2023.html'),
      reportPage(last, { title: '中山市人民政府办公室2023年度政府信息公开工作年度报告' }),
    );
    const json = run(['check', dir, '--format', 'json']);
    expect(json.status).toBe(1);
    const out = JSON.parse(json.stdout) as Array<{ file?: string; yearOverYear?: { id: string; status: string }[] }>;
    expect(out).toHaveLength(3);
    const late = out[2]!;
    expect(late.file).toMatch(/a-2024\.html$/);
    expect(late.yearOverYear).toHaveLength(7);
    expect(late.yearOverYear!.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'apply.year-over-year:natural_person',
      'apply.year-over-year:total',
    ]);
    const text = run(['check', dir]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('跨年度核对');
    expect(text.stdout).toMatch(/a-2024\.html\n {2}✗ \[apply\.year-over-year:natural_person\]/);
  });
});
