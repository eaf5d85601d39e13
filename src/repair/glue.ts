// Blocks glued together by text extraction: a heading run into its paragraph ("Contexte
// migratoire marocainLe contexte"), a date into the next title ("2021L’autonomisation"), a
// bullet into the previous sentence ("pauvreté.• Assistance"), two sentences ("etc.Actuellement").
import type { WordJudge } from './judge.js';
import { lowerKey } from './tokens.js';

export interface Split {
  /** The line's new text; "\n" where a block boundary was put back. */
  text: string;
  splits: Array<{ before: string; after: string }>;
}

interface GlueRule {
  /** Cheap test on the whole line before the replacing regex runs. */
  test: RegExp;
  find: RegExp;
  /** The replacement of a match, or null to leave it. */
  fix: (judge: WordJudge, line: string, m: string, a: string, b: string, at: number) => string | null;
}

const known = (judge: WordJudge, w: string) => judge.known(lowerKey(w.replace(/['’]$/, '')));
const elided = (w: string) => /['’]$/.test(w);

/** The whole whitespace-free chunk around a match. */
function chunkAt(line: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a > 0 && !/\s/.test(line[a - 1]!)) a--;
  while (b < line.length && !/\s/.test(line[b]!)) b++;
  return line.slice(a, b);
}

// Letters OCR reads as capitals inside a word ("leSon" for "leçon").
const OCR_CAPITALS: Record<string, string[]> = { S: ['ç'], C: ['ç'], G: ['ç'], E: ['é', 'è', 'ê'] };

const RULES: GlueRule[] = [
  {
    // lower-case word (2+ letters, starting the run) + Capitalized word or elided capital ("L’").
    test: /\p{Ll}{2}\p{Lu}/u,
    find: /(?<![\p{L}\p{M}\p{N}_@./])(\p{Ll}[\p{Ll}\p{M}]+)(\p{Lu}(?:[\p{Ll}\p{M}]+|['’](?=\p{L})))/gu,
    fix: (judge, line, m, left, right, at) => {
      const chunk = chunkAt(line, at, at + m.length);
      if (/[@/\\_]|www\.|\p{N}/u.test(chunk) || (chunk.match(/\p{Ll}\p{Lu}/gu) ?? []).length > 1) return null;
      if (!known(judge, left) || known(judge, left + right)) return null;
      // "leSon" is "leçon" with its "ç" read as a capital by OCR, not "le" + "Son".
      if (OCR_CAPITALS[right[0]!]?.some((c) => known(judge, left + c + right.slice(1)))) return null;
      return elided(right) || known(judge, right) ? `${left}\n${right}` : null;
    },
  },
  {
    // A number standing alone, then a Capitalized word: "2021L’autonomisation", "81Fax".
    test: /\p{N}\p{Lu}/u,
    find: /(?<![\p{L}\p{N}_])(\p{N}+)(\p{Lu}(?:[\p{Ll}\p{M}]{2,}|['’](?=\p{L})))/gu,
    fix: (judge, _line, _m, num, right) => (elided(right) || known(judge, right) ? `${num}\n${right}` : null),
  },
  {
    // Two sentences: "etc.Actuellement" (same paragraph: a space, not a line break).
    test: /\p{Ll}\.\p{Lu}/u,
    find: /(?<![\p{L}\p{M}\p{N}_@./])(\p{Ll}[\p{Ll}\p{M}]+)\.(\p{Lu}[\p{Ll}\p{M}]+)(?![\p{L}\p{N}.@/])/gu,
    fix: (judge, _line, _m, left, right) => (known(judge, left) && known(judge, right) ? `${left}. ${right}` : null),
  },
  {
    // A bullet in mid-line after the end of a sentence or a colon. (The empty group keeps the
    // replacer's arguments in the same places as the other rules'.)
    test: /[.;:!?»)][ \t]*•/u,
    find: /(\S*[.;:!?»)])[ \t]*•()/gu,
    fix: (_judge, _line, _m, prev) => `${prev}\n•`,
  },
];

/**
 * Cheap pre-test, no regex: a lower-case letter, digit or period right before a capital, or a
 * bullet after the line's start. Latin-1 letters only; others fall through to the rules' tests.
 */
function mayBeGlued(line: string): boolean {
  let prev = 32;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x2022 && i > 0) return true;
    const upper = (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
    if (upper && ((prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57) || prev === 46 || (prev >= 0xdf && prev <= 0xff && prev !== 0xf7) || prev > 0x24f)) return true;
    prev = c;
  }
  return false;
}

/** The letters right after `at`, to show a split with the whole word: "nousL'Organisation". */
function restOfWord(line: string, at: number): string {
  return /^[\p{L}\p{M}]*/u.exec(line.slice(at, at + 40))![0];
}

/**
 * Puts back the block boundaries text extraction lost.
 * - "marocainLe contexte" -> "marocain\nLe contexte" when "marocain" is a word, "Le" starts a
 *   word and "marocainle" is not one. Not split: CamelCase brands and names that start with a
 *   capital ("LinkedIn", "McDonald", "MarocTel"), one-letter prefixes ("iPhone", "eBay"),
 *   identifiers with several humps ("getElementById"), anything in a URL, e-mail or code.
 * - "2021L’autonomisation" -> "2021\nL’autonomisation" (a lone number, then a Capitalized word).
 * - "pauvreté.• Assistance" -> "pauvreté.\n• Assistance" (a bullet in mid-line after a sentence).
 * - "etc.Actuellement" -> "etc. Actuellement" (same paragraph: a space, not a line break).
 */
export function splitGluedDetailed(line: string, judge: WordJudge): Split {
  const splits: Split['splits'] = [];
  if (!mayBeGlued(line)) return { text: line, splits };
  let text = line;
  for (const rule of RULES) {
    if (!rule.test.test(text)) continue;
    const from = text;
    text = from.replace(rule.find, (m: string, a: string, b: string, at: number) => {
      const fixed = rule.fix(judge, from, m, a, b, at);
      if (fixed === null) return m;
      const rest = restOfWord(from, at + m.length);
      splits.push({ before: m + rest, after: fixed + rest });
      return fixed;
    });
  }
  return { text, splits };
}

/** See splitGluedDetailed. Each line may become several. */
export function splitGluedWords(text: string, judge: WordJudge): string {
  return text
    .split('\n')
    .map((line) => splitGluedDetailed(line, judge).text)
    .join('\n');
}
