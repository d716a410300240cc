// Lint: JS recommended + typescript-eslint recommended, on our sources only — plus the layering rules that
// keep the architecture true (docs/architecture.md): lib/ is pure (no extension, UI or browser globals),
// components/ never reach into entrypoints/, the bench imports nothing of tests/ but tests/support/. tests/unit/lint-rules.test.ts
// lints planted violations (as if they were files in those folders) and asserts each rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Aliases WXT resolves to the repo root (.wxt/tsconfig.json "paths").
const ROOTS = ['@', '~', '@@', '~~'];
const under = (folder) => [`**/${folder}`, `**/${folder}/**`, ...ROOTS.map((r) => `${r}/${folder}/**`)];

const EXTENSION_AND_UI = {
  group: ['wxt', 'wxt/**', '@wxt-dev/**', 'webextension-polyfill', 'preact', 'preact/**', '@preact/**'],
  message:
    'lib/ is the pure core shared with the CLI: no extension APIs, no UI framework (pass what you need in as a parameter).',
};
// `#imports` (WXT's virtual module) cannot be a gitignore-style pattern ("#" starts a comment there).
const WXT_VIRTUAL = { name: '#imports', message: EXTENSION_AND_UI.message };
const UP_TO_COMPONENTS = {
  group: under('components'),
  message: 'lib/ may not import components/ (the arrow points the other way).',
};
const UP_TO_ENTRYPOINTS = {
  group: under('entrypoints'),
  message: 'Only entrypoints/ may import entrypoints/: move shared code to components/ or lib/.',
};
// The bench builds its pages with the tests' shared builders (tests/support/), never with a test's own code.
const INTO_TESTS = {
  // gitignore semantics: a folder excluded as a whole cannot be re-included, so exclude tests/'s entries one by one.
  group: [
    `**/tests/*`,
    '!**/tests/support',
    ...ROOTS.map((r) => `${r}/tests/*`),
    ...ROOTS.map((r) => `!${r}/tests/support`),
  ],
  message: 'bench/ may not import tests/ (only tests/support/, the shared page builders).',
};

const browserGlobal = (name) => ({
  name,
  message: `lib/ is pure: no global \`${name}\`. Take a Document/Window (or the storage area) as a parameter.`,
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'dist/',
      'test-results/',
      'bench/out/',
      'bench-tmp/',
      'tests/fixtures/**/*.html',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [WXT_VIRTUAL], patterns: [EXTENSION_AND_UI, UP_TO_COMPONENTS, UP_TO_ENTRYPOINTS] },
      ],
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'browser', 'chrome', 'navigator', 'localStorage', 'sessionStorage'].map(
          browserGlobal,
        ),
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [UP_TO_ENTRYPOINTS] }] },
  },
  {
    files: ['bench/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [INTO_TESTS] }] },
  },
);
