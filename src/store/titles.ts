// A record's title as linking compares it (store/link.ts) and looks it up (project_title_keys):
// significant words, the whole title, keys. No imports: the schema's migration 7 uses it too.

const STOP = new Set(
  ('les des pour par avec dans sur aux une est sont qui que dont entre ces ses leur leurs its the and for with from '
    + 'projet project programme program phase initiative').split(' '),
);

/** Significant title words: accent-free, lower case, plural -s/-x dropped, no short or common words. */
export function titleWords(title: string, stem = true): Set<string> {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOP.has(w))
    .map((w) => (stem && w.length > 4 ? w.replace(/[sx]$/, '') : w));
  return new Set(words);
}

/** A title compared as a whole: accents, case, punctuation and spacing ignored. */
export const exactTitle = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** How many of a title's longest words make its keys (every three of them). */
const KEY_WORDS = 5;

/**
 * The title keys of a record (table project_title_keys, written by writeSource): every three of its
 * KEY_WORDS longest significant words (stemmed as titleWords, in alphabetical order, joined by a
 * space), and its whole title compared as a whole ("=" and exactTitle). A record that could be
 * linked by title shares three words with it (sameProjectScore), or the whole title when it is
 * one or two words long. Looking a key up reads one range of an index, of at most a fixed number of rows (link.ts PER_KEY),
 * whatever the size of the database (the full-text posting lists used before grew with it).
 */
export function titleKeys(title: string): string[] {
  const words = [...titleWords(title)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, KEY_WORDS);
  const keys = new Set<string>();
  const whole = exactTitle(title);
  if (whole) keys.add(`=${whole}`);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      for (let k = j + 1; k < words.length; k++) keys.add([words[i]!, words[j]!, words[k]!].sort().join(' '));
    }
  }
  return [...keys];
}

