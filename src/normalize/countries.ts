// Country resolution against ISO 3166-1 (i18n-iso-countries, French and English names) plus the
// spellings of data/countries.ts. The library and its locale JSON are loaded on first use with
// createRequire (no JSON import attributes needed under NodeNext), so importing this module costs
// nothing until a country is resolved. Only the library's index.js is loaded: its package entry
// (entry-node.js) would register all ~80 locales.

import { createRequire } from 'node:module';
import type { CountryRef } from '../types.js';
import { CANONICAL_FR, EXTRA_ALIASES, TEXT_AMBIGUOUS } from './data/countries.js';
import { PhraseIndex, collapseWs, editDistance, foldKey, skipWords, tokenize, type Tok } from './text.js';

type CountriesLib = typeof import('i18n-iso-countries');

interface CountryData {
  index: PhraseIndex<string>;
  /** alpha-2 -> canonical French name */
  names: Map<string, string>;
  /** alpha-3 -> alpha-2 */
  alpha3: Map<string, string>;
  /** every name added, for suggestions */
  phrases: Array<{ phrase: string; code: string }>;
}

let DATA: CountryData | null = null;

function isAcronym(s: string): boolean {
  return /^[A-Z]{2,4}$/.test(s.replace(/\./g, ''));
}

function data(): CountryData {
  if (DATA) return DATA;
  const require = createRequire(import.meta.url);
  const lib = require('i18n-iso-countries/index.js') as CountriesLib;
  lib.registerLocale(require('i18n-iso-countries/langs/fr.json'));
  lib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const alpha3 = new Map<string, string>();
  for (const [a2, a3] of Object.entries(lib.getAlpha2Codes())) alpha3.set(a3, a2);
  const codes = Object.keys(lib.getAlpha2Codes());
  const names = new Map<string, string>();
  for (const c of codes) names.set(c, CANONICAL_FR[c] ?? lib.getName(c, 'fr') ?? lib.getName(c, 'en') ?? c);
  for (const c of Object.keys(EXTRA_ALIASES)) if (!names.has(c)) names.set(c, CANONICAL_FR[c] ?? EXTRA_ALIASES[c]![0]!);

  const index = new PhraseIndex<string>();
  const phrases: Array<{ phrase: string; code: string }> = [];
  const add = (phrase: string, code: string) => {
    const key = foldKey(phrase);
    if (!key) return;
    const acronym = isAcronym(phrase);
    // Country names are proper nouns: in running text they must be capitalised.
    index.add(phrase, code, { textOk: !TEXT_AMBIGUOUS.has(key), upper: acronym, cap: true });
    phrases.push({ phrase, code });
  };
  // Order matters where a name is shared ("Congo"): the first added wins.
  for (const [c, list] of Object.entries(EXTRA_ALIASES)) for (const a of list) add(a, c);
  for (const c of names.keys()) add(names.get(c)!, c);
  for (const lang of ['fr', 'en']) {
    const all = lib.getNames(lang, { select: 'all' });
    for (const [c, list] of Object.entries(all)) for (const n of list) add(n, c);
  }
  DATA = { index, names, alpha3, phrases };
  return DATA;
}

const ARTICLES: ReadonlySet<string> = new Set(['l', 'le', 'la', 'les', 'the', 'au', 'aux', 'en', 'du', 'de', 'des', 'd']);
const STATE_WORDS: ReadonlySet<string> = new Set(['royaume', 'republique', 'etat', 'kingdom', 'republic', 'state', 'federation', 'principaute', 'sultanat', 'emirat']);
const LINKS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'of', 'the']);
const CONJ: ReadonlySet<string> = new Set(['et', 'and']);

function ref(code: string, raw: string): CountryRef {
  return { code, name: data().names.get(code) ?? code, raw };
}

/** Longest country name at token i, after articles and "Royaume de", "République du"... */
function countryAt(text: string, toks: Tok[], i: number): { code: string; from: number; to: number; start: number; end: number } | null {
  const { index } = data();
  let j = skipWords(toks, i, ARTICLES);
  for (let round = 0; round < 2 && j < toks.length; round++) {
    const m = index.longestAt(text, toks, j, 'whole');
    if (m) return { code: m.value, from: j, to: m.to, start: m.start, end: m.end };
    if (!STATE_WORDS.has(toks[j]!.t)) break;
    j = skipWords(toks, j + 1, LINKS);
  }
  return null;
}

/** The alpha-2 code of a valid alpha-2 or alpha-3 code, or null. */
function fromCode(s: string): string | null {
  const d = data();
  const up = s.toUpperCase();
  if (up.length === 2 && d.names.has(up)) return up;
  if (up.length === 3) return d.alpha3.get(up) ?? null;
  return null;
}

/**
 * Resolves one country as written: "Maroc", "Morocco", "maroc", "Royaume du Maroc", "MA" (codes in
 * capitals: alpha-2 or alpha-3), "République de moldova", "Jamaique". Null when it is not a country.
 */
export function resolveCountry(raw: string): CountryRef | null {
  const s = collapseWs(raw).replace(/^[\s•\-–,;:]+|[\s.,;:]+$/g, '');
  if (!s) return null;
  if (/^[A-Z]{2,3}$/.test(s)) {
    const c = fromCode(s);
    if (c) return ref(c, raw);
  }
  const toks = tokenize(s);
  if (toks.length === 0) return null;
  const m = countryAt(s, toks, 0);
  if (m && m.to === toks.length) return ref(m.code, raw);
  // "Maroc (MA)": a trailing bracket is a note.
  const bare = s.replace(/\s*\([^()]*\)\s*$/, '');
  if (bare !== s && bare) return resolveCountry(bare) ? ref(resolveCountry(bare)!.code, raw) : null;
  return null;
}

/**
 * Splits a scraped line naming several countries, separated by commas, "et", "and", or only by
 * spaces: "Maroc Tunisie Égypte" -> ["Maroc", "Tunisie", "Égypte"], "Costa Rica Équateur" ->
 * ["Costa Rica", "Équateur"], "Royaume-Uni" -> ["Royaume-Uni"] (greedy longest match against the
 * names). Words that are no country are kept together as written, up to the next separator.
 */
export function splitCountryList(raw: string): string[] {
  const toks = tokenize(raw);
  const out: string[] = [];
  let i = 0;
  while (i < toks.length) {
    while (i < toks.length && CONJ.has(toks[i]!.t)) i++;
    if (i >= toks.length) break;
    const m = countryAt(raw, toks, i);
    if (m) {
      out.push(raw.slice(toks[m.from]!.s, m.end));
      i = m.to;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length) {
      const sep = raw.slice(toks[j]!.e, toks[j + 1]!.s);
      if (/[,;/&\n]/.test(sep) || CONJ.has(toks[j + 1]!.t) || countryAt(raw, toks, j + 1)) break;
      j++;
    }
    out.push(raw.slice(toks[i]!.s, toks[j]!.e));
    i = j + 1;
  }
  return out.map((x) => collapseWs(x)).filter(Boolean);
}

/**
 * Countries named in running text, whole words only, capitalised ("OIM Maroc" counts; "une
 * réunion" does not), in order of first mention, de-duplicated. Names that are also common words
 * or first names (Réunion, Dominique, Maurice, Jordan...) and codes are not looked for.
 */
export function findCountriesInText(text: string): CountryRef[] {
  const { index } = data();
  const seen = new Set<string>();
  const out: CountryRef[] = [];
  for (const m of index.findAll(text, tokenize(text), 'text')) {
    if (seen.has(m.value)) continue;
    seen.add(m.value);
    out.push(ref(m.value, text.slice(m.start, m.end)));
  }
  return out;
}

/**
 * The ISO alpha-2 code a `--country` filter means: a name (French or English, any case or
 * accents) or an alpha-2/alpha-3 code in any case ("ma", "MAR"). Null when nothing matches.
 */
export function resolveCountryQuery(q: string): string | null {
  const s = collapseWs(q);
  if (/^[A-Za-z]{2,3}$/.test(s)) {
    const c = fromCode(s);
    if (c) return c;
  }
  return resolveCountry(s)?.code ?? null;
}

/** Canonical French name of an alpha-2 code, or null. */
export function countryName(code: string): string | null {
  return data().names.get(code.toUpperCase()) ?? null;
}

/** Canonical French names of the countries closest to q, for "did you mean" suggestions. */
export function nearestCountryNames(q: string, limit = 3): string[] {
  const key = foldKey(q);
  if (!key) return [];
  const maxDist = Math.max(2, Math.ceil(key.length / 3));
  const best = new Map<string, number>();
  for (const { phrase, code } of data().phrases) {
    const p = foldKey(phrase);
    let score = editDistance(key, p);
    if (key.length >= 3 && p.startsWith(key)) score = Math.min(score, 0.5);
    if (score > maxDist) continue;
    const name = data().names.get(code) ?? code;
    const prev = best.get(name);
    if (prev === undefined || score < prev) best.set(name, score);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], 'fr'))
    .slice(0, limit)
    .map(([n]) => n);
}
