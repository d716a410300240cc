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
  /** A footnote mark written next to the number ("158*", "※", "①"): the cell is the number plus a note. */
  note?: string;
}

const BLANK = /^(?:|-+|—+|–+|－+|─+|\/|／|\\|_+|无|無|——\/——)$/;
const UNIT = /(万元|人次|件|条|宗|个|项|家|次|份|元|人|起|篇)$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

const PLAIN_INT = /^\d{1,15}$/;

// Footnote marks a cell may carry next to its number: asterisks (folded from ＊), ※, †, ‡, circled
// numbers ①–⑳, superscript digits and bracketed note numbers ("[1]", "注1"). At most a few characters,
// on one side only.
const NOTE_AFTER =
  /(?:\*{1,3}|※|†|‡|[\u2460-\u2473]|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,2}|\[\d{1,2}\]|\(注\d{0,2}\)|注\d{1,2})$/;
const NOTE_BEFORE = /^(?:\*{1,3}|※|†|‡|[\u2460-\u2473])/;

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
  let m = NUMBER.exec(t);
  let note: string | undefined;
  if (!m && t.length <= 40) {
    // "158*", "※158", "158①", "158万元*": the number, and the mark as a note (not a dropped row).
    const after = NOTE_AFTER.exec(t);
    const before = after ? null : NOTE_BEFORE.exec(t);
    const mark = after?.[0] ?? before?.[0];
    if (mark && mark.length < t.length) {
      let rest = after ? t.slice(0, after.index) : t.slice(mark.length);
      if (!unit) {
        const u2 = UNIT.exec(rest);
        if (u2 && u2.index > 0) {
          unit = u2[1];
          rest = rest.slice(0, u2.index);
        }
      }
      m = NUMBER.exec(rest);
      if (m) note = mark;
    }
  }
  if (!m) return { kind: 'text', value: null, decimals: 0, unit };
  const digits = m[2]!.replace(/,/g, '');
  const frac = m[3] ?? '';
  const value = Number((m[1] === '-' ? '-' : '') + digits + (frac ? '.' + frac : ''));
  const out: ParsedCell = { kind: 'number', value: Object.is(value, -0) ? 0 : value, decimals: frac.length, unit };
  if (note) out.note = note;
  return out;
}
