// What the lexicon-dependent fixes ask about words. Fixes take a WordJudge argument instead of
// importing the lexicon, so they stay pure and testable with a tiny hand-made judge.
import { lowerKey } from './tokens.js';

export interface WordJudge {
  /** A real word: French or English lexicon, a ranked place name, or (for compounds) a known
   *  hyphenated form. `lower` is lower-case with ’ as '. */
  known(lower: string): boolean;
  /** Becomes a known word once a lost ligature sequence is put back ("connuellement"). */
  restorable(lower: string): boolean;
  /** Times this exact form (case-sensitive) occurs in the document being repaired; callers only
   *  compare it with 0 and 1, and an implementation may stop counting at 1 for unhyphenated forms. */
  docCount(form: string): number;
}

/** A judge from a word list, for tests and small tools: every listed word is known. */
export function listJudge(words: Iterable<string>, doc = '', restorable: (w: string) => boolean = () => false): WordJudge {
  const set = new Set([...words].map(lowerKey));
  const counts = new Map<string, number>();
  for (const m of doc.matchAll(/[\p{L}\p{M}]+(?:['’\-\u2010][\p{L}\p{M}]+)*/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return { known: (w) => set.has(w), restorable, docCount: (f) => counts.get(f) ?? 0 };
}
