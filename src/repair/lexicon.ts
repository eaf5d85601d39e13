// The word lexicon used by repair: membership, prefix tests and frequency ranks.
//
// Loading: dist/repair/lexicon.js reads ../lexicon.bin (written by `npm run build`, see
// scripts/build-lexicon.mjs). When vitest runs src/repair/lexicon.ts it uses dist/lexicon.bin if
// a build left one, else builds the lexicon in memory from the word-list packages (~1.5 s).
// Only src/repair imports this module, and only index.ts calls loadLexicon().
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { FLAG_EN, FLAG_FEM, FLAG_FR, FLAG_FRFREQ, FLAG_MASC, FLAG_NAME, buildLexiconData, decodeLexicon, type LexiconData } from './lexicon-build.js';

export interface WordInfo {
  /** Lower-case form looked up. */
  word: string;
  fr: boolean;
  en: boolean;
  name: boolean;
  /** In the French frequency lists (many place names are only there). */
  frFreq: boolean;
  /** 1-based rank in the French / English frequency lists, 0 when unranked. */
  frRank: number;
  enRank: number;
  /** A noun's gender (Lefff): "m", "f", "mf" (both, "un/une élève") or "" (no noun). */
  gender: '' | 'm' | 'f' | 'mf';
}

const NONE: Omit<WordInfo, 'word'> = { fr: false, en: false, name: false, frFreq: false, frRank: 0, enRank: 0, gender: '' };
const GENDERS = ['', 'm', 'f', 'mf'] as const;

export class Lexicon {
  readonly size: number;
  private readonly cache = new Map<string, WordInfo>();
  private longest = -1;

  constructor(
    private readonly data: LexiconData,
    /** Where it came from ("dist/lexicon.bin" or "packages") and how long loading took. */
    readonly source: string,
    readonly loadMs: number,
  ) {
    this.size = data.flags.length;
  }

  /** Compares `w` with word i: <0, 0 or >0, in code-unit order (the build's sort order). */
  private compare(w: string, i: number): number {
    const { text, offsets } = this.data;
    const start = offsets[i]!;
    const len = offsets[i + 1]! - start - 1;
    const m = Math.min(len, w.length);
    for (let k = 0; k < m; k++) {
      const d = w.charCodeAt(k) - text.charCodeAt(start + k);
      if (d !== 0) return d;
    }
    return w.length - len;
  }

  /** Index of the first word >= w. */
  private lowerBound(w: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(w, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private startsWith(i: number, prefix: string): boolean {
    const { text, offsets } = this.data;
    const start = offsets[i]!;
    if (offsets[i + 1]! - start - 1 < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (text.charCodeAt(start + k) !== prefix.charCodeAt(k)) return false;
    return true;
  }

  /** Looks up a lower-case word (memoized: documents repeat their words). */
  info(word: string): WordInfo {
    let hit = this.cache.get(word);
    if (hit) return hit;
    const i = this.lowerBound(word);
    if (i < this.size && this.compare(word, i) === 0) {
      const f = this.data.flags[i]!;
      hit = {
        word,
        fr: (f & FLAG_FR) !== 0,
        en: (f & FLAG_EN) !== 0,
        name: (f & FLAG_NAME) !== 0,
        frFreq: (f & FLAG_FRFREQ) !== 0,
        frRank: this.data.frRank[i]!,
        enRank: this.data.enRank[i]!,
        gender: GENDERS[((f & FLAG_MASC) ? 1 : 0) + ((f & FLAG_FEM) ? 2 : 0)]!,
      };
    } else hit = { word, ...NONE };
    if (this.cache.size < 500_000) this.cache.set(word, hit);
    return hit;
  }

  /** Length of the longest word, in UTF-16 code units (computed on first use). */
  get maxLength(): number {
    if (this.longest < 0) {
      const { offsets } = this.data;
      let m = 0;
      for (let i = 0; i < this.size; i++) m = Math.max(m, offsets[i + 1]! - offsets[i]! - 1);
      this.longest = m;
    }
    return this.longest;
  }

  has(word: string): boolean {
    const i = this.lowerBound(word);
    return i < this.size && this.compare(word, i) === 0;
  }

  /** The character of word i at `depth`, or -1 past its end (a shorter word sorts first). */
  private charAt(i: number, depth: number): number {
    const start = this.data.offsets[i]!;
    return depth < this.data.offsets[i + 1]! - start - 1 ? this.data.text.charCodeAt(start + depth) : -1;
  }

  /**
   * Walks the sorted list like a trie: of the words [lo, hi), which share their first `depth`
   * characters, those whose next character is `code`. Returns [lo', hi'), empty when lo' = hi'.
   */
  narrow(lo: number, hi: number, depth: number, code: number): [number, number] {
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.charAt(mid, depth) < code) a = mid + 1;
      else b = mid;
    }
    let c = a;
    b = hi;
    while (c < b) {
      const mid = (c + b) >>> 1;
      if (this.charAt(mid, depth) <= code) c = mid + 1;
      else b = mid;
    }
    return [a, c];
  }

  /** Word i itself if its length is `depth` (the first of a narrowed range may be), else null. */
  wordIfLength(i: number, depth: number): string | null {
    const start = this.data.offsets[i]!;
    return this.data.offsets[i + 1]! - start - 1 === depth ? this.data.text.slice(start, start + depth) : null;
  }

  /** Word i (for scans over the whole list, such as the accent index). */
  wordAt(i: number): string {
    const { text, offsets } = this.data;
    return text.slice(offsets[i]!, offsets[i + 1]! - 1);
  }

  /** Word i is in the French list, or ranked in the French frequency lists. */
  frenchAt(i: number): boolean {
    return (this.data.flags[i]! & FLAG_FR) !== 0 || this.data.frRank[i]! > 0;
  }

  /** True when some lexicon word starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    const i = this.lowerBound(prefix);
    return i < this.size && this.startsWith(i, prefix);
  }
}

let loaded: Lexicon | undefined;

/** The lexicon file next to the compiled module: dist/repair/lexicon.js -> dist/lexicon.bin. */
export const LEXICON_URL = new URL('../lexicon.bin', import.meta.url);
// When this module runs from src/ (vitest), a built dist/lexicon.bin is used if there is one.
const FROM_SOURCE_URL = new URL('../../dist/lexicon.bin', import.meta.url);

function readLexiconFile(url: URL): LexiconData | null {
  try {
    return decodeLexicon(readFileSync(url));
  } catch (err) {
    // Missing, or written by another version of the format: build instead.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || /lexicon file/.test((err as Error).message)) return null;
    throw err;
  }
}

/**
 * The lexicon, loaded once per process: dist/lexicon.bin (~20 ms), else built in memory from
 * the word-list packages (~1.5 s; what tests get when nothing was built).
 */
export function loadLexicon(): Lexicon {
  if (loaded) return loaded;
  const t0 = performance.now();
  let data = readLexiconFile(LEXICON_URL);
  let source = 'dist/lexicon.bin';
  if (!data && import.meta.url.includes('/src/')) data = readLexiconFile(FROM_SOURCE_URL);
  if (!data) {
    data = buildLexiconData();
    source = 'packages';
  }
  loaded = new Lexicon(data, source, performance.now() - t0);
  return loaded;
}
