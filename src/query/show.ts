// One project in full, with where each field came from: the merged row, then each source
// record behind it with the text its fields were read from.
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { listProjects, type ProjectRow } from './list.js';

export interface RecordDetail {
  id: string;
  source: { path: string; format: string; kind: string; hash: string; ingested_at: string; lost_sequences: string | null; ocr_pages: number | null; ocr_confidence: number | null };
  /** Each field as the source wrote it. */
  raw: Record<string, string | string[]>;
  donors: { code: string | null; name: string; kind: string; parent: string | null; raw: string; known: boolean }[];
  /** The record's own canonical values, before merging. */
  values: ProjectRow;
  text: string;
}

export interface ProjectDetail extends ProjectRow {
  members: RecordDetail[];
}

export function getProject(db: Db, idOrPrefix: string): ProjectDetail {
  const want = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]{4,}$/.test(want)) throw new UsageError(`'${idOrPrefix}' is not a project id (ids are hex, as 'iom query' shows them; 4 characters or more)`);
  const ids = db.prepare(`SELECT id FROM project_rows WHERE id >= ? AND id < ? LIMIT 6`).pluck().all(want, `${want}g`) as string[];
  if (ids.length === 0) throw new UsageError(`no project with id '${idOrPrefix}' (see 'iom query')`);
  if (ids.length > 1) throw new UsageError(`'${idOrPrefix}' matches ${ids.length > 5 ? 'several' : ids.length} projects (${ids.slice(0, 5).join(', ')}): give more characters`);
  const [row] = listProjects(db, { ids });
  const own = new Map(listProjects(db, { ids: row!.records }, { unmerged: true }).map((r) => [r.id, r]));
  const extra = db.prepare<[string], { raw: string; text: string; path: string; format: string; kind: string; hash: string; ingested_at: string; lost_sequences: string | null; ocr_pages: number | null; ocr_confidence: number | null }>(
    `SELECT p.raw, t.text, s.path, s.format, s.kind, s.hash, s.ingested_at, s.lost_sequences, s.ocr_pages, s.ocr_confidence
     FROM project_rows p JOIN sources s ON s.id = p.source_id JOIN project_texts t ON t.rid = p.rowid WHERE p.id = ?`,
  );
  const donors = db.prepare<[string], Omit<RecordDetail['donors'][number], 'known'> & { known: number }>(
    'SELECT code, name, kind, parent, raw, known FROM project_donors WHERE project_id = ? ORDER BY position',
  );
  const members = row!.records.map((id): RecordDetail => {
    const e = extra.get(id)!;
    return {
      id,
      source: { path: e.path, format: e.format, kind: e.kind, hash: e.hash, ingested_at: e.ingested_at, lost_sequences: e.lost_sequences, ocr_pages: e.ocr_pages, ocr_confidence: e.ocr_confidence },
      raw: JSON.parse(e.raw) as Record<string, string | string[]>,
      donors: donors.all(id).map((d) => ({ ...d, known: !!d.known })),
      values: own.get(id)!,
      text: e.text,
    };
  });
  return { ...row!, members };
}
