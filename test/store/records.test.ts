import { afterEach, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { openDb, schemaVersion, type Db } from '../../src/store/db.js';
import { removeSource, storeKnownContent, writeSource, type SourceWrite } from '../../src/store/records.js';
import { rmSync, writeFileSync } from 'node:fs';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import type { ProjectRecord } from '../../src/types.js';
import { tempDir } from '../helpers.js';

export function record(over: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    id: 'a1b2c3d4e5f6', kind: 'iom-project-sheet', title: 'Autonomisation des femmes travailleuses migrantes circulaires au Maroc',
    acronym: null, section: null, status: 'completed', statusCode: 4, statusDerived: false, type: 'Migration de main-d’œuvre',
    start: '2020', end: '2022', endOpen: false, activityStart: null, activityEnd: null,
    budget: { amount: 300000, currency: 'USD', raw: '300000.00' }, budgetUsd: 300000, coverage: 'National', year: 2020,
    idfRegion: 'Afrique', primaId: 'MA10P0517', projectId: 'LM.0416',
    countries: [{ code: 'MA', name: 'Maroc', raw: 'Maroc' }],
    donors: [{ code: 'IDF', name: 'Fonds de l’OIM pour le développement', kind: 'iom-fund', raw: 'IDF', known: true }],
    partners: ['ANAPEC'], implementers: [], places: [{ name: 'Huelva', country: 'ES', kind: 'province' }],
    beneficiaries: [], summary: 'Ce projet s’intéressera aux travailleuses migrantes marocaines.', raw: { budget: '300000.00' },
    repairs: 0, text: 'Ce projet s’intéressera aux travailleuses migrantes marocaines.',
    ...over,
  };
}

const source = (over: Partial<SourceWrite> = {}): SourceWrite => ({
  path: '/data/000.txt', format: 'text', kind: 'iom-project-sheet', hash: 'h1', bytes: 3035, repairs: 0, lostSequences: [], warnings: [], ...over,
});

let t: ReturnType<typeof tempDir>;
let db: Db;
afterEach(() => {
  db?.close();
  t?.cleanup();
});
const fresh = () => {
  t = tempDir();
  db = openDb(t.db);
  return db;
};
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('writeSource', () => {
  test('stores a source, its project and the link rows in one go', () => {
    fresh();
    expect(writeSource(db, source(), [record()])).toBe('added');
    expect(count('SELECT count(*) n FROM projects')).toBe(1);
    expect(count('SELECT count(*) n FROM project_donors')).toBe(1);
    expect(count('SELECT count(*) n FROM project_places')).toBe(1);
    const p = db.prepare('SELECT active_from, active_to, budget_usd FROM projects').get();
    expect(p).toEqual({ active_from: '2020-01-01', active_to: '2022-12-31', budget_usd: 300000 });
  });

  test('the same path and content changes nothing; new content replaces only that source', () => {
    fresh();
    writeSource(db, source(), [record()]);
    writeSource(db, source({ path: '/data/other.txt', hash: 'h2' }), [record({ id: 'ffffffffffff', title: 'Autre' })]);
    expect(writeSource(db, source(), [record({ title: 'changed' })])).toBe('unchanged');
    expect(db.prepare('SELECT title FROM projects WHERE id = ?').pluck().get('a1b2c3d4e5f6')).not.toBe('changed');
    expect(writeSource(db, source({ hash: 'h3' }), [record({ id: '000000000001', title: 'v2' })])).toBe('replaced');
    expect(db.prepare('SELECT title FROM projects ORDER BY title').pluck().all()).toEqual(['Autre', 'v2']);
    expect(count('SELECT count(*) n FROM project_donors')).toBe(2);
    expect(count('SELECT count(*) n FROM sources')).toBe(2);
  });

  test('a failing record leaves the database as it was', () => {
    fresh();
    writeSource(db, source(), [record()]);
    const dup = record({ id: 'dddddddddddd' });
    expect(() => writeSource(db, source({ path: '/data/x.txt', hash: 'x' }), [dup, dup])).toThrow();
    expect(count('SELECT count(*) n FROM sources')).toBe(1);
    expect(count('SELECT count(*) n FROM projects')).toBe(1);
  });

  test('the full-text index follows inserts and deletes', () => {
    fresh();
    writeSource(db, source(), [record()]);
    const hits = () => count(`SELECT count(*) n FROM projects_fts WHERE projects_fts MATCH 'travailleuses'`);
    expect(hits()).toBe(1);
    writeSource(db, source({ hash: 'h9' }), [record({ title: 'Autre', summary: 'rien', text: 'rien' })]);
    expect(hits()).toBe(0);
  });
});

describe('openDb', () => {
  test('sets the schema version and WAL mode', () => {
    fresh();
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  test('refuses a database written by a newer iom', () => {
    t = tempDir();
    const raw = new Database(t.db);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDb(t.db)).toThrow(/newer iom/);
  });

  test('refuses an SQLite file that is not an iom database', () => {
    t = tempDir();
    const raw = new Database(t.db);
    raw.exec('CREATE TABLE other (x)');
    raw.close();
    expect(() => openDb(t.db)).toThrow(/not an iom database/);
  });

  test('a missing database in read-only mode says to ingest first', () => {
    t = tempDir();
    expect(() => openDb(`${t.dir}/none.sqlite`, { readonly: true })).toThrow(/run 'iom ingest' first/);
  });
});

describe('projects.links', () => {
  test('holds what the link tables hold, in their order; iom check finds a stale one', async () => {
    const { checkDb } = await import('../../src/store/check.js');
    const { buildDb } = await import('../query/records.js');
    const t = buildDb();
    try {
      const rows = t.db.prepare('SELECT id, links FROM projects').all() as { id: string; links: string }[];
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        const links = JSON.parse(r.links) as { donors: [string, string | null][]; countries: string[]; places: string[]; partners: [string, string][] };
        const donors = t.db.prepare('SELECT name, code FROM project_donors WHERE project_id = ? ORDER BY position').raw().all(r.id);
        expect(links.donors).toEqual(donors);
        expect(links.countries).toEqual(t.db.prepare('SELECT code FROM project_countries WHERE project_id = ? ORDER BY rowid').pluck().all(r.id));
        expect(links.places).toEqual(t.db.prepare('SELECT name FROM project_places WHERE project_id = ? ORDER BY rowid').pluck().all(r.id));
        expect(links.partners).toEqual(t.db.prepare('SELECT name, role FROM project_partners WHERE project_id = ? ORDER BY rowid').raw().all(r.id));
      }
      expect(rows.some((r) => JSON.parse(r.links).donors.length > 1)).toBe(true);
      expect(checkDb(t.db).every((c) => c.ok)).toBe(true);
      t.db.prepare(`UPDATE projects SET links = '{}' WHERE id = ?`).run(rows[0]!.id);
      expect(checkDb(t.db).find((c) => c.name === 'link columns match the link tables')).toMatchObject({ ok: false, detail: '1 projects whose links column is stale' });
      // the full-text index is still whole after updates of links and group_id
      t.db.prepare(`UPDATE projects SET group_id = group_id WHERE id = ?`).run(rows[1]!.id);
      expect(checkDb(t.db).find((c) => c.name === 'full-text index')!.ok).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});

describe('the same content is the same source', () => {
  const realFile = (name: string, text: string) => {
    const p = `${t.dir}/${name}`;
    writeFileSync(p, text);
    return p;
  };
  test('a copy (the first file still there) is stored once; a move updates the path, records kept', async () => {
    fresh();
    const { createHash } = await import('node:crypto');
    const a = realFile('care.txt', 'contenu');
    const hash = createHash('sha256').update('contenu').digest('hex');
    expect(writeSource(db, source({ path: a, hash }), [record()])).toBe('added');
    const info: { sameAs?: string } = {};
    const copy = realFile('care (1).txt', 'contenu');
    expect(writeSource(db, source({ path: copy, hash }), [record({ id: 'bbbbbbbbbbbb' })], { info })).toBe('copy');
    expect(info.sameAs).toBe(a);
    expect(count('SELECT count(*) n FROM projects')).toBe(1);
    expect(db.prepare('SELECT path FROM sources').pluck().all()).toEqual([a]);
    // the first file goes away (moved): the copy's path is taken, the records and ids kept
    rmSync(a);
    expect(storeKnownContent(db, copy, hash)).toBe('moved');
    expect(db.prepare('SELECT path FROM sources').pluck().all()).toEqual([copy]);
    expect(db.prepare('SELECT id FROM projects').pluck().all()).toEqual(['a1b2c3d4e5f6']);
    expect(storeKnownContent(db, copy, hash)).toBe('unchanged');
    expect(storeKnownContent(db, `${t.dir}/new.txt`, 'other')).toBeUndefined();
  });

  test('a path whose file now holds content stored elsewhere drops its old records', () => {
    fresh();
    writeSource(db, source({ path: '/gone/a.txt', hash: 'X' }), [record()]);
    writeSource(db, source({ path: '/gone/b.txt', hash: 'Y' }), [record({ id: 'cccccccccccc', title: 'Autre projet' })]);
    // b.txt now holds X, and a.txt is gone: one source, at b.txt, with X's records
    expect(writeSource(db, source({ path: '/gone/b.txt', hash: 'X' }), [record({ id: 'dddddddddddd' })])).toBe('moved');
    expect(db.prepare('SELECT path, hash FROM sources').all()).toEqual([{ path: '/gone/b.txt', hash: 'X' }]);
    expect(db.prepare('SELECT id FROM projects').pluck().all()).toEqual(['a1b2c3d4e5f6']);
  });
});

describe('removeSource', () => {
  test('forgets a source, its records, their link rows and full-text entries; others stay', async () => {
    fresh();
    writeSource(db, source(), [record()]);
    writeSource(db, source({ path: '/data/other.txt', hash: 'h2' }), [record({ id: 'ffffffffffff', title: 'Autre', text: 'autre chose', summary: null })]);
    expect(removeSource(db, '/data/000.txt')).toBe(1);
    expect(removeSource(db, '/data/000.txt')).toBeUndefined();
    expect(db.prepare('SELECT id FROM projects').pluck().all()).toEqual(['ffffffffffff']);
    for (const table of ['project_donors', 'project_countries', 'project_places', 'project_partners']) {
      expect(count(`SELECT count(*) n FROM ${table} WHERE project_id = 'a1b2c3d4e5f6'`)).toBe(0);
    }
    expect(count(`SELECT count(*) n FROM projects_fts WHERE projects_fts MATCH 'travailleuses'`)).toBe(0);
    const { checkDb } = await import('../../src/store/check.js');
    expect(checkDb(db).filter((c) => !c.ok)).toEqual([]);
  });
});
