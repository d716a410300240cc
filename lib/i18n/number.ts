// The one number formatter for messages, the letter and the views: at most 9 decimals, floating-point
// noise rounded away (0.1 + 0.2 → "0.3"), no grouping commas (the report's own tables print none), the
// same in Chinese and English.

export function formatNumber(n: number): string {
  return String(Math.round(n * 1e9) / 1e9);
}
