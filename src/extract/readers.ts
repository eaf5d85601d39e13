// The readers, as a registry. Each says how well a page fits it (a score from the evidence it
// finds: labels, "Fonds :" blocks, funder phrases) and reads it. The best-scoring reader that
// finds a titled project reads the page; the general reader, which fits any page that states a
// project, comes last and says what was missing when nothing is found. Adding a page kind is
// adding one entry here and its module.
import type { PageKind, PageMeta, ProjectDraft } from '../types.js';
import type { Layout, Line } from './lines.js';
import { findProjectBlocks, extractActivitySheet } from './activitySheet.js';
import { sheetEvidence, extractProjectSheet } from './projectSheet.js';
import { FRAME_RE, extractNewsItem } from './newsItem.js';
import { findNamedProjects, extractNgoArticle } from './ngoArticle.js';
import { readGeneral } from './general.js';
export { draftScore } from './score.js';

export interface Page {
  lines: Line[];
  text: string;
  layout: Layout;
  meta?: PageMeta;
}

export interface ReadResult {
  drafts: ProjectDraft[];
  /** Why no project was found, in words ("no project title and no funder, date or amount found"). */
  missing?: string;
  warnings?: string[];
  /** For the general reader: how many fields it read from labels, to compare with a specific reader. */
  fieldCount?: number;
}

export interface Reader {
  kind: PageKind;
  /** How messages name the kind: "an IOM project sheet". */
  name: string;
  /** 0 when the page shows none of the reader's evidence; higher is a better fit. */
  score(page: Page): number;
  read(page: Page): ReadResult;
}

const IOM_RE = /(?<![\p{L}])(?:OIM|IOM)(?![\p{L}])|Organisation internationale pour les migrations|International Organization for Migration/iu;
const ACTIVITY_RE =
  /(?<![\p{L}])(?:a|ont|avait|avaient)\s+(?:\p{L}+\s+)?(?:organis[ée]|lanc[ée]|tenu|réuni|formé|accueilli|célébré|renforcé|animé)|s[’']est\s+tenue?|(?:ont|a)\s+été\s+organis|formations?(?![\p{L}])|ateliers?(?![\p{L}])|séminaires?(?![\p{L}])|sessions?(?![\p{L}])/iu;
const ROLE_RE = /financ[ée]e?s?\s+par|mis(?:e|es)?\s+en\s+(?:œ|oe)uvre\s+par|en\s+partenariat\s+avec|en\s+collaboration\s+avec|de\s+concert\s+avec/iu;

export const READERS: readonly Reader[] = [
  {
    kind: 'iom-activity-sheet',
    name: 'an IOM activity sheet',
    score: ({ lines, text }) => {
      const blocks = findProjectBlocks(lines).length;
      return blocks >= 2 || (blocks === 1 && /fiche\s+d[’']activit/iu.test(text)) ? 100 + blocks : 0;
    },
    read: ({ lines, layout, text }) => ({ drafts: extractActivitySheet(lines, layout, text) }),
  },
  {
    kind: 'iom-project-sheet',
    name: 'an IOM project sheet',
    score: ({ lines }) => {
      const e = sheetEvidence(lines);
      return e.fields >= 2 || e.strong >= 1 ? 50 + e.fields + e.strong : 0;
    },
    read: ({ lines, layout }) => ({ drafts: extractProjectSheet(lines, layout) }),
  },
  {
    kind: 'iom-news',
    name: 'an IOM news item',
    score: ({ lines, text }) => (lines.some((l) => FRAME_RE.test(l.text)) && IOM_RE.test(text) && ACTIVITY_RE.test(text) ? 40 : 0),
    read: ({ lines }) => ({ drafts: extractNewsItem(lines) }),
  },
  {
    kind: 'ngo-article',
    name: 'an NGO project page',
    score: ({ lines, text }) => (findNamedProjects(lines).length && ROLE_RE.test(text) ? 30 : 0),
    read: ({ lines }) => ({ drafts: extractNgoArticle(lines) }),
  },
  {
    kind: 'project-page',
    name: 'a project page',
    score: () => 1,
    read: (page) => {
      const r = readGeneral(page);
      const warnings = r.unknownLabels ? [`${r.unknownLabels} field label${r.unknownLabels > 1 ? 's' : ''} not known to iom skipped with their values`] : [];
      return { drafts: r.drafts, missing: r.missing, warnings, fieldCount: r.fieldCount };
    },
  },
];

export function readerFor(kind: PageKind): Reader | undefined {
  return READERS.find((r) => r.kind === kind);
}
