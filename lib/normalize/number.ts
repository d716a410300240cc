// Reading a table cell as a number. Blank is not zero (FORMAT.md §5): a blank cell is reported as blank and
// the rules decide what that means. Digits inside labels are never read: this parser only accepts a cell
// that is a number (with optional grouping commas, sign, decimals and a unit) and nothing else.

import { foldWidth, stripPinyin } from './text';

export interface ParsedCell {
  kind: 'number' | 'blank' | 'text';
  value: number | null;
  decimals: number;
  unit?: string;
  problem?: string;
}

const BLANK = /^(?:|-+|—+|–+|－+|─+|\/|／|\\|_+|无|無|——\/——)$/;
const UNIT = /(万元|人次|件|条|宗|个|项|家|次|份|元|人|起|篇)$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

const PLAIN_INT = /^\d{1,15}$/;

export function parseCell(raw: string): ParsedCell {
  // Most cells are plain ASCII integers ("0", "167"): the common case skips every other step.
  if (PLAIN_INT.test(raw)) return { kind: 'number', value: Number(raw), decimals: 0 };
  let t = foldWidth(stripPinyin(raw)).replace(/[\s\u00a0\u200b\ufeff]+/g, '');
  if (BLANK.test(t)) return { kind: 'blank', value: null, decimals: 0 };
  let unit: string | undefined;
  const u = UNIT.exec(t);
  if (u && u.index > 0) {
    unit = u[1];
    t = t.slice(0, u.index);
  }
  t = t.replace(/[−–—]/, '-');
  const m = NUMBER.exec(t);
  if (!m) return { kind: 'text', value: null, decimals: 0, unit };
  const digits = m[2]!.replace(/,/g, '');
  const frac = m[3] ?? '';
  const value = Number((m[1] === '-' ? '-' : '') + digits + (frac ? '.' + frac : ''));
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, decimals: frac.length, unit };
}

