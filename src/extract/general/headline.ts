// General reader, headline: where a page's own text starts and ends, and its headline: the HTML <h1>
// (or og:title, or <title> without the site), or in text the first heading-like line after the menus.
import type { PageMeta } from '../../types.js';
import { BULLET_RE, foldKey, isSentence, toParagraphs, toSentences, type Layout, type Line } from '../lines.js';
import { labelKey } from '../fields.js';
import { PUBLISHED_RE } from '../prose.js';

/** Headings that name a part of a page, not a project. */
export const GENERIC = new Set(
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
    'project summary', 'resume du projet', 'fiche technique', 'information', 'informations', 'projets lies', 'related projects',
    'editorial', 'edito', 'project information', 'informations sur le projet', 'project details', 'details du projet', 'project data', 'donnees du projet', 'related stories', 'related news', 'articles lies', 'technical sheet', 'overview', 'apercu', 'en bref', 'at a glance',
  ].map((s) => foldKey(s)),
);

export const FOOTER_RE = /^(?:©|copyright|\(c\)|suivez[- ]nous|follow us|contactez[- ]nous|contact us|contact$|newsletter|abonnez|subscribe|mentions légales|legal notice|politique de confidentialit|privacy|avis de confidentialit|conditions d[’']utilisation|terms of use|site policy|imprint|cookies|avis juridique|plan du site|sitemap|jobs$|offres d'emploi|médias$|media$|lire aussi|à lire aussi|related$|articles similaires|download data|for more information|pour plus d'information|pour toute information)/iu;
const BREADCRUMB_RE = /^(?:[^/>›»|]{1,60}\s*(?:\/|>|›|»|\|)\s*){1,8}[^/>›»|]{0,120}$/u;
export const PROJECT_WORD_RE = /(?<![\p{L}])(?:projets?|projects?|programmes?|programs?|initiatives?|actions?|partnerships?|partenariats?|interventions?|phases?|grants?|subventions?)(?![\p{L}])/iu;

function isBreadcrumb(t: string): boolean {
  if (!BREADCRUMB_RE.test(t)) return false;
  const parts = t.split(/\s*(?:\/|>|›|»)\s*/u);
  return parts.length >= 2 && parts.every((p) => p.length <= 70) && /^(?:home|accueil|results portal|startseite|inicio)\b/iu.test(parts[0]!.trim()) || (parts.length >= 3 && parts.every((p) => p.length <= 50));
}

/** A line that can be a headline: not a menu item, label, footer, breadcrumb or date line. */
export function headingLike(t: string): boolean {
  if (!t || t.length < 3 || t.length > 300) return false;
  if (t.startsWith('- ') || /^[-–—|•]$/.test(t)) return false;
  if (labelKey(t) || LABEL_VALUE_RE.test(t)) return false;
  if (ABOUT_RE.test(t)) return false;
  return headingShape(t);
}

/** "Responsible unit: Embassy of Denmark", "Grant reference: 2020-14387": a label of two to four words, lowercase after the first. */
const LABEL_VALUE_RE = /^\p{Lu}\p{Ll}*(?:\s+[\p{Ll}(/][\p{L})/]*){1,3}\s?:\s+\S/u;
/** A page about the organisation, not a project: "About IOM in Afghanistan", "Qui sommes-nous". */
export const ABOUT_RE = /^(?:about\s+(?:us|iom|the\s+organi[sz]ation|iom\s+in)\b|à\s+propos\b|qui\s+sommes|who\s+we\s+are|our\s+work\b|notre\s+travail)/iu;

function headingShape(t: string): boolean {
  if (/^(?:about\s+(?:us|iom|the\s+organi[sz]ation|iom\s+in)\b|à\s+propos\b|qui\s+sommes|who\s+we\s+are|our\s+work\b|notre\s+travail)/iu.test(t)) return false;
  if (GENERIC.has(foldKey(t).replace(/[:.]$/, ''))) return false;
  if (FOOTER_RE.test(t) || PUBLISHED_RE.test(t) || isBreadcrumb(t) || BYLINE_RE.test(t) || CHROME_RE.test(t) || metaLine(t)) return false;
  if (/^[\d\s/.,:–—-]+$/.test(t)) return false;
  if (/^\(.*\)$/.test(t)) return false;
  return true;
}

/** "By Peter Lokwang", "Par notre correspondant à Saint-Louis", "Written by …": who wrote the page. */
const BYLINE_RE = /^(?:by|par|written\s+by|posted\s+by|publié\s+par|rédigé\s+par|auteur\s*:|author\s*:)\s+(?:\p{Lu}|notre|our|la\s+rédaction|staff)/iu;
/** Page chrome that is no headline: downloads, cookie banners, sharing, reading time. */
const CHROME_RE = /^(?:download|télécharger|view\s+original|voir\s+l['’]original|we\s+use\s+cookies|nous\s+utilisons\s+des\s+cookies|ce\s+site\s+utilise|this\s+(?:web)?site\s+uses|accept\s+all|tout\s+accepter|share\s+(?:on|this)|partager\s+sur|\d+\s+min(?:ute)?s?\s+(?:read|de\s+lecture))/iu;

/**
 * A line of parts joined by " | " that dates or files the page, not a headline: "Biratnagar,
 * August 3, 2024 | Updated 4:12 pm", "Staff Correspondent | Dhaka | Published: …", "Économie |
 * Aide internationale" (every part of three words or fewer).
 */
function metaLine(t: string): boolean {
  const parts = t.split(/\s+\|\s+/u);
  if (parts.length < 2) return false;
  if (/(?:updated|published|posted|publié|mis\s+à\s+jour|\b\d{1,2}[:h]\d{2}\b|\b(?:19|20)\d{2}\b)/iu.test(t)) return true;
  return parts.every((p) => p.trim().split(/\s+/).length <= 3);
}

/** Words a wrapped headline's first line ends with when the headline goes on below. */
const CONTINUES_RE = /(?:^|\s)(?:for|of|and|the|in|on|to|with|at|by|from|de|des|du|la|le|les|et|à|au|aux|pour|dans|en|sur|avec|par|d[’']|l[’'])$/iu;

/** A line shaped like a field label the reader may not know: "Lead applicant", "Location of activities". */
const LABELISH_RE = /^\p{Lu}\p{Ll}+(?:\s+(?:[\p{Ll}][\p{Ll}’'-]*|\(\p{L}+\))){1,4}\s*:?$/u;
const labelish = (t: string | undefined) => !!t && !GENERIC.has(foldKey(t)) && (!!labelKey(t) || LABEL_LINE_RE.test(t) || LABELISH_RE.test(t));
const LABEL_LINE_RE = /^[^:]{2,40}:$/u;

/** The headline of a text page: walking back from the content, past prose, dates and chrome. */
export function textHeadline(lines: Line[], content: number): { text: string; at: number } | undefined {
  let t = content - 1;
  while (t >= 0) {
    const s = lines[t]!.text;
    if (!s || /^[-–—]$/.test(s) || isSentence(s) || !headingLike(s)) {
      t--;
      continue;
    }
    // A value between its label and the next label ("Location of activities" / "Rabat, Casablanca
    // and Tangier" / "Funded by"): a field the reader does not know, not the headline.
    if (t > 0 && labelish(lines[t - 1]!.text) && labelish(lines[t + 1]?.text)) {
      t -= 2;
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
export function stripListMark(t: string): string {
  return t.replace(BULLET_RE, '').replace(/^(?:\d{1,2}[.)]?|[a-z][.)])\s+(?=\p{Lu})/u, '');
}

/** The site's name, from og:site_name, the <title> suffix or the first line. */
export function siteNames(meta: PageMeta | undefined, lines: Line[]): string[] {
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
export function htmlHeadline(meta: PageMeta | undefined): string | undefined {
  if (!meta) return undefined;
  const ok = (s: string | undefined) => !!s && headingLike(s) && s.length >= 3;
  if (ok(meta.h1)) return meta.h1;
  // An <h1> is the page's headline even when shaped like "Label: value" ("A winter with heating:
  // what we learned …"), unless its first part is a label the reader knows.
  const h1 = meta.h1;
  if (h1 && h1.length >= 3 && h1.length <= 300 && !ABOUT_RE.test(h1) && headingShape(h1) && !labelKey(h1) && !labelKey(h1.split(':')[0]!)) return h1;
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


/** Where the page's own content ends: the first footer line after the content began. */
export function contentEnd(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) if (FOOTER_RE.test(lines[i]!.text)) return i;
  return lines.length;
}

export function proseSentences(lines: Line[], from: number, to: number, used: Set<number>, layout: Layout): string[] {
  const body = lines.slice(from, to).filter((l, k) => l.text && !used.has(from + k) && !PUBLISHED_RE.test(l.text) && (isSentence(l.text) || l.text.length >= 100 || (/[.!?]$/.test(l.text) && l.text.split(' ').length >= 6)));
  return toParagraphs(body, layout).flatMap((p) => toSentences(p));
}

export function pickTitle(headline: string | undefined, field: string | undefined, meta: PageMeta | undefined): string | undefined {
  if (meta?.h1 && headline === meta.h1) return headline;
  if (field && field.length >= 3) return field;
  return headline;
}
