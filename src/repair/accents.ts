// Accents and apostrophes a text lost, found per document and put back word by word:
// - stripped: "developpement", "la periode", "Etat" (old OCR layers, some exports, ASCII folds);
// - dropped: a broken font map loses every accented glyph, "Prserver", "Cot global", "gestion
//   dlgue", "grce  la" (à gone, two spaces left);
// - apostrophes lost with it: "lOIM", "dune rforme", "quil".
// Each kind is repaired only where the document shows it: words it repairs are many, and words
// that show the kind intact (accented letters, elisions with an apostrophe) are few. Clean text
// has plenty of both, so it is never touched.
import { generateCandidates } from './candidates.js';
import { ACCENT_CONTEXT, AUXILIARIES, DETERMINERS, isCounting } from './context.js';
import type { Lexicon, WordInfo } from './lexicon.js';
import { collectWords, pieceAt, shapeAt, type DocWords, type Piece } from './pieces.js';
import { applyCase } from './tokens.js';

/** Accented letters a font map can drop, each one an insertion for the candidate search. */
export const DROPPED_LETTERS = ['é', 'è', 'ê', 'à', 'â', 'ç', 'ô', 'î', 'û', 'ù', 'ï', 'ë', 'œ', 'éé'];

const HAS_ACCENT = /[àâäçéèêëîïôöùûüÿœæ]/;
const ELISIONS = ['jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'qu', 'l', 'd', 'n', 's', 'c', 'j', 'm', 't'];
const VOWEL_START = /^[aeiouyhàâéèêîôûœ]/;
const INTACT_ELISION = /(?<![\p{L}\p{M}])(?:jusqu|lorsqu|puisqu|qu|[ldnscjmt])['’](?=\p{L})/giu;

/** "développement" -> "developpement": the form an accent-stripping export writes. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

const indexes = new WeakMap<Lexicon, Map<string, string[]>>();

/**
 * Folded form -> the French words that fold to it ("etat" -> ["état"]), most frequent first.
 * Built on first use from the lexicon (only documents with stripped accents need it).
 */
export function accentIndex(lex: Lexicon): Map<string, string[]> {
  let index = indexes.get(lex);
  if (index) return index;
  index = new Map();
  for (let i = 0; i < lex.size; i++) {
    if (!lex.frenchAt(i)) continue;
    const w = lex.wordAt(i);
    if (!HAS_ACCENT.test(w)) continue;
    const f = foldAccents(w);
    if (f === w) continue;
    const list = index.get(f);
    if (list) list.push(w);
    else index.set(f, [w]);
  }
  const rank = (w: string) => lex.info(w).frRank || 1e6;
  for (const list of index.values()) if (list.length > 1) list.sort((a, b) => rank(a) - rank(b));
  indexes.set(lex, index);
  return index;
}

export interface AccentDamage {
  stripped: boolean;
  dropped: boolean;
  apostrophes: boolean;
  /** The counts behind the verdicts (distinct lower-case word types; intact elisions are tokens). */
  evidence: { stripped: number; dropped: number; intact: number; elided: number; intactElisions: number };
}

const isFrench = (lex: Lexicon, w: string) => {
  const i = lex.info(w);
  return i.fr || (i.frFreq && i.frRank > 0 && i.frRank < 20000);
};
/** A word as written: in the French list, or common English ("migrants" is only there). The
 *  French frequency lists alone do not count: they hold the pieces broken texts leave ("uvre"). */
const knownWord = (lex: Lexicon, w: string) => {
  const i = lex.info(w);
  if (i.fr || (i.en && i.enRank > 0 && i.enRank < 10000)) return true;
  // An inflection the list lacks: "migrantes" from "migrant".
  const m = /^(.{3,}?)(?:es|e|s)$/.exec(w);
  return m !== null && lex.info(m[1]!).fr && !HAS_ACCENT.test(m[1]!.slice(-1));
};
const englishWord = (lex: Lexicon, w: string) => {
  const i = lex.info(w);
  return i.en && i.enRank > 0 && i.enRank < 20000;
};

/** Candidates for a word that lost accented letters: French words, 1..3 letters put back. */
function droppedCandidates(lex: Lexicon, lower: string): string[] {
  if (lower.length > 24) return [];
  const max = lower.length <= 2 ? 2 : 3;
  return generateCandidates(lex, lower, DROPPED_LETTERS, max)
    .map((c) => c.word)
    .filter((w) => isFrench(lex, w) || adverbOf(lex, w));
}

/** "écologiquement" from "écologique": an adverb the lists lack, made on a French adjective. */
const adverbOf = (lex: Lexicon, w: string) => w.length >= 9 && w.endsWith('ment') && lex.info(w.slice(0, -4)).fr;

/**
 * A text with almost no accented letter (under one in 400 letters; French prose has one in 25)
 * may have lost them: cheap test, before any word is looked at.
 */
export function accentPoor(text: string): boolean {
  let letters = 0;
  let accented = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
    else if (c >= 0xc0 && c <= 0x17f) {
      letters++;
      accented++;
    }
  }
  return letters >= 20 && accented * 400 < letters;
}

/** Becomes a French word once stripped accents or dropped accented letters are put back. */
export function accentRestorable(lex: Lexicon, lower: string): boolean {
  return accentIndex(lex).has(lower) || (lower.length >= 4 && droppedCandidates(lex, lower).length > 0);
}

/** "données" -> "donnes": what a font map that drops accented glyphs leaves. */
export function dropAccented(s: string): string {
  return s.replace(/[àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ]/g, '');
}

/** "lemploi" -> ["l’emploi"], "dvaluation" -> ["d’évaluation"] (with dropped letters). */
function elidedCandidates(lex: Lexicon, lower: string, dropped: boolean): Array<{ prefix: string; rest: string }> {
  const out: Array<{ prefix: string; rest: string }> = [];
  for (const p of ELISIONS) {
    if (!lower.startsWith(p) || lower.length - p.length < 2) continue;
    const rest = lower.slice(p.length);
    // The rest as written only if the French list has it ("uvre" is a frequency-list fragment).
    const rests = knownWord(lex, rest) ? [rest] : [];
    if (dropped) rests.push(...droppedCandidates(lex, rest));
    for (const r of rests) if (VOWEL_START.test(r)) out.push({ prefix: p, rest: r });
  }
  return out;
}

/** Which accent damage this document shows (see the file's head). */
export function detectAccentDamage(doc: DocWords, lex: Lexicon): AccentDamage {
  let stripped = 0;
  let dropped = 0;
  let intact = 0;
  let elided = 0;
  let intactElisions = 0;
  for (const line of doc.lines) {
    if (!line.includes("'") && !line.includes('’')) continue;
    for (const _ of line.matchAll(INTACT_ELISION)) intactElisions++;
  }
  // First the cheap counts: intact accented words, and the words that could be evidence
  // (lower-case, not in the French list). Evidence can only come from those, so when the intact
  // words already outweigh them, no candidate needs to be looked for (most texts).
  const seen = new Uint8Array(doc.byId.length);
  const suspects: string[] = [];
  for (let i = 0; i < doc.size; i++) {
    const id = doc.type[i]!;
    if (seen[id]) continue;
    const t = doc.byId[id]!;
    if (HAS_ACCENT.test(t.lower)) {
      seen[id] = 1;
      intact++;
      continue;
    }
    // Evidence from lower-case words only: capitals are names, acronyms, English titles.
    if ((doc.flags[i]! & 3) !== 0) continue;
    seen[id] = 1;
    if (t.info.fr || t.lower.endsWith("'") || t.lower.length < 3) continue;
    suspects.push(t.lower);
  }
  const lettersPossible = 3 * intact <= suspects.length;
  const apostrophesPossible = 3 * intactElisions <= suspects.length;
  if (lettersPossible || apostrophesPossible) {
    const index = lettersPossible ? accentIndex(lex) : null;
    for (const lower of suspects) {
      if (index) {
        if (index.has(lower)) {
          if (!englishWord(lex, lower)) stripped++;
        } else if (!knownWord(lex, lower) && droppedCandidates(lex, lower).length) dropped++;
      }
      if (apostrophesPossible && elidedCandidates(lex, lower, lettersPossible).length) elided++;
    }
  }
  // Both kinds show similar words now and then ("gres" is stripped "grès" and dropped "gérés"):
  // the kind with much more evidence is the one.
  // Elided articles glued to acronyms ("lUE", "lOIM") show lost apostrophes too.
  const acronyms = new Set<string>();
  for (const line of doc.lines) for (const m of line.matchAll(ELIDED_ACRONYM_IN_LINE)) acronyms.add(m[0]);
  // And to names: "lOrganisation", "dAmrique".
  for (const line of doc.lines) for (const m of line.matchAll(ELIDED_NAME_IN_LINE)) acronyms.add(m[0]);
  elided += acronyms.size;
  const isDropped = dropped >= 2 && 3 * intact <= dropped && dropped * 3 > stripped;
  return {
    stripped: stripped >= 2 && 3 * intact <= stripped && stripped * 3 > dropped,
    dropped: isDropped,
    // A font map that drops accented letters drops apostrophes as well: one sign is enough there.
    apostrophes: (elided >= 2 || (isDropped && elided >= 1)) && 3 * intactElisions <= elided,
    evidence: { stripped, dropped, intact, elided, intactElisions },
  };
}

export interface AccentFix {
  line: number;
  start: number;
  end: number;
  before: string;
  after: string;
  rule: string;
  confidence: number;
  /** What the change list shows, when the text changed is only spaces: the words around it. */
  shown?: [before: string, after: string];
}

const UNRANKED = 100_000;
const freq = (lex: Lexicon, w: string) => {
  const i = lex.info(w);
  return i.frRank ? Math.log10(UNRANKED / i.frRank) : 0;
};

const PARTICIPLE = /(?:é|ée|és|ées)$/;

/** "financé" beside "finance", "chargées" beside "charges": a participle of the written form. */
export function isParticipleOf(c: string, plain: string): boolean {
  return PARTICIPLE.test(c) && !PARTICIPLE.test(plain) && foldAccents(c) === foldAccents(plain);
}

/**
 * A participle and a verb form or noun that read the same once stripped ("financé"/"finance",
 * "chargées"/"charges", "présenté"/"présente"): what the neighbours say for the participle
 * (negative: for the other form). prev and next are folded.
 */
export function participleBias(lex: Lexicon, c: string, other: string, prev: string, next: string, next2 = '', head?: Head | null): number {
  if (VERB_BEFORE.has(prev)) return -2;
  // The written form is a participle itself: "une décision prise par" (not "prisé").
  if (/(?:pris|mis|dit|fait|crit|duit|struit|quis|vert|ffert|teint|peint|traint)es?$/.test(other)) return -1.5;
  if (AUXILIARIES.has(prev)) return 2;
  // After "plus", "très": a participle or an adjective ("les plus complexes"), less sure.
  if (ADVERBS.has(prev)) return 1.5;
  // A verb before "à" and an infinitive, or an infinitive alone (its "à" dropped): "le projet
  // vise à renforcer", "aspire à appuyer" (`verbBeforeInfinitive`).
  if (/e$/.test(other) && ((next === 'a' && INFINITIVE.test(next2)) || INFINITIVE.test(next))) return -1;
  // A verb, an adverb, then its object: "ce programme recrute exclusivement des travailleuses".
  if (/e$/.test(other) && /ment$/.test(next) && next.length >= 7 && ARTICLES.has(next2)) return -1;
  // After a determiner, a noun, agreeing with it: "le marché" (marche is feminine), "un
  // programme" (no noun "programmé"), "la durée".
  const want = MASCULINE.has(prev) ? 'm' : FEMININE.has(prev) ? 'f' : DETERMINERS_ANY.has(prev) ? '' : null;
  if (want !== null) {
    const fits = (w: string) => {
      const g = nounGender(lex, w);
      return g !== '' && (want === '' || g.includes(want));
    };
    const fc = fits(c);
    const fo = fits(other);
    return fc === fo ? 0 : fc ? 2 : -2;
  }
  // After a number, a noun: "trois axes", "deux cibles".
  if (isCounting(prev)) return -1;
  const h = head === undefined ? headAt(lex, [prev]) : head;
  // A verb form in "-es" is said to "tu" only: after anything else, "accompagnes" and
  // "retournes" are "accompagnés", "retournées" (`secondPersonNeedsTu`), agreeing with the noun
  // when there is one. A noun ("charges") or an adjective ("domestiques") is no verb.
  if (/(?:és|ées)$/.test(c) && /es$/.test(other) && !isNoun(lex, other) && !ADJECTIVE_END.test(other) && prev !== 'tu' && !ARTICLES.has(prev) && !DETERMINERS_ANY.has(prev) && !DETERMINERS.has(prev)) {
    return !h || agreesWith(h, c) ? 0.8 : -0.5;
  }
  // A second noun after "et" ("les noms et dates par un identifiant"): no participle.
  if (h?.coordinated && isNoun(lex, other)) return -0.5;
  // "financé par" (the agent), not "par ailleurs", "par exemple", nor "commence par".
  if (next === 'par' && !PAR_LOCUTIONS.has(next2) && !PAR_VERBS.test(other)) return 2;
  if (ARTICLES.has(next) || DETERMINERS.has(next) || next === 'que' || next === "qu'") return -1;
  // After a noun, a participle agrees with it: "une manière ordonnée", "le travail forcé"; the
  // noun may stand a few words back, past adjectives and "et" ("une gestion humaine et ordonnée").
  if (h) {
    if (!agreesWith(h, c)) return -0.5;
    // A form only agreement makes ("ordonnée", "liées", "chargés"), where the other reading
    // would be a verb or a noun with no place there (`participleAgreesWithNoun`); not a noun
    // after a noun and "et" ("les noms et dates").
    // An adjective in -ant/-ent agrees as well ("les acteurs présents"): no more than a hint.
    if (/(?:ée|ées|és)$/.test(c) && !ARTICLES.has(next) && next !== 'que' && next !== "qu'") return h.coordinated && isNoun(lex, other) ? -0.5 : /(?:ant|ent)e?s?$/.test(other) ? 0.6 : 1;
    return 0.6;
  }
  return 0;
}

/** The noun a participle would agree with: its gender, its number (null: either, "pays"), and
 *  how many words back it stands. */
export interface Head {
  gender: 'm' | 'f' | 'mf';
  plural: boolean | null;
  distance: number;
  /** "et" or "ou" right after the noun: the word may be a second noun ("noms et dates"). */
  coordinated: boolean;
}

/** The participle's gender and number are its noun's. */
function agreesWith(h: Head, c: string): boolean {
  const gender = (h.gender === 'f' ? /ées?$/ : h.gender === 'm' ? /és?$/ : /ée?s?$|és?$/).test(c);
  return gender && (h.plural === null || /s$/.test(c) === h.plural);
}

const INFINITIVE = /^\p{L}{2,}(?:er|ir)$/u;

/** A noun's gender, a plural's from its singular ("cibles": "cible", f). */
const nounGender = (lex: Lexicon, w: string): WordInfo['gender'] => lex.info(w).gender || (/[sx]$/.test(w) && w.length > 3 ? lex.info(w.slice(0, -1)).gender : '');

/** A noun, or the plural of one (Lefff genders are given on singular forms mostly). */
const isNoun = (lex: Lexicon, w: string) => lex.info(w).gender !== '' || (/[sx]$/.test(w) && lex.info(w.slice(0, -1)).gender !== '');
// Endings of adjectives, never verb forms: "domestiques", "possibles", "régionales".
const ADJECTIVE_END = /(?:ique|ible|able|aire|ive|elle|ale|euse|ienne|aine|oire)s?$/;


/**
 * The noun before a word, from its preceding words (folded, nearest first): the first with a
 * noun gender, past words with none (adjectives) and HEAD_SKIP words; none past a determiner,
 * preposition, pronoun or verb auxiliary, nor more than 3 words back.
 */
export function headAt(lex: Lexicon, before: readonly string[], gender: (w: string) => WordInfo['gender'] = (w) => lex.info(w).gender): Head | null {
  for (let k = 0; k < Math.min(3, before.length); k++) {
    const w = before[k]!;
    if (!w || ARTICLES.has(w) || DETERMINERS_ANY.has(w) || DETERMINERS.has(w) || VERB_BEFORE.has(w) || AUXILIARIES.has(w) || STOP_HEAD.has(w)) return null;
    if (HEAD_SKIP.has(w)) continue;
    // Lefff gives most genders on the singular: "personnes" is "personne"'s.
    const g = gender(w) || (/[sx]$/.test(w) && w.length > 3 ? gender(w.slice(0, -1)) : '');
    if (g !== '') {
      // "pays", "processus", "prix": no singular without the "s" or "x", so either number.
      const plural = /[sxz]$/.test(w) ? (gender(w.slice(0, -1)) !== '' || /aux$/.test(w) ? true : null) : false;
      return { gender: g, plural, distance: k + 1, coordinated: k === 1 && (before[0] === 'et' || before[0] === 'ou') };
    }
    if (HEAD_SKIP.has(w)) continue;
    // An adjective or participle between ("nationale", "humaine"): a known word, not a verb
    // auxiliary; anything else ends the search.
    if (!/(?:e|es|s|x|l|f|r|t|n|é|ée|és|ées)$/.test(w)) return null;
  }
  return null;
}


const words = (s: string) => new Set(s.split(' '));
// Verbs built with "par" ("commence par une majuscule", "passe par", "finit par").
const PAR_VERBS = /^(?:commenc|termin|fini|pass|debut)(?:e|es|ent|it|issent)$/;
const PAR_LOCUTIONS = words('ailleurs exemple consequent contre suite ricochet hasard defaut principe consequence');
const ADVERBS = words('plus moins tres bien mal trop si aussi deja mieux');
const VERB_BEFORE = words("je j' tu il elle on nous vous ils elles qui ne n' se s' me m' te t' lui y en");
const MASCULINE = words('le un du au ce cet mon ton son quel nouveau premier');
const FEMININE = words('la une cette ma ta sa quelle nouvelle premiere');
const DETERMINERS_ANY = words("les des aux ces mes tes ses nos vos leurs notre votre leur chaque plusieurs certains certaines quelques l' d'");
const ARTICLES = words("le la les l' un une des du au aux ce cette ces son sa ses leur leurs");
// Words a participle's noun may stand behind: adjectives and these ("humaine et ordonnée").
const HEAD_SKIP = words('et ou non bien tres mal plus moins aussi deja souvent');
const STOP_HEAD = words("de d' a à pour par dans sur sans avec contre entre vers chez sous que qu' qui dont");

/** "marchés" -> "marché", "présentées" -> "présenté": a form's stem, for settled forms. */
const stem = (w: string) => w.replace(/(?:es|e|s)$/, '');

interface Chosen {
  after: string;
  rule: string;
  confidence: number;
}

/**
 * Candidates for one word and the best of them, or null to leave it. `plainKnown`: the word as
 * written is itself a French word ("marche", "dune"): then only a clearly better candidate wins.
 */
function choose(
  lex: Lexicon,
  doc: DocWords,
  p: Piece,
  damage: AccentDamage,
  prevFolded: string,
  nextFolded: string,
  nextBest: string,
  settled: ReadonlySet<string>,
  next2Folded = '',
  head: Head | null = null,
  used: { head: boolean; keptNoun?: boolean } = { head: false },
): Chosen | null {
  const lower = p.lower;
  const special = ACCENT_CONTEXT[lower] as ((prev: string, next: string, nextBest: string) => string | null) | undefined;
  if (special && damage.stripped) {
    const pick = special(prevFolded, nextFolded, nextBest);
    return pick && pick !== lower ? { after: pick, rule: 'restoreStrippedAccents', confidence: 0.7 } : null;
  }
  // Stripped forms are often in the frequency lists ("etat", "general"): there only the French
  // list says a word is one. Dropped forms are rarely there ("migrants" is, and is a word).
  const plainKnown = plainKnownForm(lex, lower, damage);
  // Lone letters: only "o" (où) and "t" (été) are left by dropped letters often enough.
  if (lower.length === 1 && !(damage.dropped && (lower === 'o' || lower === 't')) && !(special !== undefined && damage.stripped)) return null;
  type C = { word: string; rule: string; score: number };
  const cands: C[] = [];
  // The document writes the candidate intact elsewhere (the written form itself is no evidence).
  // Or a form of it was restored elsewhere without doubt ("au marché" speaks for "les marchés").
  // A participle settled elsewhere says nothing against its own verb ("utilisé" restored after
  // "a" does not make "la DGFIP utilise" a participle): only against a noun of another word
  // ("au marché" against "les marches").
  const verbOnly = plainKnownForm(lex, lower, damage) && lex.info(lower).gender === '';
  const docBonus = (w: string) => (w === lower ? 0 : (doc.types.get(w)?.count ?? 0) > 0 ? 1.5 : settled.has(stem(w)) && !(verbOnly && PARTICIPLE.test(w)) ? 1 : 0);
  // A participle among the readings: the neighbours weigh for it or for the other forms with
  // the same skeleton ("financé"/"finance" stripped, "données"/"donnes" dropped).
  const skeleton = damage.stripped ? foldAccents : dropAccented;
  let participle: string | undefined;
  let other = lower;
  const bias = (w: string) => {
    if (participle === undefined) return 0;
    const b = participleBias(lex, participle, other, prevFolded, nextFolded, next2Folded, head);
    if (w === participle) return Math.max(0, b);
    return !PARTICIPLE.test(w) && skeleton(w) === skeleton(participle) ? Math.max(0, -b) : 0;
  };
  // Where agreement asks for the participle ("les personnes âgées"), a form of another word
  // restored elsewhere ("tous âges") does not speak against it.
  const agreed = () => participle !== undefined && participleBias(lex, participle, other, prevFolded, nextFolded, next2Folded, head) >= 1;
  const score = (w: string) => freq(lex, w) + (participle !== undefined && w !== participle && w !== lower && agreed() ? 0 : docBonus(w)) + bias(w);
  const found = damage.stripped ? (accentIndex(lex).get(lower) ?? []) : damage.dropped ? droppedCandidates(lex, lower) : [];
  // Only where another reading competes: the written word, or a non-participle candidate.
  if (found.length && (plainKnown || found.some((o) => !PARTICIPLE.test(o)))) {
    used.head = found.some((w) => PARTICIPLE.test(w));
    const participles = found.filter((w) => (w.length >= 5 || (head !== null && w.length >= 4)) && PARTICIPLE.test(w) && skeleton(w) === lower);
    // Of "ordonné" and "ordonnée" (both "ordonne" once dropped), the one agreeing with the noun.
    // Ties go to the more frequent ("gérées" before "grées").
    let best = -Infinity;
    for (const w of participles) {
      const b = (head ? participleBias(lex, w, lower, prevFolded, nextFolded, next2Folded, head) : 0) + freq(lex, w) / 100;
      if (b > best) [best, participle] = [b, w];
    }
    if (participle) other = plainKnown ? lower : (found.find((o) => !PARTICIPLE.test(o) && skeleton(o) === lower) ?? lower);
  }
  const rule = damage.stripped ? 'restoreStrippedAccents' : 'restoreDroppedLetters';
  // A known word of one or two letters ("s", "n", "a") is left; so is one that a letter put in
  // front of would make another word ("migrants" is no "émigrants") unless much likelier.
  if (plainKnown && lower.length < 3 && !(special !== undefined && damage.stripped)) return null;
  // A rare word as written ("gal", "lev": rank past 8,000) is a weaker reading than a common
  // one ("tant", "missions"): a letter put in front of it costs less, and it wins ties by less.
  const plainRare = plainKnown && damage.dropped && (lex.info(lower).frRank === 0 || lex.info(lower).frRank > 8000);
  for (const w of found) {
    const insertions = damage.stripped ? 0 : w.length - lower.length;
    const front = damage.dropped && plainKnown && w[0] !== lower[0] ? (plainRare ? 0.5 : 1.5) : 0;
    cands.push({ word: w, rule, score: score(w) - 0.3 * Math.max(0, insertions - 1) - front });
  }
  if (found.length === 0 && !plainKnown && (damage.stripped || damage.dropped)) {
    const w = damage.stripped ? derivedAccents(lex, lower) : derivedDropped(lex, lower);
    if (w) cands.push({ word: w, rule, score: 0 });
  }
  if (damage.apostrophes && p.shape !== 'upper') {
    for (const e of elidedCandidates(lex, lower, damage.dropped)) {
      const w = `${e.prefix}’${e.rest}`;
      cands.push({ word: w, rule: 'restoreApostrophes', score: score(e.rest) + docBonus(w) - (e.rest.length - (lower.length - e.prefix.length)) * 0.3 });
    }
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => b.score - a.score);
  const best = cands[0]!;
  const second = cands[1]?.score ?? -Infinity;
  if (plainKnown) {
    // The written word wins ties, by a point, unless a participle reading of it is in play.
    // A noun kept elsewhere in the document where only a noun fits ("les cibles") speaks for it
    // ("le groupe cible"): `documentKeepsNoun`.
    const keep = score(lower) + (participle || plainRare ? 0.3 : 1) + (participle && settled.has(`=${stem(lower)}`) ? 0.5 : 0);
    if (participle && best.score < keep && participleBias(lex, participle, other, prevFolded, nextFolded, next2Folded, head) <= -2 && nounGender(lex, lower) !== '') used.keptNoun = true;
    if (best.score < keep + (best.rule === 'restoreApostrophes' ? 0.5 : 0)) return null;
    return { after: best.word, rule: best.rule, confidence: round(Math.min(0.9, 0.5 + (best.score - keep) / 5)) };
  }
  const margin = best.score - second;
  return { after: best.word, rule: best.rule, confidence: round(margin === Infinity ? 0.95 : Math.min(0.95, 0.5 + margin / 4)) };
}

const round = (x: number) => Number(x.toFixed(2));

/** A memo entry: this word's choice depends on the noun before it (see planAccentRepairs). */
const HEADED = Symbol('headed');

const plainKnownForm = (lex: Lexicon, lower: string, damage: AccentDamage) => (damage.stripped ? lex.info(lower).fr : knownWord(lex, lower));

// "les États membres", "l’État partie": the state, written with a capital.
const STATE_NEXT = new Set(['membres', 'membre', 'unis', 'parties', 'partie', 'insulaires', 'arabes', 'africains', 'concernes', 'signataires']);

/** A word at a line start, after a sentence's end ("." "!" "?" "•") or a list number, not after
 *  a number in a sentence ("d’ici à 2030, éliminer"). */
function startsSentence(line: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (line[k] === ' ' || line[k] === '\t')) k--;
  if (k < 0 || '.!?•«"('.includes(line[k]!)) return true;
  // After a list number at the line start: "1.1 Éliminer", "2.c Adopter", "3) Élaborer".
  return /^\s*(?:\d+(?:\.\d+)*(?:\.[a-z])?|[a-z])[.)]?$/.test(line.slice(0, k + 1));
}

// Stripped forms of words no list has, from their parts: "reidentifier" (ré- + identifier),
// "socioeconomiques" (socio- + économiques), "employabilite" (-ité), "priorisees" (-ées).
const ACCENTED_PREFIXES: Array<[string, string]> = [['re', 'ré'], ['pre', 'pré'], ['de', 'dé']];
const PLAIN_PREFIXES = ['socio', 'inter', 'intra', 'multi', 'pluri', 'trans', 'anti', 'auto', 'sous', 'post', 'non', 'co'];
const SUFFIXES: Array<[RegExp, string]> = [[/ite(s?)$/, 'ité$1'], [/ee(s?)$/, 'ée$1']];

/** The same for dropped letters: "ridentifier" (ré-), "redevabilit" (-ité). */
export function derivedDropped(lex: Lexicon, lower: string): string | null {
  for (const [p, acc] of [['r', 'ré'], ['pr', 'pré'], ['d', 'dé']] as const) {
    const rest = lower.slice(p.length);
    // "d" before a word with a vowel is "d’" that lost its apostrophe ("docculter", "dencoder"),
    // not "dé-" ("déocculter"): French has few words in "déo-", "déa-", "déen-".
    if (p === 'd') continue;
    if (lower.startsWith(p) && rest.length >= 5 && /^[aeiouh]/.test(rest) && lex.info(rest).fr) return acc + rest;
  }
  if (lower.length >= 8 && /it(s?)$/.test(lower)) return lower.replace(/it(s?)$/, 'ité$1');
  const likeliest = (w: string) => {
    const found = droppedCandidates(lex, w).filter((c) => lex.info(c).fr);
    return found.sort((a, b) => (lex.info(a).frRank || 1e6) - (lex.info(b).frRank || 1e6))[0];
  };
  // A prefix on a word that lost letters: "socioconomique" (socio- + économique),
  // "transfrontire" (trans- + frontière), "priurbaines" (péri- + urbaines).
  for (const p of PLAIN_PREFIXES) {
    const rest = lower.slice(p.length);
    if (lower.startsWith(p) && rest.length >= 5) {
      const r = likeliest(rest);
      if (r) return p + r;
    }
  }
  for (const [p, acc] of [['pri', 'péri']] as const) {
    const rest = lower.slice(p.length);
    if (lower.startsWith(p) && rest.length >= 5 && /^[aeiouh]/.test(rest)) {
      const r = lex.info(rest).fr ? rest : likeliest(rest);
      if (r) return acc + r;
    }
  }
  // An inflection the list lacks on a word that lost letters: "rsiliente" (résilient + e),
  // "rgularises" (régularisé + es). Only on adjectives and participles (a consonant or "é" before).
  for (const end of ['es', 'e', 's']) {
    const base = lower.slice(0, -end.length);
    if (!lower.endsWith(end) || base.length < 5) continue;
    const r = likeliest(base);
    if (r && /(?:[^aeiouysx]|é)$/.test(r)) return r + end;
  }
  return null;
}

export function derivedAccents(lex: Lexicon, lower: string): string | null {
  const index = accentIndex(lex);
  for (const p of PLAIN_PREFIXES) {
    const rest = lower.slice(p.length);
    if (lower.startsWith(p) && rest.length >= 5) {
      const r = index.get(rest)?.[0];
      if (r) return p + r;
    }
  }
  for (const [p, acc] of ACCENTED_PREFIXES) {
    const rest = lower.slice(p.length);
    if (lower.startsWith(p) && rest.length >= 5 && /^[aeiouh]/.test(rest)) {
      const r = lex.info(rest).fr ? rest : index.get(rest)?.[0];
      if (r) return acc + r;
    }
  }
  if (lower.length >= 8) {
    for (const [re, end] of SUFFIXES) if (re.test(lower)) return lower.replace(re, end);
  }
  return null;
}

const ELIDED_NAME_IN_LINE = /(?<![\p{L}\p{N}])[ld]\p{Lu}\p{Ll}{3,}(?![\p{L}\p{N}])/gu;
const ELIDED_ACRONYM_IN_LINE = /(?<![\p{L}\p{N}])[lLdD]\p{Lu}{2,}(?![\p{L}\p{N}])/gu;

/** "lItalie" -> "l’Italie": an elision glued to a capitalized word. */
const ELIDED_NAME = /^([lLdD]|[Qq]u|[Jj]usqu)(\p{Lu}\p{Ll}{2,})$/u;

/** A name or word as written ("italie"), or with dropped letters put back ("amrique" ->
 *  "amérique"), the likeliest; null when none. */
function nameOrWord(lex: Lexicon, lower: string, dropped: boolean): string | null {
  const i = lex.info(lower);
  if (i.fr || i.frRank > 0 || (i.en && i.enRank > 0)) return lower;
  if (!dropped) return null;
  const found = generateCandidates(lex, lower, DROPPED_LETTERS, 2).map((c) => c.word).filter((w) => lex.info(w).frRank > 0 || lex.info(w).fr);
  found.sort((a, b) => (lex.info(a).frRank || 1e6) - (lex.info(b).frRank || 1e6));
  return found[0] ?? null;
}

/** "lOIM" -> "l’OIM", "lUE" -> "l’UE": an elided article glued to an acronym. */
const ELIDED_ACRONYM = /^([lLdD])(\p{Lu}{2,})$/u;

/** Mostly English lines keep their words ("a", "ou" and "des" are French only). */
function englishLine(doc: DocWords, lex: Lexicon, n: number): boolean {
  let en = 0;
  let fr = 0;
  const index = accentIndex(lex);
  for (let i = doc.lineFirst[n]!; i < doc.lineFirst[n + 1]!; i++) {
    const t = doc.byId[doc.type[i]!]!;
    if (t.info.fr || index.has(t.lower)) fr++;
    else if (t.info.en && t.info.enRank) en++;
  }
  return en > fr && en >= 2;
}

export interface AccentPlan {
  damage: AccentDamage;
  fixes: AccentFix[];
  /** The words of the lines planned on (for the next stages, when no fix changed them). */
  doc: DocWords;
}

/** Detects the accent damage of these lines and plans the fixes (offsets in these lines). */
export function planAccentRepairs(lines: readonly string[], lex: Lexicon, doc: DocWords = collectWords(lines, lex)): AccentPlan {
  const damage = detectAccentDamage(doc, lex);
  const fixes: AccentFix[] = [];
  if (!damage.stripped && !damage.dropped && !damage.apostrophes) return { damage, fixes, doc };
  // Folded once per word type (each word is looked at with its neighbours).
  const foldedById: Array<string | undefined> = [];
  const folded = (id: number) => (id >= 0 ? (foldedById[id] ??= foldAccents(doc.byId[id]!.lower)) : '');
  const bestOf = (id: number) => {
    if (id < 0) return '';
    const lower = doc.byId[id]!.lower;
    if (!damage.stripped) return lower;
    // A participle among its readings first: "a" before it is the verb ("US a débuté"; "à"
    // never comes before a finite verb such as "débute").
    const list = accentIndex(lex).get(lower);
    return list?.find((w) => w.length >= 5 && PARTICIPLE.test(w) && !PARTICIPLE.test(lower)) ?? list?.[0] ?? lower;
  };
  const english = lines.map((_, n) => englishLine(doc, lex, n));
  // A noun's gender as written, or (accents stripped) of its likeliest accented form.
  // (Letters dropped: of its likeliest restored form, "matire" -> "matière".)
  const restored = new Map<string, string>();
  const restoredOf = (w: string) => {
    let r = restored.get(w);
    if (r === undefined) {
      const found = lex.info(w).fr ? [] : droppedCandidates(lex, w);
      r = found.sort((a, b) => (lex.info(a).frRank || 1e6) - (lex.info(b).frRank || 1e6))[0] ?? w;
      restored.set(w, r);
    }
    return r;
  };
  const genderOf = (w: string) => lex.info(w).gender || (damage.stripped ? lex.info(accentIndex(lex).get(w)?.[0] ?? w).gender : damage.dropped ? lex.info(restoredOf(w)).gender : '');
  /** The noun before word i in its clause (up to 3 words back), for participle agreement. */
  const headBefore = (i: number): Head | null => {
    const before: string[] = [];
    for (let k = i - 1; k >= 0 && before.length < 3 && doc.prev[k + 1]! >= 0 && doc.prev[k + 1] === doc.type[k]; k--) before.push(folded(doc.type[k]!));
    return before.length ? headAt(lex, before, genderOf) : null;
  };
  // Two passes: the first settles the words restored without doubt, whose forms then speak for
  // the doubtful ones of the second ("au marché" settles it; "les marches" is then "les marchés").
  const settled = new Set<string>();
  const pass = (final: boolean) => {
    const memo = new Map<string, Chosen | null | typeof HEADED>();
    for (let n = 0; n < lines.length; n++) {
      if (english[n]) continue;
      for (let i = doc.lineFirst[n]!; i < doc.lineFirst[n + 1]!; i++) {
        const t = doc.byId[doc.type[i]!]!;
        if (HAS_ACCENT.test(t.lower) || t.lower.endsWith("'")) continue;
        const shape = shapeAt(doc, i);
        const text = lines[n]!.slice(doc.start[i]!, doc.end[i]!);
        if (damage.apostrophes) {
          const m = ELIDED_ACRONYM.exec(text);
          if (m) {
            if (final) fixes.push({ line: n, start: doc.start[i]!, end: doc.end[i]!, before: text, after: `${m[1]}’${m[2]}`, rule: 'restoreApostrophes', confidence: 0.8 });
            continue;
          }
        }
        // "lItalie", "dAmrique" -> "l’Italie", "d’Amérique": an elision glued to a name.
        if (damage.apostrophes && shape === 'mixed') {
          const m = ELIDED_NAME.exec(text);
          const rest = m ? nameOrWord(lex, m[2]!.toLowerCase(), damage.dropped) : null;
          if (m && rest && VOWEL_START.test(rest)) {
            if (final) fixes.push({ line: n, start: doc.start[i]!, end: doc.end[i]!, before: text, after: `${m[1]}’${rest[0]!.toUpperCase()}${rest.slice(1)}`, rule: 'restoreApostrophes', confidence: 0.8 });
            continue;
          }
        }
        // Acronyms and mixed case ("OIM", "eBay") are left; a capitalized name needs a French candidate.
        if (shape === 'mixed' || (shape === 'upper' && t.lower.length < 5)) continue;
        const prevF = folded(doc.prev[i]!);
        // A year next is no word of the clause, but says something ("dès 1950"): "1950" stands for it.
        const nextF = doc.next[i]! >= 0 ? folded(doc.next[i]!) : /^[ \t]+(?:1[89]|20)\d\d\b/.test(lines[n]!.slice(doc.end[i]!)) ? '1950' : '';
        let key = `${t.lower}|${prevF}|${nextF}|${shape}|${nextF === 'par' ? (doc.next[i]! >= 0 && i + 1 < doc.size ? doc.next[i + 1] : -1) : ''}`;
        // The noun before matters only where a participle is in play: those words are looked up
        // again with it (the head is found only then, and the memo stays small).
        let pick = memo.get(key);
        let head: Head | null | undefined;
        const withHead = () => {
          head = t.lower.length >= 3 && doc.prev[i]! >= 0 ? headBefore(i) : null;
          key += head ? `|${head.gender}${head.plural}${head.distance}${head.coordinated}` : '|';
        };
        if (pick === HEADED) {
          withHead();
          pick = memo.get(key);
        }
        if (pick === undefined) {
          const p = pieceAt(doc, i);
          const next2 = doc.next[i]! >= 0 && i + 1 < doc.size && doc.type[i + 1] === doc.next[i] ? folded(doc.next[i + 1]!) : '';
          const headed = head !== undefined;
          if (!headed) withHead();
          const used: { head: boolean; keptNoun?: boolean } = { head: false };
          pick = choose(lex, doc, p, damage, prevF, nextF, bestOf(doc.next[i]!), settled, next2, head ?? null, used);
          if (!final && used.keptNoun) settled.add(`=${stem(t.lower)}`);
          if (!headed && used.head) memo.set(key.slice(0, key.lastIndexOf('|')), HEADED);
          else if (!headed) key = key.slice(0, key.lastIndexOf('|'));
          // A capitalized word in mid-sentence is a name: only a ranked French word replaces it.
          if (pick && shape !== 'lower' && !p.sentenceStart && !ACCENT_CONTEXT[t.lower] && !lex.info(pick.after.replace(/^.*’/, '')).frRank) pick = null;
          memo.set(key, pick);
          if (!final && pick && pick.confidence >= 0.85) settled.add(stem(pick.after));
        }
        if (!pick || pick === HEADED || !final) continue;
        let after = applyCase(pick.after, text);
        // "liminer" at a sentence start lost its capital with its "É": "Éliminer".
        // So did "les tats membres" ("États").
        if (damage.dropped && shape === 'lower' && HAS_ACCENT.test(after[0]!) && !HAS_ACCENT.test(text[0]!)) {
          const state = /^états?$/.test(after) && STATE_NEXT.has(nextF);
          const sentence = (doc.flags[i]! & 4) !== 0 && startsSentence(lines[n]!, doc.start[i]!);
          // A place the French list lacks ("égypte", "amérique": names), or a word between two
          // capitalized ones ("Bangladesh équateur Jamaique"): `capitalizeLostInitial`.
          const name = /^[éèêàâîô]/.test(pick.after) && !lex.info(pick.after).fr && lex.info(pick.after).frRank > 0 && lex.info(pick.after).frRank < 20000 && !pick.after.endsWith('ment');
          const between = i > 0 && i + 1 < doc.size && doc.line[i - 1] === n && doc.line[i + 1] === n && (doc.flags[i - 1]! & 3) === 1 && (doc.flags[i + 1]! & 3) === 1 && (doc.flags[i - 1]! & 4) === 0;
          if (sentence || state || name || between) after = after[0]!.toUpperCase() + after.slice(1);
        }
        // The same name after an elision that lost its apostrophe: "lgypte" -> "l’Égypte".
        if (damage.dropped && shape === 'lower' && pick.rule === 'restoreApostrophes') {
          const k = after.indexOf('’') + 1;
          const rest = after.slice(k);
          if (k > 0 && /^[éèêàâîô]/.test(rest) && !lex.info(rest).fr && lex.info(rest).frRank > 0 && lex.info(rest).frRank < 20000) after = after.slice(0, k) + rest[0]!.toUpperCase() + rest.slice(1);
        }
        if (after !== text) fixes.push({ line: n, start: doc.start[i]!, end: doc.end[i]!, before: text, after, rule: pick.rule, confidence: pick.confidence });
      }
      // "grce  la": a lone "à" dropped, two spaces left between words.
      if (final && damage.dropped) {
        const line = lines[n]!;
        for (const m of line.matchAll(/(?<=[\p{L}\p{N},])  (?=[\p{L}\p{N}])/gu)) {
          // Shown with the words around it: "lUE  la" → "lUE à la".
          const left = /\S+$/.exec(line.slice(0, m.index))?.[0] ?? '';
          const right = /^\S+/.exec(line.slice(m.index + 2))?.[0] ?? '';
          // "jusqu  la fin": "jusqu’à la fin".
          const glue = /^[Jj]usqu$/.test(left) ? '’à ' : ' à ';
          fixes.push({ line: n, start: m.index, end: m.index + 2, before: '  ', after: glue, rule: 'restoreDroppedLetters', confidence: 0.6, shown: [`${left}  ${right}`, `${left}${glue}${right}`] });
        }
        // "jusqu" before a consonant lost its "’à" ("jusqu mi 2016", also across a line break).
        for (const m of line.matchAll(/(?<![\p{L}’'])([Jj]usqu)(?= [^\s aeiouyhàâéèêîôûAEIOUYHÀÂÉÈÊÎÔÛ]|$)/gu)) {
          const after = line.slice(m.index + 5);
          const following = after.trim() === '' ? (lines[n + 1] ?? '').trimStart() : after.trimStart();
          if (!/^[\p{L}\p{N}]/u.test(following) || /^[aeiouyhàâéèêîôû]/i.test(following)) continue;
          fixes.push({ line: n, start: m.index, end: m.index + 5, before: m[1]!, after: `${m[1]}’à`, rule: 'restoreDroppedLetters', confidence: 0.7 });
        }
        // A capital "À" dropped where a sentence starts: after its full stop, two spaces and a
        // word in lower case ("dorigine.  cette fin"), or a line that starts with one space and
        // such a word (" propos"): no sentence starts in lower case.
        for (const m of line.matchAll(/(?<=[.!?:;] )(?<! {2}) (?=\p{Ll})|^ (?=\p{Ll})/gu)) {
          const right = /^\S+/.exec(line.slice(m.index + 1))?.[0] ?? '';
          const a = m.index > 1 && ':;'.includes(line[m.index - 2]!) ? 'à' : 'À';
          fixes.push({ line: n, start: m.index, end: m.index + 1, before: ' ', after: `${a} `, rule: 'restoreDroppedLetters', confidence: 0.6, shown: [` ${right}`, `${a} ${right}`] });
        }
        // An "à" dropped at a line end leaves no space: a noun, then an infinitive on the next line
        // ("le droit⏎faire appliquer", "d’information⏎retirer"): a noun takes no bare infinitive.
        const below = lines[n + 1];
        if (below !== undefined && /\p{Ll}$/u.test(line)) {
          let last = /(\p{Ll}+)$/u.exec(line)![1]!;
          // "dinformation": its elision lost too.
          if (!lex.info(last).fr && /^[ldn]/.test(last) && lex.info(last.slice(1)).fr) last = last.slice(1);
          const first = /^(\p{Ll}+)(?![\p{L}'’-])/u.exec(below)?.[1];
          const infinitive = first !== undefined && (INFINITIVE.test(first) || (/(?:oir|re)$/.test(first) && nounGender(lex, first) === '')) && lex.info(first).fr;
          if (infinitive && last.length >= 4 && nounGender(lex, last) !== '' && lex.info(last).fr && !/(?:er|ir)$/.test(last) && !HEAD_SKIP.has(last) && !STOP_HEAD.has(last)) {
            fixes.push({ line: n, start: line.length, end: line.length, before: '', after: ' à', rule: 'restoreDroppedLetters', confidence: 0.5, shown: [`${last}⏎${first}`, `${last} à⏎${first}`] });
          }
        }
        // The same at a line end: "Programme 2030 " then "travers" on the next line.
        const next = lines[n + 1];
        if (next !== undefined && /[\p{L}\p{N},] $/u.test(line) && !/ {2}$/.test(line) && /^[\p{Ll}\p{N}]/u.test(next)) {
          const left = /\S+ $/.exec(line)?.[0] ?? ' ';
          fixes.push({ line: n, start: line.length - 1, end: line.length, before: ' ', after: ' à', rule: 'restoreDroppedLetters', confidence: 0.5, shown: [`${left}⏎`, `${left}à⏎`] });
        }
      }
    }
  };
  pass(false);
  pass(true);
  return { damage, fixes, doc };
}
