// Shared helpers for the robustness tests: a seeded PRNG, a corpus of generated project pages,
// a dump of every table of a database (to compare before/after), a child-process runner that
// can wait for a line on stderr, and the failed rules of `iom check --json` in one line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, ROOT, fixture } from '../helpers.js';
import { prng } from '../../scripts/prng.mjs';

export { BIN, ROOT, fixture };

/** mulberry32 (scripts/prng.mjs): small, fast, reproducible. */
export { prng };

const THEMES = [
  'Renforcement des capacités', 'Appui à la réintégration', 'Protection des enfants', 'Gestion des frontières',
  'Lutte contre la traite', 'Santé communautaire', 'Insertion économique', 'Dialogue régional', 'Cohésion sociale',
  'Migration de main-d’œuvre', 'Assistance au retour volontaire', 'Données migratoires', 'Résilience climatique',
  'Accès aux services', 'Formation professionnelle', 'Gouvernance locale',
];
const TARGETS = [
  'des jeunes', 'des femmes migrantes', 'des autorités locales', 'des travailleurs saisonniers', 'des mineurs non accompagnés',
  'des communautés hôtes', 'des étudiants subsahariens', 'des associations', 'des diasporas', 'des réfugiés climatiques',
  'des agents consulaires', 'des coopératives agricoles',
];
const PLACES = [
  'à Oujda', 'à Tanger', 'à Casablanca', 'à Rabat', 'à Agadir', 'à Fès', 'dans l’Oriental', 'à Béni Mellal', 'à Tiznit',
  'à Laâyoune', 'à Marrakech', 'à Nador', 'à Errachidia',
];

/** A title no other generated page has (the number makes sure of it, the words vary). */
export function projectTitle(i: number, rnd: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  return `${pick(THEMES)} ${pick(TARGETS)} ${pick(PLACES)} – volet ${i + 1}`;
}

const SEED_000 = 'seeds/000_7d4a42574226c896.txt';
const SEED_001 = 'seeds/001_8173445587e2aa87.txt';
const HTML_PAGE = 'html/oim-maroc-projet-lm0416.html';
const TITLE_000 = 'Autonomisation des femmes travailleuses migrantes circulaires au Maroc';
const TITLE_001 = 'Formation professionnelle et moyens de subsistance pour des migrants régularisés au Maroc';

/**
 * n project pages made from the seeds (text sheets from seeds 000 and 001, HTML from the country-site
 * page), each with its own title and start year. Deterministic for a given seed. Returns the paths,
 * in the order `iom ingest dir` walks them.
 */
export function makeCorpus(dir: string, n: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  const rnd = prng(seed);
  const t0 = readFileSync(fixture(SEED_000), 'utf8');
  const t1 = readFileSync(fixture(SEED_001), 'utf8');
  const html = readFileSync(fixture(HTML_PAGE), 'utf8');
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const title = projectTitle(i, rnd);
    const kind = i % 3;
    let body: string;
    let ext: string;
    if (kind === 2) {
      body = html.split(TITLE_000).join(title.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      ext = 'html';
    } else {
      body = (kind === 0 ? t0.split(TITLE_000) : t1.split(TITLE_001)).join(title);
      ext = 'txt';
    }
    // each page its own IOM project and Prima IDs (the same IDs would make them one project)
    const num = String(1000 + i);
    body = body.replace(/MA10P0517|MA10P0001/g, `MA10Q${num}`).replace(/LM\.0416|FM\.0390/g, `ZZ.${num}`);
    const p = join(dir, `page-${String(i).padStart(4, '0')}.${ext}`);
    writeFileSync(p, body);
    paths.push(p);
  }
  return paths;
}

export type Dump = Record<string, unknown[]>;

/**
 * Every row of every table (FTS shadow tables included), in rowid/primary-key order, plus the
 * schema and user_version: two equal dumps mean two equal databases, as far as anyone can see.
 * `omit` drops columns whose values legitimately differ between runs (e.g. sources.ingested_at).
 */
export function dumpDb(path: string, omit: Record<string, string[]> = {}): Dump {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const out: Dump = {};
    out.__user_version = [db.pragma('user_version', { simple: true })];
    const objects = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all() as Array<{
      type: string;
      name: string;
      sql: string | null;
    }>;
    out.__schema = objects;
    for (const { type, name, sql } of objects) {
      if (type !== 'table' || /^CREATE VIRTUAL/i.test(sql ?? '')) continue;
      const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all() as Record<string, unknown>[];
      const drop = omit[name] ?? [];
      out[name] = rows
        .map((r) => {
          for (const c of drop) delete r[c];
          return JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v));
        })
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}

export interface Child {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once stderr matches re (or rejects when the process exits first / after ms). */
  waitFor: (re: RegExp, ms?: number) => Promise<void>;
}

/** Starts the built iom (not waiting for it). */
export function startIom(args: string[], opts: { db?: string; cwd?: string; env?: Record<string, string> } = {}): Child {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', ...opts.env };
  delete env.IOM_DB;
  if (opts.db) env.IOM_DB = opts.db;
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<{ re: RegExp; ok: () => void }> = [];
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    for (const w of [...waiters]) if (w.re.test(err)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.ok();
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (re: RegExp, ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      if (re.test(err)) return resolve();
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re} on stderr:\n${err}`)), ms);
      const ok = () => {
        clearTimeout(timer);
        resolve();
      };
      waiters.push({ re, ok });
      void exited.then(() => {
        if (waiters.some((w) => w.ok === ok)) {
          clearTimeout(timer);
          reject(new Error(`iom exited before ${re} appeared on stderr:\n${err}`));
        }
      });
    });
  return { proc, stdout: () => out, stderr: () => err, exited, waitFor };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True when this process can read a file after chmod 000 (root, or CAP_DAC_OVERRIDE). */
export function chmodDoesNotStopReading(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The rules `iom check --json` reports broken, in one line. */
export function failedRules(json: string): string {
  try {
    const rules = JSON.parse(json) as Array<{ name: string; ok: boolean; detail: string }>;
    return rules.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`).join('; ') || 'none';
  } catch {
    return json;
  }
}
