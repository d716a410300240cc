// The repository carries a copy of the shared seeds (tests/fixtures/seeds) so its tests run wherever it is
// cloned; this keeps the copy honest whenever the shared originals are at hand (CI clones beside them).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COPY = join(ROOT, 'tests/fixtures/seeds');
const SHARED = join(ROOT, '../shared/seeds');

describe('tests/fixtures/seeds', () => {
  it('holds the five seeds', () => {
    expect(readdirSync(COPY).filter((f) => f.endsWith('.txt'))).toHaveLength(5);
  });
  it.runIf(existsSync(SHARED))('is byte-for-byte the shared seeds', () => {
    const shared = readdirSync(SHARED)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(
      readdirSync(COPY)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    ).toEqual(shared);
    for (const f of shared) expect(readFileSync(join(COPY, f)).equals(readFileSync(join(SHARED, f))), f).toBe(true);
  });
});
