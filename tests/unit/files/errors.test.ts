// Why a file cannot be read, in both languages (issue #11 item 8): every error path of lib/files is a code
// with its parameters (FileReadError), its Chinese the error's message (the JSON, the CSV, a batch row's
// reason) and its English from lib/i18n — for the report view, the batch page and `gouji check --lang en`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { FILES_DIR, docxFromHtml, encryptedPdf, oleFile } from '../../fixtures/gen/files';
import { FILE_ERROR_CODES, FileReadError, fileErrorText, rebuildFile, type FileErrorCode } from '../../../lib/files';
import { MAX_DOCX_BYTES } from '../../../lib/files/docx';
import { whyOf } from '../../../lib/batch/run';
import { whyText } from '../../../lib/batch/why';
import { attachmentReader } from '../../../lib/batch/attachment';
import { t } from '../../../lib/i18n';
import { loadPdfjs } from '../../support/read-files';

const CJK = /[\u4e00-\u9fff]/;

async function failure(bytes: Uint8Array, name: string): Promise<FileReadError> {
  const e = await rebuildFile(bytes, name, loadPdfjs).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, name).toBeInstanceOf(FileReadError);
  return e as FileReadError;
}

/** Each way a file fails, made for real: the bytes, the name, the code, words each language must say. */
const CASES: [string, () => Uint8Array, string, FileErrorCode, RegExp, RegExp][] = [
  [
    'scanned PDF',
    () => new Uint8Array(readFileSync(join(FILES_DIR, 'scanned.pdf'))),
    'scanned.pdf',
    'pdf-scanned',
    /扫描图片/,
    /scanned image/,
  ],
  ['encrypted PDF', encryptedPdf, 'locked.pdf', 'pdf-encrypted', /密码保护/, /password-protected/],
  [
    'damaged PDF',
    () => strToU8('%PDF-1.7\nnonsense'),
    'a.pdf',
    'pdf-broken',
    /PDF 文件已损坏/,
    /^The PDF is damaged or cannot be parsed \(.+\)$/,
  ],
  [
    'a .pdf that is no PDF',
    () => strToU8('hello'),
    'a.pdf',
    'not-pdf',
    /内容却不是 PDF/,
    /named \.pdf but is not a PDF/,
  ],
  [
    'a .docx that is no zip',
    () => strToU8('hello'),
    'a.docx',
    'not-docx',
    /内容却不是 Word/,
    /named \.docx but is not a Word/,
  ],
  [
    'a cut DOCX',
    () => docxFromHtml('<p>x</p>').subarray(0, 40),
    'a.docx',
    'docx-broken',
    /无法解压/,
    /cannot be unzipped/,
  ],
  [
    'a zip without a document',
    () => zipSync({ 'word/x.xml': strToU8('x'), 'a.txt': strToU8('x') }),
    'a.docx',
    'docx-no-body',
    /word\/document\.xml/,
    /has no body text/,
  ],
  [
    'a DOCX over the size cap',
    () => zipSync({ 'word/document.xml': new Uint8Array(MAX_DOCX_BYTES + 1024).fill(32) }, { level: 9 }),
    'big.docx',
    'docx-too-large',
    /过大/,
    /too large/,
  ],
  [
    '.doc (OLE)',
    oleFile,
    '年报.doc',
    'save-as',
    /^不能直接读取此格式（年报\.doc）：请另存为 \.docx 或 PDF 后再检查$/,
    /^This format cannot be read directly \(年报\.doc\): save it as \.docx or PDF/,
  ],
  ['.ofd', () => docxFromHtml('<p>x</p>'), 'report.ofd', 'save-as', /另存为/, /save it as \.docx or PDF/],
  [
    'neither PDF nor Word',
    () => strToU8('plain words'),
    'notes.bin',
    'not-readable',
    /不是 PDF 或 Word/,
    /^Not a PDF or Word \(\.docx\) file$/,
  ],
];

describe('lib/files errors: a code, said in both languages', () => {
  it('every code has its words in both catalogs, English without Chinese', () => {
    for (const code of FILE_ERROR_CODES) {
      const e = new FileReadError(code, { name: 'x.doc', detail: 'Invalid PDF structure.' });
      expect(e.message, code).toBe(t('zh', e.key, e.params));
      expect(fileErrorText(e, 'zh'), code).toBe(e.message);
      expect(fileErrorText(e, 'en'), code).not.toMatch(CJK);
      expect(fileErrorText(e, 'en'), code).not.toMatch(/\{\w+\}/);
    }
    expect(fileErrorText(new Error('x'), 'en')).toBeNull();
  });

  it.each(CASES)('%s', { timeout: 60_000 }, async (_what, bytes, name, code, zh, en) => {
    const e = await failure(bytes(), name);
    expect(e.code).toBe(code);
    expect(fileErrorText(e, 'zh')).toMatch(zh);
    expect(e.message).toBe(fileErrorText(e, 'zh'));
    const english = fileErrorText(e, 'en')!;
    expect(english).toMatch(en);
    // Only the file's own name may be Chinese.
    expect(english.split(name).join(''), english).not.toMatch(CJK);
  });

  it('a batch row says an unreadable attachment in the reader’s language (the error keeps its code)', async () => {
    const read = attachmentReader(loadPdfjs, () => {
      throw new Error('not reached');
    });
    const e = await read(encryptedPdf(), 'https://www.example.gov.cn/a/locked.pdf').then(
      () => null,
      (x: unknown) => x,
    );
    const why = whyOf(e);
    expect(why.id).toBe('file.pdf-encrypted');
    expect(whyText(why, 'zh')).toBe('PDF 有密码保护，无法读取');
    expect(whyText({ id: 'reasonFileUnreadable', cause: why }, 'en')).toBe(
      'The attached file could not be read: The PDF is password-protected: it cannot be read',
    );
  });
});

describe('gouji check --lang en: a file that cannot be read', () => {
  const BIN = resolve(import.meta.dirname, '../../../bin/gouji.mjs');
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, 'check', ...args], { encoding: 'utf8' });

  it(
    'says why in English on stdout and stderr; Chinese by default; the JSON keeps the Chinese',
    { timeout: 120_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'gouji-file-errors-'));
      writeFileSync(join(dir, 'locked.pdf'), encryptedPdf());
      writeFileSync(join(dir, 'report.doc'), oleFile());
      const en = cli(dir, '--lang', 'en');
      expect(en.status).toBe(2);
      expect(en.stdout).toContain('error: The PDF is password-protected: it cannot be read');
      expect(en.stdout).toContain('error: This format cannot be read directly (report.doc): save it as .docx or PDF');
      expect(en.stderr).toContain('locked.pdf: The PDF is password-protected: it cannot be read');
      for (const out of [en.stdout, en.stderr]) expect(out, out).not.toMatch(CJK);
      const zh = cli(dir);
      expect(zh.stdout).toContain('PDF 有密码保护，无法读取');
      const json = cli(join(dir, 'locked.pdf'), '--format', 'json', '--lang', 'en');
      expect(JSON.parse(json.stdout)).toMatchObject({ error: 'PDF 有密码保护，无法读取' });
    },
  );
});
