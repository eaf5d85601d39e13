// Places: Moroccan cities, regions and provinces and a few places abroad (data/places.ts).
// findPlacesInText looks only for gazetteer places (countries are found by countries.ts);
// resolvePlace also accepts a country name, as a place of kind 'country'.

import type { PlaceRef } from '../types.js';
import { PLACES, type PlaceEntry } from './data/places.js';
import { resolveCountry } from './countries.js';
import { PhraseIndex, collapseWs, skipWords, tokenize, type Tok } from './text.js';

let INDEX: PhraseIndex<PlaceEntry> | null = null;

function index(): PhraseIndex<PlaceEntry> {
  if (INDEX) return INDEX;
  const idx = new PhraseIndex<PlaceEntry>();
  for (const p of PLACES) {
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      const acronym = /^[A-Z]{2,4}$/.test(n);
      // Place names are proper nouns ("Salé", not "sale"; "Rabat", not "rabat").
      idx.add(n, p, { cap: true, upper: acronym });
    }
  }
  INDEX = idx;
  return idx;
}

function toRef(p: PlaceEntry, raw: string): PlaceRef {
  return { name: p.name, country: p.country, kind: p.kind, raw };
}

/** Words before a place name that are not part of it: "province de Huelva", "la ville de Tanger". */
const PREFIX: ReadonlySet<string> = new Set([
  'l', 'le', 'la', 'les', 'de', 'du', 'des', 'd', 'a', 'au', 'en', 'the',
  'ville', 'villes', 'city', 'province', 'provinces', 'prefecture', 'region', 'regions', 'commune', 'wilaya', 'of',
]);

/**
 * Resolves one place as written: a gazetteer place ("Tetouan" -> Tétouan), with an optional
 * "ville de"/"province de"/"région de" prefix and trailing "(Espagne)"; else a country (kind
 * 'country', via resolveCountry). Null when neither.
 */
export function resolvePlace(raw: string): PlaceRef | null {
  const s = collapseWs(raw)
    .replace(/^[\s•\-–,;:]+|[\s.,;:]+$/g, '')
    .replace(/\s*\([^()]*\)$/, '');
  if (!s) return null;
  const toks = tokenize(s);
  for (const start of [0, skipWords(toks, 0, PREFIX)]) {
    if (start >= toks.length) continue;
    const m = index().longestAt(s, toks, start, 'whole');
    if (m && m.to === toks.length) return toRef(m.value, raw);
  }
  const c = resolveCountry(s);
  if (c) return { name: c.name, country: c.code, kind: 'country', raw };
  return null;
}

/**
 * Gazetteer places named in running text: whole words, capitalised, accent-insensitive, with the
 * canonical spelling ("Tetouan" -> "Tétouan"); the longest name wins ("Casablanca-Settat" is the
 * region, not the two cities). In order of first mention, de-duplicated.
 */
export function findPlacesInText(text: string, toks: Tok[] = tokenize(text)): PlaceRef[] {
  const seen = new Set<string>();
  const out: PlaceRef[] = [];
  const add = (value: Parameters<typeof toRef>[0], raw: string) => {
    const key = `${value.name}|${value.country}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(toRef(value, raw));
  };
  for (const m of index().findAll(text, toks, 'text')) {
    const raw = text.slice(m.start, m.end);
    // "à Tanger, Tétouan, Fès": a list of cities, not the region "Tanger-Tétouan" whose name
    // would join two of them across the comma. Each part is read on its own.
    if (/,/.test(raw)) {
      for (const part of raw.split(/\s*,\s*/)) {
        const r = part ? index().findAll(part, tokenize(part), 'text') : [];
        for (const x of r) if (x.start === 0 && x.end === part.length) add(x.value, part);
      }
      continue;
    }
    add(m.value, raw);
  }
  return out;
}
