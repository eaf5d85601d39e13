// Where a project runs, from the places a text names: countries and gazetteer towns and regions,
// each weighed by how the text names it. "lancé hier à Saint-Louis … régions de Saint-Louis,
// Louga et Matam" is Senegal; "interpellés à Mayotte" once against "à Mutsamudu", "à Anjouan" and
// "communes de Domoni, Sima et Ouani" is the Comoros; "Venezuelan migrants in south Trinidad …
// from Venezuela's delta" is Trinidad and Tobago. Used when a page has no country field.

import type { CountryRef } from '../types.js';
import { countryName, findCountriesInText, resolveCountry } from './countries.js';
import { findGeoMentions, resolveGeoName, type GeoName } from './gazetteer.js';
import { tokenize } from './text.js';

/** Before a place: "in", "à", "au", "près de", "la région de", "the districts of", "in south". */
const LOCATIVE_BEFORE_RE =
  /(?:^|[\s(])(?:in|at|near|around|within|across|throughout|inside|à|au|aux|en|dans|vers|près\s+de|(?:ville|villes|city|cities|town|towns|village|villages|province|provinces|préfecture|préfectures|prefecture|prefectures|région|régions|region|regions|district|districts|commune|communes|wilaya|wilayas|governorate|governorates|department|departments|département|départements|county|counties|municipality|municipalities|municipalité|municipalités|cercle|cercles|woreda|woredas|camp|camps|localité|localités|zone|zones|island|île|islands|îles)\s+(?:de\s+la|de|du|des|d['’]|of(?:\s+the)?))\s+(?:the\s+|le\s+|la\s+|les\s+|l['’])?(?:(?:north|south|east|west|northern|southern|eastern|western|central|rural|urban)(?:-\w+)?\s+)?$/iu;
/** After a place: "Hatay province", "Mafraq Governorate", "Dale woreda". */
const LOCATIVE_AFTER_RE = /^\s+(?:province|provinces|region|regions|district|districts|governorate|county|department|municipality|woreda|woredas|state|prefecture|camp|settlement|island)\b/iu;
/** "N'Djamena – Herders…", "Mutsamudu, 25 janvier 2024 –", "NIAMEY (IOM) -": a dateline. */
const DATELINE_AFTER_RE = /^\s*(?:\([^)]{1,40}\)\s*)?(?:[–—-]\s|,\s*(?:\d{1,2}(?:er)?\s+\p{L}+|\p{L}+\s+\d{1,2}|le\s+\d)|:\s)/u;
const LIST_GAP_RE = /^\s*(?:,|;|et|and|&|ou|or)\s*$|^\s*,\s*(?:et|and)\s*$/iu;

interface Scored {
  code: string;
  score: number;
}

/** The country a gazetteer name stands for here: one named elsewhere in the text, or the clearly most populous. */
function pick(name: GeoName, known: ReadonlySet<string>): string | null {
  const c = name.candidates;
  const hit = c.find((x) => known.has(x.country));
  if (hit) return hit.country;
  if (c.length === 1) return c[0]!.country;
  if (c[0]!.population >= 3 * Math.max(1, c[1]!.population) && c[0]!.population >= 20000) return c[0]!.country;
  return null;
}

/**
 * Scores the countries of a text by where the text places things: a country or place after "in",
 * "à", "région de"… or in a dateline counts 2, with the places listed after it ("Say, Kollo et
 * Tillabéri"); a place named otherwise counts 1 (a name that is also a common word counts only
 * where the text says it is a place); a country named otherwise counts 0.5. Returns the countries
 * whose score is at least 2 and at least half the best, best first; [] when none is.
 */
export function countriesWhereRun(text: string, siteCodes: readonly string[] = []): CountryRef[] {
  const toks = tokenize(text);
  const places = findGeoMentions(text, toks);
  // "Port of Spain" is a town, not Spain: country names inside a longer place name are masked.
  let masked = text;
  for (const p of places) {
    if (p.to - p.from < 2 || resolveCountry(p.raw)) continue;
    if (findCountriesInText(p.raw).length) masked = masked.slice(0, p.start) + ' '.repeat(p.end - p.start) + masked.slice(p.end);
  }
  const named = findCountriesInText(masked);
  // The countries the text names, the site's, and those of places that are in one country only:
  // a town found in several countries is taken to be in one of these ("San-Pédro" next to
  // "Soubré" and "Daloa" is in Côte d'Ivoire, not the Philippines).
  const known = new Set([...named.map((c) => c.code), ...siteCodes]);
  for (const p of places) if (p.name.candidates.length === 1 && !p.name.common) known.add(p.name.candidates[0]!.country);
  const score = new Map<string, number>();
  const add = (code: string, s: number) => score.set(code, (score.get(code) ?? 0) + s);
  const strongAt = (start: number, end: number) => {
    const line = text.lastIndexOf('\n', start - 1) + 1;
    const before = text.slice(Math.max(line, start - 60), start);
    const after = text.slice(end, end + 40);
    if (LOCATIVE_BEFORE_RE.test(before) || LOCATIVE_AFTER_RE.test(after)) return true;
    // A dateline opens its line or paragraph.
    return /^\s*$/.test(text.slice(line, start)) && DATELINE_AFTER_RE.test(after);
  };
  // Countries: each mention once counted, the strongest way.
  for (const c of named) {
    let best = 0.5;
    const raw = c.raw ?? c.name;
    for (let at = masked.indexOf(raw); at >= 0; at = masked.indexOf(raw, at + raw.length)) {
      if (strongAt(at, at + raw.length)) {
        best = 2;
        break;
      }
    }
    add(c.code, best);
  }
  // Places: every mention, strong ones and the places listed after them.
  let prevStrongEnd = -1;
  const seen = new Map<string, number>();
  for (const p of places) {
    // A name that is also a word ("March", "Zone", "Say") never brings a country of its own: it
    // counts only for a country the text names or its other places are in.
    const code = resolveCountry(p.raw) ? null : p.name.common ? p.name.candidates.find((c) => known.has(c.country))?.country ?? null : pick(p.name, known);
    const listed = prevStrongEnd >= 0 && LIST_GAP_RE.test(text.slice(prevStrongEnd, p.start));
    const strong = listed || strongAt(p.start, p.end);
    prevStrongEnd = strong ? p.end : -1;
    if (!code) continue;
    const s = strong ? 2 : p.name.common ? 0 : 1;
    // A place counts once, at its strongest.
    const key = `${p.name.name}|${code}`;
    const prev = seen.get(key) ?? 0;
    if (s > prev) {
      add(code, s - prev);
      seen.set(key, s);
    }
  }
  const ranked: Scored[] = [...score].map(([code, s]) => ({ code, score: s })).sort((a, b) => b.score - a.score);
  const top = ranked[0]?.score ?? 0;
  return ranked
    .filter((r) => r.score >= 2 && r.score >= top / 2)
    .map((r) => ({ code: r.code, name: countryName(r.code) ?? r.code, raw: named.find((c) => c.code === r.code)?.raw ?? r.code }));
}

/** The country of a location field's piece that names a town or region ("Antakya", "Hatay province"). */
export function countryOfPlace(raw: string): string | null {
  const g = resolveGeoName(raw);
  return g ? pick(g, new Set()) : null;
}
