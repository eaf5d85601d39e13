// Extract stage: a repaired document -> the projects it holds, each field as written.
// The readers of the registry (readers.ts) score the page; the best one that finds a titled
// project reads it. A specific layout's reader gives way to the general reader when the general
// reader finds more of the fields an analyst asks for (a project sheet with a label the specific
// reader does not know). [] with a reason means no project: the caller reports it.
import type { PageKind, PageMeta, ProjectDraft, RepairedDocument } from '../types.js';
import { toLines, detectLayout } from './lines.js';
import { READERS, readerFor, type Page, type Reader } from './readers.js';
import { draftScore } from './score.js';

export { READERS, readerFor } from './readers.js';

export interface ExtractOptions {
  /** Read the page as this kind instead of choosing by score. */
  kind?: PageKind;
  meta?: PageMeta;
}

export interface Extracted {
  /** The reader that read the page (the best-scoring one when nothing was found). */
  reader: Reader;
  drafts: ProjectDraft[];
  /** Why no project was found. */
  missing?: string;
  warnings: string[];
}

const titled = (ds: ProjectDraft[]) => ds.filter((d) => d.title.trim() !== '');
const total = (ds: ProjectDraft[]) => ds.reduce((n, d) => n + draftScore(d), 0);

export function extractPage(text: string, opts: ExtractOptions = {}): Extracted {
  const lines = toLines(text);
  const page: Page = { lines, text, layout: detectLayout(lines), meta: opts.meta };
  const general = READERS[READERS.length - 1]!;
  if (opts.kind) {
    const reader = readerFor(opts.kind)!;
    const r = reader.read(page);
    return { reader, drafts: r.drafts, missing: r.missing, warnings: r.warnings ?? [] };
  }
  const scored = READERS.slice(0, -1)
    .map((reader) => ({ reader, score: reader.score(page) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const g = general.read(page);
  const gDrafts = titled(g.drafts);
  for (const { reader } of scored) {
    const r = reader.read(page);
    const drafts = titled(r.drafts);
    if (!drafts.length) continue;
    // A specific reader that stopped short (a label it does not know ended its fields) gives way
    // to the general reader when that one read more fields from the page's labels.
    if (gDrafts.length && (g.fieldCount ?? 0) > total(drafts) && gDrafts.length >= drafts.length) break;
    // One project both readers found: what the specific reader left empty, the general one may
    // have read (a funder stated in a sentence, a country field the specific reader ignores).
    // The page's <h1> names one project: a specific reader that took another line for its title
    // (a label above the first field it knows) gives way to the general reader, which read the <h1>.
    const h1 = page.meta?.h1;
    if (h1 && drafts.length === 1 && gDrafts.length === 1 && gDrafts[0]!.title === h1 && drafts[0]!.title !== h1) break;
    if (r.drafts.length === 1 && gDrafts.length === 1) complement(r.drafts[0]!, gDrafts[0]!);
    return { reader, drafts: r.drafts, warnings: r.warnings ?? [] };
  }
  return { reader: general, drafts: g.drafts, missing: g.missing, warnings: g.warnings ?? [] };
}

function complement(d: ProjectDraft, g: ProjectDraft): void {
  const filled: string[] = [];
  if (!d.donors?.length && !d.donorsText && g.donors?.length) {
    d.donors = g.donors;
    d.donorsText = g.donorsText;
    filled.push('donors');
  }
  if (!d.start && !d.end && !d.period && (g.start || g.end || g.period)) {
    d.start = g.start;
    d.end = g.end;
    d.period = g.period;
    filled.push('start', 'end', 'period');
  }
  if (!d.budget && g.budget) {
    d.budget = g.budget;
    d.budgetLabel = g.budgetLabel;
    filled.push('budget');
  }
  if (!d.memberStates?.length && g.countriesText?.length) {
    d.countriesText = g.countriesText;
    filled.push('countries');
  }
  // Where the page places things, for a project that names no place of its own.
  if (!d.pageText && g.pageText) d.pageText = g.pageText;
  for (const k of filled) {
    const e = g.evidence?.[k];
    if (e) (d.evidence ??= {})[k] = e;
  }
}

export function extractDocument(doc: RepairedDocument, opts: ExtractOptions = {}): ProjectDraft[] {
  return extractPage(doc.text, { meta: doc.meta, ...opts }).drafts;
}

/** The same on bare text, for tests and tools that have no RepairedDocument. */
export function extractText(text: string, opts: ExtractOptions = {}): ProjectDraft[] {
  return extractPage(text, opts).drafts;
}

/** The kind of page a text is read as, or null when no reader finds a project. */
export function detectPageKind(text: string, meta?: PageMeta): PageKind | null {
  const r = extractPage(text, { meta });
  return titled(r.drafts).length ? r.reader.kind : null;
}
