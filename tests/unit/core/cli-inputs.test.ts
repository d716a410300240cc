// Issue #13: a CLI that survives any folder. Each bad entry is that entry's own error line, the run
// always finishes, and the exit code says which kind of outcome it was (bin/inputs.ts EXIT).
import { describe, expect, it } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  ftruncateSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedText, seedValues } from '../../support/seeds';
import { reportPage } from '../../support/pages';
import { collectInputs, EXIT, parseMaxSize, readInput } from '../../../bin/inputs';
import { checkText } from '../../../lib/check';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(HERE, '../../../bin/gouji.mjs');
// A hang must fail the test, not the suite: the run is killed after a minute (not a timing assertion).
const cli = (args: string[], opts: { cwd?: string } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60_000, ...opts });

function tmp(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `gouji-${name}-`));
  chmodSync(d, 0o755);
  return d;
}

describe('CLI inputs: every bad entry is its own error line, the run finishes', () => {
  it('a dangling symlink, a symlink loop, a folder linked back up, a FIFO and /dev/zero: errors, the good report still checked, exit 2', () => {
    const dir = tmp('hostile');
    writeFileSync(join(dir, 'ok.txt'), seedText('000'));
    symlinkSync(join(dir, 'missing.html'), join(dir, 'dangling.html'));
    symlinkSync(join(dir, 'loop-b.html'), join(dir, 'loop-a.html'));
    symlinkSync(join(dir, 'loop-a.html'), join(dir, 'loop-b.html'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'up'));
    execFileSync('mkfifo', [join(dir, 'pipe.html')]);
    const res = cli(['check', dir, '/dev/zero']);
    expect(res.error).toBeUndefined(); // not killed by the timeout: nothing hung
    expect(res.status).toBe(EXIT.usage);
    expect(res.stdout).toContain('勾稽关系 42 项：全部一致');
    expect(res.stderr).toContain('符号链接指向的文件不存在');
    expect(res.stderr).toMatch(/符号链接循环，无法读取：.*loop-a\.html/);
    expect(res.stderr).toMatch(/不是普通文件（管道（FIFO））.*pipe\.html/);
    expect(res.stderr).toMatch(/不是普通文件（设备文件）.*\/dev\/zero/);
    expect(res.stderr).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  });

  it('a file over the size cap is an error line without being read; --max-size raises the cap', () => {
    const dir = tmp('big');
    const big = join(dir, 'big.html');
    writeFileSync(big, reportPage(seedValues('000')));
    // 40 MB, sparse: the cap is decided from the size, never by reading it all.
    const fd = openSync(big, 'r+');
    ftruncateSync(fd, 40 * 1048576);
    closeSync(fd);
    const res = cli(['check', big]);
    expect(res.status).toBe(EXIT.usage);
    expect(res.stderr).toContain('文件过大（40 MB，上限 32 MB；用 --max-size <MB> 放宽）');
    const raised = cli(['check', big, '--max-size', '64']);
    expect(raised.stderr).not.toContain('文件过大');
    expect(raised.stdout).toContain('勾稽关系 42 项：全部一致');
    expect(raised.status).toBe(EXIT.ok);
    expect(cli(['check', big, '--max-size', 'lots']).status).toBe(EXIT.usage);
    expect(() => readInput(big, 1048576)).toThrow(/文件过大/);
    expect(parseMaxSize('0')).toBeNull();
    expect(parseMaxSize('1.5')).toBe(1572864);
  });

  it("a folder it may not read is that folder's error (EACCES), the rest is checked", (ctx) => {
    const root = join(HERE, '../../..');
    if (process.getuid?.() === 0) {
      // As root the walk runs as `nobody`, who must be able to reach this checkout (not so under a 0700 mktemp dir).
      const probe = spawnSync('test', ['-r', join(root, 'bin/inputs.ts')], { uid: 65534, gid: 65534 });
      if (probe.status !== 0) {
        console.warn(`skipped: the user nobody cannot read ${root} (a parent folder is closed to others)`);
        ctx.skip();
      }
    }
    const dir = tmp('perm');
    writeFileSync(join(dir, 'ok.txt'), seedText('000'));
    mkdirSync(join(dir, 'closed'));
    writeFileSync(join(dir, 'closed', 'x.txt'), seedText('000'));
    chmodSync(join(dir, 'closed'), 0o000);
    try {
      // Root reads any folder: as root, walk as the unprivileged user `nobody` (uid 65534).
      const asRoot = process.getuid?.() === 0;
      const walk = () => collectInputs([dir], 1 << 20);
      let got: ReturnType<typeof walk>;
      if (asRoot) {
        const script = `import('${join(HERE, '../../../bin/inputs.ts').replace(/\\/g, '/')}').then(m => console.log(JSON.stringify(m.collectInputs([${JSON.stringify(dir)}], 1 << 20))))`;
        const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
          encoding: 'utf8',
          uid: 65534,
          gid: 65534,
          cwd: root,
          timeout: 60_000,
        });
        got = JSON.parse(r.stdout);
      } else got = walk();
      expect(got.files).toEqual([join(dir, 'ok.txt')]);
      expect(got.errors).toEqual([
        {
          file: join(dir, 'closed'),
          error: `没有读取权限：${join(dir, 'closed')}`,
          why: { id: 'reasonPathDenied', params: { path: join(dir, 'closed') } },
        },
      ]);
    } finally {
      chmodSync(join(dir, 'closed'), 0o755);
    }
  });

  it('exit codes are distinct: 0 consistent, 1 failures, 3 nothing was a report', () => {
    const dir = tmp('codes');
    writeFileSync(join(dir, 'news.html'), '<title>新闻</title><p>今日要闻</p>');
    const notReport = cli(['check', join(dir, 'news.html')]);
    expect(notReport.status).toBe(EXIT.notReport);
    expect(notReport.stdout).toContain('不是政府信息公开工作年度报告');
    writeFileSync(join(dir, 'ok.txt'), seedText('000'));
    expect(cli(['check', dir]).status).toBe(EXIT.ok); // a report and a news page: the report decides
    writeFileSync(join(dir, 'bad.html'), reportPage({ ...seedValues('000'), 'apply.granted.natural_person': 51 }));
    expect(cli(['check', dir]).status).toBe(EXIT.failures);
  });

  it('the CLI CSV goes through the one writer: a formula in a file name is defused', () => {
    const dir = tmp('csv');
    const name = "-1+1+cmd|' A0.txt";
    writeFileSync(join(dir, name), seedText('000'));
    writeFileSync(join(dir, 'b.txt'), seedText('000'));
    // Several inputs: each sheet names its file in a 文件 row.
    const res = cli(['check', `./${name}`, './b.txt', '--format', 'csv'], { cwd: dir });
    const rows = res.stdout.split('\r\n').filter((l) => l.startsWith('文件,'));
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r === `文件,'${name}` || r === `文件,"'${name}"`)).toBe(true);
  });
});

describe('text extraction stays linear', () => {
  // 120,000 spaces in the middle of a line took 13 s (/[\s]+$/ retried from every position of the run).
  // Asserted without a clock: the same report with the run of spaces reads the same 42 checks, and a
  // run ten times longer is read too (it used to take over 20 minutes).
  it('a long run of spaces inside a line of a .txt report', () => {
    const base = seedText('000');
    for (const n of [120_000, 1_200_000]) {
      const text = base.replace('(七)总计', `(七)${' '.repeat(n)}总计`);
      const r = checkText(text, {}).report;
      expect(r.summary.checks).toBe(42);
      expect(r.summary.fail).toBe(0);
    }
  }, 60_000);
});
