import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from '../../../bin/check-file';
import { SEEDS_DIR, seedText, seedValues } from '../../support/seeds';
import { reportPage } from '../../support/pages';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const BIN = join(HERE, '../../../bin/gouji.mjs');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

describe('gouji CLI', () => {
  it('json for one seed: the report object, every check passing, exit 0', () => {
    const res = cli(
      'check',
      join(SEEDS_DIR, '000_dc3f67fcb14f95e4.txt'),
      '--format',
      'json',
      '--url',
      'http://www.zs.gov.cn/x.html',
    );
    expect(res.status).toBe(0);
    const r = JSON.parse(res.stdout);
    expect(r).toMatchObject({
      schema: 'gouji/report@1',
      detected: true,
      source: { url: 'http://www.zs.gov.cn/x.html' },
      summary: { checks: 42, pass: 42 },
    });
  });
  it('text for a directory, exit 1 when a check fails, html and txt mixed, progress on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'ok.txt'), seedText('000'));
    writeFileSync(
      join(dir, 'sub', 'bad.html'),
      reportPage({ ...seedValues('000'), 'apply.granted.natural_person': 51 }),
    );
    for (let i = 0; i < 10; i++) writeFileSync(join(dir, `n${i}.html`), '<title>新闻</title><p>今日要闻</p>');
    const res = cli('check', dir);
    expect(res.status).toBe(1);
    // One wrong cell is one error, the two checks it breaks listed under it.
    expect(res.stdout).toContain('勾稽关系 42 项：1 处错误（2 项核对不一致）');
    expect(res.stdout).toContain('✗ 可能有误：“（一）予以公开”行“自然人”列（表中为 51，应为 50），影响 2 项核对：');
    expect(res.stdout).not.toMatch(/\[(apply|review|active)\./);
    expect(res.stdout).toContain('本行合计应为 56（51 + 4 + 0 + 0 + 0 + 1），表中为 55');
    expect(res.stdout).toContain('不是政府信息公开工作年度报告');
    expect(res.stderr).toMatch(/已检查 12\/12 个文件/);
  });
  it('a large folder is checked on worker threads with the same results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-many-'));
    const bad = reportPage({ ...seedValues('000'), 'apply.granted.natural_person': 51 });
    for (let i = 0; i < 45; i++)
      writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.html`), i === 7 ? bad : reportPage(seedValues('000')));
    const res = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json', '--quiet'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, GOUJI_WORKERS: '2' },
    });
    expect(res.status).toBe(1);
    const reports = JSON.parse(res.stdout) as { summary: { fail: number; checks: number } }[];
    expect(reports).toHaveLength(45);
    expect(reports.map((r) => r.summary.fail)).toEqual(Array.from({ length: 45 }, (_, i) => (i === 7 ? 2 : 0)));
    expect(res.stderr).toBe('');
  });
  it('never says 全部一致 when a check could not be decided', () => {
    const res = cli('check', fileURLToPath(new URL('../../fixtures/blanks.html', import.meta.url)));
    expect(res.stdout).toMatch(/勾稽关系 \d+ 项：未发现不一致，\d+ 项无法判断/);
    expect(res.stdout).not.toContain('全部一致');
  });
  it('a contradiction between the text and the tables exits 1 too (seed 003)', () => {
    const res = cli('check', join(SEEDS_DIR, '003_87e04e15ced1f1fc.txt'));
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('勾稽关系 42 项：全部一致');
    expect(res.stdout).toContain('✗ 正文“收到政府信息公开申请1条”');
  });
  it('csv: the report sheet — a BOM, the tables as grids, then one row per check and per number in the text', () => {
    const out = execFileSync(
      process.execPath,
      [BIN, 'check', join(SEEDS_DIR, '004_bf76cd535622c645.txt'), '--format', 'csv'],
      { encoding: 'utf8' },
    );
    const lines = out.replace(/\s+$/, '').split('\r\n'); // not trim(): it strips the BOM
    expect(out.startsWith('\ufeff勾稽核对报告,')).toBe(true);
    expect(lines).toContain('行,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计,编号');
    const at = lines.indexOf('类别,状态,表格,行,列,应为,表中,可能出错,说明,编号');
    expect(at).toBeGreaterThan(0);
    // 42 checks + one row per number written in the text (seed 004 restates 13, all consistent)
    const findings = lines.slice(at + 1);
    expect(findings.filter((l) => l.startsWith('勾稽关系,'))).toHaveLength(42);
    expect(findings.filter((l) => l.startsWith('正文与表格,一致,'))).toHaveLength(13);
    expect(findings.some((l) => /^勾稽关系,一致,.*,217,217,.*,apply\.row-sum:new$/.test(l))).toBe(true);
  });
  it('bad usage and unreadable inputs exit 2 with a clear message; other inputs are still checked', () => {
    expect(cli().status).toBe(2);
    const bad = cli('check', '--format', 'xml', 'x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format 只能是 text、json 或 csv');
    const missing = cli('check', '/nonexistent/file.html', join(SEEDS_DIR, '000_dc3f67fcb14f95e4.txt'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到文件或目录：/nonexistent/file.html');
    expect(missing.stdout).toContain('勾稽关系 42 项：全部一致');
  });
  it('an empty folder is a clear error, exit 2', () => {
    const res = cli('check', mkdtempSync(join(tmpdir(), 'gouji-empty-')));
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('没有找到可检查的文件');
  });
  it('decodes GBK pages', () => {
    const gbk = Buffer.from([0xd7, 0xdc, 0xbc, 0xc6]); // 总计 in GBK
    expect(decode(Buffer.concat([Buffer.from('<meta charset="gbk">'), gbk]))).toContain('总计');
    expect(decode(gbk)).toBe('总计');
  });
  it('year over year: this year 上年结转 against last year 结转下年度 of the same agency', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-yoy-'));
    const v = seedValues('000');
    writeFileSync(
      join(dir, '2024.html'),
      reportPage(v, { title: '中山市人民政府办公室2024年度政府信息公开工作年度报告' }),
    );
    const last = { ...v, 'apply.carried_forward.natural_person': 4, 'apply.carried_forward.total': 4 };
    // keep last year's own table consistent: move the difference into （七）总计's neighbours is not needed for this check
    writeFileSync(
      join(dir, '2023.html'),
      reportPage(last, { title: '中山市人民政府办公室2023年度政府信息公开工作年度报告' }),
    );
    const r = JSON.parse(cli('check', dir, '--format', 'json').stdout) as {
      report: { year: number };
      checks: { id: string; status: string }[];
    }[];
    const y2024 = r.find((x) => x.report.year === 2024)!;
    const yoy = y2024.checks.filter((c) => c.id.startsWith('apply.year-over-year:'));
    expect(yoy).toHaveLength(7);
    expect(yoy.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'apply.year-over-year:natural_person',
      'apply.year-over-year:total',
    ]);
  });
});
