import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../../lib/check';
import type { Values } from './template';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

// The repository's copy of ../shared/seeds (tests/fixtures/seeds/README.md); GOUJI_SEEDS overrides.
export const SEEDS_DIR = process.env.GOUJI_SEEDS ?? join(HERE, '../../fixtures/seeds');
export const seedFiles = () =>
  readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
export const seedText = (prefix: string) =>
  readFileSync(
    join(
      SEEDS_DIR,
      seedFiles().find((f) => f.startsWith(prefix))!,
    ),
    'utf8',
  );

/** The seed's field values as raw cell strings, read by the text extractor. */
export function seedValues(prefix: string): Values {
  const r = checkText(seedText(prefix)).report;
  return Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.raw]));
}
