// One number formatter (lib/i18n/number.ts) behind every message, the letter and the views: the rules, the
// culprits and the narrative import it; no other module defines, re-exports or rounds its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatNumber, roundNumber } from '../../../lib/i18n/number';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('formatNumber', () => {
  it('rounds floating-point noise, keeps real decimals, no grouping', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1234567)).toBe('1234567');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(0.1234567)).toBe('0.1234567'); // 1234.567 元 in 万元: seven decimals stay
    expect(formatNumber(12.5)).toBe('12.5');
    expect(roundNumber(0.1 + 0.2)).toBe(0.3);
  });

  it('is the only number formatter in lib/, components/, entrypoints/ and bin/', () => {
    // A second formatter would show the same number two ways: a re-export under another name, a
    // toLocaleString / Intl.NumberFormat (grouping commas the tables never print), a rounding of its own.
    const SECOND = [
      /export\s+(const|function)\s+fmt\b/,
      /\btoLocaleString\(/,
      /\bIntl\.NumberFormat\b/,
      /Math\.round\([^)]*\*\s*1e\d+\)\s*\/\s*1e\d+/,
    ];
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) {
          const file = relative(ROOT, p).split('\\').join('/');
          if (file === 'lib/i18n/number.ts') continue;
          readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (!/^\s*(\/\/|\*)/.test(line) && SECOND.some((re) => re.test(line)))
                hits.push(`${file}:${i + 1} ${line.trim()}`);
            });
        }
      }
    };
    for (const d of ['lib', 'components', 'entrypoints', 'bin']) walk(join(ROOT, d));
    expect(hits).toEqual([]);
  });
});
