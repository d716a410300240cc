// The CLI's progress (issue #14): a bar redrawn in place on a terminal, at most every 100 ms; nothing while
// it runs anywhere else, then one closing line. A reader that goes away (`gouji check … | head`) ends the
// run quietly, with no EPIPE crash.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Progress } from '../../../bin/progress';
import { seedValues } from '../../support/seeds';
import { reportPage } from '../../support/pages';

const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/gouji.mjs');

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, out: { isTTY, columns: 100, write: (s: string) => written.push(s) } };
}

describe('progress', () => {
  it('on a terminal: a bar redrawn in place, at most every 100 ms, then cleared for one closing line', () => {
    let t = 0;
    const { written, out } = stream(true);
    const p = new Progress(200, out, () => t);
    for (let i = 0; i < 200; i++) {
      t += 2; // 2 ms a file: 500 files a second
      p.tick();
    }
    // 400 ms: a redraw every 100 ms (4) and the last one at 200/200.
    expect(written.length).toBeLessThanOrEqual(5);
    expect(written.every((w) => w.startsWith('\r已检查 [') && w.endsWith('\x1b[K'))).toBe(true);
    expect(written.at(-1)).toContain('200/200 · 500 个/秒');
    expect(written[0]).toMatch(/\[█+░+\] 50\/200 · 500 个\/秒 · 还需约 1 秒/);
    p.end();
    expect(written.at(-2)).toBe('\r\x1b[K');
    expect(written.at(-1)).toBe('已检查 200/200 个文件（500 个/秒，0.4 秒）\n');
  });

  it('elsewhere: nothing while it runs (a tick reads no clock), one closing line', () => {
    let reads = 0;
    const { written, out } = stream(false);
    const p = new Progress(50, out, () => reads++);
    for (let i = 0; i < 50; i++) p.tick();
    expect(written).toEqual([]);
    expect(reads).toBe(1); // the start only
    p.end();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^已检查 50\/50 个文件（/);
  });

  it('a closed stdout ends the run quietly, on this thread and on workers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-pipe-'));
    for (let i = 0; i < 40; i++)
      writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.html`), reportPage(seedValues('000')));
    for (const workers of ['0', '2']) {
      const res = spawnSync(
        'bash',
        [
          '-c',
          `"${process.execPath}" "${BIN}" check "${dir}" --format json | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}"`,
        ],
        { encoding: 'utf8', env: { ...process.env, GOUJI_WORKERS: workers } },
      );
      expect(res.stdout.trim()).toBe('status 0');
      expect(res.stderr).not.toMatch(/EPIPE|Error/);
      // It stopped early: fewer than the 40 files were checked.
      const m = /已检查 (\d+)\/40/.exec(res.stderr);
      expect(m && Number(m[1])).toBeLessThan(40);
    }
  }, 120_000);

  it('a slow reader holds the run (no file is started while the pipe is full), and gets every result in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-slow-'));
    for (let i = 0; i < 40; i++)
      writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.html`), reportPage(seedValues('000')));
    const run = (reader: string, workers: string) =>
      spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check "${dir}" --format json | ${reader}`], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, GOUJI_WORKERS: workers },
      });
    const stamp = /"checkedAt": "[^"]*"/g;
    const whole = run('cat', '0').stdout.replace(stamp, '"checkedAt": ""');
    expect(JSON.parse(whole)).toHaveLength(40);
    for (const workers of ['0', '2']) {
      // A reader that waits a second, then takes 100 bytes and goes: before back-pressure all 40 files were
      // checked (and their JSON queued in memory) before it read anything.
      const gone = run('(sleep 1; head -c 100 >/dev/null)', workers);
      expect(gone.stderr).not.toMatch(/EPIPE|Error/);
      const m = /已检查 (\d+)\/40/.exec(gone.stderr);
      expect(m && Number(m[1])).toBeLessThan(40);
      // A reader that waits, then reads everything: the same output as a fast one.
      expect(run('(sleep 1; cat)', workers).stdout.replace(stamp, '"checkedAt": ""')).toBe(whole);
    }
  }, 120_000);
});
