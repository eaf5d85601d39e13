// Schema 6 (issue 13): a project's bulk text lives in project_texts, project_rows holds the narrow
// rows, and `projects` is a view with the columns it had. An older database is migrated in one
// transaction; its answers (rows, full-text search, snippets, stats, facets, show) stay the same.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { checkDb } from '../../src/store/check.js';
import { removeSource, writeSource } from '../../src/store/records.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { listProjects } from '../../src/query/list.js';
import { projectStats } from '../../src/query/stats.js';
import { listFacets } from '../../src/query/facets.js';
import { getProject } from '../../src/query/show.js';
import { ACTIVITY_SHEET, NEWS_ICMD as NEWS, PROJECT_SHEETS } from '../query/records.js';
import { tempDir } from '../helpers.js';

const t = tempDir();
afterAll(t.cleanup);

const LINK_TABLES = ['project_donors', 'project_countries', 'project_places', 'project_partners'];

/** A database written by this iom, and the same content written as schema 5 (text in projects), then opened. */
function pair(): { now: Db; migrated: Db } {
  const now = openDb(`${t.dir}/now.sqlite`);
  writeSource(now, { path: '/d/activities.pdf', format: 'pdf', kind: 'iom-activity-sheet', hash: 'a', bytes: 1, repairs: 0, lostSequences: [], warnings: [] }, ACTIVITY_SHEET);
  writeSource(now, { path: '/d/sheets.html', format: 'html', kind: 'iom-project-sheet', hash: 'b', bytes: 1, repairs: 0, lostSequences: [], warnings: [] }, PROJECT_SHEETS);
  writeSource(now, { path: '/d/news.txt', format: 'text', kind: 'iom-news', hash: 'c', bytes: 1, repairs: 0, lostSequences: [], warnings: [] }, NEWS);

  const oldPath = `${t.dir}/v5.sqlite`;
  const old = new Database(oldPath);
  for (const m of MIGRATIONS.slice(0, 5)) old.exec(m);
  old.pragma('user_version = 5');
  const copy = (table: string, rows: Record<string, unknown>[]) => {
    for (const r of rows) {
      const cols = Object.keys(r);
      old.prepare(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => r[c]));
    }
  };
  copy('sources', now.prepare('SELECT * FROM sources ORDER BY id').all() as Record<string, unknown>[]);
  copy('projects', (now.prepare('SELECT * FROM projects ORDER BY rowid').all() as Record<string, unknown>[]).map(({ rowid: _, ...r }) => r));
  for (const l of LINK_TABLES) copy(l, now.prepare(`SELECT * FROM ${l} ORDER BY rowid`).all() as Record<string, unknown>[]);
  expect(old.prepare(`SELECT count(*) FROM projects_fts WHERE projects_fts MATCH 'migrants'`).pluck().get()).toBeGreaterThan(0);
  old.close();
  return { now, migrated: openDb(oldPath) };
}

describe('narrow rows: project_texts and the projects view', () => {
  const { now, migrated } = pair();
  afterAll(() => {
    now.close();
    migrated.close();
  });

  test('an old database is migrated: the text moved out of the project rows, the view gives the same rows', () => {
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const cols = (db: Db, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols(migrated, 'project_rows')).not.toContain('text');
    expect(cols(migrated, 'project_rows')).not.toContain('summary');
    expect(cols(migrated, 'project_texts')).toEqual(['rid', 'id', 'title', 'summary', 'text']);
    expect(cols(migrated, 'projects')).toEqual(cols(now, 'projects'));
    const all = (db: Db) => db.prepare('SELECT * FROM projects ORDER BY id').all();
    expect(all(migrated)).toEqual(all(now));
    expect(migrated.prepare('SELECT count(*) FROM project_texts t JOIN project_rows r ON r.rowid = t.rid AND r.id = t.id AND r.title = t.title').pluck().get()).toBe(
      migrated.prepare('SELECT count(*) FROM project_rows').pluck().get(),
    );
    expect(checkDb(migrated).filter((c) => !c.ok)).toEqual([]);
  });

  test('the migration computes the title keys that linking looks up, as writeSource writes them', () => {
    const keys = (db: Db) => db.prepare('SELECT k.key, r.id FROM project_title_keys k JOIN project_rows r ON r.rowid = k.rid ORDER BY 1, 2').raw().all();
    expect(keys(now).length).toBeGreaterThan(ACTIVITY_SHEET.length);
    expect(keys(migrated)).toEqual(keys(now));
  });

  test('full-text search finds the moved text, with the same ids, ranks and snippets', () => {
    for (const text of ['migrants', 'initiatives', 'ICMD', 'femmes']) {
      const a = listProjects(now, { text });
      expect(a.length, text).toBeGreaterThan(0);
      expect(listProjects(migrated, { text })).toEqual(a);
      expect(a.every((r) => typeof r.snippet === 'string' && r.snippet.includes('['))).toBe(true);
    }
    // the index is keyed by the rowids of project_rows, as the view's rowid column says
    const hit = migrated.prepare(`SELECT p.id FROM projects_fts f JOIN projects p ON p.rowid = f.rowid WHERE projects_fts MATCH 'migrants' ORDER BY p.id`).pluck().all();
    expect(hit).toEqual(now.prepare(`SELECT p.id FROM projects_fts f JOIN projects p ON p.rowid = f.rowid WHERE projects_fts MATCH 'migrants' ORDER BY p.id`).pluck().all());
    expect(hit.length).toBeGreaterThan(0);
  });

  test('stats, facets and show give the same answers', () => {
    for (const by of ['donor', 'country', 'status', 'year', 'type'] as const) {
      expect(projectStats(migrated, {}, { by, sum: 'budget_usd' } as never)).toEqual(projectStats(now, {}, { by, sum: 'budget_usd' } as never));
    }
    expect(listFacets(migrated, {})).toEqual(listFacets(now, {}));
    const id = (now.prepare('SELECT id FROM project_rows ORDER BY id LIMIT 1').pluck().get() as string);
    const a = getProject(now, id);
    expect(a.members[0]!.text.length).toBeGreaterThan(0);
    expect(getProject(migrated, id)).toEqual({ ...a, members: a.members.map((m) => ({ ...m, source: { ...m.source, ingested_at: expect.any(String) } })) });
  });

  test('the view is writable as the table was, and the index follows', () => {
    const db = migrated;
    const count = (q: string) => db.prepare(`SELECT count(*) FROM projects_fts WHERE projects_fts MATCH ?`).pluck().get(q) as number;
    const id = db.prepare(`SELECT p.id FROM projects_fts f JOIN projects p ON p.rowid = f.rowid WHERE projects_fts MATCH 'migrants' LIMIT 1`).pluck().get() as string;
    db.prepare(`UPDATE projects SET title = 'Zorglub', text = 'plus rien' WHERE id = ?`).run(id);
    expect(db.prepare('SELECT title FROM project_texts WHERE id = ?').pluck().get(id)).toBe('Zorglub');
    expect(count('zorglub')).toBe(1);
    expect(db.prepare(`SELECT text FROM projects WHERE id = ?`).pluck().get(id)).toBe('plus rien');
    db.prepare(`UPDATE projects SET group_id = group_id WHERE id = ?`).run(id);
    db.prepare(`DELETE FROM projects WHERE id = ?`).run(id);
    expect(count('zorglub')).toBe(0);
    expect(db.prepare('SELECT count(*) FROM project_texts WHERE id = ?').pluck().get(id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM project_title_keys WHERE rid NOT IN (SELECT rowid FROM project_rows)').pluck().get()).toBe(0);
    expect(checkDb(db).find((c) => c.name === 'full-text index')!.ok).toBe(true);
    // removing a source takes its texts and index entries with it (ON DELETE CASCADE, triggers)
    expect(removeSource(db, '/d/news.txt')).toBe(NEWS.length);
    expect(db.prepare('SELECT count(*) FROM project_texts WHERE id NOT IN (SELECT id FROM project_rows)').pluck().get()).toBe(0);
    // (a record deleted by hand leaves its source's count off: that is for iom check to say)
    expect(checkDb(db).filter((c) => !c.ok).map((c) => c.name)).toEqual(['source record counts match']);
  });
});
