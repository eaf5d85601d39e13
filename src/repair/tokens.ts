// Words of a line as repair sees them: where they are, their elided prefix ("l’", "qu’"),
// their case, and whether they must be left alone (URLs, e-mails, codes, non-Latin script).

// Letters and combining marks with inner apostrophes or hyphens (U+002D, U+2010): "aujourd’hui",
// "Celle-ci". Scanned by hand rather than by regex: no match object per word (1.7 M words in 10 MB).
const OTHER_LETTER = /[\p{L}\p{M}]/u;
const LATIN = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) LATIN[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) ? 1 : 0;

export function isLetter(c: number): boolean {
  if (c < 0x250) return LATIN[c] === 1;
  return c !== 0x2019 && c !== 0x2010 && !(c >= 0xd800 && c <= 0xdfff) && OTHER_LETTER.test(String.fromCharCode(c));
}

const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45 || c === 0x2010;

/** Where the next word starts at or after `from`, or -1. */
export function nextWord(line: string, from: number): number {
  for (let i = from; i < line.length; i++) if (isLetter(line.charCodeAt(i))) return i;
  return -1;
}

/** Where the word starting at `start` ends (exclusive). */
export function wordEnd(line: string, start: number): number {
  let i = start + 1;
  for (;;) {
    while (i < line.length && isLetter(line.charCodeAt(i))) i++;
    if (i + 1 < line.length && isJoiner(line.charCodeAt(i)) && isLetter(line.charCodeAt(i + 1))) i += 2;
    else return i;
  }
}

const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|[\w.+-]+(?:@|\[at\]|\(at\))[\w-]+(?:\.[\w-]+)+|\[email[^\]]*\]/giu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=\p{L})/iu;
const NON_LATIN = /[^\p{Script=Latin}\p{M}'’\-\u2010]/u;
const IS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The elided article or pronoun of a word, with its apostrophe ("l’", "qu'"), or "". */
export function elisionOf(word: string): string {
  // The apostrophe of an elision is within the first 7 characters ("lorsqu’"): look only there.
  const n = Math.min(word.length - 1, 7);
  for (let i = 1; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c === 39 || c === 0x2019) return ELISION.exec(word)?.[0] ?? '';
  }
  return '';
}

/** Arabic, Cyrillic, CJK...: any letter past Latin Extended-B, bar ’ and U+2010 (cheap pre-test). */
export function nonLatin(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 0x24f && c !== 0x2019 && c !== 0x2010 && !(c >= 0x300 && c <= 0x36f)) return NON_LATIN.test(word);
  }
  return false;
}

/** Cheap test for the characters that can freeze a neighbouring word. */
const MAY_FREEZE = (c: string | undefined) => c !== undefined && c !== ' ' && c !== ',' && c !== '\t' && c !== '’' && c !== "'" && c !== '(' && c !== ')';

export function lowerKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** URL and e-mail spans of a line (offsets), whose words are never touched. */
export function protectedSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (/[@/]|www\.|\[at\]|\(at\)/.test(line)) for (const m of line.matchAll(URL_OR_EMAIL)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * A word never to touch: in a URL or e-mail, glued to a digit, "_", "@" or "/" ("MA10P0517",
 * "et/ou"), inside a domain or file name ("morocco.iom.int", "guide.pdf").
 */
export function isFrozen(line: string, start: number, end: number, spans: Array<[number, number]>): boolean {
  if (spans.length && spans.some(([a, b]) => start < b && end > a)) return true;
  if (!MAY_FREEZE(line[start - 1]) && !MAY_FREEZE(line[end])) return false;
  const before = line[start - 1] ?? ' ';
  const after = line[end] ?? ' ';
  if (/[\p{N}_@/\\]/u.test(before) || /[\p{N}_@]/u.test(after)) return true;
  if (before === '.' && IS_LETTER_OR_DIGIT.test(line[start - 2] ?? ' ')) return true;
  if ((after === '.' || after === '/' || after === ':') && IS_LETTER_OR_DIGIT.test(line[end + 1] ?? ' ')) return true;
  return false;
}

export type CaseShape = 'lower' | 'capital' | 'upper' | 'mixed';

export function caseShape(word: string): CaseShape {
  if (word === word.toLowerCase()) return 'lower';
  if (word === word.toUpperCase()) return word.length > 1 ? 'upper' : 'capital';
  const rest = word.slice(1);
  return word[0] === word[0]!.toUpperCase() && rest === rest.toLowerCase() ? 'capital' : 'mixed';
}

/** Gives `lower` the case shape of `like`: "Migraon" + "migration" -> "Migration". */
export function applyCase(lower: string, like: string): string {
  switch (caseShape(like)) {
    case 'upper':
      return lower.toUpperCase();
    case 'capital':
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    default:
      return lower;
  }
}
