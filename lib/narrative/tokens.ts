// Tokenizer: every number written with a unit in the prose, with the text around it. Matching against the
// vocabulary (match.ts) and written sums (sums.ts) work on these tokens only.

import {
  APPROX_BEFORE,
  APPROX_INFIX,
  NARRATIVE_UNITS,
  SKIP_BEFORE,
  SKIP_CLAUSE,
  type NarrativeUnit,
} from '../schema/narrative';
import type { NormalizedText } from './normalize';
import { drainSteps, STEP_CHARS, STEP_ITEMS, type Steps } from '../steps';

export interface NumberToken {
  /** Index among the tokens (skipped numbers are not tokens). */
  index: number;
  value: number;
  /** Decimal places written ("2181.669177" → 6). */
  decimals: number;
  unit: NarrativeUnit;
  /** The number as written (normalized), e.g. "21,943". */
  raw: string;
  approx: boolean;
  /** Normalized offsets: the number, and the end of its unit (and approximation infix). */
  start: number;
  end: number;
  unitEnd: number;
  /** Start of the left window (clause break or previous number, whichever is nearer). */
  windowStart: number;
  /** Start of the clause (after the previous clause break, ignoring numbers). */
  clauseStart: number;
  sentenceStart: number;
  sentenceEnd: number;
  paragraphStart: number;
}

const NUMBER = /(?<![\d.A-Za-z]|\d,)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
/**
 * 2 for a sentence break (；;。!?！？ and a line end), 1 for a clause break only (，,：:、), else 0: the scan
 * between two numbers tests every character, so a switch on the code, not a regex per character.
 */
function breakOf(c: number): 0 | 1 | 2 {
  switch (c) {
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0x3002: // 。
    case 0x21: // !
    case 0x3f: // ?
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x0a:
      return 2;
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0xff1a: // ：
    case 0x3a: // :
    case 0x3001: // 、
      return 1;
    default:
      return 0;
  }
}
const MAX_WINDOW = 40;

/** Tokens of `n.text`; numbers before `from` (page chrome above the report's first section) are left out. */
export function tokenize(n: NormalizedText, from = 0): NumberToken[] {
  return drainSteps(tokenizeSteps(n, from));
}

/** `tokenize`, yielding every few hundred numbers or `STEP_CHARS` characters scanned (issue #13). */
export function* tokenizeSteps(n: NormalizedText, from = 0): Steps<NumberToken[]> {
  const t = n.text;
  let numbers = 0;
  let pause = STEP_CHARS;
  const tokens: NumberToken[] = [];
  // Break positions are found by scanning forward once, so the whole pass stays linear.
  let clauseStart = 0;
  let sentenceStart = 0;
  let paragraphStart = 0;
  let scanned = 0;
  let prevEnd = 0;
  let sentenceEnd = -1;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(t); m; m = NUMBER.exec(t)) {
    const start = m.index;
    if (++numbers % STEP_ITEMS === 0 || start >= pause) {
      pause = start + STEP_CHARS;
      const at = NUMBER.lastIndex;
      yield;
      // Another tokenize may have run meanwhile (the regex is shared): resume where this one was.
      NUMBER.lastIndex = at;
    }
    for (; scanned < start; scanned++) {
      const c = t.charCodeAt(scanned);
      // Every break is at most U+3002 or a full-width ！…？ (U+FF01–FF1F): Han text skips the switch.
      if (c > 0x3002 && (c < 0xff01 || c > 0xff1f)) continue;
      const brk = breakOf(c);
      if (brk) {
        clauseStart = scanned + 1;
        if (brk === 2) sentenceStart = scanned + 1;
        if (c === 0x0a) paragraphStart = scanned + 1;
      }
    }
    const numEnd = start + m[0].length;
    if (start < from) continue;
    let pos = numEnd;
    let approx = false;
    const infix = APPROX_INFIX.exec(t.slice(pos, pos + 2));
    if (infix) {
      approx = true;
      pos += infix[0].length;
    }
    if (t[pos] === ' ') pos++;
    const unit = NARRATIVE_UNITS.find((u) => t.startsWith(u, pos));
    if (!unit) continue;
    const windowStart = Math.max(clauseStart, prevEnd, start - MAX_WINDOW);
    const left = t.slice(windowStart, start);
    prevEnd = numEnd;
    if (SKIP_BEFORE.test(left) || SKIP_CLAUSE.test(t.slice(Math.max(clauseStart, start - MAX_WINDOW), start))) continue;
    // Inside 〔2021〕 or followed by 号 it is a document number, not a count.
    if (/[〔[【]\d*$/.test(t.slice(Math.max(0, start - 2), start))) continue;
    if (APPROX_BEFORE.test(left)) approx = true;
    if (sentenceEnd < numEnd) {
      sentenceEnd = numEnd;
      while (sentenceEnd < t.length && breakOf(t.charCodeAt(sentenceEnd)) !== 2) sentenceEnd++;
    }
    tokens.push({
      index: tokens.length,
      value: Number(m[1]!.replace(/,/g, '') + (m[2] ? '.' + m[2] : '')),
      decimals: m[2]?.length ?? 0,
      unit,
      raw: m[0],
      approx,
      start,
      end: numEnd,
      unitEnd: pos + unit.length,
      windowStart,
      clauseStart,
      sentenceStart,
      sentenceEnd,
      paragraphStart,
    });
  }
  return tokens;
}
