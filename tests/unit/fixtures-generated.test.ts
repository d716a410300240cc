// The committed fixture pages are the generator's output, byte for byte (the scenario test must never
// regenerate them silently). After changing tests/fixtures/gen/*, run:
//   node --import tsx tests/fixtures/gen/build.ts
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll, anchorOf } from '../fixtures/gen/pages';
import { FIXTURE_DIR, fixtureNames, parseMeta, declaredIn } from '../support/fixtures';
import { linkeDoc } from '../support/dom';

const generated = buildAll();

describe('fixture pages', () => {
  it.each(generated.map((g) => [g.name, g.html] as const))('%s.html is up to date', (name, html) => {
    const file = join(FIXTURE_DIR, `${name}.html`);
    expect(existsSync(file), `${name}.html is missing`).toBe(true);
    expect(readFileSync(file, 'utf8') === html, `${name}.html differs from tests/fixtures/gen; rebuild it`).toBe(true);
  });

  it('every page states where it came from, what it is, and where it lives', () => {
    for (const name of fixtureNames()) {
      const html = readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8');
      const meta = parseMeta(html, name);
      expect(meta.source?.length ?? 0, name).toBeGreaterThan(20);
      expect(html, name).toMatch(/<meta charset="utf-8">/i);
      expect(new URL(meta.url).hostname, name).toMatch(/\.gov\.cn$/);
      if (meta.state === 'report') expect(meta.format, name).toMatch(/^(2021|2019|old|unknown)$/);
    }
  });

  it('every declared check is anchored at its own checked cell', () => {
    // A page that marks "apply.row-sum:new" on some other cell would make the scenario test compare the
    // wrong thing; the generator places marks by anchorOf(), and hand-written pages must do the same.
    for (const name of fixtureNames()) {
      const doc = linkeDoc(readFileSync(join(FIXTURE_DIR, `${name}.html`), 'utf8'));
      const d = declaredIn(doc);
      for (const c of [...d.fails, ...d.uncertain]) expect(() => anchorOf(c.id), `${name}: ${c.id}`).not.toThrow();
      for (const c of d.culprits) expect(Number.isInteger(c.suggested), `${name}: culprit value`).toBe(true);
    }
  });

  it('anchorOf follows FORMAT.md §5', () => {
    expect(anchorOf('apply.row-sum:withheld.state_secret')).toBe('apply.withheld.state_secret.total');
    expect(anchorOf('apply.result-sum:research')).toBe('apply.total.research');
    expect(anchorOf('apply.balance:total')).toBe('apply.total.total');
    expect(anchorOf('review.sum:litigation.direct')).toBe('litigation.direct.total');
    expect(anchorOf('value.nonneg:apply.new.commercial')).toBe('apply.new.commercial');
    expect(() => anchorOf('apply.nope:x')).toThrow();
  });
});
