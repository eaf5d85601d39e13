// What iom guarantees, checked with the real binary: a killed ingest leaves no half file,
// four ingests at once lose nothing, `| head -1` ends quietly, an older schema is upgraded.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { BIN, fixture, iom, tempDir } from '../helpers.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';

const t = tempDir();
afterAll(t.cleanup);

/** n project sheets written like seed 000, each with its own title and project ID. */
function makePages(dir: string, n: number, offset = 0): void {
  mkdirSync(dir, { recursive: true });
  const seed = readFileSync(fixture('seeds/000_7d4a42574226c896.txt'), 'utf8');
  for (let i = offset; i < offset + n; i++) {
    const page = seed
      .replace('Autonomisation des femmes travailleuses migrantes circulaires au Maroc', `Projet numéro ${i} pour les travailleuses migrantes de la région ${i}`)
      .replace('LM.0416', `LM.${String(1000 + i)}`)
      .replace('MA10P0517', `MA10P${String(5000 + i)}`);
    writeFileSync(join(dir, `page-${String(i).padStart(4, '0')}.txt`), page);
  }
}

const projects = (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT p.id FROM projects p ORDER BY p.id').pluck().all() as string[];
  } finally {
    d.close();
  }
};
const checkOk = (db: string) => JSON.parse(iom(['check', '--json'], { db }).stdout).every((r: { ok: boolean }) => r.ok);

describe('guarantees', () => {
  test('SIGKILL in the middle of an ingest, then again: the same as one clean ingest', async () => {
    const pages = join(t.dir, 'kill-pages');
    makePages(pages, 120);
    const clean = join(t.dir, 'clean.sqlite');
    expect(iom(['-q', 'ingest', pages], { db: clean }).code).toBe(0);
    const killed = join(t.dir, 'killed.sqlite');
    for (const delay of [400, 900]) {
      const child = spawn(process.execPath, [BIN, '-q', 'ingest', pages], { env: { ...process.env, IOM_DB: killed }, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
    }
    expect(iom(['-q', 'ingest', pages], { db: killed }).code).toBe(0);
    expect(projects(killed)).toEqual(projects(clean));
    expect(projects(killed)).toHaveLength(120);
    expect(checkOk(killed)).toBe(true);
  }, 120_000);

  test('Ctrl-C stops after the current file, says how far it got, and leaves a valid database', async () => {
    const pages = join(t.dir, 'kill-pages');
    const db = join(t.dir, 'sigint.sqlite');
    const child = spawn(process.execPath, [BIN, 'ingest', pages], { env: { ...process.env, IOM_DB: db }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', r));
    if (!/stopped after/.test(stderr)) return; // finished before the signal arrived: nothing to check
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped after \d+ of 120 files/);
    expect(checkOk(db)).toBe(true);
    expect(iom(['-q', 'ingest', pages], { db }).code).toBe(0);
    expect(projects(db)).toHaveLength(120);
  }, 120_000);

  test('four ingests at once on one new database all succeed and lose nothing; query works meanwhile', async () => {
    const dirs = [0, 1, 2, 3].map((k) => join(t.dir, `conc-${k}`));
    // 40 pages each, 20 of them the same as the next folder's (the same content: one source)
    dirs.forEach((d, k) => makePages(d, 40, 20 * k));
    const db = join(t.dir, 'conc.sqlite');
    const run = (dir: string) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        const c = spawn(process.execPath, [BIN, '-q', 'ingest', dir], { env: { ...process.env, IOM_DB: db }, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        c.stderr.on('data', (b) => (stderr += b));
        c.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
      });
    const all = Promise.all(dirs.map(run));
    const during = iom(['query', '--donor', 'UE', '--json'], { db });
    expect([0, 1]).toContain(during.code); // the database may not exist yet when it runs
    if (during.code === 1) expect(during.stderr).toMatch(/no database|empty/);
    const results = await all;
    expect(results.map((r) => r.stderr)).toEqual(['', '', '', '']);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const d = new Database(db, { readonly: true });
    const n = d.prepare('SELECT count(*) FROM projects').pluck().get();
    const sources = d.prepare('SELECT count(*) FROM sources').pluck().get();
    d.close();
    expect(n).toBe(20 * 3 + 40); // pages 0-99, each stored once
    expect(sources).toBe(100);
    expect(checkOk(db)).toBe(true);
  }, 180_000);

  test('`iom query | head -1` ends quietly', () => {
    const db = join(t.dir, 'pipe.sqlite');
    iom(['-q', 'ingest', fixture('seeds'), join(t.dir, 'kill-pages')], { db });
    const r = spawnSync('sh', ['-c', `node ${BIN} query --format ndjson | head -1`], { env: { ...process.env, IOM_DB: db }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  }, 60_000);

  test('a schema-1 database is upgraded when opened, data intact', () => {
    const db = join(t.dir, 'v1.sqlite');
    const d = new Database(db);
    d.exec(MIGRATIONS[0]!);
    d.pragma('user_version = 1');
    d.prepare(`INSERT INTO sources (path, name, format, kind, hash, bytes, ingested_at, records, repairs) VALUES ('/x.txt', 'x.txt', 'text', 'iom-project-sheet', 'h', 1, '2026-01-01', 1, 0)`).run();
    d.prepare(`INSERT INTO projects (id, source_id, position, kind, title, text) VALUES ('abcdef012345', 1, 0, 'iom-project-sheet', 'Ancien projet', 'texte')`).run();
    d.prepare(`INSERT INTO project_donors (project_id, position, code, name, kind, raw, known) VALUES ('abcdef012345', 0, 'EU', 'Union européenne', 'multilateral', 'UE', 1)`).run();
    d.prepare(`INSERT INTO project_countries (project_id, code, name) VALUES ('abcdef012345', 'MA', 'Maroc')`).run();
    d.close();
    const r = iom(['query', '--json'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { title: string }) => x.title)).toEqual(['Ancien projet']);
    // migration 3 filled the links column from the link tables
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ donors: ['Union européenne'], donor_codes: ['EU'], countries: ['MA'], places: [], partners: [] });
    expect(iom(['check'], { db }).code).toBe(0);
    const after = new Database(db, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(after.prepare('SELECT group_id FROM projects').pluck().get()).toBe('abcdef012345');
    after.close();
  });

  test('a copy of a database is refused when written by a newer iom, untouched', () => {
    const db = join(t.dir, 'newer.sqlite');
    copyFileSync(join(t.dir, 'pipe.sqlite'), db);
    const d = new Database(db);
    d.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    d.close();
    const r = iom(['query'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer iom/);
  });
});
