import type { Db } from '../store/db.js';

export interface SourceRow {
  path: string;
  name: string;
  kind: string;
  format: string;
  records: number;
  repairs: number;
  lost_sequences: string | null;
  hash: string;
  bytes: number;
  pages: number | null;
  ingested_at: string;
  warnings: string[];
  /** Pages read by OCR and Tesseract's mean word confidence (0-100); null when none were. */
  ocr_pages: number | null;
  ocr_confidence: number | null;
}

export function listSources(db: Db): SourceRow[] {
  const rows = db
    .prepare(
      `SELECT path, name, kind, format, (SELECT count(*) FROM project_rows p WHERE p.source_id = s.id) AS records, repairs,
              lost_sequences, hash, bytes, pages, ingested_at, warnings, ocr_pages, ocr_confidence
       FROM sources s ORDER BY path`,
    )
    .all() as (Omit<SourceRow, 'warnings'> & { warnings: string | null })[];
  return rows.map((r) => ({ ...r, warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : [] }));
}

export interface DbInfo {
  path: string;
  schema_version: number;
  sources: number;
  /** Projects as query lists them: records of one project from several sources count once. */
  projects: number;
  /** Records: one per project per source. */
  records: number;
  donors: number;
  countries: number;
  bytes: number;
}

export function dbInfo(db: Db, path: string, bytes: number): DbInfo {
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    path,
    schema_version: db.pragma('user_version', { simple: true }) as number,
    sources: one('SELECT count(*) AS n FROM sources'),
    projects: one('SELECT count(DISTINCT group_id) AS n FROM project_rows'),
    records: one('SELECT count(*) AS n FROM project_rows'),
    donors: one('SELECT count(DISTINCT coalesce(code, name)) AS n FROM project_donors'),
    countries: one('SELECT count(DISTINCT code) AS n FROM project_countries'),
    bytes,
  };
}
