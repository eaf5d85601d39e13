// Choosing among candidates: for an unknown word ("Migraon"), and for a word that is itself a
// word ("lue", "pares", "an"), where the evidence must come from context.
import { explainWord, type Candidate } from './candidates.js';
import { DETERMINERS, LOCUTIONS, PREPOSITIONS, collocationFits, isCounting } from './context.js';
import type { Lexicon } from './lexicon.js';
import { docCount, docPair } from './evidence.js';
import type { DocWords, Piece } from './pieces.js';

export type Chosen = { word: string; seqs: string[]; confidence: number };
export type Pick = Chosen | 'unsure' | null;

const UNRANKED = 100_000;
const freqScore = (r: number) => (r ? Math.log10(UNRANKED / r) : 0);
const round = (x: number) => Number(x.toFixed(2));

/**
 * An unknown word: the best candidate by frequency, by presence in the document, by fewest
 * insertions, if it clearly beats the next. A capitalized word in mid-sentence (a name) needs a
 * ranked candidate or the document's word; English candidates only in English lines, or when
 * nothing French fits ("Enty" -> "Entity").
 */
export function decideUnknown(p: Piece, cands: Candidate[], doc: DocWords, lex: Lexicon, english: boolean, confirmed: string[]): Pick {
  const properNoun = p.shape !== 'lower' && !p.sentenceStart;
  const scored = cands
    .map((c) => {
      // A word the lists lack may still be a derived form of one they have ("autonomisation").
      const base = c.base ?? (lex.info(c.word).fr ? undefined : (explainWord(lex, c.word) ?? undefined));
      const info = lex.info(base ?? c.word);
      const secondary = c.seqs.some((s) => !confirmed.includes(s));
      const inDoc = docCount(doc, c.word) > 0;
      let score = english ? freqScore(info.enRank) + (info.en ? 0.5 : -1.5) : freqScore(info.frRank) + (info.fr ? 0 : info.en ? -1.5 : -2.5);
      if (inDoc) score += 2;
      score -= 0.3 * (c.seqs.length - 1) + (secondary ? 1.5 : 0) + (base ? 0.5 : 0);
      const acceptable = info.fr || (info.en && info.enRank > 0) || (info.frFreq && info.frRank > 0 && properNoun);
      const frenchSure = info.fr && (info.frRank > 0 || !properNoun);
      const englishSure = info.en && info.enRank > 0 && (english || !info.fr);
      return { c, score, acceptable, sure: !secondary && (inDoc || frenchSure || englishSure), secondary, french: info.fr };
    })
    .filter((x) => x.acceptable)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return null;
  const margin = scored.length > 1 ? best.score - scored[1]!.score : Infinity;
  if (best.secondary) return best.score > 1 && margin >= 1 && best.c.seqs.length === 1 ? { ...best.c, confidence: 0.6 } : 'unsure';
  if (!best.sure || margin < 0.3) return 'unsure';
  // English only where French has nothing: a lone English candidate in a French line.
  if (!english && !best.french && scored.some((x) => x.french)) return 'unsure';
  return { ...best.c, confidence: round(margin === Infinity ? 0.95 : Math.min(0.95, 0.55 + margin / 5)) };
}

/** A known word's best candidate, and what speaks for it at this occurrence. */
export interface KnownVerdict {
  c: Candidate;
  score: number;
  /** Enough evidence at this occurrence alone. */
  ok: boolean;
  /** The evidence is the context (a determiner, a locution, a pair seen in the document). */
  contextual: boolean;
}

// Verb endings that agree with the subject before them: "nous contribuons" is a verb, keep it.
const AGREES: Record<string, RegExp> = { nous: /ons$/, vous: /ez$/, ils: /ent$/, elles: /ent$/ };

/**
 * A word that is itself a word: changed only when the longer word is much likelier here.
 * Evidence: the form is rare and the candidate common ("pares" -> "parties"); a determiner or
 * preposition before it, as "la lue" is not French and "la lutte" is; a locution ("an de" ->
 * "afin de"); the candidate written elsewhere in the document next to the same neighbour.
 * Kept: a verb agreeing with its subject ("nous contribuons"), and where nothing speaks for the
 * change ("une lettre lue").
 */
export function judgeKnown(p: Piece, cands: Candidate[], doc: DocWords, lex: Lexicon, confirmed: string[]): KnownVerdict | null {
  // A verb agreeing with its subject stays, unless a known word pair names the longer one
  // ("nous réarmons" / "nous réaffirmons": only the second is in the pairs).
  if (AGREES[p.prev]?.test(p.lower) && !cands.some((c) => collocationFits(c.word, p.prev2, p.prev, p.next))) return null;
  const own = p.info.frRank || UNRANKED;
  const det = DETERMINERS.has(p.prev);
  const nounPlace = det || PREPOSITIONS.has(p.prev);
  let best: KnownVerdict | null = null;
  for (const c of cands) {
    const info = lex.info(c.word);
    if (!info.fr || (!info.frRank && !collocationFits(c.word, p.prev2, p.prev, p.next))) continue;
    const ratio = Math.log10(own / (info.frRank || UNRANKED));
    const secondary = c.seqs.some((s) => !confirmed.includes(s));
    const locution =
      ((LOCUTIONS.get(c.word)?.has(p.next) ?? false) && !det && !isCounting(p.prev) && p.prev !== "l'") || collocationFits(c.word, p.prev2, p.prev, p.next);
    const pair = docPair(doc, c.word, p.prev, p.next);
    const inDoc = docCount(doc, c.word) > 0;
    const contextual = locution || pair || (nounPlace && ratio >= 0.5);
    let ok: boolean;
    // A lone letter ("mettre n à" for "mettre fin à") is changed on context alone.
    if (secondary || p.lower.length === 1) ok = contextual && ratio > 0;
    else ok = contextual || (own === UNRANKED && info.frRank <= 30_000) || (inDoc && ratio >= 0.7);
    if (!ok && (secondary || ratio < 0.7)) continue;
    const score = ratio + (locution ? 3 : 0) + (pair ? 3 : 0) + (inDoc ? 1 : 0) + (nounPlace ? 0.5 : 0) - (secondary ? 1 : 0) + (ok ? 10 : 0);
    if (!best || score > best.score) best = { c, score, ok, contextual };
  }
  return best;
}

export function knownPick(v: KnownVerdict, byType: boolean): Chosen {
  const s = v.score - (v.ok ? 10 : 0);
  return { ...v.c, confidence: round(byType ? 0.6 : Math.min(0.9, 0.5 + s / 10)) };
}
