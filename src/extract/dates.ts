// Date patterns, as written in French pages. Nothing here converts a date: normalization does.

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const ACCENT_CLASS: Record<string, string> = { é: '[ée]', è: '[èe]', û: '[ûu]' };

/**
 * A month name that may still hold the hyphen of a PDF line break ("Oc-tobre", "Dé-cembre")
 * when the text was not repaired, and may have lost its accent ("Fevrier").
 */
function monthPattern(m: string): string {
  return [...m].map((c) => ACCENT_CLASS[c] ?? c).join('-?');
}

export const MONTH = `(?:${[...MONTHS_FR, ...MONTHS_EN].map(monthPattern).join('|')})`;
const YEAR = '(?:19|20)\\d{2}';
const DASH = '\\s*[-–—]\\s*';
const NOT_LETTER = '(?![\\p{L}\\d])';
const NO_LETTER_BEFORE = '(?<![\\p{L}\\d])';

/**
 * A project period: "Février 2014 – Février 2018", "Oc-tobre 2013 - Avril 2016", "2014 - 2016",
 * "Mai 2015 – en cours".
 */
export const PERIOD_RE = new RegExp(
  `${NO_LETTER_BEFORE}(?:${MONTH}\\s+)?${YEAR}${DASH}(?:(?:${MONTH}\\s+)?${YEAR}|en cours|à ce jour|aujourd[’']hui|present|présent)${NOT_LETTER}`,
  'iu',
);

const DAY = '(?:1er|[0-3]?\\d)';
/**
 * A dated activity with a day: "15-17 février 2022", "15 février 2022", "du 28 février au
 * 2 mars 2022", "15 et 16 mars". "fin mars 2022" (no day) is not one.
 */
export const DAY_DATE_RE = new RegExp(
  `${NO_LETTER_BEFORE}(?:du\\s+)?${DAY}(?:\\s+${MONTH})?(?:\\s*(?:[-–—]|au|et)\\s*${DAY})?\\s+${MONTH}(?:\\s+${YEAR})?${NOT_LETTER}`,
  'giu',
);

/** Dates with a day, as written, in order, without repeats. */
export function findDayDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DAY_DATE_RE)) {
    const d = m[0].trim();
    if (!out.includes(d)) out.push(d);
  }
  return out;
}
