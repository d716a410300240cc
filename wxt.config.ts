import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // No auto-imports: every module says what it uses, so lib/ cannot reach `browser` or WXT unseen (lint checks).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab', 'scripting'],
    // The batch page (entrypoints/batch) fetches the reports a gov.cn list page links; nothing broader.
    host_permissions: ['*://*.gov.cn/*'],
    // The in-page engine, imported by the light content script on gov.cn pages that pass its gate.
    web_accessible_resources: [{ resources: ['ondemand.js'], matches: ['*://*.gov.cn/*'] }],
  },
});
