// Donor resolution: turn "UE & Suisse", "financé par l’Union Euro-péenne (UE) et la Direction du
// développement et de la Coopération Suisse (DDC)" or "--donor États-Unis" into registry codes.
// This module is imported by the `query` command: it must stay light. It does not load
// i18n-iso-countries (governments carry their own names in data/donors.ts), and the index is
// built on first use, not at import time.

import type { DonorRef } from '../types.js';
import { DONORS, type DonorEntry } from './data/donors.js';
import {
  PhraseIndex,
  collapseWs,
  editDistance,
  foldKey,
  isHardSep,
  sepAfter,
  skipWords,
  tokenize,
  type MatchMode,
  type Tok,
} from './text.js';

export type { DonorEntry } from './data/donors.js';

/** A donor as listed by `listDonors()`. */
export interface DonorInfo {
  code: string;
  name: string;
  nameEn: string;
  kind: DonorEntry['kind'];
  parent: string | null;
  aliases: readonly string[];
  /** For an instrument paid into by several governments (EEA Grants): their codes. */
  fundedBy?: readonly string[];
  /** An agency that mostly carries out projects others fund (GIZ, Enabel, LuxDev). */
  implementer?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Registry (built lazily)

interface Registry {
  index: PhraseIndex<DonorEntry>;
  byCode: Map<string, DonorEntry>;
  children: Map<string, DonorEntry[]>;
  triggers: PhraseIndex<Trigger>;
}

interface Trigger {
  /** The trigger only counts when followed by a colon ("Fonds :"). */
  colon: boolean;
}

/** Words skipped before a name: articles and contracted prepositions (folded). */
const ARTICLES: ReadonlySet<string> = new Set(['l', 'le', 'la', 'les', 'du', 'de', 'des', 'd', 'the', 'a', 'au', 'aux']);

/** Prefixes naming a government's organ; what follows them is the government ("gouvernement du Maroc"). */
const GOV_PREFIXES: readonly string[][] = [
  ['gouvernement'],
  ['government'],
  ['gouvernements'],
  ['ministere', 'des', 'affaires', 'etrangeres'],
  ['ministry', 'of', 'foreign', 'affairs'],
  ['ambassade'],
  ['embassy'],
  ['royaume'],
  ['kingdom'],
  ['republique'],
  ['republic'],
  ['delegation'],
  ['cooperation'],
  ['etat'],
  ['state'],
];
const PREFIX_LINKS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'of', 'the']);

/** Words that head an organ of a government ("Ministère de l'Intérieur d'Espagne" -> ES). */
const ORGAN_HEADS: ReadonlySet<string> = new Set([
  'ministere',
  'ministry',
  'departement',
  'department',
  'ambassade',
  'embassy',
  'gouvernement',
  'government',
  'consulat',
  'consulate',
]);

/** Words that may link the capitalised words of an unknown funder's name. */
const NAME_LINKS: ReadonlySet<string> = new Set([
  'de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'pour', 'of', 'for', 'the', 'en', 'aux', 'au', 'a', 'sur',
]);

const TRIGGERS: ReadonlyArray<[string, boolean]> = [
  ['financé par', false],
  ['financée par', false],
  ['financés par', false],
  ['financées par', false],
  ['cofinancé par', false],
  ['cofinancée par', false],
  ['co-financé par', false],
  ['co-financée par', false],
  ['financé conjointement par', false],
  ['financée conjointement par', false],
  ['financé en partie par', false],
  ['financée en partie par', false],
  ['financé principalement par', false],
  ['financé par le biais de', false],
  ['financé par le biais du', false],
  ['financé par l’intermédiaire de', false],
  ['financé par l’intermédiaire du', false],
  ['financement', false],
  ['financements', false],
  ['cofinancement', false],
  ['co-financement', false],
  ['soutien financier', false],
  ['appui financier', false],
  ['contribution financière', false],
  ['funded by', false],
  ['co-funded by', false],
  ['cofunded by', false],
  ['financed by', false],
  ['funding from', false],
  ['funding of', false],
  ['financial support of', false],
  ['financial support from', false],
  ['fonds', true],
  ['bailleur de fonds', true],
  ['bailleurs de fonds', true],
  ['bailleur', true],
  ['bailleurs', true],
  ['donateur', true],
  ['donateurs', true],
  ['donor', true],
  ['donors', true],
  ['funding', true],
  ['funder', true],
  ['funders', true],
  ['source de financement', true],
  ['sources de financement', true],
  ['partenaire financier', true],
  ['partenaires financiers', true],
];

let REG: Registry | null = null;

function isAcronymAlias(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 6 && alias === alias.toUpperCase() && /^[\p{Lu}\d.&\s-]+$/u.test(alias);
}

function registry(): Registry {
  if (REG) return REG;
  const index = new PhraseIndex<DonorEntry>();
  const byCode = new Map<string, DonorEntry>();
  const children = new Map<string, DonorEntry[]>();
  for (const d of DONORS) {
    byCode.set(d.code, d);
    if (d.parent) {
      const list = children.get(d.parent) ?? [];
      list.push(d);
      children.set(d.parent, list);
    }
  }
  for (const d of DONORS) {
    for (const alias of [d.name, d.nameEn, ...d.aliases]) {
      const acronym = isAcronymAlias(alias);
      const shortWord = !acronym && alias.length <= 5 && /^[\p{L}\p{N}]+$/u.test(alias);
      index.add(alias, d, { upper: acronym, cap: shortWord });
    }
    for (const adj of d.adjectives?.fr ?? []) {
      index.add(`gouvernement ${adj}`, d);
      index.add(`coopération ${adj}`, d);
      index.add(`ambassade ${adj}`, d);
      index.add(`ministère ${adj} des affaires étrangères`, d);
    }
    for (const adj of d.adjectives?.en ?? []) {
      index.add(`${adj} government`, d);
      index.add(`${adj} cooperation`, d);
      index.add(`${adj} embassy`, d);
    }
  }
  // Codes last: whole-string only ("--donor US", "ES"), never in running text.
  for (const d of DONORS) index.add(d.code, d, { textOk: false });

  const triggers = new PhraseIndex<Trigger>();
  for (const [phrase, colon] of TRIGGERS) triggers.add(phrase, { colon });
  REG = { index, byCode, children, triggers };
  return REG;
}

// ---------------------------------------------------------------------------------------------
// Matching at a token position

interface Hit {
  entry: DonorEntry | null;
  /** Unknown funder: its name as written. */
  name?: string;
  /** Token index of the first token of the item (articles included). */
  from: number;
  /** Token index after the item. */
  to: number;
  /** Offsets of the item in the text (articles excluded). */
  start: number;
  end: number;
}

function firstTokAt(toks: Tok[], offset: number, from: number): number {
  let k = from;
  while (k < toks.length && toks[k]!.s < offset) k++;
  return k;
}

/** Index after a government prefix ("gouvernement des", "Ministère des Affaires étrangères du"), or -1. */
function afterPrefix(toks: Tok[], i: number): number {
  for (const p of GOV_PREFIXES) {
    if (i + p.length > toks.length) continue;
    let ok = true;
    for (let k = 0; k < p.length; k++) if (toks[i + k]!.t !== p[k]) ok = false;
    if (ok) return skipWords(toks, i + p.length, PREFIX_LINKS);
  }
  return -1;
}

/** Longest registry name at i, after articles and government prefixes. */
function registryAt(text: string, toks: Tok[], i: number, mode: MatchMode): Hit | null {
  const { index } = registry();
  let j = skipWords(toks, i, ARTICLES);
  const start = toks[j]?.s ?? 0;
  for (let round = 0; round < 4 && j < toks.length; round++) {
    const m = index.longestAt(text, toks, j, mode);
    if (m) return { entry: m.value, from: i, to: m.to, start, end: m.end };
    const p = afterPrefix(toks, j);
    if (p < 0 || p === j) break;
    j = p;
  }
  return null;
}

/** Resolves a short string (parenthesised acronym, qualifier) against the registry, whole-string. */
function resolveEntry(s: string): DonorEntry | null {
  const toks = tokenize(s);
  if (toks.length === 0) return null;
  const h = registryAt(s, toks, 0, 'whole');
  return h && h.to === toks.length ? h.entry : null;
}

/**
 * A registry name at i, extended by what qualifies it: "(UE)", "(PRM) du département d’Etat des
 * États-Unis". A parenthesised agency of the matched government replaces it ("Royaume-Uni (FCDO)").
 */
function knownAt(text: string, toks: Tok[], i: number, mode: MatchMode): Hit | null {
  const h = registryAt(text, toks, i, mode);
  if (!h || !h.entry) return null;
  let entry = h.entry;
  let end = h.end;
  let to = h.to;
  const paren = /^\s*\(([^()]{1,80})\)/.exec(text.slice(end));
  if (paren) {
    const inner = resolveEntry(paren[1]!);
    if (inner && inner.parent === entry.code) entry = inner;
    end += paren[0].length;
    to = firstTokAt(toks, end, to);
  }
  // "du département d'Etat des États-Unis": a qualifier naming the same donor or its parent.
  const gap = to < toks.length ? text.slice(end, toks[to]!.s) : '';
  if (to < toks.length && ['du', 'de', 'des', 'd', 'of'].includes(toks[to]!.t) && !isHardSep(gap) && !/,/.test(gap)) {
    const q = registryAt(text, toks, to, mode);
    if (q?.entry && (q.entry.code === entry.code || q.entry.code === entry.parent)) {
      end = q.end;
      to = q.to;
      const p2 = /^\s*\(([^()]{1,80})\)/.exec(text.slice(end));
      if (p2) {
        end += p2[0].length;
        to = firstTokAt(toks, end, to);
      }
    }
  }
  return { entry, from: i, to, start: h.start, end };
}

/** An unknown funder's name at i: capitalised words, with linking words between them. */
function unknownAt(text: string, toks: Tok[], i: number): Hit | null {
  const j = skipWords(toks, i, ARTICLES);
  const first = toks[j];
  if (!first || !(first.cap || first.upper) || /^\d/.test(first.t)) return null;
  let last = j;
  let k = j;
  while (k + 1 < toks.length && k - j < 14) {
    const sep = sepAfter(text, toks, k);
    if (isHardSep(sep) || /[,&/+(]/.test(sep)) break;
    const next = toks[k + 1]!;
    if (next.cap || next.upper) {
      k++;
      last = k;
      continue;
    }
    if (/^[-\u2010\u2011]\s*$/.test(sep)) {
      k++;
      last = k;
      continue;
    }
    if (NAME_LINKS.has(next.t)) {
      let m = k + 1;
      while (m < toks.length && NAME_LINKS.has(toks[m]!.t) && !isHardSep(sepAfter(text, toks, m)) && m - k < 4) m++;
      const after = toks[m];
      if (after && (after.cap || after.upper) && !/[,&/+(]/.test(sepAfter(text, toks, m - 1))) {
        k = m;
        last = m;
        continue;
      }
    }
    break;
  }
  let end = toks[last]!.e;
  let to = last + 1;
  const name = text.slice(first.s, end);
  // "Ministère de l'Intérieur d'Espagne": an organ of a known government is that government.
  if (ORGAN_HEADS.has(first.t)) {
    for (let p = j + 1; p <= last; p++) {
      if (!NAME_LINKS.has(toks[p - 1]!.t)) continue;
      const g = registryAt(text, toks, p, 'whole');
      if (g?.entry && g.to === last + 1 && g.entry.kind === 'government') {
        return withParen(text, toks, { entry: g.entry, name, from: i, to, start: first.s, end });
      }
    }
  }
  return withParen(text, toks, { entry: null, name, from: i, to, start: first.s, end });
}

function withParen(text: string, toks: Tok[], h: Hit): Hit {
  const paren = /^\s*\(([^()]{1,40})\)/.exec(text.slice(h.end));
  if (!paren) return h;
  const inner = resolveEntry(paren[1]!);
  const end = h.end + paren[0].length;
  const to = firstTokAt(toks, end, h.to);
  // "Agence X (USAID)": a known acronym in brackets names the funder.
  if (!h.entry && inner) return { ...h, entry: inner, end, to };
  return { ...h, end, to };
}

function toRef(h: Hit, raw: string): DonorRef {
  const e = h.entry;
  if (!e) return unknownRef(raw, h.name ?? raw);
  const ref: DonorRef = { code: e.code, name: e.name, kind: e.kind, raw, known: true };
  if (e.parent) ref.parent = e.parent;
  return ref;
}

function unknownRef(raw: string, name: string = raw): DonorRef {
  return { code: null, name: collapseWs(name), kind: 'unknown', known: false, raw };
}

// ---------------------------------------------------------------------------------------------
// Lists

interface ListItem {
  hit: Hit;
  raw: string;
}

const CONJ: ReadonlySet<string> = new Set(['et', 'and']);

/**
 * A list of funders starting at token i: "Belgique, Espagne, Maroc, Pays-Bas, UE et Suisse",
 * "l’Union Euro-péenne (UE) et la Direction du développement et de la Coopération Suisse (DDC)".
 * After a comma only a registry name continues the list; after "et", "&", "ainsi que" an unknown
 * capitalised name may too.
 */
function listAt(text: string, toks: Tok[], i: number): { items: ListItem[]; end: number } {
  const items: ListItem[] = [];
  let allowUnknown = true;
  let end = toks[i]?.s ?? text.length;
  while (i < toks.length) {
    const h = knownAt(text, toks, i, 'text') ?? (allowUnknown ? unknownAt(text, toks, i) : null);
    if (!h) break;
    items.push({ hit: h, raw: collapseWs(text.slice(h.start, h.end)) });
    end = h.end;
    i = h.to;
    if (i >= toks.length) break;
    const sep = text.slice(h.end, toks[i]!.s);
    if (isHardSep(sep) || /\./.test(sep)) break;
    if (CONJ.has(toks[i]!.t)) {
      if (!/^[\s,]*$/.test(sep)) break;
      i++;
      allowUnknown = true;
    } else if (toks[i]!.t === 'ainsi' && toks[i + 1]?.t === 'que') {
      i += 2;
      allowUnknown = true;
    } else if (/[&+/]/.test(sep)) {
      allowUnknown = true;
    } else if (/,/.test(sep)) {
      allowUnknown = false;
    } else {
      break;
    }
  }
  return { items, end };
}

function dedupe(refs: DonorRef[]): DonorRef[] {
  const seen = new Set<string>();
  const out: DonorRef[] = [];
  for (const r of refs) {
    const key = r.code ?? `?${foldKey(r.name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Resolves one donor name as written. Unknown names give `{code:null, kind:'unknown', known:false}`. */
export function resolveDonor(raw: string): DonorRef {
  const s = collapseWs(raw).replace(/[\s.,;:]+$/, '');
  const toks = tokenize(s);
  if (toks.length === 0) return unknownRef(raw, s);
  const h = knownAt(s, toks, 0, 'whole');
  if (h && h.to === toks.length) return toRef(h, raw);
  // "Ministère de l'Intérieur d'Espagne", "Agence X (USAID)".
  const u = unknownAt(s, toks, 0);
  if (u?.entry && u.to === toks.length) return toRef(u, raw);
  return unknownRef(raw, s);
}

/** Label before a donor list that is not itself a donor ("Fonds :", "Donateurs :"). */
const LIST_LABEL_RE =
  /^\s*(?:(?:fonds|bailleurs?(?:\s+de\s+fonds)?|donateurs?|donors?|financements?|funding|funders?)\s*:|financ[ée]e?s?\s+par\b|funded\s+by\b)\s*/i;

/**
 * Splits a donor list as written into names, registry-aware: "UE & Suisse" -> ["UE", "Suisse"];
 * "Bureau des populations, des réfugiés et des migrations (PRM)" stays one name.
 * Separators: , ; & / + "et" "and" "ainsi que" (and plain spaces between two registry names).
 */
export function splitDonorList(raw: string): string[] {
  const s = raw.replace(LIST_LABEL_RE, '');
  const toks = tokenize(s);
  const out: string[] = [];
  let i = 0;
  while (i < toks.length) {
    while (i < toks.length && (CONJ.has(toks[i]!.t) || (toks[i]!.t === 'ainsi' && toks[i + 1]?.t === 'que'))) {
      i += toks[i]!.t === 'ainsi' ? 2 : 1;
    }
    if (i >= toks.length) break;
    const h = knownAt(s, toks, i, 'whole');
    if (h) {
      out.push(s.slice(toks[i]!.s, h.end));
      i = h.to;
      continue;
    }
    // Unknown: up to the next separator outside brackets, or "et" before a registry name.
    let j = i;
    while (j + 1 < toks.length) {
      const between = s.slice(toks[i]!.s, toks[j + 1]!.s);
      const depth = (between.match(/\(/g)?.length ?? 0) - (between.match(/\)/g)?.length ?? 0);
      const sep = sepAfter(s, toks, j);
      if (depth <= 0 && /[,;&/+\n]/.test(sep)) break;
      if (depth <= 0 && CONJ.has(toks[j + 1]!.t) && j + 2 < toks.length && knownAt(s, toks, j + 2, 'whole')) break;
      j++;
    }
    let end = toks[j]!.e;
    const close = /^[^,;&/+(]*?\)/.exec(s.slice(end));
    const opened = (s.slice(toks[i]!.s, end).match(/\(/g)?.length ?? 0) > (s.slice(toks[i]!.s, end).match(/\)/g)?.length ?? 0);
    if (opened && close) end += close[0].length;
    out.push(s.slice(toks[i]!.s, end));
    i = j + 1;
  }
  return out.map((x) => collapseWs(x).replace(/^[\s,;:&/+.-]+|[\s,;:&/+-]+$/g, '')).filter((x) => x.length > 0);
}

/** Where funders are named in running text: from the trigger ("financé par") to the end of the list. */
export function findFunderSpans(text: string, toks: Tok[] = tokenize(text)): Array<{ start: number; end: number; donors: DonorRef[] }> {
  const { triggers } = registry();
  const out: Array<{ start: number; end: number; donors: DonorRef[] }> = [];
  for (let i = 0; i < toks.length; ) {
    const t = triggers.longestAt(text, toks, i, 'whole');
    if (!t) {
      i++;
      continue;
    }
    const sep = sepAfter(text, toks, t.to - 1);
    if (t.value.colon ? !/^\s*:/.test(sep) : /^\s*[.;!?]/.test(sep)) {
      i = t.to;
      continue;
    }
    const { items, end } = listAt(text, toks, t.to);
    if (items.length > 0) {
      out.push({ start: t.start, end, donors: items.map((it) => toRef(it.hit, it.raw)) });
      i = firstTokAt(toks, end, t.to);
    } else i = t.to;
  }
  return out;
}

/**
 * Funders named in running text, after "financé par", "financement de", "funded by", "Fonds :" and
 * the like; other organisations mentioned are not funders. Unknown funders named after a trigger
 * are kept as unknown DonorRefs. De-duplicated by code (unknowns by name), in order of appearance.
 */
export function findDonorsInText(text: string, toks?: Tok[]): DonorRef[] {
  return dedupe(findFunderSpans(text, toks).flatMap((s) => s.donors));
}

/**
 * Funders in a "Fonds :" line or funding sentence; when it has no trigger, it is read as a list
 * of funders from its start ("UE & Suisse").
 */
export function findDonorsInFundingText(text: string): DonorRef[] {
  const found = findDonorsInText(text);
  if (found.length > 0) return found;
  const toks = tokenize(text);
  const { items } = listAt(text, toks, 0);
  return dedupe(items.map((it) => toRef(it.hit, it.raw)));
}

/**
 * The donor codes a `--donor` filter matches: the donor itself and, for a government (or the EU),
 * every agency under it (`États-Unis` -> US, USAID, PRM). Accepts names, aliases and codes in any
 * case. `unknown` is true when nothing in the registry matches (codes is then empty).
 */
export function resolveDonorQuery(q: string): { codes: string[]; unknown: boolean } {
  const { byCode, children } = registry();
  const s = collapseWs(q);
  const code = byCode.has(s.toUpperCase()) ? s.toUpperCase() : resolveDonor(s).code;
  const entry = code ? byCode.get(code) : undefined;
  if (!entry) return { codes: [], unknown: true };
  const codes: string[] = [];
  const add = (e: DonorEntry) => {
    if (codes.includes(e.code)) return;
    codes.push(e.code);
    for (const c of children.get(e.code) ?? []) add(c);
  };
  add(entry);
  return { codes, unknown: false };
}

/** Every donor of the registry, in registry order. */
export function listDonors(): DonorInfo[] {
  return DONORS.map((d) => ({
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    kind: d.kind,
    parent: d.parent ?? null,
    aliases: d.aliases,
    ...(d.fundedBy ? { fundedBy: d.fundedBy } : {}),
    ...(d.implementer ? { implementer: true } : {}),
  }));
}

/** The registry entry for a code, or null. */
export function donorByCode(code: string): DonorInfo | null {
  const d = registry().byCode.get(code.toUpperCase());
  return d ? listDonors().find((x) => x.code === d.code)! : null;
}

/**
 * Canonical names of the donors whose names or aliases are closest to q (edit distance over folded
 * aliases, prefixes count as close), for "did you mean" suggestions. Best first, at most `limit`.
 */
export function nearestDonorNames(q: string, limit = 3): string[] {
  const key = foldKey(q);
  if (!key) return [];
  const maxDist = Math.max(2, Math.ceil(key.length / 3));
  const best = new Map<string, number>();
  const consider = (phrase: string, d: DonorEntry) => {
    const p = foldKey(phrase);
    let score = editDistance(key, p);
    if (key.length >= 3 && p.startsWith(key)) score = Math.min(score, 0.5);
    if (score > maxDist) return;
    const prev = best.get(d.name);
    if (prev === undefined || score < prev) best.set(d.name, score);
  };
  for (const d of DONORS) {
    consider(d.code, d);
    consider(d.name, d);
    consider(d.nameEn, d);
    for (const a of d.aliases) consider(a, d);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], 'fr'))
    .slice(0, limit)
    .map(([name]) => name);
}
