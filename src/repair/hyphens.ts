// Hyphens left by line breaks: at a line end ("fi-\nnancé") and inline, where a PDF text layer
// joined the lines but kept the hyphen ("par-mi", "in-tégrer", "Oc-tobre", "Séné-gal").
import type { WordJudge } from './judge.js';
import { lowerKey } from './tokens.js';

/** A detailed result, so that repairText can report each join and follow line numbers. */
export interface Joined {
  lines: string[];
  /** For each input line, the output line it ended up in. */
  map: number[];
  joins: Array<{ line: number; before: string; after: string }>;
}

const LINE_START = /^[ \t]*(\p{L}+)/u;

// Inclusive writing: "participant-e-s", "représentant-es", "acteur-rice-s".
const INCLUSIVE = /^(?:e|es|s|x|ne|nes|le|les|se|ses|ve|ves|rice|rices|trice|trices|ère|ères|euse|euses|ice|ices)$/i;

const isUpper = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();
const startsUpper = (s: string) => isUpper(s.charAt(0));

/**
 * Whether "left-right" is a word cut by hyphenation (join) or a compound (keep).
 * Joins when the joined form is a word, or becomes one once a lost ligature is put back
 * ("connuelle-ment"). Keeps: known compounds ("bien-être", "Celle-ci", "au-delà"), a capital
 * after the hyphen ("Pays-Bas", "Tadla-Azilal", "PNUD-OIM"), inclusive writing
 * ("participant-e-s"), a form the document writes hyphenated again and again but never joined,
 * and an unknown joined form made of two words ("non-accompagnés", "inter-agence"). Another
 * unknown joined form is joined at a line end (a line-end hyphen is most often a soft one) and,
 * inline, only if the document writes it joined elsewhere.
 */
export function decideHyphen(left: string, right: string, hyphen: string, judge: WordJudge, atLineEnd: boolean): 'join' | 'keep' {
  if (hyphen === '\u00AD') return 'join';
  const joined = left + right;
  if (judge.known(lowerKey(`${left}-${right}`))) return 'keep';
  if (!atLineEnd && INCLUSIVE.test(right)) return 'keep';
  if (startsUpper(right)) {
    // All capitals on both sides: a word in capitals cut in two ("MIGRA-TION", "SA-LEMM").
    if (!(isUpper(left) && isUpper(right))) return 'keep';
    if (judge.known(lowerKey(joined))) return 'join';
    // Two acronyms ("PNUD-OIM", "CIF-OIT") unless the document writes them as one ("SALEMM").
    return Math.min(left.length, right.length) >= 3 || judge.docCount(joined) === 0 ? 'keep' : 'join';
  }
  const lower = lowerKey(joined);
  if (judge.known(lower) || judge.restorable(lower)) {
    // A known word, unless the document keeps writing it hyphenated: then it is a compound.
    const hyphenated = atLineEnd ? 0 : judge.docCount(`${left}-${right}`) + judge.docCount(`${left}\u2010${right}`);
    return hyphenated > 1 && judge.docCount(joined) === 0 ? 'keep' : 'join';
  }
  // Unknown joined, two words: a compound ("non-accompagnés", "travaillons-nous").
  const words = judge.known(lowerKey(left)) && judge.known(lowerKey(right));
  if (words) return 'keep';
  if (atLineEnd) return 'join';
  // Inline, a piece is no word: joined only if the document writes the whole so elsewhere.
  return judge.docCount(joined) > 0 ? 'join' : 'keep';
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const isHyphen = (c: string | undefined) => c === '-' || c === '\u2010';

/** Offsets of the letter-hyphen-letter tokens of a line ("par-mi", "so-cio-économique"). */
export function hyphenatedTokens(line: string): Array<[start: number, end: number]> {
  const out: Array<[number, number]> = [];
  const letter = (c: string | undefined) => c !== undefined && LETTER_OR_MARK.test(c);
  // The next U+002D and U+2010, each looked for again only once passed (positions only grow):
  // a line of 100,000 dashes and no U+2010 is not read to its end at every dash.
  let minus = -2; // -2: not looked for yet; -1: none left
  let dash = -2;
  const nextHyphen = (from: number) => {
    if (minus !== -1 && minus < from) minus = line.indexOf('-', from);
    if (dash !== -1 && dash < from) dash = line.indexOf('\u2010', from);
    return minus < 0 ? dash : dash < 0 ? minus : Math.min(minus, dash);
  };
  let k = nextHyphen(0);
  while (k >= 0) {
    if (letter(line[k - 1]) && letter(line[k + 1])) {
      let a = k - 1;
      while (a > 0 && letter(line[a - 1])) a--;
      let b = k + 1;
      while (b < line.length && (letter(line[b]) || (isHyphen(line[b]) && letter(line[b + 1])))) b++;
      // A token glued to a hyphen on either side is not one ("-mi-" in a list of dashes).
      if (!isHyphen(line[a - 1]) && !isHyphen(line[b])) out.push([a, b]);
      k = nextHyphen(b);
    } else k = nextHyphen(k + 1);
  }
  return out;
}

/** Counts of the hyphenated tokens of these lines ("Pays-Bas": 2), and of their sub-spans. */
export function hyphenCounts(lines: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (t: string) => out.set(t, (out.get(t) ?? 0) + 1);
  for (const line of lines) {
    for (const [a, b] of hyphenatedTokens(line)) {
      const parts = line.slice(a, b).split(/([-\u2010])/);
      for (let x = 0; x + 2 < parts.length; x += 2) for (let y = x + 2; y < parts.length; y += 2) add(parts.slice(x, y + 1).join(''));
    }
  }
  return out;
}

/** The word cut at the end of a line and its hyphen: "...projet fi-" -> ["fi", "-", offset].
 *  Hyphens: U+002D, U+2010, U+2011 (non-breaking, yet some layouts break after it), U+00AD. */
function cutAtEnd(line: string): [left: string, hyphen: string, at: number] | null {
  let k = line.length - 1;
  while (k >= 0 && (line[k] === ' ' || line[k] === '\t')) k--;
  const hyphen = line[k];
  if (hyphen !== '-' && hyphen !== '\u2010' && hyphen !== '\u2011' && hyphen !== '\u00AD') return null;
  let a = k;
  while (a > 0 && LETTER.test(line[a - 1]!)) a--;
  return a < k ? [line.slice(a, k), hyphen, a] : null;
}

const LETTER = /\p{L}/u;

export function joinLinesDetailed(lines: string[], judge: WordJudge): Joined {
  const out: string[] = [];
  const map: number[] = [];
  const joins: Joined['joins'] = [];
  for (let i = 0; i < lines.length; i++) {
    map[i] = out.length;
    // Pieces of the output line, joined once at the end (no growing string to re-scan).
    const pieces: string[] = [];
    let tail = lines[i]!;
    for (let cut = cutAtEnd(tail); cut; cut = cutAtEnd(tail)) {
      const [left, hyphen, at] = cut;
      // The next non-blank line: PDF extraction often leaves an empty line in between.
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      const start = j < lines.length ? LINE_START.exec(lines[j]!) : null;
      if (!start) break;
      const right = start[1]!;
      const join = decideHyphen(left, right, hyphen, judge, true) === 'join';
      pieces.push(tail.slice(0, at + left.length) + (join ? '' : '-'));
      tail = lines[j]!.replace(/^[ \t]+/, '');
      joins.push({ line: out.length, before: `${left}${hyphen}\n${right}`, after: join ? left + right : `${left}-${right}` });
      for (let k = i + 1; k <= j; k++) map[k] = out.length;
      i = j;
    }
    pieces.push(tail);
    out.push(pieces.length === 1 ? tail : pieces.join(''));
  }
  return { lines: out, map, joins };
}

/**
 * Joins a word hyphenated across a line break: "projet fi-\n\nnancé par" -> "projet financé par".
 * Hyphen U+002D, U+2010 or U+00AD at the line end, next non-blank line starting with a letter.
 * The whole next line is merged into this one (blank lines between are dropped): a hyphen at a
 * line end shows the block goes on, so the two lines were one paragraph cut by the layout.
 */
export function joinHyphenatedLines(text: string, judge: WordJudge): string {
  return joinLinesDetailed(text.split('\n'), judge).lines.join('\n');
}

/** Inline joins of one line, with what each join replaced. */
export function joinWordsDetailed(
  line: string,
  judge: WordJudge,
  memo: Map<string, string> = new Map(),
): { line: string; joins: Array<{ before: string; after: string }> } {
  const joins: Array<{ before: string; after: string }> = [];
  const tokens = hyphenatedTokens(line);
  if (tokens.length === 0) return { line, joins };
  let fixed = '';
  let last = 0;
  for (const [a, b] of tokens) {
    const token = line.slice(a, b);
    const out = memo.get(token) ?? decideToken(token, judge);
    memo.set(token, out);
    if (out !== token) joins.push({ before: token, after: out });
    fixed += line.slice(last, a) + out;
    last = b;
  }
  return { line: fixed + line.slice(last), joins };
}

function decideToken(token: string, judge: WordJudge): string {
  // A compound the lexicon has whole ("pots-de-vin") is kept, whatever its pieces would make.
  if (judge.known(lowerKey(token))) return token;
  const parts = token.split(/([-\u2010])/);
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) {
    const right = parts[k + 1]!;
    // The left piece is everything joined so far back to the previous kept hyphen.
    const left = out.slice(Math.max(out.lastIndexOf('-'), out.lastIndexOf('\u2010')) + 1);
    out += decideHyphen(left, right, parts[k]!, judge, false) === 'join' ? right : parts[k]! + right;
  }
  return out;
}

/**
 * "par-mi" -> "parmi", "Euro-péenne" -> "Européenne", "connuelle-ment" -> "connuellement" (when
 * the ligature stage can then make it "continuellement"). See decideHyphen for what is kept.
 */
export function joinHyphenatedWords(text: string, judge: WordJudge): string {
  return text
    .split('\n')
    .map((line) => joinWordsDetailed(line, judge).line)
    .join('\n');
}

/**
 * "Gouvern ement" -> "Gouvernement", "Nov embre" -> "Novembre": a word cut at a line end whose
 * hyphen the reader dropped (an unmapped U+2010), leaving a space. Joined when the whole is a
 * word and its pieces are not both words ("en core" stays); the right piece is lower case.
 * Returns the line and the joins made.
 */
export function joinBrokenWordsDetailed(
  line: string,
  judge: WordJudge,
  memo: Map<string, number> = new Map(),
  alsoWord: (lower: string) => boolean = () => false,
): { line: string; joins: Array<{ before: string; after: string }> } {
  const joins: Array<{ before: string; after: string }> = [];
  if (!line.includes(' ')) return { line, joins };
  // Chunks between single spaces ("" for a run of spaces). Each chunk's kind is memoized per
  // document: 0 not a plain letter run, 1 a known word, 2 a letter run that is no word. Only a
  // pair with a "2" in it is looked at: in clean text, none.
  const chunks = line.split(' ');
  const kind = (c: string) => {
    let k = memo.get(c);
    if (k === undefined) {
      const letters = c.replace(TRAILING, '');
      // A word once its lost letters are back ("progres" in a text that lost its accents) is one.
      const w = lowerKey(letters);
      k = !PLAIN.test(c) ? 0 : judge.known(w) || alsoWord(w) ? 1 : 2;
      memo.set(c, k);
    }
    return k;
  };
  let changed = false;
  for (let k = 0; k + 1 < chunks.length; k++) {
    const x = chunks[k]!;
    const y = chunks[k + 1]!;
    const kx = kind(x);
    if (kx === 0 || !LETTERS_ONLY.test(x)) continue;
    const ky = kind(y);
    if (ky === 0 || (kx === 1 && ky === 1)) continue;
    const b = y.replace(TRAILING, '');
    if (!/^\p{Ll}/u.test(b)) continue;
    const whole = lowerKey(x + b);
    const join = (kx === 2 || x.length >= 3) && (ky === 2 || b.length >= 4) && (judge.known(whole) || judge.restorable(whole)) && !judge.known(lowerKey(`${x}-${b}`));
    if (!join) continue;
    joins.push({ before: `${x} ${b}`, after: x + b });
    chunks[k] = x + y;
    chunks.splice(k + 1, 1);
    changed = true;
  }
  return { line: changed ? chunks.join(' ') : line, joins };
}

// A chunk that is a letter run, possibly followed by closing punctuation ("ement," "embre.").
const PLAIN = /^\p{L}[\p{Ll}\p{M}]*[,.;:!?)]?$/u;
const TRAILING = /[,.;:!?)]$/;
const LETTERS_ONLY = /^\p{L}[\p{Ll}\p{M}]*$/u;

const MONTHS =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec|jan|feb|apr|jun|jul|aug|sep';
// A line that stops inside a period: "... Mars 2013 – Mai" (the second month: a first month at a
// line end, "Yémen Mai" / "2015 – Octobre 2017", is left to extraction), "... du 3 mars 2013 au",
// "... 2013 –", "Fonds :". The next line then goes on with it.
const DATE_OPEN = new RegExp(`(?:(?:[-–—‐]|\\bau|\\bà|\\bto)\\s+(?:\\d{1,2}(?:er)?\\s+)?(?:${MONTHS})\\.?|\\b(?:19|20)\\d\\d\\s*[-–—‐]|\\b(?:19|20)\\d\\d\\s+(?:au|à|to|until|jusqu’au|jusqu'au)|\\bFonds\\s*:)[ \\t]*$`, 'iu');
// A line that starts with a year, a month, or a day and a month.
const DATE_GOES_ON = new RegExp(`^[ \\t]*(?:(?:19|20)\\d\\d\\b|(?:\\d{1,2}(?:er)?\\s+)?(?:${MONTHS})\\b)`, 'iu');
const FONDS_OPEN = /\bFonds\s*:[ \t]*$/iu;

/** DATE_OPEN on the line's end only, and only if it ends with a letter, digit, dash or colon. */
function dateOpen(line: string): boolean {
  let k = line.length - 1;
  while (k >= 0 && (line[k] === ' ' || line[k] === '\t')) k--;
  if (k < 0 || !/[\p{L}\d.:\-–—‐]/u.test(line[k]!)) return false;
  return DATE_OPEN.test(line.slice(Math.max(0, k - 40), k + 1));
}

/**
 * A date, a period or a "Fonds :" line cut by a line break, rejoined: "(ACRONYM) Mars 2013 – Mai"
 * + "2014" -> "(ACRONYM) Mars 2013 – Mai 2014"; "Fonds :" + "Union européenne" -> one line.
 * A month ending a line joins only a line that starts with a year or a day and month, so that a
 * heading "Mai" over a paragraph stays.
 */
export function joinBrokenDatesDetailed(lines: string[]): Joined {
  const out: string[] = [];
  const map: number[] = [];
  const joins: Joined['joins'] = [];
  for (let i = 0; i < lines.length; i++) {
    map[i] = out.length;
    let line = lines[i]!;
    while (i + 1 < lines.length && dateOpen(line) && lines[i + 1]!.trim() !== '') {
      const next = lines[i + 1]!;
      const fonds = FONDS_OPEN.test(line);
      // Only a date's own continuation, and not a whole new block (a long line).
      if (!fonds && !DATE_GOES_ON.test(next)) break;
      if (/^[ \t]*(?:19|20)\d\d\b/.test(next) === false && /\b(?:19|20)\d\d\s*[-–—‐][ \t]*$/.test(line) === false && !fonds && !/^[ \t]*\d/.test(next)) {
        // A month at the end, a month first on the next line ("Mai" / "Juin 2014"): not a date cut.
        break;
      }
      const joined = `${line.replace(/[ \t]+$/, '')} ${next.replace(/^[ \t]+/, '')}`;
      joins.push({ line: out.length, before: `${line.trim().split(/\s+/).slice(-2).join(' ')}\n${next.trim().split(/\s+/).slice(0, 2).join(' ')}`, after: '' });
      joins[joins.length - 1]!.after = joins[joins.length - 1]!.before.replace('\n', ' ');
      line = joined;
      i++;
      map[i] = out.length;
    }
    out.push(line);
  }
  return { lines: out, map, joins };
}
