// The seeds: text dumps of five real reports (tests/fixtures/seeds, the repository's copy of ../shared/seeds —
// tests/fixtures/seeds/README.md); GOUJI_SEEDS overrides the folder.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkText } from '../../lib/check';
import type { Values } from './pages';

export const SEEDS_DIR = process.env.GOUJI_SEEDS ?? fileURLToPath(new URL('../fixtures/seeds', import.meta.url));

export const seedFiles = () =>
  readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();

/** The text of the seed whose file name starts with `prefix` ("000"). */
export const seedText = (prefix: string) =>
  readFileSync(
    join(
      SEEDS_DIR,
      seedFiles().find((f) => f.startsWith(prefix))!,
    ),
    'utf8',
  );

/** A seed's text by its full name ("000_dc3f67fcb14f95e4"), with a clear error when the file is absent. */
export function readSeed(seed: string): string {
  const file = join(SEEDS_DIR, `${seed}.txt`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `seed text ${file} not found: the fixture compares its values with that seed; set GOUJI_SEEDS to the seeds directory`,
    );
  }
}

/** The seed's field values as raw cell strings, read by the text extractor. */
export function seedValues(prefix: string): Values {
  const r = checkText(seedText(prefix)).report;
  return Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.raw]));
}
