// The popup's "检查此页" on pages outside *.gov.cn (or on a gov.cn page the gate turned down): the popup
// runs `browser.scripting.executeScript({ target: { tabId }, files: ['/ondemand.js'] })` (activeTab +
// scripting, no broad host permission) and then waits for this tab's `gouji:result` in the background.
// Same code as the content script, without the gate. Documented in docs/page-contract.md.
import { boot } from './content/boot';

export default defineUnlistedScript(() => {
  // No ContentScriptContext here: the script lives as long as the page does.
  void boot(new AbortController().signal, true);
});
