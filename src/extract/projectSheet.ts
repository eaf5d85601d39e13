// IOM project sheet (country site, FR or EN): one project, label/value fields, then a summary.
//
// The page is read from its labels' words, never from CSS classes: a label is a line whose text
// (case, accents and a trailing colon aside) is one of LABELS; its value is on the same line after
// a colon ("Date de début : 2020") or on the next line, with "-" separator lines allowed between
// fields as on the scraped pages. The title is the line right before the first label (the site
// menu above it is skipped); the summary is the prose after the last field, up to the footer.
import type { ProjectDraft } from '../types.js';
import { foldKey, isProse, endsSentence, toParagraphs, blockText, type Line, type Layout } from './lines.js';
import { findPartners } from './phrases.js';
import { PUBLISHED_RE } from './prose.js';

export type SheetField =
  | 'start'
  | 'end'
  | 'status'
  | 'type'
  | 'budget'
  | 'coverage'
  | 'year'
  | 'idfRegion'
  | 'primaId'
  | 'projectId'
  | 'memberStates';

interface LabelRule {
  field: SheetField;
  re: RegExp;
  /** A label specific enough to mark a project sheet on its own. */
  strong: boolean;
}

// Matched against foldKey(label) with any trailing colon removed.
const LABELS: LabelRule[] = [
  { field: 'start', re: /^(date de debut|start date|date debut)$/, strong: true },
  { field: 'end', re: /^(date de fin|end date|date fin)$/, strong: true },
  { field: 'status', re: /^(statut du projet|project status)$/, strong: true },
  { field: 'status', re: /^(statut|status)$/, strong: false },
  { field: 'type', re: /^(type de projet|project type)$/, strong: true },
  { field: 'budget', re: /^(budget amount|budget|montant du budget|montant)( \([a-z]{3}\))?$/, strong: true },
  { field: 'coverage', re: /^(couverture|coverage)$/, strong: false },
  { field: 'year', re: /^(annee|year)$/, strong: false },
  { field: 'idfRegion', re: /^(idf region|region idf|region du fonds)$/, strong: true },
  { field: 'primaId', re: /^prima id$/, strong: true },
  { field: 'projectId', re: /^(projets? id|projects? id|id du projet|project code|code du projet)$/, strong: true },
  {
    field: 'memberStates',
    re: /^(etat\(s\) membre\(s\)|etats? membres?|benefiting member states?|eligible member state(\(s\)|s)?|beneficiary member states?)( .*)?$/,
    strong: true,
  },
];

export interface LabelMatch {
  field: SheetField;
  strong: boolean;
  /** The label as written, without its colon. */
  label: string;
  /** The value written on the same line after a colon, if any. */
  inline?: string;
}

function ruleFor(label: string): LabelRule | undefined {
  const key = foldKey(label).replace(/\s*:$/, '');
  if (!key || key.length > 90) return undefined;
  return LABELS.find((r) => r.re.test(key));
}

/** Reads a line as a field label, alone ("Statut du projet") or with its value ("Année : 2020"). */
export function matchLabel(text: string): LabelMatch | undefined {
  if (!text || text.length > 120) return undefined;
  const whole = ruleFor(text);
  if (whole) return { field: whole.field, strong: whole.strong, label: text.replace(/\s*:$/, '') };
  const colon = text.indexOf(':');
  if (colon > 0) {
    const label = text.slice(0, colon).trim();
    const value = text.slice(colon + 1).trim();
    const rule = ruleFor(label);
    if (rule && value) return { field: rule.field, strong: rule.strong, label, inline: value };
  }
  return undefined;
}

const isSeparator = (s: string) => /^[-–—]$/.test(s);
const isBlankish = (s: string) => !s || isSeparator(s);

/** The fields of the page with the lines they span; [] when the page has no field label. */
function readFields(lines: Line[]): { fields: Array<{ m: LabelMatch; values: string[]; at: number }>; first: number; last: number } {
  const fields: Array<{ m: LabelMatch; values: string[]; at: number }> = [];
  let first = -1;
  let last = -1;
  let i = 0;
  while (i < lines.length) {
    const m = matchLabel(lines[i]!.text);
    if (!m) {
      i++;
      // Once fields have started, the first line that is neither label, value nor separator ends them.
      if (first >= 0 && !isBlankish(lines[i - 1]!.text)) break;
      continue;
    }
    if (first < 0) first = i;
    const at = i;
    last = i;
    const values: string[] = [];
    i++;
    if (m.inline) values.push(m.inline);
    else {
      while (i < lines.length && !lines[i]!.text) i++;
      // "Date de début" / "-" / "2020": a separator between label and value, when a short value follows.
      let j = i;
      while (j < lines.length && isBlankish(lines[j]!.text)) j++;
      if (j > i && j < lines.length && lines[j]!.text.length <= 100 && !isProse(lines[j]!.text) && !matchLabel(lines[j]!.text)) i = j;
      if (i < lines.length && !isSeparator(lines[i]!.text) && !matchLabel(lines[i]!.text)) {
        values.push(lines[i]!.text);
        last = i;
        i++;
        // Several member states may come one per line; the summary that follows is prose.
        while (m.field === 'memberStates' && i < lines.length && isStateLine(lines[i]!.text)) {
          values.push(lines[i]!.text);
          last = i;
          i++;
        }
      }
    }
    fields.push({ m, values, at });
    while (i < lines.length && isBlankish(lines[i]!.text)) i++;
  }
  return { fields, first, last };
}

const isStateLine = (s: string) => !!s && s.length <= 60 && !endsSentence(s) && !isSeparator(s) && !matchLabel(s);

/** Counts the distinct fields a page shows, for detection. */
export function sheetEvidence(lines: Line[]): { fields: number; strong: number } {
  const { fields } = readFields(lines);
  const withValue = fields.filter((f) => f.values.length);
  const distinct = new Set(withValue.map((f) => f.m.field));
  const strong = new Set(withValue.filter((f) => f.m.strong).map((f) => f.m.field));
  return { fields: distinct.size, strong: strong.size };
}

// Lines that end a page's content: footers, share bars, menus.
const FOOTER_RE = /^(©|copyright|suivez[- ]nous|follow us|contactez[- ]nous|contact us|newsletter|abonnez|subscribe|mentions légales|politique de confidentialité|privacy|conditions d[’']utilisation|terms of use|partager|share|imprimer|print|projets similaires|related projects|voir aussi|see also|haut de page|back to top)/iu;
const isChromeLine = (s: string) => !!s && (s.startsWith('- ') || isSeparator(s) || (s.length <= 60 && !endsSentence(s)));

/**
 * The summary lines after the fields: stops at a footer line or at the first run of two or more
 * short unpunctuated lines (a menu or link list). A single short line followed by prose is a
 * heading inside the summary and is kept.
 */
function summaryLines(lines: Line[], from: number): Line[] {
  const out: Line[] = [];
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    if (FOOTER_RE.test(t)) break;
    if (isChromeLine(t)) {
      const next = lines.slice(i + 1).find((l) => l.text);
      if (!next || isChromeLine(next.text) || FOOTER_RE.test(next.text)) break;
    }
    out.push(lines[i]!);
  }
  return out;
}

const SKIP_BEFORE_TITLE = /^(partager|share|imprimer|print|accueil|home|retour|back|projets?|projects?|\d{1,2}[ /.-]\S+[ /.-]\d{4})$/iu;

export function extractProjectSheet(lines: Line[], layout: Layout): ProjectDraft[] {
  const { fields, first, last } = readFields(lines);
  if (first < 0 || !fields.some((f) => f.values.length)) return [];

  // Walk back from the first label: prose just above it is a summary placed before the fields;
  // the line above that is the title.
  let t = first - 1;
  const before: Line[] = [];
  while (t >= 0 && (isBlankish(lines[t]!.text) || SKIP_BEFORE_TITLE.test(lines[t]!.text) || PUBLISHED_RE.test(lines[t]!.text))) t--;
  while (t >= 0 && isProse(lines[t]!.text)) {
    before.unshift(lines[t]!);
    t--;
    while (t >= 0 && isBlankish(lines[t]!.text)) t--;
  }
  const titleLine = t >= 0 && !lines[t]!.text.startsWith('- ') ? lines[t]! : undefined;

  const after = summaryLines(lines, last + 1);
  const summaryParts = [...before, ...after];
  const summary = summaryParts.length ? toParagraphs(summaryParts, layout).join('\n') : undefined;

  const draft: ProjectDraft = {
    kind: 'iom-project-sheet',
    index: 0,
    title: titleLine?.text ?? '',
    text: '',
    lines: { from: 0, to: 0 },
  };
  for (const { m, values } of fields) {
    if (!values.length) continue;
    const value = values[0]!;
    switch (m.field) {
      case 'memberStates':
        draft.memberStates ??= values.flatMap((v) => (/[,;]/.test(v) ? v.split(/\s*[,;]\s*/) : [v])).filter(Boolean);
        break;
      case 'budget':
        if (draft.budget === undefined) {
          draft.budget = value;
          draft.budgetLabel = m.label;
        }
        break;
      default:
        draft[m.field] ??= value;
    }
  }
  if (summary) {
    draft.summary = summary;
    const partners = findPartners(summary);
    if (partners.length) draft.partners = partners;
  }
  const startLine = titleLine ?? before[0] ?? lines[first]!;
  const endLine = after.length ? after[after.length - 1]! : lines[last]!;
  const block = lines.slice(startLine.n - 1, endLine.n).filter((l) => !isBlankish(l.text));
  draft.text = blockText(block);
  draft.lines = { from: startLine.n, to: endLine.n };
  return [draft];
}
