// One project in full, with where each field came from.
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { listProjects, type ProjectRow } from './list.js';

export interface ProjectDetail extends ProjectRow {
  raw: Record<string, string | string[]>;
  text: string;
  donor_details: { code: string | null; name: string; kind: string; parent: string | null; raw: string; known: boolean }[];
  source_info: { path: string; format: string; kind: string; hash: string; ingested_at: string; lost_sequences: string | null };
}

export function getProject(db: Db, idOrPrefix: string): ProjectDetail {
  const want = idOrPrefix.trim();
  if (!/^[0-9a-f]{4,}$/i.test(want)) throw new UsageError(`'${idOrPrefix}' is not a project id (ids are hex, as 'iom query' shows them; 4 characters or more)`);
  const ids = db.prepare<[string], { id: string }>(`SELECT id FROM projects WHERE id LIKE ? || '%' LIMIT 6`).all(want.toLowerCase());
  if (ids.length === 0) throw new UsageError(`no project with id '${idOrPrefix}'`);
  if (ids.length > 1) throw new UsageError(`'${idOrPrefix}' matches ${ids.length > 5 ? 'many' : ids.length} projects (${ids.map((r) => r.id).slice(0, 5).join(', ')}): give more characters`);
  const id = ids[0]!.id;
  const [row] = listProjects(db, { ids: [id] });
  const extra = db
    .prepare<[string], { raw: string; text: string; path: string; format: string; kind: string; hash: string; ingested_at: string; lost_sequences: string | null }>(
      `SELECT p.raw, p.text, s.path, s.format, s.kind, s.hash, s.ingested_at, s.lost_sequences
       FROM projects p JOIN sources s ON s.id = p.source_id WHERE p.id = ?`,
    )
    .get(id)!;
  const donors = db
    .prepare<[string], { code: string | null; name: string; kind: string; parent: string | null; raw: string; known: number }>(
      'SELECT code, name, kind, parent, raw, known FROM project_donors WHERE project_id = ? ORDER BY position',
    )
    .all(id);
  return {
    ...row!,
    raw: JSON.parse(extra.raw) as Record<string, string | string[]>,
    text: extra.text,
    donor_details: donors.map((d) => ({ ...d, known: !!d.known })),
    source_info: {
      path: extra.path,
      format: extra.format,
      kind: extra.kind,
      hash: extra.hash,
      ingested_at: extra.ingested_at,
      lost_sequences: extra.lost_sequences,
    },
  };
}
