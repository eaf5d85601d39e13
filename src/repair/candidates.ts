// Words a PDF may have lost letters from, and the words they may have been.
// A PDF text layer drops a ligature glyph it cannot map back to letters: "Migraon" (ti),
// "lue" (tt), "nancé" (fi), "ecace" (ffi). Candidates put lost sequences back anywhere in the word.
import type { Lexicon } from './lexicon.js';

/** Every sequence a text layer is known to lose, longest first within a family. */
export const LIGATURE_SEQUENCES = ['ti', 'tt', 'ft', 'ffi', 'ffl', 'ff', 'fi', 'fl', 'st'] as const;

export interface Candidate {
  /** The restored word, lower case. */
  word: string;
  /** The sequences put back, one per insertion, e.g. ["ti", "ti"] for "instuonnelle". */
  seqs: string[];
  /** For a prefixed word the lexicon lacks ("multisectorielle"): the lexicon word it is built
   *  on ("sectorielle"), whose frequency stands for it. */
  base?: string;
}

/** More than the longest prefix plus the longest suffix match below (6 + 8). */
const MAX_AFFIXES = 32;

// Productive prefixes: "multi" + a known word is a word even when no list has it.
const PREFIXES = ['multi', 'inter', 'intra', 'pluri', 'socio', 'psycho', 'anti', 'auto', 'contre', 'extra', 'hyper', 'infra', 'micro', 'macro', 'mini', 'mono', 'poly', 'post', 'semi', 'sous', 'super', 'supra', 'trans', 'ultra', 'para', 'néo', 'non', 'pré', 'pro', 'sur', 'ré', 're', 'dé', 'co'];

// Productive suffixes and the bases they attach to: "autonomisation" <- "autonome",
// "numérisation" <- "numérique", "identifiantes" <- "identifier", "réutilisateur" <- "réutiliser".
const SUFFIXES: Array<[RegExp, string[]]> = [
  [/isations?$/, ['iser', 'e', 'ie', 'ique', '']],
  [/ations?$/, ['er', 'e']],
  [/(?:ante?s?)$/, ['er']],
  [/(?:ateurs?|atrices?)$/, ['er']],
  [/ements?$/, ['er', 'e']],
];

/** The lexicon word that licenses `word` (itself, or the base of a derived form), or null. */
export function explainWord(lex: Lexicon, word: string, prefixes = true): string | null {
  if (lex.info(word).fr) return word;
  for (const [re, ends] of SUFFIXES) {
    const m = re.exec(word);
    if (!m || m.index < 3) continue;
    const stem = word.slice(0, m.index);
    for (const end of ends) if (lex.info(stem + end).fr) return stem + end;
  }
  if (prefixes) {
    for (const p of PREFIXES) {
      const rest = word.slice(p.length);
      if (word.startsWith(p) && rest.length >= (p.length < 3 ? 6 : 4)) {
        const base = explainWord(lex, rest, false);
        if (base) return base;
      }
    }
  }
  return null;
}

/**
 * Candidates for a word no list has in any form ("autonomisaon" -> "autonomisation",
 * "mulsectorielle" -> "multisectorielle"): every way of putting back one or two of `seqs`,
 * kept when a productive prefix or suffix ties it to a lexicon word. Unpruned, so only for the
 * few unknown words left without an ordinary candidate, and only with the sequences lost there.
 */
export function derivedCandidates(lex: Lexicon, lower: string, seqs: readonly string[]): Candidate[] {
  // A candidate is explained by a lexicon word with at most a prefix (6 letters) and a suffix
  // (8) around its stem: a longer word has none. The search below builds a string per place
  // pair, so a "word" of 300,000 letters (a scrape gone wrong) would never end.
  if (lower.length > lex.maxLength + MAX_AFFIXES) return [];
  const cache = cacheFor(-1, seqs);
  const hit = cache.get(lower);
  if (hit) return hit;
  const out = new Map<string, Candidate>();
  const insert = (word: string, from: number, used: string[]) => {
    for (let at = from; at <= word.length; at++) {
      for (const s of seqs) {
        const next = word.slice(0, at) + s + word.slice(at);
        const u = [...used, s];
        if (!out.has(next)) {
          const base = explainWord(lex, next);
          if (base && base !== next) out.set(next, { word: next, seqs: u, base });
        }
        if (u.length < 2) insert(next, at + s.length + 1, u);
      }
    }
  };
  insert(lower, 0, []);
  const result = [...out.values()];
  remember(cache, lower, result);
  return result;
}

/**
 * All lexicon words made from `lower` by inserting 1..maxInsertions of `seqs` at any position
 * (the same sequence may go in several times). Depth-first over the word, walking the sorted
 * lexicon like a trie (Lexicon.narrow), so no string is built until a word is found.
 */
export function generateCandidates(lex: Lexicon, lower: string, seqs: readonly string[], maxInsertions: number): Candidate[] {
  // Shared across documents (a corpus repeats its vocabulary); callers must not mutate the result.
  const cache = cacheFor(maxInsertions, seqs);
  const hit = cache.get(lower);
  if (hit) return hit;
  const out = searchCandidates(lex, lower, seqs, maxInsertions);
  remember(cache, lower, out);
  return out;
}

// Results by insertion count (-1: derived candidates), then by sequences, then by word: no key
// string built per call (a document asks about every word type it has).
const CACHE = new Map<number, Map<string, Map<string, Candidate[]>>>();
const CACHE_LIMIT = 200_000;
let cached = 0;
const seqsKeys = new WeakMap<readonly string[], string>();

function cacheFor(insertions: number, seqs: readonly string[]): Map<string, Candidate[]> {
  let key = seqsKeys.get(seqs);
  if (key === undefined) {
    key = seqs.join(',');
    seqsKeys.set(seqs, key);
  }
  let bySeqs = CACHE.get(insertions);
  if (!bySeqs) CACHE.set(insertions, (bySeqs = new Map()));
  let byWord = bySeqs.get(key);
  if (!byWord) bySeqs.set(key, (byWord = new Map()));
  return byWord;
}

function remember(cache: Map<string, Candidate[]>, word: string, list: Candidate[]): void {
  if (cached >= CACHE_LIMIT) {
    // Emptied in place: the map in hand stays the one its bucket points to.
    for (const bySeqs of CACHE.values()) for (const byWord of bySeqs.values()) byWord.clear();
    cached = 0;
  }
  cache.set(word, list);
  cached++;
}

function searchCandidates(lex: Lexicon, lower: string, seqs: readonly string[], maxInsertions: number): Candidate[] {
  const found = new Map<string, string[]>();
  const used: string[] = [];
  // `after` is the depth where the last insertion ended: no two insertions in a row ("tt"+"ti"
  // for a lost "tti" is rare, and allowing it multiplies the search for nothing).
  const search = (i: number, lo: number, hi: number, depth: number, after: number): void => {
    if (i === lower.length && used.length > 0) {
      const word = lex.wordIfLength(lo, depth);
      if (word !== null) {
        const prev = found.get(word);
        if (!prev || prev.length > used.length) found.set(word, [...used]);
      }
    }
    if (i < lower.length) {
      const [a, b] = lex.narrow(lo, hi, depth, lower.charCodeAt(i));
      if (a < b) search(i + 1, a, b, depth + 1, after);
    }
    if (used.length < maxInsertions && after !== depth) {
      for (const s of seqs) {
        let a = lo;
        let b = hi;
        for (let k = 0; k < s.length && a < b; k++) [a, b] = lex.narrow(a, b, depth + k, s.charCodeAt(k));
        if (a >= b) continue;
        used.push(s);
        search(i, a, b, depth + s.length, depth + s.length);
        used.pop();
      }
    }
  };
  search(0, 0, lex.size, 0, -1);
  return [...found].map(([word, seqs]) => ({ word, seqs }));
}
