// Which files a `gouji check` run reads, and reading each one safely. Any folder must be survivable: a
// dangling symlink (ENOENT), a symlink loop (ELOOP), a folder or file we may not read (EACCES), a FIFO or
// a device such as /dev/zero (never opened: they would hang or never end), a file over the size cap —
// each is that input's own error line, and the run goes on with the others.
import { READABLE_EXTENSIONS, SAVE_AS_EXTENSIONS } from '../lib/files';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import type { Why } from '../lib/batch/run';
import { whyText } from '../lib/batch/why';

// Pages and text, PDF and DOCX, and the formats to save as .docx/PDF first (each answered with that advice).
export const CHECKED_EXTENSIONS = new Set<string>([...READABLE_EXTENSIONS, ...SAVE_AS_EXTENSIONS]);

/** Default size cap of one input (MB); `--max-size <MB>` raises it. Real reports are well under 5 MB. */
export const DEFAULT_MAX_MB = 32;

export interface InputError {
  file: string;
  /** Chinese (the JSON, the CSV). */
  error: string;
  /** The same as a message key: said in the --lang language. */
  why: Why;
}

/** A file the CLI refuses with a reason; `code` is the exit code it implies (2 unreadable, 3 unsupported). */
export class InputFileError extends Error {
  constructor(
    message: string,
    readonly code: 2 | 3,
    /** The same as a message key (said in the --lang language). */
    readonly why?: Why,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

const said = (file: string, why: Why): InputError => ({ file, error: whyText(why, 'zh'), why });

/** The CLI's exit codes (documented in the usage text and the README). */
export const EXIT = {
  /** Every report read is consistent. */
  ok: 0,
  /** Some check fails (a table's sums, or the text against the tables). */
  failures: 1,
  /** Bad usage, or some input could not be read (the other inputs were still checked). */
  usage: 2,
  /** Nothing read was a report (or its format is not supported): nothing was checked. */
  notReport: 3,
} as const;

function reasonWhy(e: unknown, path: string): Why {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return { id: 'reasonPathMissing', params: { path } };
    case 'ELOOP':
      return { id: 'reasonPathLoop', params: { path } };
    case 'EACCES':
    case 'EPERM':
      return { id: 'reasonPathDenied', params: { path } };
    case 'ENOTDIR':
      return { id: 'reasonPathNotDir', params: { path } };
    case 'ENAMETOOLONG':
      return { id: 'reasonPathTooLong', params: { path } };
    default:
      return { id: 'reasonPathOther', params: { path, detail: code ?? (e instanceof Error ? e.message : String(e)) } };
  }
}

function reason(e: unknown, path: string): string {
  return whyText(reasonWhy(e, path), 'zh');
}

function notRegular(st: Stats, path: string): Why {
  const id = st.isFIFO()
    ? 'reasonPathFifo'
    : st.isCharacterDevice() || st.isBlockDevice()
      ? 'reasonPathDevice'
      : st.isSocket()
        ? 'reasonPathSocket'
        : 'reasonPathSpecial';
  return { id, params: { path } };
}

/**
 * Walk the inputs: folders recursively (each folder once, even through symlinks that loop back), files
 * with a checked extension inside folders, any regular file named directly. Never throws.
 */
export function collectInputs(inputs: string[], maxBytes: number): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seenDirs = new Set<string>();
  const visit = (path: string, named: boolean): void => {
    let st: Stats;
    try {
      st = statSync(path);
    } catch (e) {
      errors.push(
        said(
          path,
          named && (e as NodeJS.ErrnoException)?.code === 'ENOENT'
            ? { id: 'reasonPathMissingNamed', params: { path } }
            : reasonWhy(e, path),
        ),
      );
      return;
    }
    if (st.isDirectory()) {
      const id = `${st.dev}:${st.ino}`;
      if (seenDirs.has(id)) return; // a symlink back up the tree: that folder is walked once
      seenDirs.add(id);
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (e) {
        errors.push(said(path, reasonWhy(e, path)));
        return;
      }
      for (const name of names) {
        const p = join(path, name);
        if (CHECKED_EXTENSIONS.has(extname(name).toLowerCase())) visit(p, false);
        else {
          // Only folders are walked into; other files without our extensions are not ours to read.
          try {
            if (statSync(p).isDirectory()) visit(p, false);
          } catch {
            // a dangling link or a loop without one of our extensions: not an input we were asked about
          }
        }
      }
      return;
    }
    if (!st.isFile()) {
      errors.push(said(path, notRegular(st, path)));
      return;
    }
    if (st.size > maxBytes) {
      errors.push(said(path, tooLargeWhy(path, st.size, maxBytes)));
      return;
    }
    files.push(path);
  };
  for (const i of inputs) visit(i, true);
  return { files, errors };
}

function tooLargeWhy(path: string, size: number, maxBytes: number): Why {
  const mb = (n: number) => (n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0);
  return { id: 'reasonPathTooLarge', params: { path, mb: mb(size), max: mb(maxBytes) } };
}

export function tooLarge(path: string, size: number, maxBytes: number): string {
  return whyText(tooLargeWhy(path, size, maxBytes), 'zh');
}

const refused = (why: Why) => new InputFileError(whyText(why, 'zh'), 2, why);

/**
 * Read one input, at most `maxBytes`: the file is checked again once open (it may have been swapped for
 * a FIFO or grown since the walk), and a read never goes past the cap.
 */
export function readInput(path: string, maxBytes: number): Buffer {
  // O_NONBLOCK: opening a FIFO that appeared since the walk must not wait for a writer.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw refused(notRegular(st, path));
    if (st.size > maxBytes) throw refused(tooLargeWhy(path, st.size, maxBytes));
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > maxBytes) throw refused(tooLargeWhy(path, n, maxBytes));
      if (n === buf.length) break;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Parse a `--max-size` value in MB; null when it is not a positive number. */
export function parseMaxSize(v: string | undefined): number | null {
  if (!v || !/^\d+(?:\.\d+)?$/.test(v)) return null;
  const mb = Number(v);
  return mb > 0 ? Math.round(mb * 1048576) : null;
}

export { reason as describeReadError };
