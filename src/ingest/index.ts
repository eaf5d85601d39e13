// The whole pipeline for one file: read -> repair -> extract -> normalize -> store.
// All async work (reading, PDF text) happens first; the write is one synchronous transaction.
import { InputError } from '../errors.js';
import { stripControlsDeep } from '../output/safe.js';
import { decodeDocument, readBytes, readDocument, type FileBytes, type ReadOptions } from '../read/index.js';
import { loadLexicon, repairDocument } from '../repair/index.js';
import { extractPage, READERS } from '../extract/index.js';
import { normalizeRecord } from '../normalize/index.js';
import { storeKnownContent, writeSource, type WriteInfo, type WriteOutcome } from '../store/records.js';
import type { Db } from '../store/db.js';
import type { PageKind, ProjectRecord, RawDocument, RepairedDocument } from '../types.js';

/** How a page kind is named in messages. */
export const KIND_NAME = Object.fromEntries(READERS.map((r) => [r.kind, r.name])) as Record<PageKind, string>;

export interface Parsed {
  doc: RepairedDocument;
  kind: PageKind;
  records: ProjectRecord[];
}

export interface FileResult {
  path: string;
  outcome: WriteOutcome;
  kind?: PageKind;
  records: number;
  repairs: number;
  warnings: string[];
  /** For moved and copy: the path the same content is stored under. */
  sameAs?: string;
  /** Pages read by OCR and their mean word confidence (0-100), when OCR read some. */
  ocr?: { pages: number; confidence: number };
}

export { checkTextSize, DEFAULT_MAX_TEXT_BYTES, type IngestOptions } from './caps.js';
import { checkTextSize, type IngestOptions } from './caps.js';

/** read + repair + extract + normalize; throws InputError when the file holds no project. */
export async function parseFile(path: string, opts: ReadOptions & { today?: Date } = {}): Promise<Parsed> {
  const raw = await readDocument(path, opts);
  return parseDocument(raw.path, raw, opts.today);
}

export function parseDocument(path: string, raw: Awaited<ReturnType<typeof readDocument>>, today?: Date): Parsed {
  if (!raw.text.trim()) {
    throw new InputError(raw.format === 'pdf' ? 'no text in the PDF' : 'no text in the file', path);
  }
  const doc = repairDocument(raw);
  const found = extractPage(doc.text, { meta: doc.meta });
  const kind = found.reader.kind;
  const drafts = found.drafts;
  if (!drafts.some((d) => d.title.trim())) {
    throw new InputError(`no project found: ${found.missing ?? `looks like ${KIND_NAME[kind]}, but no project in it has a title`}`, path);
  }
  doc.warnings.push(...found.warnings);
  // Ids come from the content (its hash) and the record's position, never from where the file
  // lies: the same page gives the same ids on every machine, in every folder.
  // A project is known by its title: a draft whose title is empty once normalized (a damaged
  // page, a label with nothing after it) is not a project.
  // Control characters (ESC sequences, BEL…) from a page are never stored: nothing read can
  // later drive the terminal of whoever lists it.
  const records = drafts
    .map((d) => stripControlsDeep(normalizeRecord(d, { sourceName: raw.hash, repairs: doc.repair.changes, today })))
    .filter((r) => r.title.trim() !== '');
  if (records.length === 0) {
    throw new InputError(`looks like ${KIND_NAME[kind]}, but no project ${drafts.length ? 'in it has a title' : 'was found in it'}`, path);
  }
  return { doc, kind, records };
}

export function storeParsed(db: Db, parsed: Parsed, info?: WriteInfo): WriteOutcome {
  const { doc, kind, records } = parsed;
  return writeSource(
    db,
    {
      path: doc.path,
      format: doc.format,
      kind,
      hash: doc.hash,
      bytes: doc.bytes,
      pages: doc.pages,
      repairs: doc.repair.changes.length,
      lostSequences: doc.repair.lostSequences,
      warnings: doc.warnings,
      ...(doc.ocr ? { ocr: { pages: doc.ocr.pages.length, confidence: doc.ocr.confidence } } : {}),
    },
    records,
    { info },
  );
}

/** One file, end to end. An unchanged file (same path, same bytes) is not parsed again. */
export async function ingestFile(db: Db, path: string, opts: IngestOptions & { today?: Date } = {}): Promise<FileResult> {
  return ingestBytes(db, await readBytes(path, opts), opts);
}

/** Bytes read already (a file, or a page fetched by URL: its path is the URL), end to end. */
export async function ingestBytes(db: Db, bytes: FileBytes, opts: IngestOptions & { today?: Date } = {}): Promise<FileResult> {
  const path = bytes.path;
  const info: WriteInfo = {};
  const known = storeKnownContent(db, bytes.path, bytes.hash, info);
  if (known) return { ...unchangedFile(path), outcome: known, sameAs: info.sameAs };
  checkTextSize(bytes, opts);
  // A PDF is parsed on another thread: the repair's lexicon (read once per process, 20-30 ms)
  // loads while it is, not after.
  const pdf = await import('../read/pdf.js');
  pdf.runWhileNextPdfParses(loadLexicon);
  let raw: RawDocument;
  try {
    raw = await decodeDocument(bytes, opts);
  } finally {
    pdf.runWhileNextPdfParses(undefined);
  }
  return storeFile(db, path, parseDocument(raw.path, raw, opts.today));
}

/** Stores a parsed file and says what happened, for the report. */
export function storeFile(db: Db, path: string, parsed: Parsed): FileResult {
  const info: WriteInfo = {};
  const outcome = storeParsed(db, parsed, info);
  if (outcome === 'moved' || outcome === 'copy' || outcome === 'unchanged') return { ...unchangedFile(path), outcome, sameAs: info.sameAs };
  return {
    path,
    outcome,
    kind: parsed.kind,
    records: parsed.records.length,
    repairs: parsed.doc.repair.changes.length,
    warnings: parsed.doc.warnings,
    ...(parsed.doc.ocr ? { ocr: { pages: parsed.doc.ocr.pages.length, confidence: parsed.doc.ocr.confidence } } : {}),
  };
}

/** The result for a file stored already with the same content. */
export function unchangedFile(path: string): FileResult {
  return { path, outcome: 'unchanged', records: 0, repairs: 0, warnings: [] };
}
