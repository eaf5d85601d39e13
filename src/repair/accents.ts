// Accents and apostrophes a text lost, found per document and put back word by word:
// - stripped: "developpement", "la periode", "Etat" (old OCR layers, some exports, ASCII folds);
// - dropped: a broken font map loses every accented glyph, "Prserver", "Cot global", "gestion
//   dlgue", "grce  la" (à gone, two spaces left);
// - apostrophes lost with it: "lOIM", "dune rforme", "quil".
// Each kind is repaired only where the document shows it: words it repairs are many, and words
// that show the kind intact (accented letters, elisions with an apostrophe) are few. Clean text
// has plenty of both, so it is never touched.
import { generateCandidates } from './candidates.js';
import { ACCENT_CONTEXT, AUXILIARIES, SUBJECTS } from './context.js';
import type { Lexicon } from './lexicon.js';
import { collectWords, pieceAt, shapeAt, type DocWords, type Piece } from './pieces.js';
import { applyCase } from './tokens.js';

/** Accented letters a font map can drop, each one an insertion for the candidate search. */
export const DROPPED_LETTERS = ['é', 'è', 'ê', 'à', 'â', 'ç', 'ô', 'î', 'û', 'ù', 'ï', 'ë', 'œ', 'éé'];

const HAS_ACCENT = /[àâäçéèêëîïôöùûüÿœæ]/;
const ELISIONS = ['jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'qu', 'l', 'd', 'n', 's', 'c', 'j', 'm', 't'];
const VOWEL_START = /^[aeiouyhàâéèêîôûœ]/;

/** "développement" -> "developpement": the form an accent-stripping export writes. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

const indexes = new WeakMap<Lexicon, Map<string, string[]>>();

/**
 * Folded form -> the French words that fold to it ("etat" -> ["état"]), most frequent first.
 * Built on first use from the lexicon (only documents with stripped accents need it).
 */
export function accentIndex(lex: Lexicon): Map<string, string[]> {
  let index = indexes.get(lex);
  if (index) return index;
  index = new Map();
  for (let i = 0; i < lex.size; i++) {
    if (!lex.frenchAt(i)) continue;
    const w = lex.wordAt(i);
    if (!HAS_ACCENT.test(w)) continue;
    const f = foldAccents(w);
    if (f === w) continue;
    const list = index.get(f);
    if (list) list.push(w);
    else index.set(f, [w]);
  }
  const rank = (w: string) => lex.info(w).frRank || 1e6;
  for (const list of index.values()) if (list.length > 1) list.sort((a, b) => rank(a) - rank(b));
  indexes.set(lex, index);
  return index;
}

export interface AccentDamage {
  stripped: boolean;
  dropped: boolean;
  apostrophes: boolean;
  /** The counts behind the verdicts (distinct lower-case word types; intact elisions are tokens). */
  evidence: { stripped: number; dropped: number; intact: number; elided: number; intactElisions: number };
}

const isFrench = (lex: Lexicon, w: string) => lex.info(w).fr;
const englishWord = (lex: Lexicon, w: string) => {
  const i = lex.info(w);
  return i.en && i.enRank > 0 && i.enRank < 20000;
};

/** Candidates for a word that lost accented letters: French words, 1..3 letters put back. */
function droppedCandidates(lex: Lexicon, lower: string): string[] {
  if (lower.length > 24) return [];
  const max = lower.length <= 2 ? 2 : 3;
  return generateCandidates(lex, lower, DROPPED_LETTERS, max)
    .map((c) => c.word)
    .filter((w) => isFrench(lex, w));
}

/** "lemploi" -> ["l’emploi"], "dvaluation" -> ["d’évaluation"] (with dropped letters). */
function elidedCandidates(lex: Lexicon, lower: string, dropped: boolean): Array<{ prefix: string; rest: string }> {
  const out: Array<{ prefix: string; rest: string }> = [];
  for (const p of ELISIONS) {
    if (!lower.startsWith(p) || lower.length - p.length < 2) continue;
    const rest = lower.slice(p.length);
    const rests = isFrench(lex, rest) ? [rest] : [];
    if (dropped) rests.push(...droppedCandidates(lex, rest));
    for (const r of rests) if (VOWEL_START.test(r)) out.push({ prefix: p, rest: r });
  }
  return out;
}

/** Which accent damage this document shows (see the file's head). */
export function detectAccentDamage(doc: DocWords, lex: Lexicon): AccentDamage {
  const index = accentIndex(lex);
  const seen = new Uint8Array(doc.byId.length);
  let stripped = 0;
  let dropped = 0;
  let intact = 0;
  let elided = 0;
  let intactElisions = 0;
  for (const t of doc.byId) if (t.lower.endsWith("'")) intactElisions += t.count;
  for (let i = 0; i < doc.size; i++) {
    const id = doc.type[i]!;
    if (seen[id]) continue;
    const t = doc.byId[id]!;
    if (HAS_ACCENT.test(t.lower)) {
      seen[id] = 1;
      intact++;
      continue;
    }
    // Evidence from lower-case words only: capitals are names, acronyms, English titles.
    if ((doc.flags[i]! & 3) !== 0) continue;
    seen[id] = 1;
    if (t.info.fr || t.lower.endsWith("'") || englishWord(lex, t.lower) || t.lower.length < 3) continue;
    if (index.has(t.lower)) stripped++;
    else if (droppedCandidates(lex, t.lower).length) dropped++;
    if (elidedCandidates(lex, t.lower, true).length) elided++;
  }
  return {
    stripped: stripped >= 2 && 3 * intact <= stripped,
    dropped: dropped >= 2 && 3 * intact <= dropped,
    apostrophes: elided >= 2 && 3 * intactElisions <= elided,
    evidence: { stripped, dropped, intact, elided, intactElisions },
  };
}

export interface AccentFix {
  line: number;
  start: number;
  end: number;
  before: string;
  after: string;
  rule: string;
  confidence: number;
}

const UNRANKED = 100_000;
const freq = (lex: Lexicon, w: string) => {
  const i = lex.info(w);
  return i.frRank ? Math.log10(UNRANKED / i.frRank) : 0;
};

/** What the neighbours say for candidate `c` (prev/next as written, folded for comparison). */
function contextScore(c: string, plain: string, prev: string, next: string): number {
  let s = 0;
  const participle = /(?:é|ée|és|ées)$/.test(c) && !/(?:é|ée|és|ées)$/.test(plain);
  if (participle && AUXILIARIES.has(prev)) s += 1.5;
  if (!participle && /(?:é|ée|és|ées)$/.test(plain) === false && /e(?:s|nt)?$/.test(c) && SUBJECTS.has(prev) && c === plain) s += 1;
  return s;
}

interface Chosen {
  after: string;
  rule: string;
  confidence: number;
}

/**
 * Candidates for one word and the best of them, or null to leave it. `plainKnown`: the word as
 * written is itself a French word ("marche", "dune"): then only a clearly better candidate wins.
 */
function choose(lex: Lexicon, doc: DocWords, p: Piece, damage: AccentDamage, prevFolded: string, nextFolded: string, nextBest: string): Chosen | null {
  const lower = p.lower;
  const special = ACCENT_CONTEXT[lower];
  if (special && damage.stripped) {
    const pick = special(prevFolded, nextFolded, nextBest);
    return pick && pick !== lower ? { after: pick, rule: 'restoreStrippedAccents', confidence: 0.7 } : null;
  }
  const plainKnown = lex.info(lower).fr;
  type C = { word: string; rule: string; score: number };
  const cands: C[] = [];
  const docBonus = (w: string) => ((doc.types.get(w)?.count ?? 0) > 0 ? 1.5 : 0);
  const score = (w: string) => freq(lex, w) + docBonus(w) + contextScore(w, lower, prevFolded, nextFolded);
  if (damage.stripped) for (const w of accentIndex(lex).get(lower) ?? []) cands.push({ word: w, rule: 'restoreStrippedAccents', score: score(w) });
  if (damage.dropped) {
    for (const w of droppedCandidates(lex, lower)) {
      const insertions = w.length - lower.length;
      cands.push({ word: w, rule: 'restoreDroppedLetters', score: score(w) - 0.3 * Math.max(0, insertions - 1) });
    }
  }
  if (damage.apostrophes && p.shape !== 'upper') {
    for (const e of elidedCandidates(lex, lower, damage.dropped)) {
      const w = `${e.prefix}’${e.rest}`;
      cands.push({ word: w, rule: 'restoreApostrophes', score: score(e.rest) + docBonus(w) - (e.rest.length - (lower.length - e.prefix.length)) * 0.3 });
    }
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => b.score - a.score);
  const best = cands[0]!;
  const second = cands[1]?.score ?? -Infinity;
  if (plainKnown) {
    const keep = score(lower) + 1;
    if (best.score < keep + (best.rule === 'restoreApostrophes' ? 0.5 : 0)) return null;
    return { after: best.word, rule: best.rule, confidence: round(Math.min(0.9, 0.5 + (best.score - keep) / 5)) };
  }
  const margin = best.score - second;
  return { after: best.word, rule: best.rule, confidence: round(margin === Infinity ? 0.95 : Math.min(0.95, 0.5 + margin / 4)) };
}

const round = (x: number) => Number(x.toFixed(2));

/** "lOIM" -> "l’OIM", "lUE" -> "l’UE": an elided article glued to an acronym. */
const ELIDED_ACRONYM = /^([lLdD])(\p{Lu}{2,})$/u;

/** Mostly English lines keep their words ("a", "ou" and "des" are French only). */
function englishLine(doc: DocWords, lex: Lexicon, n: number): boolean {
  let en = 0;
  let fr = 0;
  const index = accentIndex(lex);
  for (let i = doc.lineFirst[n]!; i < doc.lineFirst[n + 1]!; i++) {
    const t = doc.byId[doc.type[i]!]!;
    if (t.info.fr || index.has(t.lower)) fr++;
    else if (t.info.en && t.info.enRank) en++;
  }
  return en > fr && en >= 2;
}

export interface AccentPlan {
  damage: AccentDamage;
  fixes: AccentFix[];
}

/** Detects the accent damage of these lines and plans the fixes (offsets in these lines). */
export function planAccentRepairs(lines: readonly string[], lex: Lexicon, doc: DocWords = collectWords(lines, lex)): AccentPlan {
  const damage = detectAccentDamage(doc, lex);
  const fixes: AccentFix[] = [];
  if (!damage.stripped && !damage.dropped && !damage.apostrophes) return { damage, fixes };
  const memo = new Map<string, Chosen | null>();
  const folded = (id: number) => (id >= 0 ? foldAccents(doc.byId[id]!.lower) : '');
  const bestOf = (id: number) => {
    if (id < 0) return '';
    const lower = doc.byId[id]!.lower;
    return damage.stripped ? (accentIndex(lex).get(lower)?.[0] ?? lower) : lower;
  };
  for (let n = 0; n < lines.length; n++) {
    if (doc.lineFirst[n] === doc.lineFirst[n + 1]) continue;
    if (englishLine(doc, lex, n)) continue;
    for (let i = doc.lineFirst[n]!; i < doc.lineFirst[n + 1]!; i++) {
      const t = doc.byId[doc.type[i]!]!;
      if (HAS_ACCENT.test(t.lower) || t.lower.endsWith("'")) continue;
      const shape = shapeAt(doc, i);
      const text = lines[n]!.slice(doc.start[i]!, doc.end[i]!);
      if (damage.apostrophes) {
        const m = ELIDED_ACRONYM.exec(text);
        if (m) {
          fixes.push({ line: n, start: doc.start[i]!, end: doc.end[i]!, before: text, after: `${m[1]}’${m[2]}`, rule: 'restoreApostrophes', confidence: 0.8 });
          continue;
        }
      }
      // Acronyms and mixed case ("OIM", "eBay") are left; a capitalized name needs a French candidate.
      if (shape === 'mixed' || (shape === 'upper' && t.lower.length < 5)) continue;
      const prevF = folded(doc.prev[i]!);
      const nextF = folded(doc.next[i]!);
      const key = `${t.lower}|${prevF}|${nextF}|${shape}`;
      let pick = memo.get(key);
      if (pick === undefined) {
        const p = pieceAt(doc, i);
        pick = choose(lex, doc, p, damage, prevF, nextF, bestOf(doc.next[i]!));
        // A capitalized word in mid-sentence is a name: only a ranked French word replaces it.
        if (pick && shape !== 'lower' && !p.sentenceStart && !lex.info(pick.after.replace(/^.*’/, '')).frRank) pick = null;
        memo.set(key, pick);
      }
      if (!pick) continue;
      const after = applyCase(pick.after, text);
      if (after !== text) fixes.push({ line: n, start: doc.start[i]!, end: doc.end[i]!, before: text, after, rule: pick.rule, confidence: pick.confidence });
    }
    // "grce  la": a lone "à" dropped, two spaces left between words.
    if (damage.dropped) {
      const line = lines[n]!;
      for (const m of line.matchAll(/(?<=[\p{L},])  (?=\p{L})/gu)) {
        fixes.push({ line: n, start: m.index, end: m.index + 2, before: '  ', after: ' à ', rule: 'restoreDroppedLetters', confidence: 0.6 });
      }
    }
  }
  return { damage, fixes };
}
