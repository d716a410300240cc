export * from './csv';
export * from './filename';
export * from './labels';

import type { Report } from '../types';

/** The JSON export of a report: the report object itself, pretty-printed. */
export function reportToJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
