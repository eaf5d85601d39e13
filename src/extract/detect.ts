// Which kind of page a text is. Tried from the most specific layout to the loosest:
// - activity sheet: two or more bullet projects closed by "Fonds :" lines (or one, on a page
//   that calls itself a "Fiche d’activités");
// - project sheet: two field labels with values, or one label specific to project sheets
//   ("Statut du projet", "Projet ID", "Budget Amount (USD)", "Start Date"…);
// - IOM news: the OIM/IOM reports an activity (organised trainings, a workshop…) held
//   "dans le cadre du projet / des projets …";
// - NGO article: a project named after "projet" (in quotes or as a proper name) with its funder,
//   implementer or partners.
// Anything else (a menu, a 404 page) is no project page: null.
import type { PageKind } from '../types.js';
import { toLines, type Line } from './lines.js';
import { findProjectBlocks } from './activitySheet.js';
import { sheetEvidence } from './projectSheet.js';
import { FRAME_RE } from './newsItem.js';
import { findNamedProjects } from './ngoArticle.js';

const IOM_RE = /(?<![\p{L}])(?:OIM|IOM)(?![\p{L}])|Organisation internationale pour les migrations|International Organization for Migration/iu;
const ACTIVITY_RE =
  /(?<![\p{L}])(?:a|ont|avait|avaient)\s+(?:\p{L}+\s+)?(?:organis[ée]|lanc[ée]|tenu|réuni|formé|accueilli|célébré|renforcé|animé)|s[’']est\s+tenue?|(?:ont|a)\s+été\s+organis|formations?(?![\p{L}])|ateliers?(?![\p{L}])|séminaires?(?![\p{L}])|sessions?(?![\p{L}])/iu;
const ROLE_RE = /financ[ée]e?s?\s+par|mis(?:e|es)?\s+en\s+(?:œ|oe)uvre\s+par|en\s+partenariat\s+avec|en\s+collaboration\s+avec|de\s+concert\s+avec/iu;

export function detectKind(lines: Line[], text: string): PageKind | null {
  const blocks = findProjectBlocks(lines);
  if (blocks.length >= 2 || (blocks.length === 1 && /fiche\s+d[’']activit/iu.test(text))) return 'iom-activity-sheet';
  const sheet = sheetEvidence(lines);
  if (sheet.fields >= 2 || sheet.strong >= 1) return 'iom-project-sheet';
  const framed = lines.find((l) => FRAME_RE.test(l.text));
  if (framed && IOM_RE.test(text) && ACTIVITY_RE.test(text)) return 'iom-news';
  if (findNamedProjects(lines).length && ROLE_RE.test(text)) return 'ngo-article';
  return null;
}

export function detectPageKind(text: string): PageKind | null {
  return detectKind(toLines(text), text);
}
