// The general reader: any page that describes projects, from any site, in French or English,
// where no specific layout fits. It reads:
//   - the headline (HTML <h1>, og:title or <title> without the site's name; in text the first
//     heading-like line after the menus), never a field label or a menu line;
//   - label/value fields in any layout (fields.ts), one project per block when fields repeat
//     (a listing) or per row of a table;
//   - facts stated in sentences (prose.ts): funders, periods, amounts; one project per named
//     project when a news item names several.
// Every field keeps the line or sentence it came from (draft.evidence).
import type { PageMeta, ProjectDraft } from '../types.js';
import { BULLET_RE, blockText, foldKey, isSentence, isSentence as isProse, toParagraphs, toSentences, type Layout, type Line } from './lines.js';
import { scanFields, labelKey, type Field } from './fields.js';
import { findFunderPhrases, findGrantors, findPeriod, PUBLISHED_RE, stripDateline, type Found } from './prose.js';
import { donorByCode, findMoneyInText, parseDateRange, parseMoney, resolveDonor } from '../normalize/index.js';

export interface PageInput {
  lines: Line[];
  layout: Layout;
  meta?: PageMeta;
}

/** Headings that name a part of a page, not a project. */
const GENERIC = new Set(
  [
    'home', 'accueil', 'projects', 'projets', 'project', 'projet', 'news', 'actualites', 'actualite', 'press release', 'communique de presse',
    'project description', 'description succincte du projet', 'description du projet', 'about the project', 'a propos du projet',
    'summary', 'resume', 'context', 'contexte', 'background', 'objective', 'objectives', 'objectif', 'objectifs', 'description',
    'skip to main content', 'aller au contenu principal', 'menu', 'search', 'rechercher', 'recherche', 'related', 'lire aussi',
    'a lire aussi', 'share', 'partager', 'print', 'imprimer', 'our work', 'notre travail', 'who we are', 'qui sommes nous',
    'where we work', 'take action', 'agir', 'data and resources', 'donnees et ressources', 'english', 'francais', 'main menu',
    'breadcrumb', 'fil d\'ariane', 'vous etes ici', 'you are here', 'page introuvable', 'page not found', 'societe', 'politique',
    'economie', 'international', 'nation', 'regions', 'migration', 'stories', 'articles', 'blog', 'publications',
    'project sheet', 'fiche projet', 'fiche de projet', 'fiche du projet', 'factsheet', 'fact sheet', 'project factsheet', 'key facts',
    'vacancies', 'vacancy', 'jobs', 'careers', 'job opportunities', 'offres d\'emploi', 'recrutement', 'emplois', 'events', 'evenements',
    'agenda', 'calendar', 'upcoming events', 'procurement', 'appels d\'offres', 'tenders', 'call for tenders',
  ].map((s) => foldKey(s)),
);

const FOOTER_RE = /^(?:©|copyright|\(c\)|suivez[- ]nous|follow us|contactez[- ]nous|contact us|contact$|newsletter|abonnez|subscribe|mentions légales|legal notice|politique de confidentialit|privacy|avis de confidentialit|conditions d[’']utilisation|terms of use|site policy|imprint|cookies|avis juridique|plan du site|sitemap|jobs$|offres d'emploi|médias$|media$|lire aussi|à lire aussi|related$|articles similaires|download data|for more information|pour plus d'information|pour toute information)/iu;
const BREADCRUMB_RE = /^(?:[^/>›»|]{1,60}\s*(?:\/|>|›|»|\|)\s*){1,8}[^/>›»|]{0,120}$/u;
const PROJECT_WORD_RE = /(?<![\p{L}])(?:projets?|projects?|programmes?|programs?|initiatives?|actions?|partnerships?|partenariats?|interventions?|phases?|grants?|subventions?)(?![\p{L}])/iu;

function isBreadcrumb(t: string): boolean {
  if (!BREADCRUMB_RE.test(t)) return false;
  const parts = t.split(/\s*(?:\/|>|›|»)\s*/u);
  return parts.length >= 2 && parts.every((p) => p.length <= 70) && /^(?:home|accueil|results portal|startseite|inicio)\b/iu.test(parts[0]!.trim()) || (parts.length >= 3 && parts.every((p) => p.length <= 50));
}

/** A line that can be a headline: not a menu item, label, footer, breadcrumb or date line. */
function headingLike(t: string): boolean {
  if (!t || t.length < 3 || t.length > 300) return false;
  if (t.startsWith('- ') || /^[-–—|•]$/.test(t)) return false;
  if (labelKey(t) || LABEL_VALUE_RE.test(t)) return false;
  if (ABOUT_RE.test(t)) return false;
  return headingShape(t);
}

/** "Responsible unit: Embassy of Denmark", "Grant reference: 2020-14387": a label of two to four words, lowercase after the first. */
const LABEL_VALUE_RE = /^\p{Lu}\p{Ll}*(?:\s+[\p{Ll}(/][\p{L})/]*){1,3}\s?:\s+\S/u;
/** A page about the organisation, not a project: "About IOM in Afghanistan", "Qui sommes-nous". */
const ABOUT_RE = /^(?:about\s+(?:us|iom|the\s+organi[sz]ation|iom\s+in)\b|à\s+propos\b|qui\s+sommes|who\s+we\s+are|our\s+work\b|notre\s+travail)/iu;

function headingShape(t: string): boolean {
  if (/^(?:about\s+(?:us|iom|the\s+organi[sz]ation|iom\s+in)\b|à\s+propos\b|qui\s+sommes|who\s+we\s+are|our\s+work\b|notre\s+travail)/iu.test(t)) return false;
  if (GENERIC.has(foldKey(t).replace(/[:.]$/, ''))) return false;
  if (FOOTER_RE.test(t) || PUBLISHED_RE.test(t) || isBreadcrumb(t)) return false;
  if (/^[\d\s/.,:–—-]+$/.test(t)) return false;
  if (/^\(.*\)$/.test(t)) return false;
  return true;
}

/** Words a wrapped headline's first line ends with when the headline goes on below. */
const CONTINUES_RE = /(?:^|\s)(?:for|of|and|the|in|on|to|with|at|by|from|de|des|du|la|le|les|et|à|au|aux|pour|dans|en|sur|avec|par|d[’']|l[’'])$/iu;

/** The headline of a text page: walking back from the content, past prose, dates and chrome. */
function textHeadline(lines: Line[], content: number): { text: string; at: number } | undefined {
  let t = content - 1;
  while (t >= 0) {
    const s = lines[t]!.text;
    if (!s || /^[-–—]$/.test(s) || isSentence(s) || !headingLike(s)) {
      t--;
      continue;
    }
    break;
  }
  if (t < 0) return undefined;
  let text = lines[t]!.text;
  let at = t;
  // A headline wrapped over two lines (PDF): "Emergency Shelter … for" / "Displaced Households …".
  const prev = t > 0 ? lines[t - 1]!.text : '';
  if (prev && headingLike(prev) && !/[.:;!?]$/.test(prev) && (CONTINUES_RE.test(prev) || /^\p{Ll}/u.test(text))) {
    text = `${prev} ${text}`;
    at = t - 1;
  }
  return { text: stripListMark(text), at };
}

/** "1. The Project for …", "2) Water …", "• Title": a list's number or bullet is not part of the title. */
function stripListMark(t: string): string {
  return t.replace(BULLET_RE, '').replace(/^(?:\d{1,2}[.)]?|[a-z][.)])\s+(?=\p{Lu})/u, '');
}

/** The site's name, from og:site_name, the <title> suffix or the first line. */
function siteNames(meta: PageMeta | undefined, lines: Line[]): string[] {
  const out: string[] = [];
  if (meta?.siteName) out.push(meta.siteName);
  if (meta?.title) {
    const parts = meta.title.split(/\s+[|–—-]\s+|\s+::\s+/u);
    if (parts.length > 1) out.push(parts[parts.length - 1]!);
  }
  const first = lines.find((l) => l.text);
  if (first) out.push(first.text);
  const copy = lines.map((l) => l.text).find((s) => /^(?:©|copyright)/iu.test(s));
  if (copy) out.push(copy.replace(/^(?:©|copyright)\s*(?:\d{4}\s*)?/iu, ''));
  return out;
}

/** The HTML headline: <h1>, else og:title, else <title> without the site's name. */
function htmlHeadline(meta: PageMeta | undefined): string | undefined {
  if (!meta) return undefined;
  const ok = (s: string | undefined) => !!s && headingLike(s) && s.length >= 3;
  if (ok(meta.h1)) return meta.h1;
  // A page about the organisation has no project headline to fall back to.
  if (meta.h1 && ABOUT_RE.test(meta.h1)) return '';
  const strip = (s: string) => {
    const parts = s.split(/\s+[|–—]\s+|\s+-\s+|\s+::\s+/u);
    return parts.length > 1 ? parts.slice(0, -1).join(' – ') : s;
  };
  if (meta.ogTitle && ok(strip(meta.ogTitle))) return strip(meta.ogTitle);
  if (meta.title && ok(strip(meta.title))) return strip(meta.title);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Named projects in prose

interface Mention {
  title: string;
  acronym?: string;
  /** Index of the sentence that names it. */
  sentence: number;
}

const QUOTED_RE = /«\s*([^«»]{4,160}?)\s*»|“\s*([^“”]{4,160}?)\s*”|"\s*([^"]{4,160}?)\s*"/gu;
const INTRO_RE = /(?:projets?|projects?|programmes?|programs?|initiatives?|premier|première|second|seconde|deuxième|troisième|first|second|third|intitulée?s?|called|named|entitled|dubbed|baptisée?s?|dénommée?s?|known\s+as)\W{0,12}(?:(?:le|la|les|l[’']|the|du|de|des|au)\s*)?$/iu;
const APPOSITIVE_RE = /(?:^|[.;]\s+)(?:The|This|Le|La|Ce|Cette)\s+(?:new\s+|nouveau\s+|nouvelle\s+)?(?:project|programme|program|initiative|projet)\s*,\s*(?:called\s+|named\s+|entitled\s+|dubbed\s+|baptisée?\s+|intitulée?\s+|dénommée?\s+)?([\p{Lu}][^,;«»"“”]{4,140}?)\s*,\s+(?:will|is|was|has|aims|which|sera|est|vise|a\s)/u;
const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'in', 'on', 'the', 'to', 'at', 'de', 'des', 'du', 'la', 'le', 'les', 'et', 'pour', 'à', 'aux', 'au', 'en', 'dans', "d'", "l'", 'sur', 'with', 'along']);

/** "the Coastal Youth Livelihoods Programme (CYLP)": a capitalised name with a project word, then its acronym. */
function acronymMentions(sentence: string): Array<{ title: string; acronym: string; at: number }> {
  const out: Array<{ title: string; acronym: string; at: number }> = [];
  for (const m of sentence.matchAll(/\(([A-Z0-9][A-Z0-9&-]{1,11})\)/gu)) {
    const acr = m[1]!;
    if (!/[A-Z]/.test(acr)) continue;
    // "the Community-Led Relocation and Readiness initiative (CLRR)": the generic word is not part of the name.
    const before = sentence.slice(0, m.index).trimEnd().replace(/\s+(?:initiative|programme|program|project|projet|partnership|facility)$/u, '');
    const words = before.split(/\s+/);
    const name: string[] = [];
    for (let k = words.length - 1; k >= 0 && name.length < 16; k--) {
      const w = words[k]!;
      const bare = w.replace(/[,;:]$/, '');
      if (bare !== w && name.length) break;
      if (/^[\p{Lu}0-9]/u.test(bare) || FUNCTION_WORDS.has(bare.toLowerCase()) || /^[dl][’']/iu.test(bare)) name.unshift(bare);
      else break;
    }
    while (name.length && (FUNCTION_WORDS.has(name[0]!.toLowerCase()) || /^(?:the|le|la|les|un|une|a|an)$/i.test(name[0]!))) name.shift();
    const title = name.join(' ').replace(/^[dl][’']/iu, '');
    if (name.filter((w) => /^\p{Lu}/u.test(w)).length < 2) continue;
    if (!PROJECT_WORD_RE.test(title) && !/\s+(?:initiative|programme|program|project|projet|partnership|facility)\s*$/u.test(sentence.slice(0, m.index))) continue;
    if (resolveDonor(title).known || resolveDonor(acr).known) continue;
    out.push({ title, acronym: acr, at: m.index! - before.length + (before.length - title.length) });
  }
  return out;
}

function findMentions(sentences: string[]): Mention[] {
  const out: Mention[] = [];
  const seen = (title: string, acronym?: string) =>
    out.find((o) => foldKey(o.title) === foldKey(title) || (acronym && o.acronym === acronym) || (o.acronym && foldKey(title) === foldKey(o.acronym)));
  sentences.forEach((s, i) => {
    const found: Array<{ title: string; acronym?: string; at: number }> = [];
    for (const m of s.matchAll(QUOTED_RE)) {
      const title = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      if (!/^\p{Lu}/u.test(title) || /[,.!?;]$|,\s/u.test(title) || title.split(/\s+/).length > 18) continue;
      if (!INTRO_RE.test(s.slice(Math.max(0, m.index! - 40), m.index!))) continue;
      const after = s.slice(m.index! + m[0].length);
      const acronym = /^\s*\(([A-Z0-9][A-Z0-9-]{1,11})\)/u.exec(after)?.[1];
      found.push({ title, acronym, at: m.index! });
    }
    for (const a of acronymMentions(s)) if (!found.some((f) => f.acronym === a.acronym)) found.push(a);
    // "The project, Shared Water for Peaceful Pastures, will …", "The programme, called X, will …"
    const appos = APPOSITIVE_RE.exec(s);
    if (appos && !found.length) {
      const title = appos[1]!.trim();
      if (title.split(/\s+/).length >= 2 && !resolveDonor(title).known) found.push({ title, at: appos.index });
    }
    found.sort((a, b) => a.at - b.at);
    for (const f of found) {
      const prior = seen(f.title, f.acronym);
      if (prior) {
        prior.acronym ??= f.acronym;
        continue;
      }
      out.push({ title: f.title, acronym: f.acronym, sentence: i });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Facts for one project: from its fields, then from its sentences

interface Facts {
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

function factsFromFields(fields: Field[]): Facts {
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
          .replace(/\s*contribution$/iu, '');
        if (who !== f.label || /contribution$/iu.test(f.label)) facts.labelDonor ??= { value: who, evidence: f.evidence };
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
function addProseFacts(facts: Facts, sentences: string[], wholePage = false, name?: string): void {
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

const DATE_CONTEXT_RE = /(?<![\p{L}])(?:projets?|projects?|programmes?|programs?|initiatives?|actions?|interventions?|activit(?:y|ies|é|és)|implementation|mise\s+en\s+(?:œ|oe)uvre|will\s+run|runs|ran|se\s+déroul\p{L}*|durée|duration|launched|lancée?s?|démarr\p{L}*|début\p{L}*|started|starts|began|prolong\p{L}*|extended|convention|grant|subvention|agreement|accord)(?![\p{L}])/iu;

const FUNDING_WORD_RE = /(?<![\p{L}])(?:financ\p{L}*|funding|funded|grant|subvention|contribution|budget|montant|co[uû]t|cost|worth|convention|accord[ée]e?|allou\p{L}*|octroy\p{L}*|d[’']un\s+montant|valued)(?![\p{L}])/iu;

/** Sentences ordered by how much they speak of the project: its name word and funding words first, then page order. */
function rankSentences(sentences: string[]): string[] {
  const score = (s: string) => (PROJECT_WORD_RE.test(s) ? 1 : 0) + (FUNDING_WORD_RE.test(s) ? 1 : 0) + (findFunderPhrases(s).length ? 2 : 0) - (/(?<![\p{L}])(?:pays|country|national|nationale|country programme|programme pays|strat[ée]gie|strategy|cadre de coop[ée]ration|cooperation framework)(?![\p{L}])/iu.test(s) && /(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}/.test(s) ? 1 : 0);
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

function hasFacts(f: Facts): boolean {
  return f.donors.length > 0 || !!f.period || !!f.start || !!f.end || !!f.budget;
}

function toDraft(title: string, facts: Facts, index: number, block: Line[], extra: Partial<ProjectDraft> = {}): ProjectDraft {
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

// ---------------------------------------------------------------------------------------------
// The page

/** Where the page's own content ends: the first footer line after the content began. */
function contentEnd(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) if (FOOTER_RE.test(lines[i]!.text)) return i;
  return lines.length;
}

function proseSentences(lines: Line[], from: number, to: number, used: Set<number>, layout: Layout): string[] {
  const body = lines.slice(from, to).filter((l, k) => l.text && !used.has(from + k) && !PUBLISHED_RE.test(l.text) && (isSentence(l.text) || l.text.length >= 100 || (/[.!?]$/.test(l.text) && l.text.split(' ').length >= 6)));
  return toParagraphs(body, layout).flatMap((p) => toSentences(p));
}

export interface GeneralResult {
  drafts: ProjectDraft[];
  /** Distinct fields read from labels (not from sentences), over all drafts: how much of a sheet the page is. */
  fieldCount: number;
  /** What was missing, when no project was found. */
  missing?: string;
  /** Labels skipped because the reader does not know them. */
  unknownLabels: number;
}

export function readGeneral(input: PageInput): GeneralResult {
  const { lines, layout, meta } = input;
  const scan = scanFields(lines);
  // Fields whose value is not what their label promises ("Part des subventions : 78 %") are left out.
  const main = scan.fields.filter((f) => f.key !== 'other' && !inMenu(lines, f) && (!['budget', 'budgetPart', 'period', 'start', 'end'].includes(f.key) || meaningful(f)));

  // A table of projects (a header row of labels, then one row per project).
  if (scan.rows.length) {
    const drafts = scan.rows.map((row, k) => {
      const titleField = row.find((f) => f.key === 'title');
      const facts = factsFromFields(row.filter((f) => f.key !== 'title'));
      const block = row.map((f) => lines[f.at]!).sort((a, b) => a.n - b.n);
      return toDraft(titleField?.value ?? '', facts, k, block);
    });
    const kept = drafts.filter((d) => d.title);
    setSiteDonor(kept, meta, lines);
    setPageCountries(kept, lines, meta, Math.min(...scan.rows[0]!.map((f) => f.labelAt ?? f.at)));
    return { drafts: kept, unknownLabels: scan.unknown, fieldCount: kept.reduce((n, d) => n + draftCount(d), 0) };
  }

  // A listing of projects under headings (<h2>/<h3> each followed by a paragraph).
  const sections = headingSections(lines, meta, layout, meta?.h1 ? lines.findIndex((l) => l.text === meta.h1) : -1);
  if (sections.length >= 2) {
    setPageCountries(sections, lines, meta, lines.findIndex((l) => l.text === sections[0]!.title));
    setSiteDonor(sections, meta, lines);
  }
  if (sections.length >= 2) return { drafts: sections, unknownLabels: scan.unknown, fieldCount: sections.reduce((n, d) => n + draftCount(d), 0) };

  // Records: a new one starts where a field repeats (a listing of projects with their fields).
  const records: Field[][] = [];
  for (const f of main) {
    const cur = records[records.length - 1];
    const last = cur?.[cur.length - 1];
    if (!cur || (cur.some((g) => g.key === f.key) && last!.key !== f.key && f.key !== 'budgetPart')) records.push([f]);
    else cur.push(f);
  }
  const labelAt = (f: Field) => f.labelAt ?? f.at;
  const firstField = main.length ? Math.min(...main.map(labelAt)) : -1;
  // The page's own text starts at its <h1> where it has one: a site's menus above it may hold
  // prose ("IOM has promoted humane migration since 1951…").
  const h1At = meta?.h1 ? lines.findIndex((l) => l.text === meta.h1) : -1;
  const firstProse = lines.findIndex((l, i) => i > h1At && !scan.used.has(i) && (isSentence(l.text) || l.text.length >= 100) && !PUBLISHED_RE.test(l.text) && !FOOTER_RE.test(l.text));
  // The page's content ends at the first footer line after both its first field and its first
  // sentence (a menu may hold a label, "Countries", or a footer-like word, "Jobs").
  const start = Math.max(firstField, firstProse, 0);
  const end = contentEnd(lines, start);

  // A listing: every record has a heading of its own just above its first field.
  if (records.length >= 2) {
    const listed = listingRecords(lines, records, scan.used, layout);
    setPageCountries(listed, lines, meta, Math.min(...records[0]!.map(labelAt)));
    setSiteDonor(listed, meta, lines);
    if (listed.length >= 2) return { drafts: listed, unknownLabels: scan.unknown, fieldCount: listed.reduce((n, d) => n + draftCount(d), 0) };
  }

  // One project page (with or without fields), or a news item naming projects.
  const fieldsBeforeProse = main.filter((f) => firstProse >= 0 && labelAt(f) < firstProse);
  const content = firstField >= 0 && !(firstProse >= 0 && firstField < firstProse && !fieldsBeforeProse.some(meaningful)) ? firstField : firstProse;
  const headlineText = textHeadline(lines, content >= 0 ? content : lines.length);
  const fromHtml = htmlHeadline(meta);
  const headline = fromHtml === '' ? undefined : fromHtml ?? headlineText?.text;
  const titleField = main.find((f) => f.key === 'title');
  const sentencesAll = proseSentences(lines, Math.max(h1At, headlineText && firstField >= 0 ? headlineText.at : 0, 0), end, scan.used, layout);

  const facts = factsFromFields(main);
  // A period in the line under the headline ("2021–2024 · Marib and Shabwah governorates").
  const headAt = h1At >= 0 ? h1At : headlineText?.at ?? -1;
  if (headAt >= 0 && !facts.period && !facts.start && !facts.end) {
    for (const l of lines.slice(headAt + 1, headAt + 3)) {
      const m = /(?<![\d])((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?![\d])/u.exec(l.text);
      if (m && l.text.length <= 120 && !PUBLISHED_RE.test(l.text) && !scan.used.has(l.n - 1)) {
        facts.period = { value: m[0], evidence: l.text };
        break;
      }
    }
  }
  // A phase period written in the headline ("… : phase II (2024–2027)") is the project's period.
  const inTitle = headline ? /(?<![\d])((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?![\d])/u.exec(headline) : null;
  if (inTitle && !facts.period && !facts.start && !facts.end) facts.period = { value: inTitle[0], evidence: headline! };
  const mentions = main.length >= 2 ? [] : findMentions(sentencesAll);
  if (mentions.length) {
    const drafts: ProjectDraft[] = [];
    mentions.forEach((m, k) => {
      const from = m.sentence;
      const to = mentions[k + 1]?.sentence ?? sentencesAll.length;
      const own = sentencesAll.slice(from, Math.max(to, from + 1));
      const f: Facts = { donors: [], countries: [], partners: [] };
      addProseFacts(f, own, false, m.acronym ? `${m.title} (${m.acronym})` : m.title);
      // Facts the page states once for its only project.
      if (mentions.length === 1) {
        const whole: Facts = { donors: [], countries: [], partners: [] };
        addProseFacts(whole, sentencesAll, true);
        if (!f.donors.length) f.donors = whole.donors;
        if (!f.period && !f.start && !f.end) Object.assign(f, { period: whole.period, start: whole.start, end: whole.end });
        f.budget ??= whole.budget;
      }
      const block = lines.filter((l) => own.some((s) => l.text.includes(s.slice(0, 40))));
      drafts.push(toDraft(m.title, f, k, block.length ? block : lines.slice(0, 1), { acronym: m.acronym, summary: own.join(' ') }));
    });
    if (drafts.some((d) => d.donors || d.period || d.start || d.end || d.budget)) {
      setPageCountries(drafts, lines, meta, content >= 0 ? content + 1 : 0);
      return { drafts, unknownLabels: scan.unknown, fieldCount: 0 };
    }
  }

  const title = pickTitle(headline, titleField?.value, meta);
  addProseFacts(facts, sentencesAll, true, title);
  const projectWord = PROJECT_WORD_RE.test(`${title ?? ''}\n${sentencesAll.join(' ')}`);
  const fromFields = main.some(meaningful);
  // Dates alone make a project only where their sentence speaks of one ("the project started in
  // 2014"), not "IOM has promoted migration since 1951" in a site's menu.
  const dated = [facts.period, facts.start, facts.end].some((f) => f && PROJECT_WORD_RE.test(f.evidence));
  const fromProse = facts.donors.length > 0 || (dated && projectWord);
  if (!title || !(fromFields || fromProse) || !hasFacts(facts)) {
    const missing = [!title && 'no project title', !hasFacts(facts) && 'no funder, date or amount found', title && hasFacts(facts) && !projectWord && 'nothing that names a project'].filter(Boolean).join(' and ');
    return { drafts: [], missing: missing || 'no project found', unknownLabels: scan.unknown, fieldCount: 0 };
  }
  // A page on a donor's own site (AFD, JICA, Norad, the EU Trust Fund) has that donor as funder,
  // where it names no other, or where a label says "EU contribution" and the site is the EU's fund.
  const site = siteDonor(meta, lines);
  if (facts.labelDonor) {
    const label = resolveDonor(facts.labelDonor.value);
    const own = site ? resolveDonor(site.value) : undefined;
    // The site's own fund when the label names its parent or nothing the registry knows ("the Trust Fund" on the EU Trust Fund's site).
    const which = own && own.known && (!label.known || own.parent === label.code || own.code === label.code) ? site! : label.known ? facts.labelDonor : undefined;
    if (which)
    if (!facts.donors.some((d) => resolveDonor(d.value).code === resolveDonor(which.value).code)) facts.donors.unshift(which);
  }
  if (facts.donors.length === 0 && site) facts.donors.push(site);
  else if (site) {
    // On a funding agency's own site (KfW, Danida), the ministry or government the page names
    // ("Commissioned by BMZ", "Ministry of Foreign Affairs of Denmark") is that agency's parent:
    // the agency is the most specific funder. An implementing agency (GIZ, Enabel) is not a funder.
    const own = resolveDonor(site.value);
    const info = own.code ? donorByCode(own.code) : null;
    if (own.known && own.parent && !info?.implementer) {
      const same = facts.donors.filter((d) => {
        const r = resolveLooseDonor(d.value);
        return r.known && (r.code === own.parent || (r.parent === own.parent && r.code !== own.code));
      });
      if (same.length && same.length === facts.donors.length) facts.donors = [site];
    }
  }
  const acronym = titleField && title && titleField.value !== title ? /\(([A-Z0-9][A-Z0-9-]{1,11})\)\s*$/.exec(titleField.value)?.[1] : undefined;
  const block = lines.slice(Math.max(0, headlineText?.at ?? 0), end).filter((l) => l.text && !/^[-–—]$/.test(l.text));
  const summary = sentencesAll.length ? sentencesAll.slice(0, 6).join(' ') : undefined;
  const draft = toDraft(title, facts, 0, block, { ...(acronym ? { acronym } : {}), ...(summary ? { summary } : {}) });
  setPageCountries([draft], lines, meta, content >= 0 ? content : 0);
  const keys = new Set(main.map((f) => (f.key === 'period' ? 'start' : f.key)).filter((k) => ['title', 'donor', 'start', 'end', 'budget', 'country'].includes(k)));
  if (main.some((f) => f.key === 'period')) keys.add('end');
  return { drafts: [draft], unknownLabels: scan.unknown, fieldCount: keys.size + (titleField ? 0 : 1) };
}

/** A label and its "value" inside a run of one-word menu lines ("Countries" / "Sectors" / "Partners"). */
function inMenu(lines: Line[], f: Field): boolean {
  const at = f.labelAt ?? f.at;
  if (at === f.at) return false;
  const short = (i: number) => {
    const t = lines[i]?.text ?? '';
    return t.length > 0 && t.length <= 25 && !/[\d:.,;]/.test(t) && t.split(/\s+/).length <= 3;
  };
  return short(at - 1) && short(at) && short(f.at) && short(f.at + 1);
}

/** A field whose value is what its label promises: a date for a date label, an amount for an amount. */
function meaningful(f: Field): boolean {
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

function pickTitle(headline: string | undefined, field: string | undefined, meta: PageMeta | undefined): string | undefined {
  if (meta?.h1 && headline === meta.h1) return headline;
  if (field && field.length >= 3) return field;
  return headline;
}

/** A page on a donor's own site (AFD, JICA, Norad) has that donor as funder. */
function siteDonor(meta: PageMeta | undefined, lines: Line[]): Found | undefined {
  // The site's names (og:site_name, the <title>'s suffix, the first lines, the © line): the most
  // specific donor they name ("Ministry of Foreign Affairs of Denmark" / "Danida Transparency" -> Danida).
  const names = [...siteNames(meta, lines), ...lines.slice(1, 3).map((l) => l.text).filter((t) => t && t.length <= 80)];
  const found: Array<{ f: Found; r: ReturnType<typeof resolveDonor> }> = [];
  for (const name of names) {
    for (const part of [name, ...name.split(/\s+[–—|-]\s+/u), ...name.split(/\s+/u).slice(0, 1)]) {
      const bare = part.replace(/\s+(?:GmbH|SA|AG|Transparency|Development Bank)$/u, '');
      // "Ambassade de Suisse au Tchad", "Embassy of Denmark in Amman": the embassy's government.
      const d = resolveDonor(bare).known ? resolveDonor(bare) : resolveDonor(bare.replace(/\s+(?:au|aux|en|à|in|to)\s+[\p{Lu}][\p{L}’' -]*$/u, ''));
      if (d.known && d.kind !== 'iom-fund' && !found.some((x) => x.r.code === d.code)) found.push({ f: { value: d.raw, evidence: `site: ${name}` }, r: d });
    }
  }
  if (found.length) {
    const child = found.find((x) => found.some((y) => y !== x && x.r.parent === y.r.code));
    return (child ?? found[0]!).f;
  }
  // A grant-maker's own site ("The Alder Grove Foundation"): the foundation, even if the registry does not know it.
  for (const name of siteNames(meta, lines).slice(0, 2)) {
    const m = /^(?:the\s+)?((?:[\p{Lu}][\p{L}’'-]*\s+){0,5}(?:Foundation|Fondation|Fundación|Fundação|Stiftung|Trust|Fonds)(?:\s+(?:for|pour|de|du|des)\s+[\p{L} ’'-]{2,40})?)$/iu.exec(name.trim());
    if (m && /\p{Lu}/u.test(m[1]!.charAt(0))) return { value: m[1]!.trim(), evidence: `site: ${name}` };
  }
  return undefined;
}

/** A funder's name with an acronym in brackets or an article in front. */
function resolveLooseDonor(raw: string) {
  const whole = resolveDonor(raw.replace(/^(?:the|le|la|les|l[’'])\s*/iu, ''));
  if (whole.known) return whole;
  const acr = /\(([^()]{2,12})\)/.exec(raw)?.[1];
  return acr ? resolveDonor(acr) : whole;
}

/** Projects of a donor's own site (a Norad listing, an embassy's small grants) that name no funder have the site's donor. */
function setSiteDonor(drafts: ProjectDraft[], meta: PageMeta | undefined, lines: Line[]): void {
  if (drafts.every((d) => d.donors?.length)) return;
  const site = siteDonor(meta, lines);
  if (!site) return;
  for (const d of drafts) {
    if (d.donors?.length) continue;
    d.donors = [site.value];
    d.donorsText = site.evidence;
    (d.evidence ??= {})['donors'] = site.evidence;
  }
}

/** Countries the page states for all its projects (a country site, a ministry, a headline): for the drafts that name none. */
function setPageCountries(drafts: ProjectDraft[], lines: Line[], meta: PageMeta | undefined, before: number): void {
  const heads = lines
    .slice(0, Math.max(0, before))
    .map((l) => l.text)
    .filter((t) => t && !t.startsWith('- ') && !isSentence(t));
  const text = [meta?.title, meta?.siteName, ...heads].filter(Boolean).join(' ; ');
  for (const d of drafts) d.pageCountries = text;
}

/** The fields an analyst asks for that a draft has (as readers.ts draftScore counts them). */
const draftCount = (d: ProjectDraft) =>
  1 + (d.donors?.length ? 1 : 0) + (d.start || d.period ? 1 : 0) + (d.end || d.period ? 1 : 0) + (d.budget ? 1 : 0) + (d.countriesText?.length ? 1 : 0);

/**
 * Projects listed under headings: each <h2>–<h4> whose following lines, up to the next heading,
 * state a funder, or an amount with a date. The page's <h1> is the listing's title, not a project.
 */
function headingSections(lines: Line[], meta: PageMeta | undefined, layout: Layout, h1At: number): ProjectDraft[] {
  const heads = (meta?.headings ?? []).filter((h) => h.level >= 2 && h.level <= 4 && headingLike(h.text));
  if (heads.length < 2) return [];
  const at = heads.map((h) => lines.findIndex((l, i) => i > h1At && l.text === h.text)).filter((i) => i >= 0);
  if (at.length < 2) return [];
  const drafts: ProjectDraft[] = [];
  at.forEach((i, k) => {
    const next = k + 1 < at.length ? at[k + 1]! : contentEnd(lines, i + 1);
    const body = lines.slice(i + 1, next).filter((l) => l.text);
    const sentences = toParagraphs(body, layout).flatMap((p) => toSentences(p));
    const scan = scanFields(lines, i + 1, next);
    const facts = factsFromFields(scan.fields.filter((f) => f.key !== 'other'));
    addProseFacts(facts, sentences);
    if (!facts.donors.length && !(facts.budget && (facts.period || facts.start))) return;
    drafts.push(toDraft(stripListMark(lines[i]!.text), facts, drafts.length, [lines[i]!, ...body], { summary: sentences.join(' ') }));
  });
  return drafts.length >= 2 ? drafts : [];
}

/** Records of a listing, each titled by the heading line above its first field. */
function listingRecords(lines: Line[], records: Field[][], used: Set<number>, layout: Layout): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  const starts = records.map((r) => Math.min(...r.map((f) => f.at)));
  records.forEach((rec, k) => {
    const titleField = rec.find((f) => f.key === 'title');
    let title = titleField?.value;
    let period: Found | undefined;
    let headAt = starts[k]!;
    if (!title) {
      let t = starts[k]! - 1;
      const floor = k > 0 ? Math.max(...records[k - 1]!.map((f) => f.at)) : -1;
      while (t > floor) {
        const s = lines[t]!.text;
        if (!s || /^[-–—]$/.test(s)) {
          t--;
          continue;
        }
        if (/^\(.*\)$/.test(s) && /\d{4}/.test(s) && parseDateRange(s).start) {
          period = { value: s.slice(1, -1), evidence: s };
          t--;
          continue;
        }
        break;
      }
      if (t > floor && !used.has(t) && headingLike(lines[t]!.text) && !isProse(lines[t]!.text)) {
        title = stripListMark(lines[t]!.text);
        headAt = t;
      }
    }
    if (!title) {
      // No heading: these fields belong to the record before (a second "Budget" further down).
      const prev = drafts[drafts.length - 1];
      if (prev) prev.text += '\n' + rec.map((f) => f.evidence).join('\n');
      return;
    }
    const facts = factsFromFields(rec.filter((f) => f.key !== 'title'));
    if (period && !facts.period && !facts.start) facts.period = period;
    const nextStart = k + 1 < records.length ? starts[k + 1]! - 1 : contentEnd(lines, starts[k]!);
    const after = lines.slice(Math.max(...rec.map((f) => f.at)) + 1, nextStart).filter((l, i) => l.text && !used.has(Math.max(...rec.map((f) => f.at)) + 1 + i));
    const own = toParagraphs(after.filter((l) => isProse(l.text) || /[.!?]$/.test(l.text)), layout).flatMap((p) => toSentences(p));
    addProseFacts(facts, own);
    const block = lines.slice(headAt, nextStart).filter((l) => l.text);
    drafts.push(toDraft(title, facts, drafts.length, block));
  });
  return drafts.filter((d) => d.title);
}

export const __test = { findMentions, textHeadline, htmlHeadline, headingLike };
