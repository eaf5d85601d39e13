// Shared text helpers for the normalize stage: folding (case, accents, apostrophes,
// ligatures), tokenizing with offsets into the original text, and a phrase index that
// finds the longest known name at a token position, tolerant of the hyphenation that
// PDF extraction leaves inside words ("Euro-péenne", "Oc- tobre", "fi-\nnancé").
// Pure and synchronous; nothing is built at import time but a 64 KB table of character classes.

const ASCII_RE = /^[\x00-\x7f]*$/;

/** Fold one string for comparison: NFKD, no combining marks, lowercase, œ/æ/ß spelled out. */
export function foldText(s: string): string {
  // ASCII (most words, often whole texts): NFKD and the mark, ligature and apostrophe rules leave
  // it as it is, but for the backquote.
  if (ASCII_RE.test(s)) {
    const lower = s.toLowerCase();
    return lower.includes('`') ? lower.replace(/`/g, "'") : lower;
  }
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´ʼ′]/g, "'");
}

/** Collapse whitespace (including NBSP and narrow NBSP) and trim. */
export function collapseWs(s: string): string {
  return s.replace(/[\s\u00a0\u202f\u2007]+/g, ' ').trim();
}

/**
 * The folded tokens of a phrase, without offsets: the same tokens as tokenize(s).map(t => t.t)
 * for names, at a fraction of the cost (used to build indexes).
 */
export function phraseTokens(s: string): string[] {
  return foldText(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Fold to a comparison key: folded tokens (letters and digits) joined by single spaces. */
export function foldKey(s: string): string {
  return phraseTokens(s).join(' ');
}

export interface Tok {
  /** Folded token. */
  t: string;
  /** Start offset in the original text. */
  s: number;
  /** End offset (exclusive) in the original text. */
  e: number;
  /** First character is upper case in the original. */
  cap: boolean;
  /** Every letter is upper case in the original (and it has letters). */
  upper: boolean;
}

// A token is /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/u: a letter or digit, then letters, marks and digits.
// Scanned by hand over code points (no match object per token), with each character's class
// looked up once: 1 = letter or digit (starts or continues a token), 2 = mark (continues one).
const START_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;
const bmpClass = new Uint8Array(0x10000); // 0 = not looked up yet, 3 = neither
const astralClass = new Map<number, number>();
for (let c = 0; c < 0x80; c++) bmpClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 3;

function classOf(cp: number): number {
  let k = cp < 0x10000 ? bmpClass[cp]! : astralClass.get(cp) ?? 0;
  if (k === 0) {
    const ch = String.fromCodePoint(cp);
    k = START_RE.test(ch) ? 1 : MARK_RE.test(ch) ? 2 : 3;
    if (cp < 0x10000) bmpClass[cp] = k;
    else astralClass.set(cp, k);
  }
  return k;
}

/** Folded form and case of non-ASCII tokens: a document repeats its words. Cleared when large. */
const tokenInfo = new Map<string, { t: string; cap: boolean; upper: boolean }>();
const MAX_TOKEN_INFO = 20_000;

/** The tokens of a text with their offsets. */
export function tokenize(text: string): Tok[] {
  return tokenizeText(text);
}

function tokenizeText(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    // Surrogate pair: one code point (as the /u regex reads it); a lone surrogate is no letter.
    let cp = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? text.codePointAt(i)! : c;
    if ((c < 0x80 ? bmpClass[c]! : classOf(cp)) !== 1) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const s = i;
    let ascii = true;
    let lower = 0;
    let upper = 0;
    for (;;) {
      if (c < 0x80) {
        if (c >= 97) lower++;
        else if (c >= 65) upper++;
      } else ascii = false;
      i += cp > 0xffff ? 2 : 1;
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c < 0x80) {
        if (bmpClass[c] !== 1) break;
        cp = c;
      } else {
        cp = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? text.codePointAt(i)! : c;
        if (classOf(cp) === 3) break;
      }
    }
    const orig = text.slice(s, i);
    if (ascii) {
      // ASCII letters and digits: the folded form is the lower case.
      const c0 = orig.charCodeAt(0);
      out.push({ t: upper ? orig.toLowerCase() : orig, s, e: i, cap: c0 >= 65 && c0 <= 90, upper: upper > 0 && lower === 0 });
      continue;
    }
    let info = tokenInfo.get(orig);
    if (info === undefined) {
      if (tokenInfo.size >= MAX_TOKEN_INFO) tokenInfo.clear();
      const first = orig[0]!;
      const hasLetters = orig.toLowerCase() !== orig.toUpperCase();
      info = { t: foldText(orig), cap: first !== first.toLowerCase(), upper: hasLetters && orig === orig.toUpperCase() };
      tokenInfo.set(orig, info);
    }
    out.push({ t: info.t, s, e: i, cap: info.cap, upper: info.upper });
  }
  return out;
}

/** The characters between token i and token i+1. */
export function sepAfter(text: string, toks: Tok[], i: number): string {
  const a = toks[i];
  const b = toks[i + 1];
  if (!a) return '';
  return text.slice(a.e, b ? b.s : text.length);
}

/** The characters before token i (from the previous token, or the start of the text). */
export function sepBefore(text: string, toks: Tok[], i: number): string {
  const b = toks[i];
  if (!b) return '';
  const a = toks[i - 1];
  return text.slice(a ? a.e : 0, b.s);
}

/** A hyphen (possibly followed by whitespace or a line break) joining two word halves. */
const HYPHEN_JOINT_RE = /^[-\u2010\u2011\u00ad]\s*$/;

export function isHyphenJoint(text: string, toks: Tok[], i: number): boolean {
  const a = toks[i];
  const b = toks[i + 1];
  if (!a || !b || b.s === a.e) return false;
  const c = text.charCodeAt(a.e);
  if (c !== 0x2d && c !== 0x2010 && c !== 0x2011 && c !== 0xad) return false;
  return HYPHEN_JOINT_RE.test(text.slice(a.e, b.s));
}

/** Separators a multi-word name may not span: sentence ends, brackets, quotes, colons. */
const HARD_SEP_RE = /[;:!?()[\]{}«»"“”•]|\.\s|\n\s*\n/;

export function isHardSep(sep: string): boolean {
  return HARD_SEP_RE.test(sep);
}

export interface PhraseOptions {
  /** May be found in running text (default true). Codes ("MA", "ES") are whole-string only. */
  textOk?: boolean;
  /** In running text, every token must be written in upper case (acronyms: "UE", "CE", "US"). */
  upper?: boolean;
  /** In running text, the first token must be capitalised (short names that are also words). */
  cap?: boolean;
}

interface Entry<V> {
  value: V;
  phrase: string;
  textOk: boolean;
  upper: boolean;
  cap: boolean;
}

interface Node<V> {
  next: Map<string, Node<V>>;
  entry?: Entry<V>;
}

export interface PhraseMatch<V> {
  value: V;
  phrase: string;
  /** Token index of the first token. */
  from: number;
  /** Token index after the last token. */
  to: number;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

export type MatchMode = 'text' | 'whole';

/**
 * A trie of folded token sequences. `longestAt` finds the longest phrase starting at a token,
 * allowing two or three tokens joined by a hyphen to stand for one word.
 */
export class PhraseIndex<V> {
  private root: Node<V> = { next: new Map() };
  private size = 0;

  /** Adds a phrase; the first value added for a phrase wins. */
  add(phrase: string, value: V, opts: PhraseOptions = {}): void {
    const toks = phraseTokens(phrase);
    if (toks.length === 0) return;
    let node = this.root;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) {
        n = { next: new Map() };
        node.next.set(t, n);
      }
      node = n;
    }
    if (node.entry) {
      // Same phrase again: keep the first value, but let a looser text rule win.
      if (node.entry.value === value) {
        node.entry.textOk ||= opts.textOk ?? true;
        node.entry.upper &&= opts.upper ?? false;
        node.entry.cap &&= opts.cap ?? false;
      }
      return;
    }
    node.entry = {
      value,
      phrase,
      textOk: opts.textOk ?? true,
      upper: opts.upper ?? false,
      cap: opts.cap ?? false,
    };
    this.size++;
  }

  get count(): number {
    return this.size;
  }

  longestAt(text: string, toks: Tok[], i: number, mode: MatchMode): PhraseMatch<V> | null {
    // Most tokens start no phrase: neither the token nor a hyphen-joined word starting with it.
    if (i < toks.length && !this.root.next.has(toks[i]!.t) && !isHyphenJoint(text, toks, i)) return null;
    let best: { entry: Entry<V>; to: number } | null = null;
    const n = toks.length;
    const visit = (node: Node<V>, j: number, allUpper: boolean) => {
      if (node.entry && j > i) {
        const e = node.entry;
        const ok =
          mode === 'whole' || (e.textOk && (!e.upper || allUpper) && (!e.cap || toks[i]!.cap || toks[i]!.upper));
        if (ok && (!best || j > best.to)) best = { entry: e, to: j };
      }
      if (j >= n) return;
      if (j > i) {
        const sep = sepAfter(text, toks, j - 1);
        // "U.S. Department": a dot after a single letter is an abbreviation, not a sentence end.
        if (isHardSep(sep) && !(toks[j - 1]!.t.length === 1 && /^\.\s+$/.test(sep))) return;
      }
      const tj = toks[j]!;
      // One token.
      const n1 = node.next.get(tj.t);
      if (n1) visit(n1, j + 1, allUpper && tj.upper);
      // Two or three tokens joined by hyphens: "euro-peenne", "re-integra-tion".
      let joined = tj.t;
      let up = allUpper && tj.upper;
      for (let k = j; k < j + 2 && k + 1 < n && isHyphenJoint(text, toks, k); k++) {
        const next = toks[k + 1]!;
        joined += next.t;
        up = up && next.upper;
        const nj = node.next.get(joined);
        if (nj) visit(nj, k + 2, up);
      }
    };
    visit(this.root, i, true);
    if (!best) return null;
    const b = best as { entry: Entry<V>; to: number };
    return {
      value: b.entry.value,
      phrase: b.entry.phrase,
      from: i,
      to: b.to,
      start: toks[i]!.s,
      end: toks[b.to - 1]!.e,
    };
  }

  /** Every non-overlapping longest match, left to right. */
  findAll(text: string, toks: Tok[] = tokenize(text), mode: MatchMode = 'text'): PhraseMatch<V>[] {
    const out: PhraseMatch<V>[] = [];
    for (let i = 0; i < toks.length; ) {
      const m = this.longestAt(text, toks, i, mode);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }

  /** The value of a phrase covering the whole string exactly (folded), or null. */
  matchWhole(s: string): V | null {
    const toks = tokenize(s);
    if (toks.length === 0) return null;
    const m = this.longestAt(s, toks, 0, 'whole');
    return m && m.to === toks.length ? m.value : null;
  }

  /** All phrases with their values (for suggestions). */
  entries(): Array<{ phrase: string; value: V }> {
    const out: Array<{ phrase: string; value: V }> = [];
    const walk = (node: Node<V>) => {
      if (node.entry) out.push({ phrase: node.entry.phrase, value: node.entry.value });
      for (const c of node.next.values()) walk(c);
    };
    walk(this.root);
    return out;
  }
}

/** Skips tokens found in `words` (folded) from index i; returns the first index not skipped. */
export function skipWords(toks: Tok[], i: number, words: ReadonlySet<string>): number {
  while (i < toks.length && words.has(toks[i]!.t)) i++;
  return i;
}

/** Levenshtein distance (small strings). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Replaces the given character spans by spaces (keeps offsets and line numbers). */
export function maskSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (spans.length === 0) return text;
  const n = text.length;
  const masked = new Uint8Array(n);
  for (const { start, end } of spans) {
    for (let k = Math.max(0, start); k < Math.min(n, end); k++) masked[k] = 1;
  }
  // Each masked UTF-16 code unit but a line break becomes a space.
  let out = '';
  let at = 0;
  for (let k = 0; k < n; k++) {
    if (!masked[k]) continue;
    let j = k;
    while (j < n && masked[j]) j++;
    out += text.slice(at, k) + text.slice(k, j).replace(/[^\n]/g, ' ');
    at = j;
    k = j;
  }
  return out + text.slice(at);
}

/**
 * Sentences of a text with their offsets. Splits at . ! ? followed by space and a capital, and at
 * line breaks. `keep`, if given, is asked about each sentence as written (before its whitespace is
 * collapsed): the ones it refuses are left out, at no further cost.
 */
export function sentences(text: string, keep?: (raw: string) => boolean): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const re = /(?<=[.!?…])\s+(?=[\p{Lu}«"“\d•-])|\n+/gu;
  let last = 0;
  const push = (a: number, b: number) => {
    const raw = text.slice(a, b);
    if (keep && !keep(raw)) return;
    const t = collapseWs(raw.replace(/^[\s•\-–]+/, ''));
    if (t) out.push({ text: t, start: a, end: b });
  };
  for (const m of text.matchAll(re)) {
    push(last, m.index!);
    last = m.index! + m[0].length;
  }
  push(last, text.length);
  return out;
}
