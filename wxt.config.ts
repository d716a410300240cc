import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { PACKS } from './lib/ext/packs';

/**
 * The engine's build takes each pack's stand-in for the module the pack carries (lib/ext/packs.ts), so
 * /ondemand.js does not ship what most pages never need; the pack's own script (entrypoints/engine-*.ts)
 * is built with the real module.
 */
function enginePacks(): Plugin {
  const swap = new Map(
    Object.values(PACKS).map((p) => [resolve(import.meta.dirname, p.module), resolve(import.meta.dirname, p.standIn)]),
  );
  return {
    name: 'gouji-engine-packs',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return (r && swap.get(r.id)) ?? null;
    },
  };
}

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): every function of the engine runs
 * on a report page, so they are compiled as the script loads (off the main thread where V8 can) instead of
 * one by one, lazily, on the main thread during the first analysis. Measured on the realistic 100 KB page
 * against the same build without it (21 alternated loads): analyze + mark 0.65×, the renderer's main-thread
 * task time per load 0.90× (docs/inpage.md). Only the engine: the content script runs on every gov.cn page,
 * where most of what it carries never runs.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
function compileHint(): Plugin {
  return {
    name: 'gouji-compile-hint',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.fileName === 'ondemand.js') chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
    },
  };
}

/**
 * The content script (every gov.cn page) without webextension-polyfill: `wxt/browser` (which the polyfill
 * module points at the polyfill) is the engine's small adapter there (entrypoints/content/browser.ts).
 */
function lightBrowser(): Plugin {
  const shim = resolve(import.meta.dirname, 'entrypoints/content/browser.ts');
  return {
    name: 'gouji-light-browser',
    enforce: 'pre',
    resolveId(source) {
      return source === '@wxt-dev/webextension-polyfill/browser' || source === 'wxt/browser' ? shim : null;
    },
  };
}

export default defineConfig({
  // No auto-imports: every module says what it uses, so lib/ cannot reach `browser` or WXT unseen (lint checks).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.name === 'ondemand')) (config.plugins ??= []).push(enginePacks(), compileHint());
      if (entrypoints.some((e) => e.name === 'content')) (config.plugins ??= []).push(lightBrowser());
    },
  },
  // `npm run zip:firefox` also writes the AMO source archive: the sources, without build output,
  // test artefacts or the CLI bundle (rebuilt from bin/ by `npm run gouji`).
  zip: { excludeSources: ['dist/**', 'test-results/**', '.scratch/**', 'coverage/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab', 'scripting'],
    // The report view (report.html) fetches PDF/DOCX attachments of gov.cn reports, and the batch page
    // (entrypoints/batch) the reports a gov.cn list page links; a PDF open in a tab elsewhere is reached through
    // activeTab. Nothing broader.
    host_permissions: ['*://*.gov.cn/*'],
    // The in-page engine, imported by the light content script on gov.cn pages that pass its gate.
    // Its packs (lib/ext/packs.ts) are imported the same way when a page needs one.
    web_accessible_resources: [
      { resources: ['ondemand.js', ...Object.values(PACKS).map((p) => p.file.slice(1))], matches: ['*://*.gov.cn/*'] },
    ],
    // Firefox (MV2 build): AMO needs a fixed add-on id and, for new add-ons, the data collection
    // declaration — Gouji collects nothing. 140 is the first Firefox that reads
    // data_collection_permissions (and it has the CSS Custom Highlight API the narrative marks use).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gouji@gouji-extension',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
