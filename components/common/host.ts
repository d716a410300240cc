// What the popup and the follow-up page need from the browser, as an interface: the entrypoints
// implement it with `browser` (entrypoints/popup/host.ts, entrypoints/flags/host.ts); component tests
// implement it with fake-browser and happy-dom. Views never import `browser`.
import type { Lang } from '@/lib/i18n';

export interface CommonHost {
  /** Save a text file (Blob + <a download>: no "downloads" permission needed). */
  download(filename: string, mime: string, text: string): void;
  /** Put text on the clipboard (called from a click, so the user gesture is present). */
  copy(text: string): Promise<void>;
  loadLang(): Promise<Lang>;
  saveLang(lang: Lang): Promise<void>;
}

/** Blob + <a download> click, in the document of the extension page. */
export function downloadText(doc: Document, filename: string, mime: string, text: string): void {
  const blob = new Blob([text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
