// The targets of issue #12, kept from regressing: no format literal outside lib/schema/, one decoder of
// field ids (lib/schema/fields.ts parseField), the tables named from lib/schema/tables.ts. Counted by
// tests/support/architecture-counts.ts from the literals in lib/, components/, entrypoints/ and bin/.
// Before #12's last pass (main 7f09d42): 2 format literals, 3 decoders, table names in 10 files. Before the
// types pass (main 5098ce4): 0, 1 (a column decoder the counter learned to see: /^(.+)\.in_force$/), 9 files.
// String systems before #11/#12's i18n pass (main 5098ce4): 12 — lib/i18n plus 11 files keeping words in two
// languages (components/inpage/strings.ts with 43 pairs, lib/export/labels.ts, lib/rules/render.ts, the rules'
// place() words, the flag statuses, the popup's file actions …); after: 1.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byFile, countArchitecture, stringSystems, type Hit } from '../support/architecture-counts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const counts = countArchitecture(root);
const list = (hits: readonly Hit[]) => hits.map((h) => `${h.file}:${h.line} ${JSON.stringify(h.text)}`);

/**
 * Files outside lib/schema/ that may still spell a table's name, and why. The list may only shrink: a
 * new place asks `tableName(key)` / `TABLES[key]` (lib/schema/tables.ts) instead.
 */
const TABLE_NAME_EXCEPTIONS: Record<string, string> = {
  // Recognition, not naming: the six section headings as pages word them (old wordings included).
  'lib/detect.ts': 'heading patterns',
  // Example pages of the detectors (data for tests, never shipped): headings as pages word them.
  'lib/detect.examples.ts': 'example pages',
  // Chinese message and title phrases: the string system and the rendering of findings are #11's
  // (lib/i18n, one rendering place per language); they move there with it.
  'lib/narrative/index.ts': 'messages (#11)',
  'lib/narrative/shares.ts': 'reading names in messages (#11)',
  'lib/rules/apply.balance.ts': 'rule title (#11)',
  'lib/rules/apply.result-sum.ts': 'rule title (#11)',
  'lib/rules/apply.row-sum.ts': 'rule title (#11)',
  'lib/rules/apply.year-over-year.ts': 'rule title (#11)',
  'lib/rules/narrative.ts': 'rule titles (#11)',
  'lib/rules/review.sum.ts': 'rule title (#11)',
};

describe('architecture counts (#12)', () => {
  it('reads the sources', () => {
    // The counter must see the files it polices (a wrong root would pass every target).
    expect(counts.tableNames.length).toBeGreaterThan(0);
  });

  it('no format literal outside lib/schema/: code asks formatById / formatName / isTableFormat', () => {
    expect(list(counts.formatLiterals)).toEqual([]);
  });

  it('one field-id decoder: lib/schema/fields.ts parseField (tableOfField, isAmount …)', () => {
    expect(list(counts.fieldDecoders)).toEqual([]);
  });

  it('table names come from lib/schema/tables.ts, apart from the listed exceptions', () => {
    const files = Object.keys(byFile(counts.tableNames));
    const unexpected = files.filter((f) => !(f in TABLE_NAME_EXCEPTIONS));
    expect(
      unexpected,
      `spell the name with tableName(key) from lib/schema/tables.ts:\n${list(counts.tableNames.filter((h) => unexpected.includes(h.file))).join('\n')}`,
    ).toEqual([]);
  });

  it('one string system: lib/i18n (no words kept in two languages anywhere else; lib/schema holds names)', () => {
    expect(stringSystems(root, counts), list(counts.bilingualPairs).join('\n')).toEqual(['lib/i18n/']);
  });

  it('the counter finds what it looks for (planted literals)', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'gouji-counts-'));
    try {
      mkdirSync(join(dir, 'lib/schema'), { recursive: true });
      mkdirSync(join(dir, 'components'), { recursive: true });
      writeFileSync(
        join(dir, 'lib/planted.ts'),
        [
          "// '2019' in a comment does not count, nor 表三",
          "export const f = (fmt: string) => (fmt === '2019' ? 'active2019.fees.amount' : '');",
          "export const t = (id: string) => (id.startsWith('apply.') ? 'apply' : 'review');",
          'export const r = /^apply\\.(.+)\\.total$/;',
          'export const n = `${1} 表三`;',
          'export const w = /^(.+)\\.in_force$/;',
          "export const b = (zh: boolean) => (zh ? '空白' : 'blank');",
          "export const l = { zh: '待跟进', en: 'To follow up' };",
          "export const h = (zh: boolean) => (zh ? 'zh-CN' : 'en');",
        ].join('\n'),
      );
      writeFileSync(join(dir, 'lib/schema/ok.ts'), "export const F = ['2019', '表三'];\n");
      writeFileSync(join(dir, 'components/ok.tsx'), "import { x } from './2019';\nexport const y = x;\n");
      const c = countArchitecture(dir);
      expect(c.formatLiterals.map((h) => h.text)).toEqual(['2019', 'active2019.fees.amount']);
      expect(c.fieldDecoders.map((h) => `${h.file}:${h.line}`)).toEqual([
        'lib/planted.ts:3',
        'lib/planted.ts:4',
        'lib/planted.ts:6',
      ]);
      expect(c.tableNames.map((h) => `${h.file}:${h.line}`)).toEqual(['lib/planted.ts:5']);
      // Two pairs (a switch and a { zh, en } object); a language tag is not a word.
      expect(c.bilingualPairs.map((h) => `${h.file}:${h.line}`)).toEqual(['lib/planted.ts:7', 'lib/planted.ts:8']);
      expect(stringSystems(dir, c)).toEqual(['lib/planted.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
