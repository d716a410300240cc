// Parser: which vocabulary entry (lib/schema/narrative.ts) a number token is about, if any. The first
// entry in registry order whose cues match wins; a token no entry claims is left alone (most numbers in a
// report's text are about websites and hotlines, not the tables).

import { NARRATIVE_TOPICS, NARRATIVE_VOCABULARY, type NarrativeEntry } from '../schema/narrative';
import type { NumberToken } from './tokens';
import { drainSteps, STEP_ITEMS, type Steps } from '../steps';

export interface Match {
  token: NumberToken;
  entry: NarrativeEntry;
  /** Normalized offsets of the phrase quoted for this claim (cue through unit, or number through cue). */
  quoteStart: number;
  quoteEnd: number;
}

// Topics are looked for this far back at most: a sentence is rarely longer, and a hostile page with one
// endless sentence must not make matching quadratic.
const TOPIC_REACH = 160;

function nearestTopic(text: string, from: number, to: number): string | null {
  const span = text.slice(Math.max(from, to - TOPIC_REACH), to);
  let best: string | null = null;
  let bestAt = -1;
  for (const [key, re] of Object.entries(NARRATIVE_TOPICS)) {
    re.lastIndex = 0;
    for (let m = re.exec(span); m; m = re.exec(span)) {
      if (m.index > bestAt) {
        bestAt = m.index;
        best = key;
      }
    }
  }
  return best;
}

/**
 * The number's paragraph, with the nearest non-empty line before it: a heading such as "（二）依申请公开"
 * often stands alone above "予以公开125件，部分公开5件…", and it is what says these are applications.
 */
function paragraph(text: string, tok: NumberToken): string {
  let end = text.indexOf('\n', tok.end);
  if (end < 0) end = text.length;
  let start = tok.paragraphStart;
  for (let k = 0; k < 4 && start > 0; k++) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    const line = text.slice(prev, start - 1);
    start = prev;
    if (line.trim()) break;
  }
  return text.slice(start, end);
}

/** Match every token; `entries` defaults to the registry (tests pass a single entry). */
export function matchTokens(
  text: string,
  tokens: readonly NumberToken[],
  entries: readonly NarrativeEntry[] = NARRATIVE_VOCABULARY,
): Match[] {
  return drainSteps(matchTokensSteps(text, tokens, entries));
}

/** `matchTokens`, yielding every `STEP_ITEMS` tokens (issue #13). */
export function* matchTokensSteps(
  text: string,
  tokens: readonly NumberToken[],
  entries: readonly NarrativeEntry[] = NARRATIVE_VOCABULARY,
): Steps<Match[]> {
  const out: Match[] = [];
  // Paragraph text is cut once per paragraph, not once per token.
  let paraStart = -1;
  let para = '';
  // Context patterns are tested once per paragraph, not once per token.
  const context = new Map<RegExp, boolean>();
  const inParagraph = (re: RegExp) => {
    let v = context.get(re);
    if (v === undefined) context.set(re, (v = re.test(para)));
    return v;
  };
  let prev: Match | null = null;
  for (const tok of tokens) {
    if (tok.index && tok.index % STEP_ITEMS === 0) yield;
    if (tok.paragraphStart !== paraStart) {
      paraStart = tok.paragraphStart;
      para = paragraph(text, tok);
      context.clear();
    }
    const left = text.slice(tok.windowStart, tok.start);
    const right = text.slice(tok.unitEnd, Math.min(tok.sentenceEnd, tok.unitEnd + 24));
    const chainedFrom = prev && prev.token.sentenceStart === tok.sentenceStart ? prev.entry.id : null;
    let found: Match | null = null;
    for (const e of entries) {
      if (!e.units.includes(tok.unit)) continue;
      if (e.exclude?.test(left)) continue;
      if (e.context && !inParagraph(e.context)) continue;
      let quoteStart = -1;
      let quoteEnd = tok.unitEnd;
      for (const re of e.before ?? []) {
        const m = re.exec(left);
        if (m) {
          quoteStart = tok.windowStart + m.index;
          break;
        }
      }
      if (quoteStart < 0 && e.chain && chainedFrom && e.chain.after.includes(chainedFrom)) {
        const m = e.chain.before.exec(left);
        if (m) quoteStart = tok.windowStart + m.index;
      }
      if (quoteStart < 0) {
        for (const re of e.after ?? []) {
          const m = re.exec(right);
          if (m) {
            quoteStart = tok.start;
            quoteEnd = tok.unitEnd + m[0].length;
            break;
          }
        }
      }
      if (quoteStart < 0) continue;
      if (e.topic && nearestTopic(text, tok.sentenceStart, tok.start) !== e.topic) continue;
      found = { token: tok, entry: e, quoteStart, quoteEnd };
      break;
    }
    if (found) {
      out.push(found);
      prev = found;
    }
  }
  return out;
}
