// Placeholder so the core builds until the narrative module (issue #5) lands; replaced by it.
import type { NarrativeClaim, Report } from '../types';
import type { Prose } from './prose';

export function checkNarrative(_prose: Prose | string, _report: Report): NarrativeClaim[] {
  return [];
}
