// OCR errors: digits read as letters inside numbers ("I9I4" -> "1914", "75o" -> "750"), letters
// read as digits inside words ("r6le" -> "rôle", "Mar0c" -> "Maroc"), words glued across a lost
// space ("nombreuxdans" -> "nombreux dans"), a "ç" read as a capital ("leSon" -> "leçon").
// Found per document first: a text without such errors is never touched, and each fix is made
// only where its result is certain (one reading only, every part a word).
import { explainWord } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import type { DocWords } from './pieces.js';

const MAY_CONFUSE = /[IlOo]\d|\d[IlOo]|\p{L}[0134568]|\p{Ll}[SCEG]\p{Ll}/u;

export interface OcrFix {
  line: number;
  start: number;
  end: number;
  before: string;
  after: string;
  rule: string;
  confidence: number;
}

// Letters OCR reads for digits: I and l for 1, o and O for 0 ("I9I4", "75o", "2o3o").
const LETTER_FOR_DIGIT: Record<string, string> = { I: '1', l: '1', o: '0', O: '0' };
// A token of digits and those letters, at least one digit, standing alone.
// After a dot or hyphen only when a number stands before it ("3.I1", "I9I4-I9I8").
const NUMBERISH = /(?<![\p{L}\p{N}_@/])[0-9IlOo]*[0-9][0-9IlOo]*(?![\p{L}\p{N}_@/])/gu;

/** After a dot or hyphen, a number only where a number stands before it ("3.I1", "6oo-72o"),
 *  not in a name or address ("iom.int/a-12o"). */
function afterNumberOrNothing(line: string, at: number): boolean {
  const p = line[at - 1];
  if (p !== '.' && p !== '-') return true;
  let k = at - 2;
  let digit = false;
  for (; k >= 0 && /[0-9IlOo]/.test(line[k]!); k--) if (/\d/.test(line[k]!)) digit = true;
  if (k < 0 || !/[\p{L}_@/]/u.test(line[k]!)) return digit || k === at - 2;
  // A legal article or a code in capitals before a dot or hyphen: "L.3I1-5", "R.3II", "FM.039o".
  return !digit && k === at - 2 && /(?<![\p{L}\p{N}_@/.-])\p{Lu}{1,6}$/u.test(line.slice(0, k + 1));
}

/**
 * "I9I4" -> "1914", "75o" -> "750", "2o3o" -> "2030", "I0o" -> "100". The token is digits and
 * I/l/o/O only, at least one digit: "lo" or "Io" (no digit) are left, whatever they were.
 * null: not such a token.
 */
export function digitsForLetters(token: string): string | null {
  if (!/[IlOo]/.test(token) || !/^[0-9IlOo]+$/.test(token)) return null;
  const digits = token.replace(/[^0-9]/g, '').length;
  if (token.length < 2 || digits === 0) return null;
  return token.replace(/[IlOo]/g, (c) => LETTER_FOR_DIGIT[c]!);
}

/**
 * In a code of capitals and digits, a lower-case "o" or "l" next to a digit, or an "I" between two
 * digits, is a digit: "L20o" -> "L200", "MA10P05I7" -> "MA10P0517" (`fixOcrDigits`). null: no change.
 */
export function digitsInCode(token: string): string | null {
  if (!/\d/.test(token) || !/^[\p{Lu}\dol]+$/u.test(token) || !/\p{Lu}/u.test(token)) return null;
  // A run of them touching a digit, whole: "JORFTEXToooo332" -> "JORFTEXT0000332".
  const out = token.replace(/(?<=\d)[ol]+|[ol]+(?=\d)/g, (run) => run.replace(/[ol]/g, (c) => LETTER_FOR_DIGIT[c]!)).replace(/(?<=\d)I(?=\d)/g, '1');
  return out !== token && !/[ol]/.test(out) ? out : null;
}
const CODE = /(?<![\p{L}\p{N}_@.-])(?=[\p{Lu}\dol]*\p{Lu})(?=[\p{Lu}\dol]*\d)[\p{Lu}\dol]{3,}(?![\p{L}\p{N}_@/])/gu;

const NUMBER_UNIT = /(?<![\p{L}\p{N}_@/.-])([IlOo]*\d[\dIlOo]*)(er|ère|ème|eme|es|e|km|kg|mm|cm|ha|h|m)(?:([\dIlOo]{2}))?(?![\p{L}\p{N}])/gu;
const SLASH_DATE = /(?<![\p{L}\p{N}/])[\dIlOo]{1,2}\/[\dIlOo]{1,2}\/[\dIlOo]{2,4}(?![\p{L}\p{N}/])/gu;
const SLASH_DATE_AROUND = /(?<![\p{L}\p{N}/])[\dIlOo]{1,2}\/[\dIlOo]{1,2}\/[\dIlOo]{2,4}(?![\p{L}\p{N}/])/u;
const PATH_NUMBER = /\/((?=[\do]*o)(?=[\do]*\d)[\do]{2,})(?=[/?#&.]|$|\s)/g;

// Digits OCR reads for letters inside words, and the letters they may stand for.
const DIGIT_FOR_LETTER: Record<string, string[]> = { '0': ['o', 'ô'], '1': ['l', 'i', 'î'], '6': ['ô', 'o', 'b'], '5': ['s'], '3': ['e', 'é'], '8': ['b'], '4': ['a'] };
// A word with one or two of those digits inside it, letters on at least one side: "r6le", "Avri1".
const WORDISH = /(?<![\p{L}\p{N}_@/.-])(?=[\p{L}\p{M}0-9]*\p{L}[\p{L}\p{M}0-9]*\p{L})(?=[\p{L}\p{M}]*[0134568])[\p{L}\p{M}0134568]+(?![\p{L}\p{N}_@/])/gu;

const isWord = (lex: Lexicon, w: string) => lex.info(w).fr || lex.info(w).frRank > 0;

/**
 * "r6le" -> "rôle", "Mar0c" -> "Maroc", "déve1oppement" -> "développement": the only reading of
 * the digits that makes a French word. null when none or several do, or when the token looks
 * like a code (capitals and digits: "G20", "H1N1", "COVID19").
 */
export function lettersForDigits(lex: Lexicon, token: string): string | null {
  const digits = token.replace(/\D/g, '');
  if (digits.length === 0 || digits.length > 2 || token.length < 3) return null;
  const letters = token.replace(/\d/g, '');
  // A number first is an ordinal or a unit ("1er", "2e", "10km"), not a word.
  if (/^\d/.test(token)) return null;
  if (letters.length < 2 || (letters === letters.toUpperCase() && letters.length > 1)) return null;
  // Capitals after the first letter make a code, not a word.
  if (/\p{Lu}/u.test(letters.slice(1))) return null;
  let readings = [''];
  for (const ch of token) {
    const alts = DIGIT_FOR_LETTER[ch] ?? [ch];
    readings = readings.flatMap((r) => alts.map((a) => r + a));
  }
  // Words of the French list first ("rôle", not the frequency lists' "role"), then ranked names.
  const listed = [...new Set(readings.filter((r) => lex.info(r.toLowerCase()).fr))];
  if (listed.length) return listed.length === 1 ? listed[0]! : null;
  const ranked = [...new Set(readings.filter((r) => isWord(lex, r.toLowerCase())))];
  if (ranked.length) return ranked.length === 1 ? ranked[0]! : null;
  // A derived word the lists lack: "pseud0nymisation" (-isation on "pseudonyme").
  const derived = [...new Set(readings.filter((r) => r.length >= 8 && explainWord(lex, r.toLowerCase()) !== null))];
  return derived.length === 1 ? derived[0]! : null;
}

/** "leSon" -> "leçon": a "ç" (or "é") read as a capital inside a lower-case word. */
const CAPITAL_FOR_LETTER: Record<string, string[]> = { S: ['ç'], C: ['ç'], E: ['é', 'è', 'ê'], G: ['ç'] };
const INNER_CAPITAL = /(?<![\p{L}\p{M}\p{N}])(\p{Ll}+)([SCEG])(\p{Ll}+)(?![\p{L}\p{M}\p{N}])/gu;

export function letterForCapital(lex: Lexicon, left: string, capital: string, right: string): string | null {
  const found = (CAPITAL_FOR_LETTER[capital] ?? []).map((c) => left + c + right).filter((w) => lex.info(w).fr);
  return found.length === 1 ? found[0]! : null;
}

/**
 * "nombreuxdans" -> "nombreux dans", "finmars" -> "fin mars": an unknown lower-case word whose
 * one split makes two French words, the first at least two letters ("à", "a", "y" may stand
 * alone on the right). Both words ranked in the frequency lists; the best split must beat the
 * next by a clear margin. null when not.
 */
export function splitGlued(lex: Lexicon, lower: string, capitalized = false, hyphenAfter = false): [string, string] | null {
  if (lower.length < 5 || isWord(lex, lower) || lex.info(lower).en) return null;
  const rank = (w: string) => {
    const i = lex.info(w);
    if (i.fr && i.frRank > 0) return i.frRank;
    // A long derived word the lists lack ("anonymisation"), as a rare word.
    return w.length >= 8 && explainWord(lex, w) !== null ? 30000 : 0;
  };
  // A capitalized word may start with a name the frequency lists rank ("Sénégalpost-colonial").
  const rankFirst = (w: string) => rank(w) || (capitalized && lex.info(w).frFreq ? lex.info(w).frRank : 0);
  let best: { a: string; b: string; score: number } | null = null;
  let second = -Infinity;
  for (let k = 2; k <= lower.length - 1; k++) {
    const a = lower.slice(0, k);
    const b = lower.slice(k);
    // Short pieces only if they are words that stand alone: not "es", "se" of "migrant es",
    // nor the prefixes of "ré identifier", "pré requis".
    if (a.length < 3 && !SHORT_LEFT.has(a)) continue;
    if (b.length < 3 && !SHORT_RIGHT.has(b)) continue;
    if (PREFIXES.has(a)) continue;
    const ra = rankFirst(a);
    // Before a hyphen, the second word may be a prefix of a compound: "post-colonial".
    const rb = b === 'à' || b === 'a' ? 1 : rank(b) || (hyphenAfter && COMPOUND_PREFIXES.has(b) ? 1000 : 0);
    if (!ra || !rb) continue;
    const score = -Math.log10(ra) - Math.log10(rb);
    if (!best || score > best.score) {
      if (best) second = best.score;
      best = { a, b, score };
    } else if (score > second) second = score;
  }
  if (!best || best.score - second < 0.5) return null;
  return [best.a, best.b];
}

/**
 * "dela" -> "de la", "etles" -> "et les", "àla" -> "à la": a preposition or conjunction glued to
 * the article after it, too short for splitGlued's frequency test; the whole is no French word
 * ("cela", "dune", "aune" stay). Made only in a document found to be OCR output.
 */
export function splitGluedArticle(lex: Lexicon, lower: string): [string, string] | null {
  if (lower.length < 3 || lower.length > 7) return null;
  for (const a of GLUED_BEFORE) {
    if (!lower.startsWith(a)) continue;
    const b = lower.slice(a.length);
    if (GLUED_ARTICLES.has(b)) return lex.info(lower).fr ? null : [a, b];
  }
  return null;
}
const GLUED_BEFORE = ['dans', 'pour', 'sur', 'par', 'que', 'qui', 'est', 'de', 'et', 'en', 'à', 'ou', 'où'];
const GLUED_ARTICLES = new Set(['la', 'le', 'les', 'un', 'une', 'des', 'du', 'en', 'se', 'ne', 'ce', 'sa', 'son', 'ses', 'il', 'on', 'à']);
const SHORT_WORD = /(?<![\p{L}\p{M}\p{N}_@/.'’-])(?:dans|pour|sur|par|que|qui|est|de|et|en|à|ou|où)(?:les?|la|une?|des|du|en|se|ne|ce|sa|son|ses|il|on|à)(?![\p{L}\p{M}\p{N}_@/'’-])/gu;

const COMPOUND_PREFIXES = new Set(['post', 'pré', 'anti', 'inter', 'sous', 'non', 'néo', 'ex', 'extra', 'pro', 'semi', 'contre', 'trans', 'auto']);
const SHORT_LEFT = new Set(['de', 'la', 'le', 'et', 'en', 'un', 'du', 'au', 'il', 'on', 'ou', 'où', 'ce', 'sa', 'ne', 'à']);
const SHORT_RIGHT = new Set(['à', 'a', 'y', 'de', 'la', 'le', 'et', 'en', 'un', 'du', 'au', 'il', 'on', 'ou', 'où']);
const PREFIXES = new Set(['pré', 'pre', 'dé', 'des', 'ré', 'anti', 'auto', 'inter', 'intra', 'multi', 'non', 'post', 'sous', 'super', 'trans', 'ultra', 'micro', 'macro', 'mini', 'socio', 'priori']);

/**
 * Numbers read with no digit left ("II", "Io", "ooo"), told by where they stand, in a document
 * already found to be OCR output (they are never evidence of it). null when the place says nothing.
 * - a thousands group after a number: "100 ooo" -> "100 000" (`fixOcrThousands`);
 * - a list number at a line start, as the document numbers its other lines: "II.3 D'ici" when
 *   lines start "12.1", "9.a" (and no line starts with a Roman numeral such as "IV.");
 * - after a word that the document follows with numbers elsewhere, never with Roman numerals:
 *   "Objectif II." where it writes "Objectif 12.", "Objectif 9.".
 */
const LETTERS_ONLY_NUMBER = /^[IlOo]{1,4}$/;
// A cheap first look (ASCII classes): a token of those letters only, standing alone.
const LETTERS_TOKEN = /(?:^|[^A-Za-z0-9\u00C0-\u024F])[IO][IlOo]{1,3}(?![A-Za-z0-9\u00C0-\u024F])|(?:^|[ \d])[IlOo]{3}(?![A-Za-z0-9\u00C0-\u024F])/;
const THOUSANDS = /(?<![\p{L}\p{N}.,])([\dIlOo]{1,3}) ([IlOo]{3})(?![\p{L}\p{N}]|[.,]\d)/gu;
const LIST_NUMBER_LINE = /^\s*\d{1,3}\.(?:\d{1,3}|[a-z])\b/;
const ROMAN_LIST_LINE = /^\s*[IVXL]*[VXL][IVXL]*[.)]\s/;
const LETTERS_LIST_LINE = /^(\s*)([IlOo]{2,3})(?=\.(?:\d|[a-z]\b))/;
const LABEL_THEN_NUMBER = /(?<![\p{L}\p{N}])(\p{L}{3,}) ([IlOo]{0,2}\d[\dIlOo]{0,2}|[IVXL]*[VXL][IVXL]*|III)(?![\p{L}\p{N}])/gu;
const LABEL_THEN_LETTERS = /(?<![\p{L}\p{N}])(\p{L}{3,}) ([IlOo]{2,3})(?![\p{L}\p{N}])/gu;

// - a count before what it counts: "Io autres États", "Ioo %", "II rue" (not "II" before a noun
//   alone: "Jean II"); the token starts with a capital I or O ("lo cales" is a word cut in two)
//   and is no French word ("Il" is left).
const COUNTED = /(?<![\p{L}\p{N}.,-])([IO][IlOo]{1,3})(?: ?(%)| (\p{L}+))/gu;
const COUNTED_WORDS = new Set(['autres', 'premiers', 'premières', 'derniers', 'dernières', 'mille', 'millions', 'milliards', 'fois', 'ans']);
const STREET = new Set(['rue', 'avenue', 'boulevard', 'bd', 'allée', 'chemin', 'route', 'impasse', 'quai', 'place']);

function numbersWithoutDigits(lines: readonly string[], lex: Lexicon): OcrFix[] {
  const fixes: OcrFix[] = [];
  const asDigits = (t: string) => t.replace(/[IlOo]/g, (c) => LETTER_FOR_DIGIT[c]!);
  let arabicLists = 0;
  let romanLists = 0;
  const labelArabic = new Map<string, number>();
  const labelRoman = new Set<string>();
  // Only lines holding such a token are looked at; most OCR text has none.
  const holding: number[] = [];
  lines.forEach((line, n) => {
    if (LETTERS_TOKEN.test(line)) holding.push(n);
  });
  if (holding.length === 0) return [];
  for (const line of lines) {
    if (LIST_NUMBER_LINE.test(line)) arabicLists++;
    if (ROMAN_LIST_LINE.test(line)) romanLists++;
    if (!/\d|[IVXL]{2}/.test(line)) continue;
    for (const m of line.matchAll(LABEL_THEN_NUMBER)) {
      const label = m[1]!.toLowerCase();
      if (/\d/.test(m[2]!)) labelArabic.set(label, (labelArabic.get(label) ?? 0) + 1);
      else labelRoman.add(label);
    }
  }
  for (const n of holding) {
    const line = lines[n]!;
    for (const m of line.matchAll(COUNTED)) {
      const next = (m[2] ?? m[3]!).toLowerCase();
      const i = lex.info(m[1]!.toLowerCase());
      if (i.fr) continue;
      if (m[1] === 'II' && !COUNTED_WORDS.has(next) && !STREET.has(next) && next !== '%') continue;
      const plural = /[sx]$/.test(next) && next.length >= 3 && (lex.info(next).gender !== '' || COUNTED_WORDS.has(next));
      if (!plural && next !== '%' && !STREET.has(next)) continue;
      fixes.push({ line: n, start: m.index, end: m.index + m[1]!.length, before: m[1]!, after: asDigits(m[1]!), rule: 'fixOcrDigits', confidence: 0.6 });
    }
    for (const m of line.matchAll(THOUSANDS)) {
      // "100 ooo"; with no digit at all, only from a capital I or O ("Io ooo", "I ooo": 10 000, 1 000).
      const lettersOnly = !/\d/.test(m[1]!);
      if (lettersOnly && !/^[IO][IlOo]{0,2}$/.test(m[1]!)) continue;
      if (lettersOnly) fixes.push({ line: n, start: m.index, end: m.index + m[1]!.length, before: m[1]!, after: asDigits(m[1]!), rule: 'fixOcrDigits', confidence: 0.7 });
      const at = m.index + m[1]!.length + 1;
      fixes.push({ line: n, start: at, end: at + 3, before: m[2]!, after: asDigits(m[2]!), rule: 'fixOcrDigits', confidence: 0.7 });
    }
    const list = arabicLists >= 2 && romanLists === 0 ? LETTERS_LIST_LINE.exec(line) : null;
    if (list) fixes.push({ line: n, start: list[1]!.length, end: list[1]!.length + list[2]!.length, before: list[2]!, after: asDigits(list[2]!), rule: 'fixOcrDigits', confidence: 0.7 });
    for (const m of line.matchAll(LABEL_THEN_LETTERS)) {
      const label = m[1]!.toLowerCase();
      if ((labelArabic.get(label) ?? 0) < 2 || labelRoman.has(label)) continue;
      const at = m.index + m[1]!.length + 1;
      if (list && at === list[1]!.length) continue;
      fixes.push({ line: n, start: at, end: at + m[2]!.length, before: m[2]!, after: asDigits(m[2]!), rule: 'fixOcrDigits', confidence: 0.7 });
    }
  }
  const seen = new Set<string>();
  return fixes.filter((f) => LETTERS_ONLY_NUMBER.test(f.before) && !seen.has(`${f.line}:${f.start}`) && seen.add(`${f.line}:${f.start}`));
}

export interface OcrPlan {
  /** The document reads as OCR output: enough digit/letter confusions or glued words. */
  detected: boolean;
  fixes: OcrFix[];
}

// A word of 5+ letters, lower case or capitalized; a hyphen may follow ("Sénégalpost-colonial").
const WORD = /(?<![\p{L}\p{M}\p{N}_@/.'’-])\p{L}[\p{Ll}\p{M}]{4,}(?![\p{L}\p{M}\p{N}_@/'’])/gu;
// A lone "I" or "l" before a group of three digits: "(I 6oo-72o)" is "(1 600-720)".
const LONE_ONE = /(?<![\p{L}\p{N}])[Il](?= (?=[\dIlOo]{0,2}\d)[\dIlOo]{3}(?![\p{L}\p{N}]))/gu;

/**
 * Plans the OCR fixes of these lines. Digit/letter confusions and inner capitals count as
 * evidence; glued words count too when they are at least a third of the unknown lower-case words
 * left (a text that lost ligatures or accents has many unknown words of its own, none glued).
 */
export function planOcrRepairs(lines: readonly string[], lex: Lexicon, earlier?: DocWords): OcrPlan {
  // Cheap gates first: a digit beside a letter somewhere, an inner capital, or (from the words an
  // earlier stage collected) an unknown word that splits in two. Most texts have none of them.
  let gluable: string[] | null = null;
  let unknownEarlier = 0;
  if (earlier) {
    for (const t of earlier.byId) if (t.lower.length >= 5 && !t.info.fr && !t.info.en && /^\p{Ll}+$/u.test(t.lower)) unknownEarlier++;
    gluable = earlier.byId.filter((t) => t.lower.length >= 5 && !t.info.fr && !t.info.en && (splitGlued(lex, t.lower) ?? splitGlued(lex, t.lower, true, true)) !== null).map((t) => t.lower);
    if (gluable.length === 0 && !MAY_CONFUSE.test(lines.join('\n'))) return { detected: false, fixes: [] };
  }
  const numbers: OcrFix[] = [];
  const words: OcrFix[] = [];
  const glued: OcrFix[] = [];
  const unknownTypes = new Set<string>();
  lines.forEach((line, n) => {
    if (/[IlOo]/.test(line) && /\d/.test(line)) {
      for (const m of line.matchAll(NUMBERISH)) {
        if (!afterNumberOrNothing(line, m.index)) continue;
        const after = digitsForLetters(m[0]);
        if (after) numbers.push({ line: n, start: m.index, end: m.index + m[0].length, before: m[0], after, rule: 'fixOcrDigits', confidence: 0.9 });
      }
      // A number as a path segment of an address: "/2o16/1o/" -> "/2016/10/" (only "o": a
      // path has no other reason to mix it with digits).
      // A number before its unit or ordinal ending ("1oe", "I2h", "5okm") or a time ("2oh3o").
      for (const m of line.matchAll(NUMBER_UNIT)) {
        const num = m[1]!;
        if (/[IlOo]/.test(num)) numbers.push({ line: n, start: m.index, end: m.index + num.length, before: num, after: num.replace(/[IlOo]/g, (c) => LETTER_FOR_DIGIT[c]!), rule: 'fixOcrDigits', confidence: 0.8 });
        const min = m[3];
        if (min && /[IlOo]/.test(min)) {
          const at = m.index + m[0].length - min.length;
          numbers.push({ line: n, start: at, end: at + min.length, before: min, after: min.replace(/[IlOo]/g, (c) => LETTER_FOR_DIGIT[c]!), rule: 'fixOcrDigits', confidence: 0.8 });
        }
      }
      if (line.includes('/')) {
        // A date with slashes: "I5/o3/2o19" -> "15/03/2019".
        for (const m of line.matchAll(SLASH_DATE)) {
          if ((m[0].match(/\d/g) ?? []).length < 2) continue;
          let at = m.index;
          for (const part of m[0].split('/')) {
            if (/[IlOo]/.test(part)) numbers.push({ line: n, start: at, end: at + part.length, before: part, after: part.replace(/[IlOo]/g, (c) => LETTER_FOR_DIGIT[c]!), rule: 'fixOcrDigits', confidence: 0.85 });
            at += part.length + 1;
          }
        }
        for (const m of line.matchAll(PATH_NUMBER)) {
          if (SLASH_DATE_AROUND.test(line.slice(Math.max(0, m.index - 6), m.index + m[0].length + 6))) continue;
          const at = m.index + 1;
          numbers.push({ line: n, start: at, end: at + m[1]!.length, before: m[1]!, after: m[1]!.replace(/o/g, '0'), rule: 'fixOcrDigits', confidence: 0.8 });
        }
      }
      for (const m of line.matchAll(CODE)) {
        const after = digitsInCode(m[0]);
        if (after && !/^[\dIlOo]+$/.test(m[0])) numbers.push({ line: n, start: m.index, end: m.index + m[0].length, before: m[0], after, rule: 'fixOcrDigits', confidence: 0.8 });
      }
      for (const m of line.matchAll(LONE_ONE)) {
        // Not "l 100" after an elision-less article: only where the next group was misread too or is a number.
        numbers.push({ line: n, start: m.index, end: m.index + 1, before: m[0], after: '1', rule: 'fixOcrDigits', confidence: 0.6 });
      }
    }
    if (/\p{L}[0134568]|[0134568]\p{L}/u.test(line)) {
      for (const m of line.matchAll(WORDISH)) {
        if (!/\d/.test(m[0])) continue;
        const after = lettersForDigits(lex, m[0]);
        if (after) words.push({ line: n, start: m.index, end: m.index + m[0].length, before: m[0], after, rule: 'fixOcrLetters', confidence: 0.85 });
      }
    }
    if (/\p{Ll}[SCEG]\p{Ll}/u.test(line)) {
      for (const m of line.matchAll(INNER_CAPITAL)) {
        const after = letterForCapital(lex, m[1]!, m[2]!, m[3]!);
        if (after) words.push({ line: n, start: m.index, end: m.index + m[0].length, before: m[0], after, rule: 'fixOcrLetters', confidence: 0.8 });
      }
    }
    if (gluable && !gluable.some((w) => line.toLowerCase().includes(w))) return;
    for (const m of line.matchAll(WORD)) {
      const word = m[0];
      const lower = word.toLowerCase();
      if (lex.info(lower).fr || lex.info(lower).en) continue;
      const capitalized = word !== lower;
      if (!capitalized) unknownTypes.add(lower);
      const parts = splitGlued(lex, lower, capitalized, line[m.index + word.length] === '-');
      if (parts) {
        const first = capitalized ? word.slice(0, parts[0].length) : parts[0];
        glued.push({ line: n, start: m.index, end: m.index + word.length, before: word, after: `${first} ${parts[1]}`, rule: 'splitOcrGluedWords', confidence: 0.75 });
      }
    }
  });
  // Evidence counts distinct forms: one odd word repeated is no pattern.
  const kinds = (list: OcrFix[]) => new Set(list.map((f) => f.before)).size;
  const confusions = kinds(numbers) + kinds(words);
  const gluedTypes = kinds(glued);
  const gluedShows = gluedTypes >= 3 && 3 * gluedTypes >= Math.max(unknownTypes.size, unknownEarlier);
  const detected = confusions >= 2 || gluedShows || (confusions >= 1 && gluedTypes >= 1);
  if (!detected) return { detected, fixes: [] };
  const fixes = [...numbers, ...numbersWithoutDigits(lines, lex), ...words, ...glued];
  lines.forEach((line, n) => {
    for (const m of line.matchAll(SHORT_WORD)) {
      const parts = splitGluedArticle(lex, m[0]);
      if (parts && !glued.some((f) => f.line === n && f.start === m.index)) fixes.push({ line: n, start: m.index, end: m.index + m[0].length, before: m[0], after: parts.join(' '), rule: 'splitOcrGluedWords', confidence: 0.7 });
    }
  });
  return { detected, fixes };
}
