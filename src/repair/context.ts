import collocationData from './data/collocations.json' with { type: 'json' };

// A little French grammar for deciding whether a damaged form that is itself a word ("lue",
// "pares", "an") should be read as the longer word ("lutte", "parties", "afin"). These are closed
// word classes and fixed locutions of the language, not words of any particular document.

/** Words after which a noun (or adjective) comes, not a verb form or participle. */
export const DETERMINERS = new Set(
  (
    "le la les l' un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs " +
    'chaque quelque quelques plusieurs certains certaines aucun aucune nul nulle divers diverses différents différentes ' +
    'tout toute tous toutes autre autres même mêmes telle tel tels telles nouvelle nouveau nouvelles nouveaux'
  ).split(' '),
);

/** Prepositions: a noun phrase follows ("de lutte", "contre la"), rarely a bare participle. */
export const PREPOSITIONS = new Set("de d' à pour par dans sur sans avec contre entre vers chez sous".split(' '));

/**
 * Locutions whose first word only ever comes before the listed words. "an" before "de" with no
 * determiner or number before it is "afin de"; "un an de", "l'an de" stay.
 */
export const LOCUTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    afin: "de d' que qu'",
    fin: 'à au aux janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    grâce: 'à au aux',
    lors: "de d' du des",
    auprès: "de d' du des",
    quant: 'à au aux',
    jusqu: "à au aux'",
    faute: "de d'",
    compte: 'tenu',
    vis: 'à',
    étant: 'donné donnée donnés données',
    parmi: "les eux elles ces nos vos leurs d' des",
    notamment: "en à par pour dans les la le l' au aux des du",
  }).map(([k, v]) => [k, new Set(v.split(' '))]),
);

/** A number or a word that counts: "un an", "deux ans", "chaque an". */
export function isCounting(prev: string): boolean {
  return /^\p{N}/u.test(prev) || /^(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|cent|mille|par|chaque|premier|dernier|nouvel)$/.test(prev);
}

// Accents: the neighbours of a word, written without accents (as a stripped text writes them;
// "t", "tre", "tait" are "été", "être", "était" with their accented letters dropped).

/** Forms of "avoir" and "être" after which a participle comes ("a adopté", "sont chargées"). */
export const AUXILIARIES = new Set(
  (
    'a ont ai as avons avez avait avaient aura auront aurait auraient ayant avoir eu ' +
    'est sont etre etait etaient etant ete sera seront serait seraient soit soient fut furent ' +
    "t tre tait taient tant n'a n'ont n'est n'etait"
  ).split(' '),
);

const VERB_A_BEFORE = new Set(
  'il elle on qui y cela ca ce n\' l\' m\' t\' qu\'il qu\'elle'.split(' '),
);
const VERB_A_AFTER = new Set(
  ('pas plus ete eu fait pu du su vu dit pris mis permis ete egalement aussi toujours jamais deja ainsi lieu besoin droit trait pour beaucoup donc bien notamment ' +
    // "avoir" + a bare noun, locutions of the language: "a recours à", "a accès à", "a tendance à".
    'recours acces tendance confiance peur envie affaire conscience connaissance faim soif honte').split(' '),
);
const PARTICIPLE_PLAIN = /(?:[^aeiou]i|[^aeou]is|[^aeo]it|[^aeo]u|ert|uit|aint|eint|oint)$/;
// Words after "à" that look like participles or end like them ("à tous", "à partir", "à côté").
const A_STAYS_BEFORE = new Set(
  ('tous plus moins lui celui autrui parmi ici midi paris mardi lundi jeudi mercredi vendredi samedi partir venir tout petit nuit ' +
    'droit profit titre circuit produit produits conflit esprit travers abri bord cote priori propos present legard peine').split(' '),
);
const OU_AFTER = new Set("d' la mesure cas moment jour periode pays lieu endroit epoque annee zones zone region regions situation situations contexte contextes".split(' '));
const DES_BEFORE = new Set("le la l' les lors que qu' maintenant aujourd'hui son sa ses leur leurs cette ce cet notre nos votre mon ma a present janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split(' '));

/**
 * Stripped words whose plain and accented forms are both everyday words: the neighbours decide
 * (prev/next folded; nextBest: the likeliest accented form of the next word). null: keep.
 */
export const ACCENT_CONTEXT: Record<string, (prev: string, next: string, nextBest: string) => string | null> = {
  // "il a", "la Commission a adopté" vs "à la", "à partir", "à Rabat".
  a: (prev, next, nextBest) => {
    if (VERB_A_BEFORE.has(prev) || VERB_A_AFTER.has(next)) return 'a';
    if (/(?:é|ée|és|ées)$/.test(nextBest) && !A_STAYS_BEFORE.has(next) && nextBest !== next) return 'a';
    // "le Maroc a entrepris", "la CADA a rendu": a participle without an accent follows.
    if (next.length >= 4 && PARTICIPLE_PLAIN.test(next) && !A_STAYS_BEFORE.has(next)) return 'a';
    return 'à';
  },
  // "le pays où il", "d'où", "au moment où" vs "A ou B".
  ou: (prev) => (OU_AFTER.has(prev) ? 'où' : null),
  // "dès le début", "dès lors", "dès 2015".
  des: (_prev, next) => (DES_BEFORE.has(next) || /^\d{4}$/.test(next) ? 'dès' : null),
  // "a dû", "dû à".
  du: (prev, next) => (AUXILIARIES.has(prev) || next === 'a' || next === 'au' || next === 'aux' ? 'dû' : null),
  // "bien sûr", "est sûr que".
  sur: (prev, next) => ((prev === 'bien' && next !== 'que') || ((prev === 'est' || prev === 'sont' || prev === 'etre') && /^(?:que|de|d')$/.test(next)) ? 'sûr' : null),
  // "par là", "de là"; "la" otherwise.
  la: (prev, next) => ((prev === 'par' || prev === 'jusque') && next === '' ? 'là' : null),
};

// Word pairs that tell a word from the shorter real word a lost ligature leaves of it: a data file
// (src/repair/data/collocations.json), read once.

type Pattern = { before: string[]; after: string };
const COLLOCATIONS = new Map<string, Pattern[]>();
for (const [word, list] of Object.entries(collocationData as Record<string, string | string[]>)) {
  if (word.startsWith('_') || !Array.isArray(list)) continue;
  COLLOCATIONS.set(
    word,
    list.map((pattern) => {
      const [before = '', after = ''] = pattern.split('_').map((s) => s.trim());
      // "_ d'emploi": the piece after the word is the elision "d'".
      const first = after.split(/\s+/)[0] ?? '';
      return { before: before ? before.split(/\s+/) : [], after: /^\p{L}+'\p{L}/u.test(first) ? first.slice(0, first.indexOf("'") + 1) : first };
    }),
  );
}

/**
 * Whether `word` fits its place by a known word pair: "il _ de" for "suffit", "relever les _" for
 * "défis". prev2/prev/next are the neighbours (lower case, an elision as "l'"); next's first
 * word only is compared.
 */
export function collocationFits(word: string, prev2: string, prev: string, next: string): boolean {
  const list = COLLOCATIONS.get(word);
  if (!list) return false;
  return list.some(({ before, after }) => {
    if (after && after !== next) return false;
    if (before.length === 0) return after !== '';
    if (before.length === 1) return before[0] === prev;
    return before[before.length - 1] === prev && before[before.length - 2] === prev2;
  });
}
