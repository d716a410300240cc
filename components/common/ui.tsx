// Small shared view pieces of the popup and the follow-up page.
import type { Lang, MessageKey } from '@/lib/i18n';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

// One word per state (lib/rules/render.ts stateName): an approximate number in the text that differs is
// undecided, like a check that cannot be decided.
const MARK: Record<string, { sym: string; key: MessageKey }> = {
  pass: { sym: '✓', key: 'state.pass' },
  fail: { sym: '✗', key: 'state.fail' },
  uncertain: { sym: '?', key: 'state.uncertain' },
  warn: { sym: '!', key: 'state.uncertain' },
};

/** A status as a symbol plus a word for screen readers: never colour alone. */
export function StatusMark({ status, t }: { status: 'pass' | 'fail' | 'uncertain' | 'warn'; t: T }) {
  const m = MARK[status] ?? MARK.uncertain!;
  return (
    <span class={`status-mark status-${status}`} data-status={status}>
      <span aria-hidden="true">{m.sym}</span>
      <span class="sr-only">{t(m.key)}</span>
    </span>
  );
}

export function LangSwitch({ lang, onSwitch, t }: { lang: Lang; onSwitch: (l: Lang) => void; t: T }) {
  const next: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      class="link lang"
      lang={next === 'zh' ? 'zh-CN' : 'en'}
      aria-label={t('switchLangLabel')}
      onClick={() => onSwitch(next)}
      data-action="lang"
    >
      {t('switchLang')}
    </button>
  );
}

export function Toast({
  toast,
  onClose,
  closeLabel,
}: {
  toast: { kind: 'ok' | 'error'; text: string } | null;
  onClose: () => void;
  closeLabel: string;
}) {
  // The live region is always there, so screen readers announce the text when it appears.
  return (
    <div class="toast-slot" role={toast?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {toast && (
        <div class={`toast toast-${toast.kind}`} data-toast={toast.kind}>
          <span aria-hidden="true">{toast.kind === 'error' ? '✗ ' : '✓ '}</span>
          <span class="toast-text">{toast.text}</span>
          <button type="button" class="link" onClick={onClose} aria-label={closeLabel}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
