// The content script's `browser` (what `wxt/browser` resolves to in the content script's build only:
// wxt.config.ts `lightBrowser`): the engine's own adapter over the browser's promise-based APIs
// (entrypoints/ondemand/ext-api.ts), instead of webextension-polyfill. The content script runs on every
// gov.cn page, and evaluating the polyfill there was most of what Gouji cost a page that is not a report.
// It uses runtime.id, getURL, sendMessage and onMessage (a listener answering with a promise), and so does
// WXT's ContentScriptContext (runtime.id); nothing else.
import { engineApi } from '../ondemand/ext-api';

export const browser = engineApi();
