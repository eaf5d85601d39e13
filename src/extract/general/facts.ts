// General reader, facts: what the fields and the sentences say of one project (funders, period, amount,
// countries, partners, status, code), each with its evidence, and the draft made of them.
import type { ProjectDraft } from '../../types.js';
import { blockText, type Line } from '../lines.js';
import type { Field } from '../fields.js';
import { findFundedAdjectives, findFunderPhrases, findGrantors, findPeriod, stripDateline, type Found } from '../prose.js';
import { findMoneyInText, parseDateRange, parseMoney } from '../../normalize/index.js';
import { PROJECT_WORD_RE } from './headline.js';
import { resolveLooseDonor } from './site.js';

export interface Facts {
  donors: Found[];
  period?: Found;
  start?: Found;
  end?: Found;
  budget?: Found & { label?: string };
  countries: Found[];
  partners: Found[];
  status?: Found;
  projectId?: Found;
  /** A funder named by a label ("EU contribution"). */
  labelDonor?: Found;
}

/** "BMZ, cofinancé par l'Union européenne": the funders a donor field names. */
function donorValues(f: Field): Found[] {
  const value = f.value
    .replace(/,?\s*(?:co-?financ[ée]e?s?\s+par|co-?funded\s+by|co-?financed\s+by|with\s+co-?financing\s+from)\s+/giu, '; ')
    .replace(/,\s*(?:[$€£]|EUR|USD|CHF|GBP)\s*[\d.,]+\s*(?:million|millions|m)?\s*$/iu, '')
    .replace(/\s*\([^)]*(?:ministry|ministère|ministerio)[^)]*\)/giu, '');
  return [{ value, evidence: f.evidence }];
}

const ACTUAL_RE = /\b(?:actual|réel(?:le)?|effecti(?:ve|f))\b/iu;

export function factsFromFields(fields: Field[]): Facts {
  const facts: Facts = { donors: [], countries: [], partners: [] };
  for (const f of fields) {
    const found: Found = { value: f.value, evidence: f.evidence };
    switch (f.key) {
      case 'donor':
        facts.donors.push(...donorValues(f));
        break;
      case 'period':
        facts.period ??= found;
        break;
      case 'start':
        // "Start date (actual)" wins over "Start date (planned)".
        if (!facts.start || ACTUAL_RE.test(f.label)) facts.start = facts.start && !ACTUAL_RE.test(f.label) ? facts.start : found;
        break;
      case 'end':
        if (!facts.end || ACTUAL_RE.test(f.label)) facts.end = facts.end && !ACTUAL_RE.test(f.label) ? facts.end : found;
        break;
      case 'budget':
        if (!facts.budget || facts.budget.label === 'part') facts.budget = { ...found, label: f.label };
        break;
      case 'budgetPart': {
        facts.budget ??= { ...found, label: 'part' };
        // "EU contribution", "Budget de la Suisse", "dont contribution de l'Union européenne": the label names a funder.
        const who = f.label
          .replace(/^(?:dont\s+|of\s+which\s+)?(?:phase en cours\s+)?(?:total\s+)?(?:budget|contribution|montant|amount|part|share|financement|funding)(?:\s+drawn)?\s+(?:de\s+la|de\s+l[’']|du|des|de|from\s+the|from|of\s+the|of|by\s+the|by|par\s+la|par\s+le|par)\s*/iu, '')
          .replace(/\s*(?:contribution|funding|financing|grant|allocation)$/iu, '');
        if (who !== f.label) facts.labelDonor ??= { value: who, evidence: f.evidence };
        break;
      }
      case 'country':
        facts.countries.push(found);
        break;
      case 'partner':
        facts.partners.push(found);
        break;
      case 'status':
        facts.status ??= found;
        break;
      case 'projectId':
        facts.projectId ??= found;
        break;
      default:
        break;
    }
  }
  return facts;
}

const APPROX_PAREN_RE = /\((?:environ|soit|about|approximately|approx\.?|around|i\.e\.|roughly|près de)\s[^)]*\)/giu;

/** Facts of sentences, added where the fields said nothing. */
export function addProseFacts(facts: Facts, sentences: string[], wholePage = false, name?: string): void {
  const nameRe = name ? nameMatcher(name) : null;
  const about = (s: string) => PROJECT_WORD_RE.test(s) || (nameRe ? nameRe.test(s) : false);
  const text = sentences.join(' ');
  if (facts.donors.length === 0) {
    let at = 0;
    const starts = sentences.map((s) => {
      const a = at;
      at += s.length + 1;
      return a;
    });
    const sentenceAt = (pos: number) => {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1]! <= pos) k++;
      return sentences[k] ?? text;
    };
    const phrases = findFunderPhrases(text, sentenceAt);
    facts.donors.push(...phrases.map((p) => ({ value: p.value, evidence: p.evidence })));
    if (facts.donors.length === 0) {
      for (const s of sentences) for (const a of findFundedAdjectives(s)) if (resolveLooseDonor(a.value).known) facts.donors.push({ value: a.value, evidence: s });
    }
    if (facts.donors.length === 0) {
      // "la Norvège accorde …", "Global Affairs Canada supports this project with …": only a funder the registry knows.
      for (const s of sentences) {
        for (const g of findGrantors(s)) {
          // "L'Espagne, à travers l'AECID, a accordé": the most specific funder of the clause.
          const parts = g.value.split(/\s*,\s*|\s+(?:à\s+travers|through|via|par\s+l[’']interm[ée]diaire\s+(?:de|du|des))\s+/iu).filter(Boolean);
          const known = parts.map((p) => ({ p, r: resolveLooseDonor(p) })).filter((x) => x.r.known);
          if (known.length) facts.donors.push({ value: known[known.length - 1]!.p, evidence: s });
        }
      }
    }
  }
  // Sentences that speak of the project or its funding come first: a page's other figures (a
  // country programme's total, last year's statistics) are not the project's.
  const ranked = rankSentences(sentences);
  if (!facts.period && !facts.start && !facts.end) {
    // Dates of the project are stated where the project, its funding or its running is spoken
    // of: "IOM has promoted migration since 1951" in a site's blurb is no project date.
    const p = findPeriod(wholePage ? ranked.filter((s) => DATE_CONTEXT_RE.test(s) || findFunderPhrases(s).length > 0) : ranked, about);
    if (p.period) facts.period = p.period;
    else {
      if (p.start) facts.start = p.start;
      if (p.end) facts.end = p.end;
    }
    if (p.period && p.start && /^depuis|^since/i.test(p.start.value)) facts.start = p.start;
    if (!p.period && p.start && p.end) facts.period = undefined;
  }
  if (!facts.budget) {
    for (const s of ranked) {
      const money = findMoneyInText(stripDateline(s).replace(APPROX_PAREN_RE, ' '));
      if (money.length) {
        facts.budget = { value: money[0]!.raw, evidence: s };
        break;
      }
    }
  }
}

const DATE_CONTEXT_RE = /(?<![\p{L}])(?:projets?|projects?|programmes?|programs?|initiatives?|actions?|interventions?|activit(?:y|ies|é|és)|implementation|mise\s+en\s+(?:œ|oe)uvre|will\s+run|runs|ran|se\s+déroul\p{L}*|durée|duration|launched|lancée?s?|démarr\p{L}*|début\p{L}*|started|starts|began|prolong\p{L}*|extended|convention|grant|subvention|agreement|accord|s[’']étend\p{L}*|s[’']étale\p{L}*|court|courra|courir|running|will\s+last|lasts|mois|months|ans|years|prévue?s?|planned|scheduled|période|period)(?![\p{L}])/iu;

const LARGER_RE = /(?<![\p{L}])(?:broader|wider|overall\s+(?:programme|portfolio)|separate\s+from|distinct\s+(?:from|de)|plus\s+large|au\s+total|in\s+total|cumulative|cumulés?|tous\s+secteurs|across\s+\d+\s+countries|portefeuille|portfolio)(?![\p{L}])/iu;

const FUNDING_WORD_RE = /(?<![\p{L}])(?:financ\p{L}*|funding|funded|grant|subvention|contribution|budget|montant|co[uû]t|cost|worth|convention|accord[ée]e?|allou\p{L}*|octroy\p{L}*|d[’']un\s+montant|valued|committed|commits|engag\p{L}*)(?![\p{L}])/iu;

/** Sentences ordered by how much they speak of the project: its name word and funding words first, then page order. */
function rankSentences(sentences: string[]): string[] {
  // A larger whole ("Australia's broader programme, worth AUD 60 million, is separate from this
  // initiative", "a country programme … between 2016 and 2022") is not the project.
  const score = (s: string) => (PROJECT_WORD_RE.test(s) ? 1 : 0) + (FUNDING_WORD_RE.test(s) ? 1 : 0) + (findFunderPhrases(s).length || findGrantors(s).length ? 2 : 0) - (LARGER_RE.test(s) ? 2 : 0) - (/(?<![\p{L}])(?:pays|country|national|nationale|country programme|programme pays|strat[ée]gie|strategy|cadre de coop[ée]ration|cooperation framework)(?![\p{L}])/iu.test(s) && /(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}/.test(s) ? 1 : 0);
  return sentences
    .map((s, i) => ({ s, i, k: score(s) }))
    .sort((a, b) => b.k - a.k || a.i - b.i)
    .map((x) => x.s);
}

/** A project's name or acronym in a sentence: its first three significant words, or the acronym. */
function nameMatcher(name: string): RegExp | null {
  const acr = /\(([A-Z0-9][A-Z0-9-]{1,11})\)/.exec(name)?.[1];
  const words = name.replace(/\([^)]*\)/g, ' ').split(/[^\p{L}\d’'-]+/u).filter((w) => w.length > 3).slice(0, 3);
  const parts = [acr, words.length ? words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\W+(?:\\S+\\W+){0,2}') : null].filter(Boolean);
  return parts.length ? new RegExp(`(?<![\\p{L}])(?:${parts.join('|')})(?![\\p{L}])`, 'iu') : null;
}

export function hasFacts(f: Facts): boolean {
  return f.donors.length > 0 || !!f.period || !!f.start || !!f.end || !!f.budget;
}

export function toDraft(title: string, facts: Facts, index: number, block: Line[], extra: Partial<ProjectDraft> = {}): ProjectDraft {
  const draft: ProjectDraft = {
    kind: 'project-page',
    index,
    title,
    text: blockText(block),
    lines: { from: block[0]?.n ?? 1, to: block[block.length - 1]?.n ?? 1 },
    ...extra,
  };
  const evidence: Record<string, string> = { title };
  if (facts.donors.length) {
    draft.donors = facts.donors.map((d) => d.value);
    draft.donorsText = facts.donors.map((d) => d.evidence).filter((e, i, a) => a.indexOf(e) === i).join(' | ');
    evidence['donors'] = draft.donorsText;
  }
  if (facts.period) {
    draft.period = facts.period.value;
    evidence['period'] = facts.period.evidence;
  }
  if (facts.start && /^(?:depuis|since)\s/iu.test(facts.start.value) && !facts.period) {
    // "depuis 2005": a start with no end, which the period says ("open").
    draft.period = facts.start.value;
    evidence['start'] = facts.start.evidence;
  } else if (facts.start) {
    draft.start = facts.start.value;
    evidence['start'] = facts.start.evidence;
  }
  if (facts.end) {
    draft.end = facts.end.value;
    evidence['end'] = facts.end.evidence;
  }
  if (facts.budget) {
    draft.budget = facts.budget.value;
    if (facts.budget.label && facts.budget.label !== 'part') draft.budgetLabel = facts.budget.label;
    evidence['budget'] = facts.budget.evidence;
  }
  if (facts.countries.length) {
    draft.countriesText = facts.countries.map((c) => c.value);
    evidence['countries'] = facts.countries.map((c) => c.evidence).join(' | ');
  }
  if (facts.partners.length) draft.partners = facts.partners.flatMap((p) => p.value.split(/\s*;\s*/));
  if (facts.status) {
    draft.status = facts.status.value;
    evidence['status'] = facts.status.evidence;
  }
  if (facts.projectId) {
    draft.projectId = facts.projectId.value;
    evidence['projectId'] = facts.projectId.evidence;
  }
  draft.evidence = evidence;
  return draft;
}


/** A label and its "value" inside a run of one-word menu lines ("Countries" / "Sectors" / "Partners"). */
export function inMenu(lines: Line[], f: Field): boolean {
  const at = f.labelAt ?? f.at;
  if (at === f.at) return false;
  const short = (i: number) => {
    const t = lines[i]?.text ?? '';
    return t.length > 0 && t.length <= 25 && !/[\d:.,;]/.test(t) && t.split(/\s+/).length <= 3;
  };
  return short(at - 1) && short(at) && short(f.at) && short(f.at + 1);
}

/** A field whose value is what its label promises: a date for a date label, an amount for an amount. */
export function meaningful(f: Field): boolean {
  switch (f.key) {
    case 'period':
    case 'start':
    case 'end': {
      const r = parseDateRange(f.value);
      return !!(r.start || r.end);
    }
    case 'budget':
    case 'budgetPart':
      return findMoneyInText(f.value).length > 0 || !!parseMoney(f.value, { label: f.label }) || (f.key === 'budget' && /^\s*[\d][\d\s.,’']*\s*$/.test(f.value));
    case 'donor':
      return /\p{Lu}/u.test(f.value);
    default:
      return false;
  }
}
