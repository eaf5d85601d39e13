// Who funds, who carries out, who partners, where, how many: the phrases French project texts
// use for them, pulled out as written. Normalization resolves the names; these only cut them out.

import type { ProjectDraft } from '../types.js';

const UPPER = 'A-ZÀ-ÖØ-ÞŒ';
/** A leading article with what separates it from the name ("Lesotho" and "Laos" keep their letters). */
const ARTICLE = "(?:(?:le|la|les|the)\\s+|l[’']\\s*)";
const END = '(?![\\p{L}])';

/**
 * Where a named party ends: at a sentence or clause end, or where the sentence goes on with
 * another role or a verb (", financé par", " et mis en œuvre par", " en collaboration avec",
 * " s’inscrit", " vise", " entre octobre 2012"). A comma alone does not end it:
 * "le Bureau des populations, des réfugiés et des migrations (PRM)" is one name.
 */
const STOP = new RegExp(
  [
    '[.;!?](?=\\s|$)',
    ':\\s',
    '\\s[-–—]\\s',
    ',\\s+(?:en\\s+vue|au\\s+service|à\\s+travers|grâce)',
    `,?\\s+(?:et\\s+|ainsi\\s+que\\s+)?(?:financ[ée]e?s?|cofinanc[ée]e?s?|mis(?:e|es)?\\s+en\\s+(?:œ|oe)uvre|men[ée]e?s?|lanc[ée]e?s?|coordonn[ée]e?s?|r[ée]alis[ée]e?s?|ex[ée]cut[ée]e?s?|chapeaut[ée]e?s?|port[ée]e?s?\\s+par|vise|visent|visant|vient|permet\\w*|s[’']inscri\\w*|qui|dont|afin|entre|depuis|jusqu|dans\\s+le\\s+cadre|en\\s+partenariat|en\\s+collaboration|en\\s+coop[ée]ration|de\\s+concert|en\\s+coordination|avec\\s+l[ea]\\s+soutien|avec\\s+l[’']appui|ainsi\\s+que|pour\\s+(?:un|une)\\s+(?:montant|budget)|funded|implemented|which|in\\s+partnership)${END}`,
  ].join('|'),
  'iu',
);

/** The text after `trigger` up to where the named party ends (see STOP), with the trigger. */
function phrasesAfter(text: string, trigger: RegExp): Array<{ whole: string; phrase: string }> {
  const out: Array<{ whole: string; phrase: string }> = [];
  const re = new RegExp(trigger.source, trigger.flags.includes('g') ? trigger.flags : trigger.flags + 'g');
  for (const m of text.matchAll(re)) {
    const rest = text.slice(m.index! + m[0].length);
    const stop = rest.search(STOP);
    const phrase = (stop < 0 ? rest : rest.slice(0, stop)).trim().replace(/[,\s]+$/, '');
    if (phrase) out.push({ whole: `${m[0]}${phrase}`, phrase });
  }
  return out;
}

const phraseAfter = (text: string, trigger: RegExp) => phrasesAfter(text, trigger).map((p) => p.phrase);

export function stripArticle(s: string): string {
  return s.replace(new RegExp(`^${ARTICLE}`, 'iu'), '').trim();
}

/**
 * Splits "le Ministère … (MDCMRE), l’ANAPEC et l’Entraide nationale" into its names. A comma or
 * "et"/"&" splits only when a capitalised name (after an optional article) follows, so
 * "la lutte et la prévention" and "des populations, des réfugiés" stay inside their name.
 */
export function splitNames(phrase: string): string[] {
  const next = `(?=${ARTICLE}?[${UPPER}])`;
  return phrase
    .split(new RegExp(`\\s*,\\s*(?:et\\s+|and\\s+)?${next}|\\s+(?:et|and|&)\\s+${next}`, 'u'))
    .map((s) => stripArticle(s).replace(/[\s,]+$/, ''))
    .filter(Boolean);
}

const isProper = (s: string) => new RegExp(`^[${UPPER}]`, 'u').test(s);

const DONOR_TRIGGER = new RegExp(
  `(?:funded\\s+by\\s+)|(?:co)?financ[ée]e?s?\\s+(?:conjointement\\s+|principalement\\s+|notamment\\s+)?par\\s+|(?:grâce\\s+au|avec\\s+le)\\s+(?:soutien\\s+financier|financement|soutien|appui)\\s+(?:de\\s+|d[’']|du\\s+|des\\s+)`,
  'iu',
);
// Masculine only: a "projet"/"programme" is "mis en œuvre"; "la politique migratoire mise en œuvre
// par le Gouvernement" is not the project's implementer.
const IMPLEMENTER_TRIGGER = /(?<![\p{L}])(?:mis\s+en\s+(?:œ|oe)uvre|ex[ée]cut[ée]|implemented)\s+(?:par|by)\s+/iu;
const PARTNER_TRIGGER = /(?:en\s+partenariat|en\s+collaboration|en\s+coop[ée]ration|de\s+concert|en\s+coordination|in\s+partnership|in\s+collaboration)\s+(?:avec|with)\s+/iu;

/** Funders named by "financé par X" (or "grâce au financement de X"), articles dropped. */
export function findDonors(text: string): string[] {
  return dedupe(phraseAfter(text, DONOR_TRIGGER).flatMap(splitNames));
}

/** The words that name the funders, trigger included: "financé par le gouvernement des Pays-Bas". */
export function findDonorText(text: string): string | undefined {
  const found = phrasesAfter(text, DONOR_TRIGGER);
  return found.length ? found.map((p) => p.whole).join('; ') : undefined;
}

/** Who carries the project out: "mis en œuvre par X", "exécuté par X". */
export function findImplementers(text: string): string[] {
  return dedupe(phraseAfter(text, IMPLEMENTER_TRIGGER).flatMap(splitNames));
}

/**
 * Partners named by "en partenariat / en collaboration / de concert avec X, Y et Z". Only named
 * parties are kept, and a list stops at its first unnamed item: "un ensemble d’institutions
 * nationales et d’acteurs de la société civile, l’OIM Maroc œuvre…" names no partner (the
 * sentence goes on after the comma), nor does "les bureaux de l’OIM en Égypte, Libye…".
 */
export function findPartners(text: string): string[] {
  const named = (names: string[]) => names.slice(0, (names.findIndex((n) => !isProper(n)) + 1 || names.length + 1) - 1);
  return dedupe(phraseAfter(text, PARTNER_TRIGGER).flatMap((p) => named(splitNames(p))));
}

/** Sets the draft's funders (with the words that name them), implementers and partners named in text. */
export function addRoles(draft: ProjectDraft, text: string): void {
  const donors = findDonors(text);
  if (donors.length) {
    draft.donors = donors;
    draft.donorsText = findDonorText(text);
  }
  const implementers = findImplementers(text);
  if (implementers.length) draft.implementers = implementers;
  const partners = findPartners(text);
  if (partners.length) draft.partners = partners;
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const k = s.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A status the page states in words: "en cours d’exécution", "achevé", "clôturé". */
const STATUS_RE = new RegExp(
  `(?<![\\p{L}])(?:en\\s+cours(?:\\s+d[’']ex[ée]cution|\\s+de\\s+mise\\s+en\\s+(?:œ|oe)uvre|\\s+de\\s+r[ée]alisation)?|achev[ée]e?|termin[ée]e?|cl[ôo]tur[ée]e?|finalis[ée]e?)${END}`,
  'iu',
);

export function findStatus(clause: string): string | undefined {
  return clause.match(STATUS_RE)?.[0];
}

/**
 * The acronym a title carries: "(TRQN)", "(AVRR)", or a leading "MOTUSE :". Words in brackets
 * that are not all capitals, like "(Migration Mainstreaming)", are not acronyms.
 */
export function findAcronym(title: string): string | undefined {
  const lead = title.match(new RegExp(`^([${UPPER}][${UPPER}0-9-]{1,15})\\s*:`, 'u'));
  if (lead) return lead[1];
  const paren = title.match(new RegExp(`\\(([${UPPER}][${UPPER}0-9-]{1,15})\\)`, 'u'));
  return paren?.[1];
}

// ---------------------------------------------------------------------------------------------
// Places

const NAME = `[${UPPER}][\\p{L}’'-]+(?:[ -](?:[${UPPER}][\\p{L}’'-]+))*`;
const PAREN = '(?:\\s*\\([^)]*\\))?';
const LIST_SEP = '\\s*(?:,\\s*(?:et\\s+)?|\\s+et\\s+)';

const CITY_LIST_RE = new RegExp(
  `(?<![\\p{L}])(?:villes?|communes?|localités?|quartiers?)\\s+(?:de|d[’'])\\s*(${NAME}${PAREN}(?:${LIST_SEP}${NAME}${PAREN})*)`,
  'gu',
);
const REGION_RE = new RegExp(`(?<![\\p{L}])(?:régions?|provinces?|préfectures?|wilayas?)\\s+(?:de\\s+(?:la\\s+|l[’'])?|du\\s+|d[’'])(${NAME})`, 'gu');
const DATED_PLACE_RE = new RegExp(`(${NAME})\\s*\\((?:du\\s+)?\\d{1,2}[^)]*?(?:19|20)\\d{2}\\)`, 'gu');
const AT_PLACE_RE = new RegExp(`(?<![\\p{L}])à\\s+(${NAME}(?:${LIST_SEP}${NAME})*)`, 'gu');

/** Capitalised words that can follow "à" without being places. */
const NOT_PLACES = new Set(['sa majesté', 'travers', 'partir', 'ce jour', 'savoir']);

/**
 * Places named in the text, as written: cities listed after "villes de" / "à", a city followed by
 * a dated bracket ("Rabat (15-17 février 2022)"), and "région de X" kept with its word so that
 * normalization knows it is a region. The gazetteer in normalization decides what is real.
 */
export function findPlaces(text: string): string[] {
  const found: Array<{ at: number; name: string }> = [];
  const add = (at: number, list: string) => {
    for (const item of list.split(new RegExp(LIST_SEP, 'u'))) {
      const name = item.replace(/\s*\([^)]*\)\s*$/u, '').trim();
      if (name && !NOT_PLACES.has(name.toLowerCase())) found.push({ at, name });
    }
  };
  for (const m of text.matchAll(CITY_LIST_RE)) add(m.index!, m[1]!);
  for (const m of text.matchAll(DATED_PLACE_RE)) add(m.index!, m[1]!);
  for (const m of text.matchAll(AT_PLACE_RE)) add(m.index!, m[1]!);
  for (const m of text.matchAll(REGION_RE)) found.push({ at: m.index!, name: m[0].trim() });
  found.sort((a, b) => a.at - b.at);
  return dedupe(found.map((f) => f.name));
}

// ---------------------------------------------------------------------------------------------
// Beneficiaries

// The number is at most 16 characters ("1 000 000", "5 500."): an unbounded [\d  .]* backtracked
// over every start of a long run of years and spaces (quadratic: 233 KB of "2014 " took > 2 min).
const PEOPLE_RE = new RegExp(
  `(?<![\\p{L}\\d])\\d[\\d  .]{0,15}\\s*(?:[\\p{L}-]+\\s+){0,2}?(?:participant|bénéficiaire|personne|migrant|femme|homme|jeune|enfant|réfugié|étudiant|victime|agent|acteur|famille|ménage|élève|fonctionnaire|travailleu|mineur|stagiaire|apprenti|people|participants|beneficiar)`,
  'iu',
);

/** True when the sentence counts people: "70 participant-e-s", "100 personnes migrantes". */
export function countsPeople(sentence: string): boolean {
  const m = sentence.match(PEOPLE_RE);
  return !!m && !/^(?:19|20)\d{2}\s/.test(m[0]);
}
