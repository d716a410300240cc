// The label each marked cell gets beside its number: the culprit's "✎ 应为 N" badge, or an icon whose
// shape says the verdict (⚠ triangle: a failing total; ? circle: undecided). Sizes are fixed so that
// the box placement.ts checks is the box Layer.tsx draws.
import { labelWidth } from './placement';
import { ui } from './strings';
import type { Target } from './model';

export const ICON_SIZE = 12;
export const BADGE_HEIGHT = 16;

export interface LabelSpec {
  kind: 'badge' | 'icon';
  text: string;
  w: number;
  h: number;
}

export function labelOf(t: Target): LabelSpec | null {
  if (t.suggested !== undefined) {
    // The "✎ " is drawn by CSS (::before), counted in the width.
    const text = ui.needs(t.suggested);
    return { kind: 'badge', text, w: labelWidth(`✎ ${text}`), h: BADGE_HEIGHT };
  }
  if (t.severity === 'fail' || t.severity === 'uncertain' || t.severity === 'warn')
    return { kind: 'icon', text: '', w: ICON_SIZE, h: ICON_SIZE };
  return null;
}
