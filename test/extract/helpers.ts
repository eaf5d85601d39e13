// Fixtures as the extract stage receives them: read like src/read does (HTML through htmlToText),
// with an identity repair, so that these tests check extraction alone and fields are compared
// with the fixture's text as written.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { htmlToText } from '../../src/read/html.js';
import type { RepairedDocument } from '../../src/types.js';

export const fixturePath = (rel: string) => new URL(`../../fixtures/${rel}`, import.meta.url);

export function docFromText(text: string, path = 'inline.txt', format: RepairedDocument['format'] = 'text', html?: string): RepairedDocument {
  const bytes = Buffer.byteLength(html ?? text);
  return {
    path,
    format,
    text,
    html,
    hash: createHash('sha256').update(html ?? text).digest('hex'),
    bytes,
    warnings: [],
    rawText: text,
    repair: { text, changes: [], unresolved: [], lostSequences: [] },
  };
}

export function loadDoc(rel: string): RepairedDocument {
  const source = readFileSync(fixturePath(rel), 'utf8');
  if (rel.endsWith('.html')) return docFromText(htmlToText(source).text, rel, 'html', source);
  return docFromText(source.replace(/\r\n?/g, '\n'), rel);
}

export const SEED = {
  sheetLm0416: 'seeds/000_7d4a42574226c896.txt',
  sheetFm0390: 'seeds/001_8173445587e2aa87.txt',
  news: 'seeds/002_48bdf5fe6fcf3a14.txt',
  activity: 'seeds/003_905411b0d1b2955d.txt',
  ngo: 'seeds/004_78dbbd9aacb2e536.txt',
} as const;

/** The doc.text lines a draft says it came from. */
export function linesOf(doc: RepairedDocument, range: { from: number; to: number }): string[] {
  return doc.text.split('\n').slice(range.from - 1, range.to);
}
