// UI state shared by the popup and the follow-up page stores: the toast line and the language switch.
import type { Signal } from '@preact/signals';
import type { Lang } from '@/lib/i18n';
import type { CommonHost } from './host';

export interface Toast {
  kind: 'ok' | 'error';
  text: string;
}

export const TOAST_MS = 5000;

/** Show a toast. Confirmations go away by themselves; errors stay until closed. */
export function showToast(toast: Signal<Toast | null>, kind: Toast['kind'], text: string): void {
  const t = { kind, text };
  toast.value = t;
  if (kind === 'ok')
    setTimeout(() => {
      if (toast.peek() === t) toast.value = null;
    }, TOAST_MS);
}

/** Switch the UI language now and remember it (a failed save keeps the switch). */
export async function switchLang(lang: Signal<Lang>, host: Pick<CommonHost, 'saveLang'>, next: Lang): Promise<void> {
  lang.value = next;
  await host.saveLang(next).catch(() => undefined);
}
