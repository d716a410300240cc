// A batch row's reason in the reader's language (the batch page, the CLI). Kept out of lib/batch/run.ts,
// which background.js bundles: the whole string catalog (lib/i18n) stays out of the background
// (tests/unit/i18n.test.ts).

import { t, type Lang } from '../i18n';
import type { Why } from './run';

/** A reason in `lang`: its message, then what caused it. */
export function whyText(why: Why, lang: Lang): string {
  const own = t(lang, why.id, why.params);
  return why.cause ? `${own}${t(lang, 'reasonJoin')}${whyText(why.cause, lang)}` : own;
}
