// The one number formatter for messages, the letter and the views: at most 9 decimals, floating-point
// noise rounded away (0.1 + 0.2 → "0.3"), no grouping commas (the report's own tables print none), the
// same in Chinese and English. Code that builds messages imports it (as `fmt` where a template is dense);
// tests/unit/core/format-number.test.ts keeps any second formatter out.

/** A computed number without floating-point noise (sums of amounts, a culprit's suggested value). */
export function roundNumber(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

export function formatNumber(n: number): string {
  return String(roundNumber(n));
}
