// The names of a checked page's states (lib/batch/run.ts RowState), one vocabulary for the batch page, the
// 历史 page and the popup: a symbol and a word, never colour alone.
import type { RowState } from '@/lib/batch/run';
import type { MessageKey } from '@/lib/i18n';

export const STATE_KEY: Readonly<Record<RowState, MessageKey>> = {
  report: 'stateReport',
  none: 'stateNone',
  old: 'stateOld',
  missing: 'stateMissing',
  attachment: 'stateAttachment',
  error: 'stateError',
};

export const STATE_SYMBOL: Readonly<Record<RowState, string>> = {
  report: '✓',
  none: '–',
  old: '…',
  missing: '?',
  attachment: '※',
  error: '✗',
};
