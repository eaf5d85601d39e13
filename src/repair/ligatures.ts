// Puts back ligature sequences a PDF text layer lost ("Migraon" -> "Migration", "la lue contre"
// -> "la lutte contre"), deciding word by word with the lexicon, the document and the neighbours.
import { LIGATURE_SEQUENCES, derivedCandidates, generateCandidates, type Candidate } from './candidates.js';
import { decideUnknown, judgeKnown, knownPick, type Chosen, type KnownVerdict, type Pick } from './decide.js';
import { inferLostSequences, isUnknownAt } from './infer.js';
import type { Lexicon } from './lexicon.js';
import { collectWords, pieceAt, shapeAt, type DocWords, type Piece } from './pieces.js';
import { applyCase } from './tokens.js';

export interface WordFix {
  line: number;
  start: number;
  end: number;
  before: string;
  after: string;
  confidence: number;
}

export interface LigaturePlan {
  fixes: WordFix[];
  unresolved: string[];
  lostSequences: string[];
}

/** Lines of mostly English words: candidates come from the English list there. */
function isEnglishLine(doc: DocWords, n: number): boolean {
  let en = 0;
  let fr = 0;
  for (let i = doc.lineFirst[n]!; i < doc.lineFirst[n + 1]!; i++) {
    const info = doc.byId[doc.type[i]!]!.info;
    if (info.en && info.enRank && !info.fr) en++;
    else if (info.fr && !(info.en && info.enRank)) fr++;
  }
  return en > fr;
}

/** Known words worth a look: not in capitals, not a capitalized name in mid-sentence; a lone
 *  letter only if it is no word of its own ("mettre n à" for "mettre fin à"). */
function maybeDamagedAt(doc: DocWords, i: number): boolean {
  const shape = shapeAt(doc, i);
  if (shape === 'upper' || shape === 'mixed' || (shape === 'capital' && !(doc.flags[i]! & 4))) return false;
  const lower = doc.byId[doc.type[i]!]!.lower;
  return lower.length >= 2 || (shape === 'lower' && !'aàyôe'.includes(lower));
}

export function planLigatureRepairs(lines: readonly string[], lex: Lexicon, opts: { lost?: string[]; doc?: DocWords } = {}): LigaturePlan {
  // The words of these very lines, when a previous stage collected them already.
  const doc = opts.doc ?? collectWords(lines, lex);
  const seqs = opts.lost ?? LIGATURE_SEQUENCES;
  // Unknown words: all sequences, up to three insertions ("instuonnelle" needs two).
  const unknownCache: Candidate[][] = [];
  const unknownCandidates = (id: number) => {
    const lower = doc.byId[id]!.lower;
    return (unknownCache[id] ??= generateCandidates(lex, lower, seqs, Math.min(3, Math.ceil(lower.length / 3))));
  };
  const lost = inferLostSequences(doc, (lower) => unknownCandidates(doc.types.get(lower)!.id), (w) => lex.info(w).fr, opts.lost);
  const fixes: WordFix[] = [];
  const unresolved = new Set<string>();
  const used = new Set<string>();
  const known: Array<{ p: Piece; v: KnownVerdict }> = [];
  // The written form and its repair, per word type and case shape: a document repeats its words.
  // (A type and a shape give the written form, unless the case is mixed or an apostrophe varies.)
  const forms = new Map<number, { before: string; after: string; word: string }>();
  const accept = (i: number, pick: Chosen) => {
    const line = doc.line[i]!;
    const shareable = (doc.flags[i]! & 3) !== 3 && !doc.byId[doc.type[i]!]!.lower.includes("'");
    const key = doc.type[i]! * 4 + (doc.flags[i]! & 3);
    let f = shareable ? forms.get(key) : undefined;
    if (!f || f.word !== pick.word) {
      const text = lines[line]!.slice(doc.start[i]!, doc.end[i]!);
      f = { before: text, after: applyCase(pick.word, text), word: pick.word };
      if (shareable) forms.set(key, f);
    }
    fixes.push({ line, start: doc.start[i]!, end: doc.end[i]!, before: f.before, after: f.after, confidence: pick.confidence });
    for (const s of pick.seqs) used.add(s);
  };

  // Known words: only the sequences lost somewhere in this document, one insertion ("lue",
  // "pares", "an": a word that lost two sequences is rarely a word itself).
  const docConfirmed = [...lost.confirmed, ...lost.sameFont];
  const docSeqs = [...docConfirmed, ...lost.secondary];
  const knownCache: Candidate[][] = [];
  const knownCandidates = (id: number) => (knownCache[id] ??= generateCandidates(lex, doc.byId[id]!.lower, docSeqs, 1));
  const derivedCache: Candidate[][] = [];
  // Per set of sequences allowed on a line (a few distinct sets per document): the usable
  // candidates of each word type, and an unknown word's decision, which depends only on the
  // type, its case, its place in the sentence and the line's language.
  const perAllowed = new Map<object, { usable: Candidate[][]; decided: Map<number, Pick> }>();

  lines.forEach((_, n) => {
    const allowedHere = lost.allowed[n]!;
    const { confirmed, secondary } = allowedHere;
    if (confirmed.length + secondary.length === 0) return;
    let memo = perAllowed.get(allowedHere);
    if (!memo) perAllowed.set(allowedHere, (memo = { usable: [], decided: new Map() }));
    const { usable, decided } = memo;
    const allowed = [...confirmed, ...secondary];
    const fits = (c: Candidate) => c.seqs.every((s) => allowed.includes(s));
    let english: boolean | undefined;
    for (let i = doc.lineFirst[n]!; i < doc.lineFirst[n + 1]!; i++) {
      const id = doc.type[i]!;
      const unknown = isUnknownAt(doc, i);
      if (!unknown && !maybeDamagedAt(doc, i)) continue;
      // Derived forms are tried for common words only, not for names ("Bendibane") or capitals.
      const plain = shapeAt(doc, i) === 'lower' || (shapeAt(doc, i) === 'capital' && (doc.flags[i]! & 4) !== 0);
      const slot = 4 * id + (unknown ? 2 : 0) + (plain ? 1 : 0);
      let cands = usable[slot];
      if (!cands) {
        const found = unknown ? unknownCandidates(id) : knownCandidates(id);
        cands = found.filter(fits);
        const lower = doc.byId[id]!.lower;
        if (unknown && cands.length === 0 && lower.length >= 6 && plain) cands = (derivedCache[id] ??= derivedCandidates(lex, lower, docConfirmed)).filter(fits);
        usable[slot] = cands;
      }
      if (cands.length === 0) {
        const info = doc.byId[id]!.info;
        if (unknown && confirmed.length && shapeAt(doc, i) === 'lower' && doc.byId[id]!.lower.length >= 4 && !info.en && !info.frRank) {
          unresolved.add(lines[n]!.slice(doc.start[i]!, doc.end[i]!));
        }
        continue;
      }
      if (!unknown) {
        const p = pieceAt(doc, i);
        const v = judgeKnown(p, cands, doc, lex, confirmed);
        if (v) known.push({ p, v });
        continue;
      }
      english ??= isEnglishLine(doc, n);
      const key = id * 16 + (doc.flags[i]! & 7) * 2 + (english ? 1 : 0);
      let pick = decided.get(key);
      if (pick === undefined) {
        pick = decideUnknown(pieceAt(doc, i), cands, doc, lex, english, confirmed);
        decided.set(key, pick);
      }
      if (pick === 'unsure') unresolved.add(lines[n]!.slice(doc.start[i]!, doc.end[i]!));
      else if (pick) accept(i, pick);
    }
  });
  // A known word is changed where its occurrence has the evidence, or everywhere when most of
  // its occurrences sit where the candidate belongs (a proofreader reading "la lue contre",
  // "de lue contre", then "Lue contre la traite" as a title).
  const support = new Map<string, { n: number; ctx: number }>();
  for (const { p, v } of known) {
    const s = support.get(p.lower) ?? { n: 0, ctx: 0 };
    s.n++;
    if (v.contextual) s.ctx++;
    support.set(p.lower, s);
  }
  for (const { p, v } of known) {
    const s = support.get(p.lower)!;
    const byType = s.ctx >= 2 && 2 * s.ctx >= s.n;
    if (v.ok || byType) {
      const pick = knownPick(v, !v.ok);
      fixes.push({ line: p.line, start: p.start, end: p.end, before: p.text, after: applyCase(pick.word, p.text), confidence: pick.confidence });
      for (const x of pick.seqs) used.add(x);
    }
  }
  const lostSequences = opts.lost ? [...opts.lost] : LIGATURE_SEQUENCES.filter((s) => lost.confirmed.includes(s) || used.has(s));
  return { fixes, unresolved: [...unresolved], lostSequences };
}

/** The fix as a plain function of text: lost sequences given or inferred from the text itself. */
export function restoreLostLigatures(text: string, lex: Lexicon, lost?: string[]): string {
  const lines = text.split('\n');
  const plan = planLigatureRepairs(lines, lex, { lost });
  return applyWordFixes(lines, plan.fixes).join('\n');
}

/** Applies fixes (offsets in the original lines); each changed line is rebuilt once. */
export function applyWordFixes(lines: readonly string[], fixes: readonly WordFix[]): string[] {
  const out = [...lines];
  const sorted = [...fixes].sort((a, b) => a.line - b.line || a.start - b.start);
  for (let i = 0; i < sorted.length; ) {
    const n = sorted[i]!.line;
    const line = lines[n]!;
    const parts: string[] = [];
    let at = 0;
    for (; i < sorted.length && sorted[i]!.line === n; i++) {
      const f = sorted[i]!;
      parts.push(line.slice(at, f.start), f.after);
      at = f.end;
    }
    parts.push(line.slice(at));
    out[n] = parts.join('');
  }
  return out;
}
