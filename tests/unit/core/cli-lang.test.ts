// `gouji check --lang en`: the text summary (verdict, errors with their culprits, the checks they break,
// undecided checks, numbers in the text, notices) in English from the one string system and renderer; the
// default stays Chinese; JSON keeps the report's Chinese messages whatever the language.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(HERE, '../../../bin/gouji.mjs');
const ROOT = join(HERE, '../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'check', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('gouji check --lang', () => {
  it('English summary of a report with a culprit, a 2019 report and a text contradiction', { timeout: 120_000 }, () => {
    const files = [
      'assets/samples/guangdong-zsj-2024-with-error.html',
      'tests/fixtures/blanks.html',
      'tests/fixtures/narrative-provincial.html',
      'tests/fixtures/old-format.html',
    ];
    const en = run(...files, '--lang', 'en');
    expect(en.status).toBe(1);
    const out = en.stdout;
    expect(out).toContain('42 identities: 1 error (2 failing checks)');
    expect(out).toMatch(
      /✗ Probably wrong: row “.+”, column “.+” \(the table shows 119, should be 109\); breaks 2 checks:/,
    );
    expect(out).toContain('the row total should be 135 (119 + 15 + 0 + 0 + 0 + 1); the table shows 125');
    expect(out).toMatch(/42 identities: nothing inconsistent, \d+ undecided/);
    // Blanks said once per table (lib/check.ts blankNotices), in English.
    expect(out).toMatch(
      /· Table III has \d+ blank cells \(blank is not zero\); \d+ identities whose total or every cell is blank are undecided/,
    );
    expect(out).toMatch(/✗ Text “.+”: the text says \d+, but Table III .+ shows \d+/);
    expect(out).toMatch(/The \d{4} report is in the old format/);
    // Chinese only where the page speaks: agency names, quotes, file names.
    const lines = out.split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l));
    for (const l of lines) expect(l, l).toMatch(/^ {2}\S+(局|厅|室|府|院|会)? · |Text “|^assets|^tests/);
  });

  it('Chinese by default, and the same JSON in both languages', { timeout: 120_000 }, () => {
    const zh = run('assets/samples/guangdong-zsj-2024-with-error.html');
    expect(zh.stdout).toContain('勾稽关系 42 项：1 处错误（2 项核对不一致）');
    expect(zh.stdout).toContain('✗ 可能有误：“（一）予以公开”行“自然人”列（表中为 119，应为 109），影响 2 项核对：');
    const a = JSON.parse(run('assets/samples/guangdong-zsj-2024-with-error.html', '--format', 'json').stdout);
    const b = JSON.parse(
      run('assets/samples/guangdong-zsj-2024-with-error.html', '--format', 'json', '--lang', 'en').stdout,
    );
    a.source.checkedAt = b.source.checkedAt = '';
    expect(b).toEqual(a);
  });

  it('rejects a language it does not have', () => {
    const r = run('assets/samples/guangdong-zsj-2024-with-error.html', '--lang', 'fr');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--lang');
  });

  it('usage and usage errors in English with --lang en (anywhere on the line), Chinese by default', () => {
    const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const help = spawnSync(process.execPath, [BIN, '--help', '--lang', 'en'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage:/);
    expect(help.stdout).toContain('exit codes: 0 all consistent');
    expect(help.stdout).not.toMatch(CJK);
    for (const args of [
      ['--bogus', '--lang=en'],
      ['--lang', 'en', '--format', 'xml', 'x.html'],
      ['--lang', 'en', '--max-size', '-1', 'x.html'],
      ['--lang', 'en', '--delay', 'soon', 'x.html'],
      ['--lang', 'en'],
    ]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(CJK);
    }
    const zh = run('--format', 'xml', 'x.html');
    expect(zh.stderr).toContain('--format 只能是 text、json 或 csv');
    expect(spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT, encoding: 'utf8' }).stdout).toMatch(
      /^用法 \/ usage:/,
    );
  });
});
