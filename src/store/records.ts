// Writing one source and its records. Each file is written in one transaction:
// either the source and all its projects are there, or nothing changed.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { ProjectRecord, SourceInfo } from '../types.js';
import type { Db } from './db.js';
import { activeRange } from '../normalize/dates.js';
import { retryBusy, type RetryOptions } from './busy.js';
import { linkRecords } from './link.js';
import { titleKeys } from './titles.js';
import { linksExpr } from './schema.js';

export interface SourceWrite extends SourceInfo {
  pages?: number;
  repairs: number;
  lostSequences: string[];
  warnings: string[];
  /** Set when some of the text was read by OCR: pages read, mean word confidence (0-100). */
  ocr?: { pages: number; confidence: number };
}

/**
 * added, replaced (new content at a stored path), unchanged (same path, same content), moved (the
 * content is stored under a path that no longer holds it: the path is updated), copy (the content
 * is stored under another path that still holds it: stored once, nothing changes).
 */
export type WriteOutcome = 'added' | 'replaced' | 'unchanged' | 'moved' | 'copy';

/** What writeSource did, with the other path for moved and copy. */
export interface WriteInfo {
  sameAs?: string;
}

/** Row for the projects table. Keys are column names. */
export function toRow(r: ProjectRecord, sourceId: number, position: number): Record<string, unknown> {
  const { from, to } = activeRange(r);
  return {
    id: r.id,
    source_id: sourceId,
    position,
    kind: r.kind,
    title: r.title,
    acronym: r.acronym,
    section: r.section,
    status: r.status,
    status_code: r.statusCode,
    status_derived: r.statusDerived ? 1 : 0,
    type: r.type,
    start: r.start,
    end: r.end,
    end_open: r.endOpen ? 1 : 0,
    activity_start: r.activityStart,
    activity_end: r.activityEnd,
    active_from: from,
    active_to: to,
    budget_amount: r.budget?.amount ?? null,
    budget_currency: r.budget?.currency ?? null,
    budget_usd: r.budgetUsd,
    coverage: r.coverage,
    year: r.year,
    idf_region: r.idfRegion,
    prima_id: r.primaId,
    project_id: r.projectId,
    summary: r.summary,
    text: r.text,
    beneficiaries: JSON.stringify(r.beneficiaries),
    raw: JSON.stringify(r.raw),
    repairs: r.repairs,
    group_id: r.id,
  };
}

const PROJECT_COLUMNS = Object.keys(
  toRow(
    {
      id: '', kind: 'iom-news', title: '', acronym: null, section: null, status: null, statusCode: null,
      statusDerived: false, type: null, start: null, end: null, endOpen: false, activityStart: null,
      activityEnd: null, budget: null, budgetUsd: null, coverage: null, year: null, idfRegion: null,
      primaId: null, projectId: null, countries: [], donors: [], partners: [], implementers: [], places: [],
      beneficiaries: [], summary: null, raw: {}, repairs: 0, text: '',
    },
    0,
    0,
  ),
);

/** The columns of project_rows (toRow also gives summary and text, which go to project_texts). */
const ROW_COLUMNS = PROJECT_COLUMNS.filter((c) => c !== 'summary' && c !== 'text');

/** Copies a project's link rows into projects.links (after they are written). */
const SET_LINKS_SQL = `UPDATE project_rows SET links = ${linksExpr('@id')} WHERE id = @id`;

function prepared(db: Db) {
  const cols = ROW_COLUMNS.map((c) => `"${c}"`).join(', ');
  const params = ROW_COLUMNS.map((c) => `@${c}`).join(', ');
  return {
    findSource: db.prepare<[string], { id: number; hash: string }>('SELECT id, hash FROM sources WHERE path = ?'),
    findContent: db.prepare<[string, string], { id: number; path: string }>('SELECT id, path FROM sources WHERE hash = ? AND path != ? ORDER BY id LIMIT 1'),
    movePath: db.prepare<[string, string, number]>('UPDATE sources SET path = ?, name = ? WHERE id = ?'),
    deleteSource: db.prepare('DELETE FROM sources WHERE id = ?'),
    insertSource: db.prepare(`INSERT INTO sources (path, name, format, kind, hash, bytes, pages, ingested_at, records, repairs, lost_sequences, warnings, ocr_pages, ocr_confidence)
      VALUES (@path, @name, @format, @kind, @hash, @bytes, @pages, @ingested_at, @records, @repairs, @lost_sequences, @warnings, @ocr_pages, @ocr_confidence)`),
    insertProject: db.prepare(`INSERT INTO project_rows (${cols}) VALUES (${params})`),
    // the full-text index follows project_texts (its triggers)
    insertKey: db.prepare<[string, number | bigint]>('INSERT OR IGNORE INTO project_title_keys (key, rid) VALUES (?, ?)'),
    insertText: db.prepare<[number | bigint, string, string, string | null, string]>('INSERT INTO project_texts (rid, id, title, summary, text) VALUES (?, ?, ?, ?, ?)'),
    insertDonor: db.prepare(`INSERT INTO project_donors (project_id, position, code, name, kind, parent, raw, known)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertCountry: db.prepare('INSERT OR IGNORE INTO project_countries (project_id, code, name, raw) VALUES (?, ?, ?, ?)'),
    insertPlace: db.prepare('INSERT OR IGNORE INTO project_places (project_id, name, country, kind, raw) VALUES (?, ?, ?, ?, ?)'),
    insertPartner: db.prepare('INSERT OR IGNORE INTO project_partners (project_id, name, role) VALUES (?, ?, ?)'),
    setLinks: db.prepare(SET_LINKS_SQL),
  };
}

const cache = new WeakMap<Db, ReturnType<typeof prepared>>();

function statements(db: Db) {
  let st = cache.get(db);
  if (!st) cache.set(db, (st = prepared(db)));
  return st;
}

/** sha256 of a file's bytes, read in chunks (undefined when it cannot be read). */
function fileHash(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
    return h.digest('hex');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The same content is the same source wherever it lies. Runs inside the write transaction: when
 * this content is stored under another path, a record of `path` with other content is dropped
 * (the file at `path` no longer holds it), and the stored source either takes this path (its old
 * path no longer holds this content: a move) or stays as it is (a copy). Undefined: content not
 * stored, or stored under this very path.
 */
function sameContent(s: ReturnType<typeof prepared>, path: string, hash: string, info?: WriteInfo): WriteOutcome | undefined {
  const other = s.findContent.get(hash, path);
  if (!other) return undefined;
  const here = s.findSource.get(path);
  if (here && here.hash !== hash) s.deleteSource.run(here.id);
  if (here && here.hash === hash) return 'unchanged';
  if (info) info.sameAs = other.path;
  if (fileHash(other.path) === hash) return 'copy';
  s.movePath.run(path, basename(path), other.id);
  return 'moved';
}

/**
 * Before parsing a file: what storing it would do when its content is stored already (unchanged,
 * moved, copy), done now; undefined when the file must be parsed and stored.
 */
export function storeKnownContent(db: Db, path: string, hash: string, info?: WriteInfo): WriteOutcome | undefined {
  const s = statements(db);
  const here = s.findSource.get(path);
  if (here?.hash === hash) return 'unchanged';
  if (!s.findContent.get(hash, path)) return undefined;
  return retryBusy(() => db.transaction(() => sameContent(s, path, hash, info)).immediate());
}

/**
 * Stores a source and its records. The same path with the same content changes nothing;
 * the same path with new content replaces that source's records, and only those; the same
 * content under another path is one source (see sameContent). The transaction is tried again
 * while another process holds the write lock.
 */
export function writeSource(db: Db, source: SourceWrite, records: ProjectRecord[], opts: { link?: boolean; info?: WriteInfo; retry?: RetryOptions } = {}): WriteOutcome {
  const s = statements(db);
  return retryBusy(() =>
    db
    .transaction((): WriteOutcome => {
      const existing = s.findSource.get(source.path);
      if (existing && existing.hash === source.hash) return 'unchanged';
      const same = sameContent(s, source.path, source.hash, opts.info);
      if (same) return same;
      if (existing) s.deleteSource.run(existing.id);
      const { lastInsertRowid } = s.insertSource.run({
        path: source.path,
        name: basename(source.path),
        format: source.format,
        kind: source.kind,
        hash: source.hash,
        bytes: source.bytes,
        pages: source.pages ?? null,
        ingested_at: new Date().toISOString(),
        records: records.length,
        repairs: source.repairs,
        lost_sequences: source.lostSequences.length ? source.lostSequences.join(',') : null,
        warnings: source.warnings.length ? JSON.stringify(source.warnings) : null,
        ocr_pages: source.ocr?.pages ?? null,
        ocr_confidence: source.ocr?.confidence ?? null,
      });
      const sourceId = Number(lastInsertRowid);
      records.forEach((r, i) => {
        const row = toRow(r, sourceId, i);
        const { lastInsertRowid: rid } = s.insertProject.run(row);
        s.insertText.run(rid, r.id, r.title, r.summary, r.text);
        for (const key of titleKeys(r.title)) s.insertKey.run(key, rid);
        r.donors.forEach((d, k) => s.insertDonor.run(r.id, k, d.code, d.name, d.kind, d.parent ?? null, d.raw, d.known ? 1 : 0));
        for (const c of r.countries) s.insertCountry.run(r.id, c.code, c.name, c.raw ?? null);
        for (const p of r.places) s.insertPlace.run(r.id, p.name, p.country, p.kind, p.raw ?? null);
        for (const p of r.partners) s.insertPartner.run(r.id, p, 'partner');
        for (const p of r.implementers) s.insertPartner.run(r.id, p, 'implementer');
        s.setLinks.run({ id: r.id });
      });
      // (the benchmark builds its large databases without linking: see scripts/bench/make-db.mjs)
      if (opts.link !== false) linkRecords(db, sourceId, records);
      return existing ? 'replaced' : 'added';
    })
    .immediate(),
    opts.retry,
  );
}

/** True when this path is stored with this content hash (lets ingest skip parsing). */
export function isUnchanged(db: Db, path: string, hash: string): boolean {
  const row = db.prepare<[string], { hash: string }>('SELECT hash FROM sources WHERE path = ?').get(path);
  return row?.hash === hash;
}

/**
 * Forgets a source: its row, its records and their link rows (ON DELETE CASCADE) and their
 * full-text entries (trigger). Returns how many records went, or undefined when no source has
 * this path.
 */
export function removeSource(db: Db, path: string): number | undefined {
  return retryBusy(() =>
    db
      .transaction(() => {
        const row = db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE path = ?').get(path);
        if (!row) return undefined;
        const n = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM project_rows WHERE source_id = ?').get(row.id)!.n;
        db.prepare('DELETE FROM sources WHERE id = ?').run(row.id);
        return n;
      })
      .immediate(),
  );
}
