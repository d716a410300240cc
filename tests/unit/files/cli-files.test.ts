// `gouji check` on PDF and DOCX files (and folders of them), and the exit codes for what it cannot read.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FILES_DIR, docxFromHtml, fixtureHtml, oleFile } from '../../fixtures/gen/files';
import { checkHtml, signature } from '../../support/read-files';
import type { Report } from '../../../lib/types';

const BIN = resolve(import.meta.dirname, '../../../bin/gouji.mjs');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

describe('gouji check with files', () => {
  it('a folder of a PDF and a DOCX: both read as their pages, exit 1 for the failures', { timeout: 180_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-files-'));
    copyFileSync(join(FILES_DIR, 'error-two.pdf'), join(dir, 'a.pdf'));
    writeFileSync(join(dir, 'b.docx'), docxFromHtml(fixtureHtml('format2019-error')));
    const res = cli('check', dir, '--format', 'json');
    expect(res.status).toBe(1);
    const [a, b] = JSON.parse(res.stdout) as Report[];
    expect(signature(a!)).toEqual(signature(checkHtml(fixtureHtml('error-two')).report));
    expect(signature(b!)).toEqual(signature(checkHtml(fixtureHtml('format2019-error')).report));
    expect(a!.tables.apply.source).toBe('pdf');
    expect(b!.tables.apply.source).toBe('docx');
  });
  it('a PDF printed without borders: read as its page, exit 1 for its two errors', { timeout: 120_000 }, () => {
    const res = cli('check', join(FILES_DIR, 'error-two-borderless.pdf'), '--format', 'json');
    expect(res.status).toBe(1);
    const r = JSON.parse(res.stdout) as Report;
    expect(signature(r)).toEqual(signature(checkHtml(fixtureHtml('error-two')).report));
    expect(r.tables.apply.source).toBe('pdf');
  });
  it('a consistent DOCX exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-files-'));
    writeFileSync(join(dir, 'ok.docx'), docxFromHtml(fixtureHtml('seed000-plain')));
    const res = cli('check', join(dir, 'ok.docx'));
    expect(res.stdout).toContain('全部一致');
    expect(res.status).toBe(0);
  });
  it('.doc / .wps: the message says to save as .docx or PDF, exit 3 — never "not a report"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-files-'));
    writeFileSync(join(dir, '年报.doc'), oleFile());
    writeFileSync(join(dir, '年报.wps'), oleFile());
    const res = cli('check', dir);
    expect(res.status).toBe(3);
    expect(res.stdout).toContain('请另存为 .docx 或 PDF 后再检查');
    expect(res.stdout).not.toContain('不是政府信息公开工作年度报告');
  });
  it('a scanned PDF exits 2 with the reason; a page that is not a report exits 3', { timeout: 60_000 }, () => {
    const res = cli('check', join(FILES_DIR, 'scanned.pdf'));
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('PDF 为扫描图片，无法读取文字');
    const news = cli('check', resolve(import.meta.dirname, '../../fixtures/news.html'));
    expect(news.status).toBe(3);
  });
});
