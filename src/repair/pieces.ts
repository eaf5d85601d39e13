// The words of a document as the ligature stage sees them: each hyphen-free piece of a token,
// with its neighbours, plus the document's own vocabulary and word pairs (a proofreader's memory).
// Stored column-wise in typed arrays: a 10 MB document has ~1.7 M words, and one object per
// word would cost more in garbage collection than all the repair logic.
import type { Lexicon, WordInfo } from './lexicon.js';
import { elisionOf, isFrozen, lowerKey, nextWord, nonLatin, protectedSpans, wordEnd, type CaseShape } from './tokens.js';

export interface WordType {
  id: number;
  lower: string;
  info: WordInfo;
  count: number;
}

/** One word in context, made on demand for the few words a decision looks at. */
export interface Piece {
  line: number;
  /** Offsets in the line. */
  start: number;
  end: number;
  text: string;
  lower: string;
  shape: CaseShape;
  info: WordInfo;
  /** Neighbouring words in the same clause ("" at a boundary); an elision counts: "l'". */
  prev: string;
  next: string;
  /** The word before `prev` in the same clause, or "". */
  prev2: string;
  /** First word of a sentence or block: a capital there says nothing about proper nouns. */
  sentenceStart: boolean;
}

export interface DocWords {
  lines: readonly string[];
  types: Map<string, WordType>;
  byId: WordType[];
  /** Words: count, and per word its line, offsets, type, previous/next type (-1: boundary). */
  size: number;
  line: Int32Array;
  start: Int32Array;
  end: Int32Array;
  type: Int32Array;
  prev: Int32Array;
  next: Int32Array;
  /** Bits 0-1: shape (SHAPES index); bit 2: sentence start. */
  flags: Uint8Array;
  /** First word index of each line; lineFirst[lines.length] = size. */
  lineFirst: Int32Array;
  /** Hyphenated tokens (lower case) -> count. */
  compounds: Map<string, number>;
}

const SHAPES: CaseShape[] = ['lower', 'capital', 'upper', 'mixed'];
const LETTERS = /^[\p{L}\p{M}'’]+$/u;
const BOUNDARY_BEFORE = '.!?:•«"(-–—';

function shapeOf(text: string, lower: string): number {
  if (text === lower) return 0;
  if (text.length > 1 && text === text.toUpperCase()) return 2;
  return text.slice(1) === lower.slice(1) ? 1 : 3;
}

/** What a written word (elision removed) comes to; cached, as a document repeats its words. */
interface Written {
  /** Pieces: one, or one per hyphen-separated part of an unknown compound; null = boundary. */
  parts: Array<{ offset: number; length: number; type: WordType; shape: number } | null>;
  /** Lower-case whole form, for hyphenated tokens (counted as compounds). */
  compound: string | null;
}

/** A paragraph cut by a line break: the line ends with a letter or comma, the next starts in lower case. */
function continuesFrom(prev: string, line: string): boolean {
  let k = prev.length - 1;
  while (k >= 0 && (prev[k] === ' ' || prev[k] === '\t')) k--;
  if (k < 0 || !(prev[k] === ',' || LETTER.test(prev[k]!))) return false;
  let j = 0;
  while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
  return j < line.length && LOWER.test(line[j]!);
}

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

export function collectWords(lines: readonly string[], lex: Lexicon): DocWords {
  const types = new Map<string, WordType>();
  const byId: WordType[] = [];
  const typeOf = (lower: string) => {
    let t = types.get(lower);
    if (!t) {
      t = { id: byId.length, lower, info: lex.info(lower), count: 0 };
      types.set(lower, t);
      byId.push(t);
    }
    return t;
  };
  const written = new Map<string, Written>();
  const writtenOf = (word: string): Written => {
    let w = written.get(word);
    if (w) return w;
    const lower = lowerKey(word);
    const hyphenated = word.includes('-') || word.includes('\u2010');
    if (!hyphenated || lex.has(lower)) {
      w = { parts: [{ offset: 0, length: word.length, type: typeOf(lower), shape: shapeOf(word, word.toLowerCase()) }], compound: hyphenated ? lower : null };
    } else {
      let offset = 0;
      w = {
        parts: word.split(/[-\u2010]/).map((part) => {
          const piece = LETTERS.test(part) ? { offset, length: part.length, type: typeOf(lowerKey(part)), shape: shapeOf(part, part.toLowerCase()) } : null;
          offset += part.length + 1;
          return piece;
        }),
        compound: lower,
      };
    }
    written.set(word, w);
    return w;
  };
  // About one word per 6 characters of French: start near the size needed, grow if not.
  let cap = Math.max(1024, Math.ceil(lines.reduce((k, l) => k + l.length, 0) / 5));
  let arr = { line: new Int32Array(cap), start: new Int32Array(cap), end: new Int32Array(cap), type: new Int32Array(cap), prev: new Int32Array(cap), next: new Int32Array(cap), flags: new Uint8Array(cap) };
  const grow = () => {
    cap *= 2;
    const g = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    arr = { line: g(arr.line), start: g(arr.start), end: g(arr.end), type: g(arr.type), prev: g(arr.prev), next: g(arr.next), flags: g(arr.flags) };
  };
  const lineFirst = new Int32Array(lines.length + 1);
  const compounds = new Map<string, number>();
  let size = 0;

  // Context runs on across a line break inside a paragraph ("an" / "d’assurer" on the next line):
  // when a line ends with a letter or comma and the next starts with a lower-case letter.
  let prevId = -1; // previous clause word's type, -1 at a boundary
  let waiting = -1; // index of the word waiting for its next word
  const word = (id: number, index: number) => {
    if (waiting >= 0) arr.next[waiting] = id;
    prevId = id;
    waiting = index;
  };
  lines.forEach((line, n) => {
    lineFirst[n] = size;
    const continues = n > 0 && continuesFrom(lines[n - 1]!, line);
    if (!continues) prevId = waiting = -1;
    const spans = protectedSpans(line);
    let lastEnd = 0;
    for (let start = nextWord(line, 0); start >= 0; start = nextWord(line, lastEnd)) {
      const end = wordEnd(line, start);
      const text = line.slice(start, end);
      for (let k = lastEnd; k < start; k++) {
        const c = line.charCodeAt(k);
        if (c !== 32 && c !== 9 && c !== 39 && c !== 0x2019 && c !== 45) {
          prevId = waiting = -1;
          break;
        }
      }
      lastEnd = end;
      if (isFrozen(line, start, end, spans) || nonLatin(text)) {
        prevId = waiting = -1;
        continue;
      }
      const prefix = elisionOf(text);
      if (prefix) word(typeOf(lowerKey(prefix)).id, -1);
      const w = writtenOf(prefix ? text.slice(prefix.length) : text);
      if (w.compound) compounds.set(w.compound, (compounds.get(w.compound) ?? 0) + 1);
      const base = start + prefix.length;
      for (const part of w.parts) {
        if (!part) {
          prevId = waiting = -1;
          continue;
        }
        part.type.count++;
        if (size === cap) grow();
        const i = size++;
        const at = base + part.offset;
        arr.line[i] = n;
        arr.start[i] = at;
        arr.end[i] = at + part.length;
        arr.type[i] = part.type.id;
        arr.prev[i] = prevId;
        arr.next[i] = -1;
        let sentenceStart = false;
        if (prevId < 0) {
          let k = at - 1;
          while (k >= 0 && (line[k] === ' ' || line[k] === '\t')) k--;
          let j = k;
          while (j >= 0 && line[j] !== ' ' && line[j] !== '\t') j--;
          // After punctuation, or after a number or list mark ("1.a Mettre", "2014 Le").
          sentenceStart = (k < 0 && !continues) || BOUNDARY_BEFORE.includes(line[k]!) || /\d/.test(line.slice(j + 1, k + 1));
        }
        arr.flags[i] = part.shape | (sentenceStart ? 4 : 0);
        word(part.type.id, i);
      }
    }
  });
  lineFirst[lines.length] = size;
  return { lines, types, byId, size, ...arr, lineFirst, compounds };
}

export function shapeAt(doc: DocWords, i: number): CaseShape {
  return SHAPES[doc.flags[i]! & 3]!;
}

export function pieceAt(doc: DocWords, i: number): Piece {
  const t = doc.byId[doc.type[i]!]!;
  const line = doc.line[i]!;
  const prev = doc.prev[i]!;
  const next = doc.next[i]!;
  return {
    line,
    start: doc.start[i]!,
    end: doc.end[i]!,
    text: doc.lines[line]!.slice(doc.start[i]!, doc.end[i]!),
    lower: t.lower,
    shape: shapeAt(doc, i),
    info: t.info,
    prev: prev >= 0 ? doc.byId[prev]!.lower : '',
    next: next >= 0 ? doc.byId[next]!.lower : '',
    sentenceStart: (doc.flags[i]! & 4) !== 0,
    prev2: prev >= 0 && i > 0 && doc.type[i - 1] === prev && doc.prev[i - 1]! >= 0 ? doc.byId[doc.prev[i - 1]!]!.lower : '',
  };
}
