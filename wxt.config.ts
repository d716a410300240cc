import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // No auto-imports: every module says what it uses, so lib/ cannot reach `browser` or WXT unseen (lint checks).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // `npm run zip:firefox` also writes the AMO source archive: the sources, without build output,
  // test artefacts or the CLI bundle (rebuilt from bin/ by `npm run gouji`).
  zip: { excludeSources: ['dist/**', 'test-results/**', '.scratch/**', 'coverage/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab', 'scripting'],
    // The in-page engine, imported by the light content script on gov.cn pages that pass its gate.
    web_accessible_resources: [{ resources: ['ondemand.js'], matches: ['*://*.gov.cn/*'] }],
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
