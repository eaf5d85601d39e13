// Towns and first-level regions of the world (see gazetteer-build.ts), to tell where a project
// runs when a page names only places: "lancé hier à Saint-Louis", "in the departments of Mamdi
// and Kaya", "Location: Antakya, Hatay province". Loaded on first use from dist/gazetteer.json
// (written by `npm run build`), or built from the packages when that file is absent.

import { readFileSync } from 'node:fs';
import { buildGazetteerData, type GazetteerData } from './gazetteer-build.js';
import { PhraseIndex, collapseWs, tokenize, type Tok } from './text.js';

export interface GeoCandidate {
  country: string;
  population: number;
  region: boolean;
}

export interface GeoName {
  name: string;
  /** Also an everyday word or a first name: trusted only where the text says it is a place. */
  common: boolean;
  /** Most populous first. */
  candidates: GeoCandidate[];
}

export interface GeoMention {
  name: GeoName;
  raw: string;
  start: number;
  end: number;
  from: number;
  to: number;
}

const FILE_URL = new URL('../gazetteer.json', import.meta.url);
// When this module runs from src/ (vitest), a built dist/gazetteer.json is used if there is one.
const FROM_SOURCE_URL = new URL('../../dist/gazetteer.json', import.meta.url);

let INDEX: PhraseIndex<GeoName> | null = null;

function readData(): GazetteerData {
  for (const url of import.meta.url.includes('/src/') ? [FILE_URL, FROM_SOURCE_URL] : [FILE_URL]) {
    try {
      return JSON.parse(readFileSync(url, 'utf8')) as GazetteerData;
    } catch {
      // Absent: try the next, then build.
    }
  }
  return buildGazetteerData();
}

function index(): PhraseIndex<GeoName> {
  if (INDEX) return INDEX;
  const idx = new PhraseIndex<GeoName>();
  for (const e of readData().entries) {
    const candidates: GeoCandidate[] = [];
    for (let i = 2; i + 2 < e.length; i += 3) {
      candidates.push({ country: e[i] as string, population: e[i + 1] as number, region: e[i + 2] === 1 });
    }
    // Place names are proper nouns: capitalised in running text.
    idx.add(e[0], { name: e[0], common: e[1] === 1, candidates }, { cap: true });
  }
  INDEX = idx;
  return idx;
}

/** The places of the gazetteer named in running text (capitalised, whole words, longest first). */
export function findGeoMentions(text: string, toks: Tok[] = tokenize(text)): GeoMention[] {
  return index()
    .findAll(text, toks, 'text')
    .map((m) => ({ name: m.value, raw: text.slice(m.start, m.end), start: m.start, end: m.end, from: m.from, to: m.to }));
}

const PREFIX_RE = /^(?:(?:the|la|le|les|l['’]|ville|city|town|province|prefecture|préfecture|region|région|district|commune|wilaya|governorate|department|département|county|municipality|municipalité|of|de|du|d['’])\s*)+/iu;
const SUFFIX_RE = /\s+(?:province|region|district|governorate|county|department|municipality|city|town|districts|woreda|state)$/iu;

/** One place as written in a location field ("Hatay province", "Antakya"), or null. */
export function resolveGeoName(raw: string): GeoName | null {
  const s = collapseWs(raw).replace(/^[\s•\-–,;:]+|[\s.,;:]+$/g, '').replace(PREFIX_RE, '').replace(SUFFIX_RE, '');
  if (!s) return null;
  const toks = tokenize(s);
  if (!toks.length) return null;
  const m = index().longestAt(s, toks, 0, 'whole');
  return m && m.to === toks.length ? m.value : null;
}
