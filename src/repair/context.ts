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
