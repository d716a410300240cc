// The layering guardrails of eslint.config.js fire: planted violations are linted as if they were files
// in lib/, components/ and bench/ (ESLint's lintText with a virtual path; nothing is written), and each
// must fail with its rule — while the same code is fine where it is allowed.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('lint guardrails', { timeout: 60_000 }, () => {
  it.each([
    ['wxt', "import { browser } from 'wxt/browser';\nexport const b = browser;\n"],
    ['#imports', "import { storage } from '#imports';\nexport const s = storage;\n"],
    ['preact', "import { h } from 'preact';\nexport const x = h;\n"],
    ['@preact/signals', "import { signal } from '@preact/signals';\nexport const s = signal(0);\n"],
    ['webextension-polyfill', "import browser from 'webextension-polyfill';\nexport const b = browser;\n"],
    ['components (relative)', "import { Popup } from '../components/popup/Popup';\nexport const p = Popup;\n"],
    ['components (alias)', "import { Popup } from '@/components/popup/Popup';\nexport const p = Popup;\n"],
    ['entrypoints', "import { boot } from '../../entrypoints/ondemand/boot';\nexport const b = boot;\n"],
  ])('lib/ may not import %s', async (_name, code) => {
    expect(await ruleIds('lib/schema/planted.ts', code)).toEqual(['no-restricted-imports']);
  });

  it.each(['document', 'window', 'browser', 'chrome', 'navigator', 'localStorage'])(
    'lib/ may not use the global %s',
    async (name) => {
      expect(await ruleIds('lib/planted.ts', `export const x = ${name};\n`)).toEqual(['no-restricted-globals']);
    },
  );

  it('lib/ may take a Document as a parameter', async () => {
    const code = 'export function title(doc: Document): string {\n  return doc.title;\n}\n';
    expect(await ruleIds('lib/planted.ts', code)).toEqual([]);
  });

  it('components/ may use preact and lib/, not entrypoints/', async () => {
    expect(
      await ruleIds(
        'components/popup/planted.ts',
        "import { signal } from '@preact/signals';\nimport { t } from '@/lib/i18n';\nexport const x = [signal, t];\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'components/popup/planted.ts',
        "import { boot } from '../../entrypoints/ondemand/boot';\nexport const b = boot;\n",
      ),
    ).toEqual(['no-restricted-imports']);
  });

  it('entrypoints/ may import entrypoints/', async () => {
    expect(
      await ruleIds('entrypoints/ondemand/planted.ts', "import { boot } from './boot';\nexport const b = boot;\n"),
    ).toEqual([]);
  });

  it.each([
    ['a test', "import { openPage } from '../tests/unit/inpage-ui.test';\nexport const r = openPage;\n"],
    ['fixture data', "import { SEED_000 } from '../tests/fixtures/gen/data';\nexport const r = SEED_000;\n"],
    ['tests/ by alias', "import { x } from '@/tests/unit/core/cli.test';\nexport const r = x;\n"],
  ])('bench/ may not import tests/: %s', async (_name, code) => {
    expect(await ruleIds('bench/planted.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('bench/ may import the shared builders of tests/support/', async () => {
    expect(
      await ruleIds(
        'bench/planted.ts',
        "import { sitePage } from '../tests/support/pages';\nexport const r = sitePage;\n",
      ),
    ).toEqual([]);
  });
});
