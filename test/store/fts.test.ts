// Other tools find the full-text index: sqlite-utils (`search`, `rebuild-fts`) and Datasette look
// for an FTS table whose SQL says content="<table>" or content=[<table>] (their detect_fts). Since
// schema 6 the text lives in project_texts (projects is a view, which they cannot search), and the
// index is found for project_texts.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { fixture, iom, tempDir } from '../helpers.js';

const t = tempDir();
afterAll(t.cleanup);

/** sqlite-utils' detect_fts (sqlite_utils/db.py, Table.detect_fts), as SQL run here. */
const DETECT_FTS = `SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
  sql LIKE :like OR sql LIKE :like2 OR (tbl_name = :table AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))`;
const detect = (db: Database.Database, table: string) =>
  db.prepare(DETECT_FTS).pluck().get({ like: `%VIRTUAL TABLE%USING FTS%content=[${table}]%`, like2: `%VIRTUAL TABLE%USING FTS%content="${table}"%`, table });

const hasSqliteUtils = spawnSync('sqlite-utils', ['--version']).status === 0;

describe('the full-text index, as other tools see it', () => {
  test('a new database: detect_fts finds projects_fts for project_texts', () => {
    const db = openDb(`${t.dir}/new.sqlite`);
    try {
      expect(detect(db, 'project_texts')).toBe('projects_fts');
    } finally {
      db.close();
    }
  });

  test('a schema-3 database is migrated: the index is declared anew and rebuilt, searches still work', () => {
    const path = `${t.dir}/v3.sqlite`;
    const raw = new Database(path);
    for (const m of MIGRATIONS.slice(0, 3)) raw.exec(m);
    raw.pragma('user_version = 3');
    raw.prepare(`INSERT INTO sources (path, name, format, kind, hash, bytes, ingested_at, records, repairs) VALUES ('/x.txt', 'x.txt', 'text', 'iom-project-sheet', 'h', 1, '2026-01-01', 1, 0)`).run();
    raw.prepare(`INSERT INTO projects (id, source_id, position, kind, title, text, group_id) VALUES ('abcdef012345', 1, 0, 'iom-project-sheet', 'Lutte contre la traite', 'la traite des êtres humains', 'abcdef012345')`).run();
    expect(detect(raw, 'projects')).toBeUndefined(); // content='projects': not found before
    raw.close();
    const db = openDb(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(detect(db, 'project_texts')).toBe('projects_fts');
      expect(db.prepare(`SELECT p.id FROM projects_fts f JOIN projects p ON p.rowid = f.rowid WHERE projects_fts MATCH 'etres'`).pluck().all()).toEqual(['abcdef012345']);
      expect(() => db.prepare(`INSERT INTO projects_fts(projects_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    } finally {
      db.close();
    }
  });

  test.skipIf(!hasSqliteUtils)('the real sqlite-utils searches the database (skipped when sqlite-utils is not installed)', () => {
    const path = `${t.dir}/seeds.sqlite`;
    expect(iom(['-q', 'ingest', fixture('seeds')], { db: path }).code).toBe(0);
    const r = spawnSync('sqlite-utils', ['search', path, 'project_texts', 'traite', '--csv', '-c', 'title'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^title\r?\n/);
    expect(r.stdout).toMatch(/Assistance et protection des enfants/);
  });
});
