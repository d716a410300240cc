// The engine, without the gate. Two ways in (docs/page-contract.md):
//  - the light content script imports it on gov.cn pages that pass the gate (web_accessible_resources);
//  - the popup's "检查此页" on any other page (or a gov.cn page the gate turned down) runs
//    `browser.scripting.executeScript({ target: { tabId }, files: ['/ondemand.js'] })` (activeTab +
//    scripting, no broad host permission) and then waits for this tab's `gouji:result` in the background.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { boot } from './boot';

export default defineUnlistedScript(() => {
  void boot(true);
});
