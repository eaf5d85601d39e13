// Which ligature sequences did this document lose? A sequence is lost where many unknown words
// become words by putting it back while words that contain it are (almost) absent. Decided per
// line too, because one document can mix damaged and intact parts (seed 003: a damaged
// paragraph, then the same text clean).
import { LIGATURE_SEQUENCES, type Candidate } from './candidates.js';
import { shapeAt, type DocWords } from './pieces.js';
import type { WordInfo } from './lexicon.js';
import type { CaseShape } from './tokens.js';

export interface LostSequences {
  /** Lost with evidence: at least two distinct unknown words repaired by it alone. */
  confirmed: string[];
  /** Drawn by the same font as a confirmed one ("fi" beside "ff") and never seen intact where
   *  that one is lost: treated as confirmed. */
  sameFont: string[];
  /** Not confirmed, but never seen intact where the confirmed ones are lost (seed 003 loses
   *  "tt" as well as "ti", yet its only "tt" word, "lue", is itself a word). Used only with
   *  context evidence, and reported only if used. */
  secondary: string[];
  /** Per line, the sequences that may be put back there (confirmed includes sameFont). */
  allowed: Array<{ confirmed: string[]; secondary: string[] }>;
}

/** A piece the inference may count: letters, not a known French word, not a name in capitals. */
export function isUnknown(info: WordInfo, length: number, shape: CaseShape, sentenceStart: boolean): boolean {
  if (info.fr || shape === 'mixed' || length < 2 || ROMAN.test(info.word)) return false;
  if (shape === 'upper' && length < 5) return false; // acronyms
  if (shape !== 'lower' && !sentenceStart && (info.name || info.frFreq)) return false;
  return true;
}

/** Whether word i of the document is unknown (see isUnknown), without making a Piece. */
export function isUnknownAt(doc: DocWords, i: number): boolean {
  const t = doc.byId[doc.type[i]!]!;
  if (t.info.fr) return false;
  // An English word next to another English word is English ("Opportunities to Reinforce"),
  // while "mere" between French words is "mettre" damaged.
  // So is a very common English word on its own ("at", "the").
  if (englishOnly(t.info) && (t.info.enRank <= 1000 || englishOnlyId(doc, doc.prev[i]!) || englishOnlyId(doc, doc.next[i]!))) return false;
  return isUnknown(t.info, t.lower.length, shapeAt(doc, i), (doc.flags[i]! & 4) !== 0);
}

const englishOnly = (info: WordInfo) => info.en && info.enRank > 0 && !info.fr;
const englishOnlyId = (doc: DocWords, id: number) => id >= 0 && englishOnly(doc.byId[id]!.info);

/** Ligatures a font draws as one glyph, lost together when its text layer cannot map them. */
const FAMILY: Record<string, string> = { ti: 't', tt: 't', ff: 'f', fi: 'f', fl: 'f', ffi: 'f', ffl: 'f', ft: 'ft', st: 'st' };

// Roman numerals ("ii", "xiv") are numbers, not damaged words.
const ROMAN = /^(?=[ivxlcdm]{2,}$)m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

const NONE: number[] = [];

// Intact words at or below this share of the repairable ones still let a line count as damaged.
const INTACT_SHARE = 1 / 3;

export function inferLostSequences(
  doc: DocWords,
  candidatesOf: (lower: string) => Candidate[],
  french: (word: string) => boolean,
  forced?: readonly string[],
): LostSequences {
  const lines = doc.lines;
  const L = lines.length;
  const seqs = forced ?? LIGATURE_SEQUENCES;
  const S = seqs.length;
  // Per line and sequence k (at n * S + k): intact words with it; unknown words it alone repairs
  // (distinct per line: a set of types, kept only for lines that have any).
  const intact = new Uint32Array(L * S);
  const fixableTypes: Array<Array<Set<number>> | undefined> = new Array(L);
  // Per word type: the sequences it contains (by shape) / the one that alone repairs it.
  const contained: number[][] = [];
  const repairedBy = new Map<number, number>();
  for (let n = 0; n < L; n++) {
    for (let i = doc.lineFirst[n]!; i < doc.lineFirst[n + 1]!; i++) {
      const id = doc.type[i]!;
      const lower = doc.byId[id]!.lower;
      // Ligatures are lower-case glyphs: "Financé" shows no intact "fi", "FIN" neither.
      const shape = doc.flags[i]! & 3;
      const slot = shape === 0 ? 2 * id : shape === 1 ? 2 * id + 1 : -1;
      let has = slot < 0 ? NONE : contained[slot];
      if (!has) {
        const key = shape === 0 ? lower : lower.slice(1);
        has = [];
        for (let k = 0; k < S; k++) if (key.includes(seqs[k]!)) has.push(k);
        contained[slot] = has;
      }
      for (const k of has) intact[n * S + k]!++;
      if (!isUnknownAt(doc, i)) continue;
      let by = repairedBy.get(id);
      if (by === undefined) {
        // French candidates first: "eet" is "effet" (ff), not the English "fleet" (fl).
        const all = candidatesOf(lower);
        const fr = all.filter((c) => french(c.word));
        const ks = new Set<number>();
        for (const c of fr.length ? fr : all) {
          const k = seqs.indexOf(c.seqs[0]!);
          ks.add(k >= 0 && c.seqs.every((x) => x === seqs[k]) ? k : -1);
        }
        // Only a word that one sequence alone repairs is evidence: "to" -> "tito", "toff" is not.
        by = ks.size === 1 ? [...ks][0]! : -1;
        repairedBy.set(id, by);
      }
      if (by < 0) continue;
      const sets = (fixableTypes[n] ??= seqs.map(() => new Set<number>()));
      sets[by]!.add(id);
    }
  }
  const intactAt = (n: number, k: number) => intact[n * S + k]!;
  const fixableAt = (n: number, k: number) => fixableTypes[n]?.[k]!.size ?? 0;
  /** Sequence k may have been lost on line n: intact words with it are few beside repairable ones. */
  const lostOn = (n: number, k: number) => intactAt(n, k) <= INTACT_SHARE * fixableAt(n, k);

  const all = seqs.map((_, k) => k);
  let confirmed: number[];
  if (forced) confirmed = all;
  else {
    const types = seqs.map(() => new Set<number>());
    const seen = new Uint32Array(S);
    for (let n = 0; n < L; n++) {
      for (let k = 0; k < S; k++) {
        seen[k]! += intactAt(n, k);
        if (fixableAt(n, k) > 0 && lostOn(n, k)) for (const id of fixableTypes[n]![k]!) types[k]!.add(id);
      }
    }
    const familyTypes = (k: number) => all.filter((x) => FAMILY[seqs[x]!] === FAMILY[seqs[k]!]).reduce((sum, x) => sum + types[x]!.size, 0);
    confirmed = all.filter((k) => {
      if (types[k]!.size >= 2) return true;
      // One word is enough when the font's other ligatures are lost too ("ffi" beside "fi", "ff"),
      // or in a short text (a title, a table cell) that shows nothing else.
      return types[k]!.size === 1 && seen[k] === 0 && (familyTypes(k) >= 2 || doc.size < 40);
    });
  }
  // Lines that are evidence: a confirmed sequence repairs words there and is not seen intact.
  const evidence = new Uint8Array(L);
  for (let n = 0; n < L; n++) evidence[n] = confirmed.some((k) => fixableAt(n, k) > 0 && lostOn(n, k)) ? 1 : 0;
  // Sequences never seen intact on those lines: drawn by the same font as a confirmed one, or not.
  const unseen = forced ? [] : all.filter((k) => !confirmed.includes(k) && lines.every((_, n) => intactAt(n, k) === 0 || !evidence[n]));
  const sameFont = unseen.filter((k) => confirmed.some((c) => FAMILY[seqs[c]!] === FAMILY[seqs[k]!]));
  const secondary = unseen.filter((k) => !sameFont.includes(k));

  // Per line, as a bit mask (bit k: confirmed or same font; bit S + k: secondary), shared by all
  // lines with the same mask. A line where a confirmed sequence may be put back has few intact
  // words with it (lines of a clean region, full of intact "ti", have none: seed 003's second half).
  const shared = new Map<number, { confirmed: string[]; secondary: string[] }>();
  const allowed = new Array<{ confirmed: string[]; secondary: string[] }>(L);
  for (let n = 0; n < L; n++) {
    let mask = 0;
    for (const k of confirmed) if (forced || lostOn(n, k)) mask |= 1 << k;
    if (mask !== 0) {
      for (const k of sameFont) if (intactAt(n, k) === 0) mask |= 1 << k;
      for (const k of secondary) if (intactAt(n, k) === 0) mask |= 1 << (S + k);
    }
    let a = shared.get(mask);
    if (!a) {
      a = { confirmed: seqs.filter((_, k) => mask & (1 << k)), secondary: seqs.filter((_, k) => mask & (1 << (S + k))) };
      shared.set(mask, a);
    }
    allowed[n] = a;
  }
  const names = (ks: number[]) => ks.map((k) => seqs[k]!);
  return { confirmed: names(confirmed), sameFont: names(sameFont), secondary: names(secondary), allowed };
}
