// `iom check`: SQLite's own integrity check, then the tool's consistency rules.
import { Database, type Db } from './db.js';
import { SCHEMA_VERSION, linksExpr } from './schema.js';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export function checkDb(db: Db): CheckResult[] {
  const out: CheckResult[] = [];
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const rule = (name: string, sql: string, what: string) => {
    const n = count(sql);
    out.push({ name, ok: n === 0, detail: n === 0 ? 'ok' : `${n} ${what}` });
  };

  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  const okIntegrity = integrity.length === 1 && integrity[0]!.integrity_check === 'ok';
  out.push({ name: 'sqlite integrity', ok: okIntegrity, detail: okIntegrity ? 'ok' : integrity.map((r) => r.integrity_check).slice(0, 5).join('; ') });
  const fk = db.pragma('foreign_key_check') as unknown[];
  out.push({ name: 'foreign keys', ok: fk.length === 0, detail: fk.length === 0 ? 'ok' : `${fk.length} rows point at nothing` });
  const version = db.pragma('user_version', { simple: true }) as number;
  out.push({ name: 'schema version', ok: version === SCHEMA_VERSION, detail: `${version} (this iom: ${SCHEMA_VERSION})` });

  rule('every project has a source', 'SELECT count(*) n FROM project_rows p WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = p.source_id)', 'projects without a source');
  for (const t of ['project_donors', 'project_countries', 'project_places', 'project_partners']) {
    rule(`${t} rows point at a project`, `SELECT count(*) n FROM ${t} x WHERE NOT EXISTS (SELECT 1 FROM project_rows p WHERE p.id = x.project_id)`, 'orphan rows');
  }
  rule('source record counts match', 'SELECT count(*) n FROM sources s WHERE s.records != (SELECT count(*) FROM project_rows p WHERE p.source_id = s.id)', 'sources whose count is off');
  rule('every source has a project', 'SELECT count(*) n FROM sources s WHERE NOT EXISTS (SELECT 1 FROM project_rows p WHERE p.source_id = s.id)', 'sources without projects');
  rule('projects have a title', `SELECT count(*) n FROM project_rows WHERE trim(title) = ''`, 'projects with an empty title');
  rule('project groups are set', 'SELECT count(*) n FROM project_rows WHERE group_id IS NULL', 'projects without a group');
  rule('link columns match the link tables', `SELECT count(*) n FROM project_rows p WHERE p.links IS NOT ${linksExpr('p.id')}`, 'projects whose links column is stale');
  rule('active periods are ordered', 'SELECT count(*) n FROM project_rows WHERE active_to IS NOT NULL AND active_from > active_to', 'projects ending before they start');
  out.push(checkFts(db));
  return out;
}

/** In-memory copies of a read-only database are made up to this size for the full-text check. */
const COPY_LIMIT = 512 * 1024 * 1024;

/**
 * FTS5's integrity check is a command written as an INSERT, which a read-only connection
 * refuses: a read-only database is checked in an in-memory copy (up to COPY_LIMIT), else the
 * check is said not to have run.
 */
function checkFts(db: Db): CheckResult {
  let target = db;
  let copy: Db | undefined;
  if (db.readonly) {
    const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    if (bytes > COPY_LIMIT) return { name: 'full-text index', ok: true, detail: `not checked: the database is read-only and over ${COPY_LIMIT / 1048576} MB` };
    const image = db.serialize();
    // bytes 18-19 of the header say "WAL" (2); an in-memory database has no WAL: rollback (1)
    image[18] = 1;
    image[19] = 1;
    copy = new Database(image);
    target = copy;
  }
  try {
    target.prepare(`INSERT INTO projects_fts(projects_fts, rank) VALUES ('integrity-check', 1)`).run();
    return { name: 'full-text index', ok: true, detail: copy ? 'ok (checked in a copy: the database is read-only)' : 'ok' };
  } catch (err) {
    return { name: 'full-text index', ok: false, detail: `${(err as Error).message}; run 'iom check --rebuild-fts'` };
  } finally {
    copy?.close();
  }
}

export function rebuildFts(db: Db): void {
  db.prepare(`INSERT INTO projects_fts(projects_fts) VALUES ('rebuild')`).run();
}
