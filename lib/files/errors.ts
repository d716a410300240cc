// Why a file cannot be read, as a code and its parameters (issue #11 item 8): the words come from lib/i18n
// (`file.<code>`), so the popup's file actions, the report view, the batch page and the CLI say them in the
// reader's language. The error's `message` stays the Chinese sentence (the report JSON, the CSV, the batch
// row's `reason` keep Chinese); views render `fileErrorText(e, lang)`.

import { t, type Lang, type PageKey, type Params } from '../i18n/page';

export const FILE_ERROR_CODES = [
  'save-as',
  'not-pdf',
  'not-docx',
  'not-readable',
  'docx-too-large',
  'docx-broken',
  'docx-no-body',
  'pdf-encrypted',
  'pdf-broken',
  'pdf-scanned',
] as const;

/** What went wrong reading a file: a format to save as .docx/PDF first, a damaged, encrypted or scanned file … */
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/** The lib/i18n key of a file error. */
export type FileErrorKey = Extract<PageKey, `file.${FileErrorCode}`>;

export const fileErrorKey = (code: FileErrorCode): FileErrorKey => `file.${code}` as FileErrorKey;

export class FileReadError extends Error {
  readonly key: FileErrorKey;
  constructor(
    readonly code: FileErrorCode,
    readonly params: Params = {},
  ) {
    super(t('zh', fileErrorKey(code), params));
    this.name = 'FileReadError';
    this.key = fileErrorKey(code);
  }
}

/** A file error in words, in `lang`; null when `e` is not one (the caller says it its own way). */
export function fileErrorText(e: unknown, lang: Lang): string | null {
  return e instanceof FileReadError ? t(lang, e.key, e.params) : null;
}
