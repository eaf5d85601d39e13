// Counts of people reached: "70 participant-e-s (dont 35 femmes et 35 hommes)", "plus de 5500
// bénéficiaires", "100 personnes migrantes", "50 migrant.e.s", "environ 13 000 migrants".
// Only numbers followed by a word for people count: years, ages ("entre 10 et 25 ans"), member
// states, countries, missions, initiatives are not people.
// A breakdown ("dont 35 femmes et 35 hommes") is reported as its own entries after the total:
// do not add them to it.

import type { Beneficiaries } from '../types.js';
import { sentences } from './text.js';

// Inclusive spellings: participant-e-s, participant·e·s, participant.e.s, participant(e)s, participantEs.
const INCL = String.raw`(?:[-·.•]e[-·.•]?s|\(e\)s|\(es\)|Es|[-·.•]es|s|e|es)?`;

/** Words for people (the noun right after the number), with optional qualifying adjective. */
const PEOPLE = [
  String.raw`participant${INCL}`,
  String.raw`b[ée]n[ée]ficiaires?`,
  String.raw`personnes?(?:\s+(?:migrantes?|r[ée]fugi[ée]e?s?|d[ée]plac[ée]e?s?|vuln[ée]rables?|handicap[ée]e?s?|en\s+situation\s+de\s+\p{L}+))?`,
  String.raw`migrant${INCL}(?:\s+de\s+retour)?`,
  String.raw`femmes`,
  String.raw`hommes`,
  String.raw`jeunes`,
  String.raw`enfants`,
  String.raw`filles`,
  String.raw`gar[çc]ons`,
  String.raw`mineur${INCL}(?:\s+non\s+accompagn[ée]${INCL})?`,
  String.raw`r[ée]fugi[ée]${INCL}`,
  String.raw`demandeu(?:r|rs|se|ses)\s+d'asile`,
  String.raw`victimes?`,
  String.raw`familles?`,
  String.raw`m[ée]nages?`,
  String.raw`travailleu(?:r|rs|se|ses)(?:\s+migrant${INCL})?`,
  String.raw`[ée]tudiant${INCL}`,
  String.raw`[ée]l[èe]ves?`,
  String.raw`stagiaires?`,
  String.raw`apprenant${INCL}`,
  String.raw`b[ée]n[ée]voles?`,
  String.raw`rapatri[ée]${INCL}`,
  String.raw`retourn[ée]${INCL}`,
  String.raw`participants?`,
  String.raw`beneficiar(?:y|ies)`,
  String.raw`people`,
  String.raw`persons?`,
  String.raw`migrants?`,
  String.raw`women`,
  String.raw`men`,
  String.raw`youths?`,
  String.raw`young\s+people`,
  String.raw`children`,
  String.raw`refugees?`,
  String.raw`returnees?`,
  String.raw`households?`,
  String.raw`families`,
  String.raw`victims?`,
  String.raw`trainees?`,
  String.raw`students?`,
];

const QUALIFIERS: ReadonlyArray<[RegExp, Beneficiaries['qualifier']]> = [
  [/^(?:plus\s+de|plus\s+d'|au\s+moins|pas\s+moins\s+de|over|more\s+than|at\s+least|upwards\s+of)$/i, 'at-least'],
  [/^(?:environ|pr[èe]s\s+de|quelque|approximativement|approximately|about|around|nearly|almost|some|roughly|jusqu'[àa]|up\s+to)$/i, 'about'],
];

const QUAL = String.raw`plus\s+de|plus\s+d'|au\s+moins|pas\s+moins\s+de|over|more\s+than|at\s+least|upwards\s+of|environ|pr[èe]s\s+de|quelque|approximativement|approximately|about|around|nearly|almost|some|roughly|jusqu'[àa]|up\s+to`;
const NUM = String.raw`\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+`;

let RE: RegExp | null = null;
function pattern(): RegExp {
  RE ??= new RegExp(
    String.raw`(?:(?<qual>${QUAL})\s+)?(?<![\p{L}\d.,/°-])(?<num>${NUM})(?![\d%])\s+(?<what>${PEOPLE.join('|')})(?![\p{L}])`,
    'giu',
  );
  return RE;
}

/** Canonical spelling of the counted word: inclusive forms to the plural ("participant-e-s" -> "participants"). */
function canonicalWhat(w: string): string {
  let s = w.toLowerCase().replace(/\s+/g, ' ').trim();
  s = s.replace(/([\p{L}]+?)(?:[-·.•]e[-·.•]?s|\(e\)s|\(es\)|[-·.•]es)(?=\s|$)/gu, '$1s');
  s = s.replace(/^(\p{L}+?)es(?=\s|$)/u, (all, stem: string) => (/(participant|migrant|apprenant|etudiant|étudiant)$/.test(stem) ? `${stem}s` : all));
  // Singular head noun to the plural, so that counts group by one word.
  s = s.replace(/^(\p{L}+)(?=\s|$)/u, (head: string) =>
    /[sx]$/.test(head) || ['people', 'men', 'women', 'children', 'youth', 'young'].includes(head) ? head : `${head}s`,
  );
  return s;
}

/** Years written before the noun are dates, not counts ("en 2014 migrants..." is unlikely but "depuis 2005"). */
const YEAR_CONTEXT = /(?:\b(?:en|depuis|in|since|d'ici|avant|apr[èe]s|fin|d[ée]but|ann[ée]e|l'an)\s+)$/i;

/**
 * Beneficiary counts in a text, each with the sentence it came from (whitespace collapsed).
 * qualifier: 'at-least' ("plus de"), 'about' ("environ"), else 'exactly'.
 */
const CONTEXT_RE = /(?<![\p{L}])(?:avai(?:en)?t|étai(?:en)?t|had)\s+(?:\p{L}+\s+)?(?:\p{L}+é(?:e|s|es)?|been|\p{L}+ed)(?![\p{L}])/iu;
const PROJECT_RE = /(?<![\p{L}])(?:projets?|projects?|programmes?|programs?|formations?|trainings?|bénéfici\p{L}*|benefit\p{L}*|participants?)(?![\p{L}])/iu;

export function findBeneficiaries(text: string | readonly string[] | null | undefined): Beneficiaries[] {
  if (!text) return [];
  if (Array.isArray(text)) return dedupe(text.flatMap((t) => findBeneficiaries(t)));
  // Every count has a digit: most texts and sentences have none.
  if (!/\d/.test(text as string)) return [];
  const out: Beneficiaries[] = [];
  for (const sent of sentences(text as string, (raw) => /\d/.test(raw))) {
    // Context, not the project's people: what had happened before it ("En mars 2014, environ
    // 13 000 migrants avaient demandé à être régularisés"), said in the pluperfect.
    if (CONTEXT_RE.test(sent.text) && !PROJECT_RE.test(sent.text)) continue;
    for (const m of sent.text.matchAll(pattern())) {
      const g = m.groups!;
      const numText = g.num!;
      const count = Number(numText.replace(/[ \u00a0\u202f.,]/g, ''));
      if (!Number.isFinite(count) || count <= 0) continue;
      const numIndex = m.index! + m[0].indexOf(numText);
      if (/^\d{4}$/.test(numText) && count >= 1900 && count <= 2100 && YEAR_CONTEXT.test(sent.text.slice(0, numIndex))) continue;
      let qualifier: Beneficiaries['qualifier'] = 'exactly';
      if (g.qual) for (const [re, q] of QUALIFIERS) if (re.test(g.qual.replace(/\s+/g, ' '))) qualifier = q;
      out.push({ count, what: canonicalWhat(g.what!), qualifier, sentence: sent.text });
    }
  }
  return dedupe(out);
}

function dedupe(list: Beneficiaries[]): Beneficiaries[] {
  const seen = new Set<string>();
  return list.filter((b) => {
    const k = `${b.count}|${b.what}|${b.sentence}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
