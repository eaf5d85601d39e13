// Extract stage: a repaired document -> the projects it holds, each field as written.
// detectPageKind decides which of the four readers applies; each reader gives drafts in
// document order with the lines they came from. [] means no project: the caller reports it.
import type { PageKind, ProjectDraft, RepairedDocument } from '../types.js';
import { toLines, detectLayout } from './lines.js';
import { detectKind } from './detect.js';
import { extractProjectSheet } from './projectSheet.js';
import { extractActivitySheet } from './activitySheet.js';
import { extractNewsItem } from './newsItem.js';
import { extractNgoArticle } from './ngoArticle.js';

export { detectPageKind } from './detect.js';

export interface ExtractOptions {
  /** Read the page as this kind instead of detecting it. */
  kind?: PageKind;
}

export function extractDocument(doc: RepairedDocument, opts: ExtractOptions = {}): ProjectDraft[] {
  return extractText(doc.text, opts);
}

/** The same on bare text, for tests and tools that have no RepairedDocument. */
export function extractText(text: string, opts: ExtractOptions = {}): ProjectDraft[] {
  const lines = toLines(text);
  const kind = opts.kind ?? detectKind(lines, text);
  switch (kind) {
    case 'iom-project-sheet':
      return extractProjectSheet(lines, detectLayout(lines));
    case 'iom-activity-sheet':
      return extractActivitySheet(lines, detectLayout(lines), text);
    case 'iom-news':
      return extractNewsItem(lines);
    case 'ngo-article':
      return extractNgoArticle(lines);
    default:
      return [];
  }
}
