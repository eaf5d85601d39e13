// The normalize stage: ProjectDraft (fields as written) -> ProjectRecord (codes, ISO dates,
// amounts, counts). Pure and synchronous.

import { createHash } from 'node:crypto';
import type { CountryRef, DonorRef, PlaceRef, ProjectDraft, ProjectRecord, RepairChange } from '../types.js';
import { countryName, findCountriesInText, resolveCountry, splitCountryList } from './countries.js';
import { parseDate, parseDateRange, periodEnd, periodStart } from './dates.js';
import { donorByCode, findDonorsInFundingText, findDonorsInText, findFunderSpans, resolveDonor, splitDonorList } from './donors.js';
import { findMoneyInText, parseMoney, toUsd } from './money.js';
import { findBeneficiaries } from './beneficiaries.js';
import { findPlacesInText, resolvePlace } from './places.js';
import { countriesWhereRun, countryOfPlace } from './where.js';
import { deriveStatus, iatiStatusCode, normalizeStatus } from './status.js';
import { collapseWs, foldKey, foldText, maskSpans, sentences, tokenize } from './text.js';

export * from './countries.js';
export * from './dates.js';
export * from './donors.js';
export * from './money.js';
export * from './places.js';
export * from './status.js';

export interface NormalizeContext {
  /** The source's name or path, part of the id. */
  sourceName: string;
  /** The repair stage's changes for the whole document (lines of the repaired text). */
  repairs: readonly RepairChange[];
  /** "Today" for statuses derived from dates (default: now). */
  today?: Date;
}

/** Title as shown: whitespace collapsed, leading bullet dropped, a trailing copy of the period dropped. */
export function cleanTitle(title: string, period?: string): string {
  let t = collapseWs(title).replace(/^[•·▪◦*\-–—\s]+/, '');
  const p = period ? collapseWs(period) : '';
  if (p && t.length > p.length && t.endsWith(p)) t = t.slice(0, -p.length).trim();
  return t;
}

/** Lowercase, accent-free title with collapsed whitespace: the title part of the id. */
export function canonicalTitle(title: string): string {
  return collapseWs(foldText(title));
}

/** First 12 hex digits of sha1(`${sourceName}\n${index}\n${canonical title}`). */
export function recordId(sourceName: string, index: number, title: string): string {
  return createHash('sha1').update(`${sourceName}\n${index}\n${canonicalTitle(title)}`).digest('hex').slice(0, 12);
}

const NOT_ACRONYMS: ReadonlySet<string> = new Set(['OIM', 'IOM', 'ONU', 'UN', 'NU', 'ONG', 'NGO', 'OSC', 'CSO', 'CARE', 'USD', 'EUR', 'MAD']);

function plausibleAcronym(a: string): boolean {
  const letters = a.replace(/[^A-Z]/g, '');
  if (letters.length < 2 || NOT_ACRONYMS.has(a)) return false;
  if (/^[IVXLC]+$/.test(a)) return false; // "(II)": a phase number
  return !resolveDonor(a).known;
}

/**
 * The project's acronym in its title: an all-caps token in brackets ("(TRQN)", "(AVRR)"), or a
 * leading all-caps word before a colon or as the title's first word ("MOTUSE :", "COMPASS").
 * Organisations (OIM, UE, donors) and roman numerals are not project acronyms.
 */
export function findAcronym(rawTitle: string): string | null {
  const title = cleanTitle(rawTitle);
  for (const m of title.matchAll(/\(([A-Z][A-Z0-9]*(?:[-&][A-Z0-9]+)*)\)/g)) {
    if (plausibleAcronym(m[1]!)) return m[1]!;
  }
  const lead = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)(?=\s*[:–—-]\s|\s+\p{Lu}\p{Ll}|\s*$)/u.exec(title);
  if (lead && lead[1]!.length >= 3 && plausibleAcronym(lead[1]!) && (/\p{Ll}/u.test(title) || title.trim() === lead[1])) {
    return lead[1]!;
  }
  return null;
}

function clean(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  const t = collapseWs(s);
  return t ? t : null;
}

function cleanList(list: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of list ?? []) {
    const t = collapseWs(s)
      .replace(/^[•·▪*\-–—,;:\s]+/, '')
      .replace(/[\s,;:.]+$/, '');
    const key = foldKey(t);
    if (!t || !key || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

const OPEN_END = /^(?:en cours|present|aujourd'hui|a ce jour|ce jour|ongoing|now|current|a determiner|indetermine|ouvert|open)$/;

/** Earliest start and latest end of the activity dates a news item reports. */
function activitySpan(dates: readonly string[] | undefined): { start: string | null; end: string | null } {
  let start: string | null = null;
  let end: string | null = null;
  for (const d of dates ?? []) {
    const r = parseDateRange(d);
    const a = r.start ?? r.end;
    const b = r.end ?? r.start;
    if (a && (!start || periodStart(a) < periodStart(start))) start = a;
    if (b && (!end || periodEnd(b) > periodEnd(end))) end = b;
  }
  return { start, end };
}

function dedupeDonors(list: DonorRef[]): DonorRef[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = d.code ?? `?${foldKey(d.name)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * "chapeauté par l'OIM Rome et mis en œuvre par Rabat, Tunis et Dakar": implementers named only by
 * their city, in a text that names IOM's offices so, are those offices ("OIM Rabat").
 */
function officeNames(list: string[], text: string): string[] {
  const m = /(?<![\p{L}])(OIM|IOM)\s+\p{Lu}/u.exec(text);
  if (!m || !list.length || !list.every((x) => resolvePlace(x)?.kind === 'city')) return list;
  return list.map((x) => `${m[1]} ${x}`);
}

/** A funder's name, also when written with more than the registry has: "German Federal Ministry … (BMZ)". */
function resolveLoose(raw: string): DonorRef {
  const whole = resolveDonor(raw);
  const acr = /\(([^()]{2,12})\)\s*$/.exec(raw)?.[1];
  const byAcr = acr ? resolveDonor(acr) : null;
  // "the US State Department's Bureau of … (PRM)": the acronym names the agency, more specific
  // than the government the words around it also name.
  if (byAcr?.known && (!whole.known || byAcr.parent === whole.code)) return { ...byAcr, raw };
  if (whole.known) return whole;
  const bare = raw.replace(/\s*\([^()]*\)\s*$/, '').replace(/\s+(?:in|à|au|en)\s+[\p{Lu}][\p{L}-]+$/u, '');
  if (bare !== raw) {
    const b = resolveDonor(bare);
    if (b.known) return { ...b, raw };
  }
  return whole;
}

/** The countries funders stand for (a government, an agency's government, the states paying into an instrument). */
function funderCountryCodes(donors: readonly DonorRef[]): Set<string | null> {
  return new Set(donors.flatMap((d) => [d.code, d.parent ?? null, ...(donorByCode(d.code ?? '')?.fundedBy ?? [])]));
}

const CEMAC: ReadonlySet<string> = new Set(['CM', 'CF', 'TD', 'CG', 'GQ', 'GA']);


/** Drops the funders' names (as written) from a text, so that their countries are not read as where the project runs. */
function maskFunders(text: string, donors: readonly string[] | undefined): string {
  let out = text;
  for (const d of donors ?? []) if (d.length >= 3) out = out.split(d).join(' '.repeat(d.length));
  return out;
}

/** A text with its funding phrases and the funders' names masked: what is left says where, not who pays. */
function withoutFunders(text: string, donors: readonly string[] | undefined): string {
  return maskFunders(maskSpans(text, findFunderSpans(text, tokenize(text))), donors);
}

/**
 * Only the most specific funder: a government named with its agency ("Sweden through Sida",
 * "United Kingdom – FCDO") is the agency; the states paying into an instrument named with it
 * ("Iceland, Liechtenstein and Norway through the EEA Grants") are the instrument.
 */
function mostSpecific(list: DonorRef[]): DonorRef[] {
  const covered = new Set<string>();
  for (const d of list) {
    if (d.parent) covered.add(d.parent);
    for (const c of donorByCode(d.code ?? '')?.fundedBy ?? []) covered.add(c);
  }
  return list.filter((d) => !d.code || !covered.has(d.code));
}

const BUDGET_WORD_RE = /\b(?:budget|montant|enveloppe|co[uû]t\s+(?:total|global)|amount|total\s+cost)\b/i;

/** A budget stated in the text ("un montant global de 9.5 millions de dollars US") when no field gives one. */
function budgetFromText(text: string) {
  // A sentence with the word is part of the text (whitespace collapsed): no word, no budget.
  if (!BUDGET_WORD_RE.test(text)) return null;
  for (const s of sentences(text)) {
    if (!BUDGET_WORD_RE.test(s.text)) continue;
    const found = findMoneyInText(s.text);
    if (found.length > 0) return found[0]!;
  }
  return null;
}

const RAW_FIELDS = [
  'title', 'acronym', 'section', 'period', 'start', 'end', 'status', 'type', 'budget', 'budgetLabel', 'coverage',
  'year', 'idfRegion', 'primaId', 'projectId', 'memberStates', 'donors', 'donorsText', 'partners', 'implementers',
  'places', 'activityDates', 'countriesText',
] as const satisfies ReadonlyArray<keyof ProjectDraft>;

function rawFields(draft: ProjectDraft): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const k of RAW_FIELDS) {
    const v = draft[k];
    if (typeof v === 'string') {
      if (v.trim()) raw[k] = v;
    } else if (Array.isArray(v)) {
      const list = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
      if (list.length) raw[k] = list;
    }
  }
  for (const [field, sentence] of Object.entries(draft.evidence ?? {})) {
    if (field !== 'title' && sentence.trim()) raw[`evidence:${field}`] = sentence;
  }
  return raw;
}

/**
 * Normalizes one extracted project. See the brief in each module for the rules; in short:
 * dates from start/end else the period; status from the page else derived from the dates
 * (statusDerived); donors from the donors field (split, resolved) else from the funding text;
 * countries from the member states, then (activity-sheet projects only) the countries the text
 * names outside its funding phrases, then the countries of the places.
 */
export function normalizeRecord(draft: ProjectDraft, ctx: NormalizeContext): ProjectRecord {
  const today = ctx.today ?? new Date();
  const title = cleanTitle(draft.title, draft.period);
  const id = recordId(ctx.sourceName, draft.index, title);
  const acronym = clean(draft.acronym) ?? findAcronym(title);

  // Dates.
  const period = parseDateRange(draft.period);
  const start = parseDate(draft.start) ?? (draft.start ? parseDateRange(draft.start).start : null) ?? period.start;
  const endGiven = parseDate(draft.end) ?? (draft.end ? parseDateRange(draft.end).end : null);
  const end = endGiven ?? (draft.end ? null : period.end);
  const endOpen = end === null && (period.open || (draft.end !== undefined && OPEN_END.test(foldKey(draft.end))));
  const activity = activitySpan(draft.activityDates);

  // Status.
  let status = normalizeStatus(draft.status);
  let statusDerived = false;
  if (!status) {
    status = deriveStatus(start, end, endOpen, today);
    statusDerived = status !== null;
  }

  // Money.
  // "deux millions d'euros" has no figure parseMoney reads; the running-text reader does.
  const budget = draft.budget ? parseMoney(draft.budget, { label: draft.budgetLabel }) ?? findMoneyInText(draft.budget)[0] ?? null : budgetFromText(draft.text);

  // Places.
  const places: PlaceRef[] = [];
  const placeKeys = new Set<string>();
  const addPlace = (p: PlaceRef) => {
    const k = `${foldKey(p.name)}|${p.country ?? ''}`;
    if (placeKeys.has(k)) return;
    placeKeys.add(k);
    places.push(p);
  };
  for (const raw of draft.places ?? []) {
    const name = collapseWs(raw);
    if (!name) continue;
    addPlace(resolvePlace(name) ?? { name, country: null, kind: 'city', raw });
  }
  // The project text is tokenized once for the finders that read it (places, funders).
  const toks = tokenize(draft.text);
  // "chapeauté par l'OIM Rome": an office's city is where the office is, not where the project runs.
  const offices = new Set([...draft.text.matchAll(/(?<![\p{L}])(?:OIM|IOM)\s+(\p{Lu}[\p{L}-]+)/gu)].map((m) => foldKey(m[1]!)));
  const officeOnly = (name: string) => offices.has(foldKey(name)) && !new RegExp(`(?<!(?:OIM|IOM)\\s)(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(draft.text);
  for (const p of findPlacesInText(draft.text, toks)) if (!officeOnly(p.raw ?? p.name)) addPlace(p);

  // Countries.
  const countries: CountryRef[] = [];
  const addCountry = (c: CountryRef | null) => {
    if (c && !countries.some((x) => x.code === c.code)) countries.push(c);
  };
  for (const ms of draft.memberStates ?? []) for (const piece of splitCountryList(ms)) addCountry(resolveCountry(piece));
  for (const value of draft.countriesText ?? []) {
    const whole = resolveCountry(value);
    if (whole) {
      addCountry(whole);
      continue;
    }
    // "Lac Province (Bol, Baga Sola …), Chad": the country is one of the listed parts; a country
    // field may name a country that is also a common word, which running text would not trust.
    const found = findCountriesInText(value);
    const pieces = value.replace(/\([^)]*\)/g, ' ').split(/\s*[,;/|]\s*|\s+(?:and|et|&)\s+/u);
    const seen = new Set(found.map((c) => c.code));
    for (const piece of pieces) {
      const c = resolveCountry(piece.trim());
      if (c && !seen.has(c.code)) found.push(c);
    }
    // "Antakya, Defne and İskenderun districts, Hatay province": towns and regions only; their
    // country, when the field names none.
    if (found.length === 0) {
      const codes = new Set(pieces.map((piece) => countryOfPlace(piece)).filter((c): c is string => c !== null));
      if (codes.size === 1) for (const code of codes) found.push({ code, name: countryName(code) ?? code, raw: value });
    }
    for (const c of found) addCountry(c);
  }
  const proseCountries = draft.kind === 'project-page' && countries.length === 0 && !draft.countriesText?.length;
  if (proseCountries) {
    // No country field: the countries the title and the project's text name, funders masked
    // ("with funding from the Government of Japan" names no country the project runs in).
    // The title's countries first; else those the text names as where things happen ("in
    // Somalia", "au Maroc", "en Guinée"), not where people come from ("from Venezuela") or who
    // an organisation is ("Expertise France"); else every country the text names.
    for (const c of findCountriesInText(title)) addCountry(c);
    if (countries.length === 0) {
      const head = `${draft.summary ?? draft.text}`;
      const text = withoutFunders(head, draft.donors);
      const all = findCountriesInText(text);
      // A country site ("… | IOM Mexico", "OIM Mali") says where, better than countries the text
      // names without "in"/"au" (often where migrants come from).
      const site = draft.siteCountries ? findCountriesInText(draft.siteCountries) : [];
      // Where the text places things: countries and towns after "in", "à", "région de", datelines.
      const located = countriesWhereRun(text, site.map((c) => c.code));
      for (const c of located.length ? located : site.length ? site : all) addCountry(c);
    }
  }
  if (draft.kind === 'iom-activity-sheet') {
    // An activity-sheet block has no member-state field: the countries its text names are where
    // it runs ("au Maroc, au Sénégal...", "la France, la Grèce..."), always, not only when no
    // place was found ("OIM Paris" alone would leave just France). The funders' countries
    // ("Fonds : Belgique, Espagne...", "Coopération Suisse") are masked out.
    const text = maskSpans(draft.text, findFunderSpans(draft.text, toks));
    for (const c of findCountriesInText(text)) addCountry(c);
  }
  // The places' countries; on a general page only when nothing else said where (an office's city,
  // "Expertise France … Paris", a café named "Casablanca" in Monterrey, is not where it runs).
  if (draft.kind !== 'project-page' || countries.length === 0)
    for (const p of places) if (p.country) addCountry({ code: p.country, name: countryName(p.country) ?? p.country });

  // Donors.
  let donors: DonorRef[] = [];
  const listed = (draft.donors ?? []).filter((d) => d.trim());
  if (listed.length > 0 && draft.kind === 'project-page') {
    // The general reader's funder names: the registry's donors in them, else the name as an unknown funder.
    for (const d of listed) {
      const whole = resolveLoose(d);
      if (whole.known) {
        donors.push(whole);
        continue;
      }
      const pieces = splitDonorList(d).flatMap((p) => {
        const r = resolveLoose(p);
        return r.known ? [r] : findDonorsInFundingText(p).filter((x) => x.known);
      });
      donors.push(...(pieces.length ? pieces : [whole]));
    }
  } else if (listed.length > 0) {
    for (const d of listed) for (const piece of splitDonorList(d)) donors.push(resolveDonor(piece));
  } else {
    if (draft.donorsText) donors = findDonorsInFundingText(draft.donorsText);
    // The general reader has read the page's funding phrases already: a name in its text is no funder.
    if (donors.length === 0 && draft.kind !== 'project-page') donors = findDonorsInText(draft.text, toks);
  }
  donors = dedupeDonors(donors);
  if (draft.kind === 'project-page') donors = mostSpecific(donors);
  if (proseCountries) {
    // A funder's country is not where the project runs ("supported by Sweden" on a page about Ethiopia).
    const funderCountries = funderCountryCodes(donors);
    const kept = countries.filter((c) => !funderCountries.has(c.code));
    countries.length = 0;
    countries.push(...kept);
  }
  if (countries.length === 0 && draft.pageCountries) {
    // None named for the project: the country the page states for all (a country site, an
    // embassy, a ministry), never a funder's.
    const funderCountries = funderCountryCodes(donors);
    for (const c of findCountriesInText(draft.pageCountries)) if (!funderCountries.has(c.code)) addCountry(c);
  }
  if (countries.length === 0 && draft.pageText) {
    // Still none: where the page places things (its towns and regions), funders masked, never a funder's country.
    const funderCountries = funderCountryCodes(donors);
    const text = withoutFunders(draft.pageText, draft.donors);
    for (const c of countriesWhereRun(text)) if (!funderCountries.has(c.code)) addCountry(c);
  }
  // Francs CFA are XOF in West Africa and XAF in Central Africa (CEMAC): the project's country says which.
  const budgetCur = budget && budget.currency === 'XOF' && /cfa/i.test(budget.raw) && countries.some((c) => CEMAC.has(c.code)) ? { ...budget, currency: 'XAF' } : budget;

  const beneficiaries = findBeneficiaries(draft.beneficiaryText?.length ? draft.beneficiaryText : draft.text);
  const yearMatch = draft.year ? /\d{4}/.exec(draft.year) : null;

  return {
    id,
    kind: draft.kind,
    title,
    acronym,
    section: clean(draft.section),
    status,
    statusCode: iatiStatusCode(status),
    statusDerived,
    type: clean(draft.type),
    start,
    end,
    endOpen,
    activityStart: activity.start,
    activityEnd: activity.end,
    budget: budgetCur ?? null,
    budgetUsd: toUsd(budgetCur ?? null),
    coverage: clean(draft.coverage),
    year: yearMatch ? Number.parseInt(yearMatch[0], 10) : null,
    idfRegion: clean(draft.idfRegion),
    primaId: clean(draft.primaId),
    projectId: clean(draft.projectId),
    countries,
    donors,
    partners: cleanList(draft.partners),
    implementers: officeNames(cleanList(draft.implementers), draft.text),
    places,
    beneficiaries,
    summary: draft.summary?.trim() || null,
    raw: rawFields(draft),
    repairs: ctx.repairs.filter((c) => c.line >= draft.lines.from && c.line <= draft.lines.to).length,
    text: draft.text,
  };
}
