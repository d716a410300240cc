import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TOOL } from '../../../lib/version';

describe('tool version', () => {
  it('is the package version (it goes into every report and the manifest)', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(TOOL).toEqual({ name: pkg.name, version: pkg.version });
  });
});
