// Opening the database: where it lives, WAL, busy timeout, schema migrations.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { retryBusy } from './busy.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

// URI file names, read by better-sqlite3 when it first opens a database, let a database in a
// read-only folder be opened with `immutable=1` (see openReadonly). Paths given to openDb are
// absolute (resolveDbPath), so none is ever taken for a URI by accident.
process.env.SQLITE_USE_URI ??= '1';

/** What read-only commands still do, said in every "read-only:" message. */
const READS_STILL_WORK = "commands that only read (query, show, sql, export, stats, check) still work";

/**
 * Why this database cannot be written, or undefined when it can (or does not exist yet): the file
 * is read-only, or its folder is and SQLite's journal files (-wal, -shm) are not there to write.
 */
export function readOnlyReason(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const writable = (p: string) => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : false;
    }
  };
  if (writable(path) === false) return `read-only: ${path} cannot be written (the file's permissions or a read-only file system); ${READS_STILL_WORK}`;
  const journal = [`${path}-wal`, `${path}-shm`].map(writable);
  if (journal.every((w) => w === true)) return undefined;
  if (journal.includes(false) || writable(dirname(path)) === false) {
    return `read-only: the folder ${dirname(path)} cannot be written, and SQLite needs to write ${basename(path)}-wal and ${basename(path)}-shm beside the database; ${READS_STILL_WORK}`;
  }
  return undefined;
}

/** SQLite's "cannot write" errors, raised mid-way (a file system remounted read-only). */
export function isReadOnlyError(err: unknown): boolean {
  return /^SQLITE_READONLY/.test((err as { code?: string } | undefined)?.code ?? '');
}

/** A file: URI for an absolute path (%, ? and # escaped). */
function fileUri(path: string): string {
  return `file:${path.replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * better-sqlite3, required rather than imported: it is CommonJS, and an ESM import of it makes node
 * scan its source for export names (cjs-module-lexer) on every start (issue 13, ~3 ms measured).
 * Other modules take it from here.
 */
export const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
export type Db = BetterSqlite3.Database;

let addon: string | null | undefined;
/**
 * better-sqlite3's compiled addon, handed to it directly: left to itself it finds the file with the
 * `bindings` package, which loads two more modules and tries a dozen paths on every start (a few ms
 * of each read-only command, issue 13). null: not where npm installs it; better-sqlite3 looks itself.
 */
function nativeBinding(): string | undefined {
  if (addon === undefined) {
    try {
      addon = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    } catch {
      addon = null;
    }
  }
  return addon ?? undefined;
}

/** --db, else $IOM_DB, else $XDG_DATA_HOME/iom/iom.sqlite (default ~/.local/share/iom/iom.sqlite). */
export function resolveDbPath(flag?: string): string {
  if (flag) return resolve(flag);
  if (process.env.IOM_DB) return resolve(process.env.IOM_DB);
  const data = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'iom', 'iom.sqlite');
}

export interface OpenOptions {
  readonly?: boolean;
  /** Create the file (and its folder) when missing. */
  create?: boolean;
}

export function openDb(path: string, opts: OpenOptions = {}): Db {
  if (!opts.readonly) {
    const reason = readOnlyReason(path);
    if (reason) throw new StoreError(reason);
  }
  let db: Db;
  try {
    if (opts.create !== false && !opts.readonly) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly: !!opts.readonly, fileMustExist: opts.create === false || !!opts.readonly, timeout: 10000, nativeBinding: nativeBinding() });
  } catch (err) {
    const msg = (err as Error).message;
    const code = (err as NodeJS.ErrnoException).code;
    const writing = opts.create !== false && !opts.readonly;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new StoreError(`cannot create the database ${path}: a file stands where a folder should be`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new StoreError(`cannot create the database ${path}: permission denied (choose another place with --db)`);
    if (/unable to open|does not exist|directory does not exist/i.test(msg)) {
      // when writing, the folder exists (made above): the file itself could not be created
      if (writing) throw new StoreError(`cannot create the database ${path}: the folder is not writable (choose another place with --db)`);
      throw new StoreError(`no database at ${path}: run 'iom ingest' first, or pass --db`);
    }
    throw new StoreError(`cannot open database ${path}: ${msg}`);
  }
  if (opts.readonly) {
    let v = -1;
    try {
      v = schemaVersion(db);
    } catch (err) {
      // A WAL database in a read-only folder, without its -shm file: SQLite cannot set up the
      // shared memory it reads through. Nobody can write it there, so it is read as immutable.
      if (/^SQLITE_READONLY_DIRECTORY|^SQLITE_CANTOPEN/.test((err as { code?: string }).code ?? '')) {
        db.close();
        db = new Database(`${fileUri(path)}?immutable=1`, { readonly: true, fileMustExist: true, timeout: 10000, nativeBinding: nativeBinding() });
        try {
          v = schemaVersion(db);
        } catch {
          /* not a database: reported by migrate() below */
        }
      }
      /* otherwise not a database: reported by migrate() below */
    }
    // An older database is upgraded once, read-write, before a read-only command uses it.
    if (v > 0 && v < SCHEMA_VERSION && !readOnlyReason(path)) {
      db.close();
      openDb(path, { create: false }).close();
      db = new Database(path, { readonly: true, fileMustExist: true, timeout: 10000, nativeBinding: nativeBinding() });
    }
  }
  try {
    db.pragma('busy_timeout = 10000');
    if (!opts.readonly) retryBusy(() => db.pragma('journal_mode = WAL'));
    db.pragma('foreign_keys = ON');
    // A read is one pass over the pages it needs: a 4 MB page cache (better-sqlite3's default is
    // 16 MB) keeps a query's memory low at no cost in time (measured at 100,000 projects).
    if (opts.readonly) db.pragma('cache_size = -4000');
    retryBusy(() => migrate(db, path, !!opts.readonly));
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    if (isReadOnlyError(err)) throw new StoreError(`read-only: ${path} cannot be written (${(err as Error).message}); ${READS_STILL_WORK}`);
    throw new StoreError(`${path} is not an iom database (${(err as Error).message})`);
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, path: string, readonly: boolean): void {
  const version = schemaVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new StoreError(`${path} was written by a newer iom (schema ${version}; this iom knows ${SCHEMA_VERSION}): upgrade iom`);
  }
  if (version === SCHEMA_VERSION) return;
  if (version === 0) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
    if (tables.n > 0) throw new StoreError(`${path} is an SQLite file but not an iom database`);
    if (readonly) throw new StoreError(`${path} is empty, not yet an iom database: run 'iom ingest' first, or pass --db`);
  }
  if (readonly) {
    throw new StoreError(`${path} has schema ${version} and must be upgraded by a command that writes (e.g. iom ingest), but ${readOnlyReason(path) ?? 'it could not be'}`);
  }
  // BEGIN IMMEDIATE so that two processes opening a fresh file do not both migrate.
  db.transaction(() => {
    const now = schemaVersion(db);
    for (let v = now; v < SCHEMA_VERSION; v++) {
      const m = MIGRATIONS[v]!;
      if (typeof m === 'string') db.exec(m);
      else m(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * Keeps the query planner's statistics fresh after writes: SQLite's own `PRAGMA optimize` runs
 * ANALYZE on tables never analysed or whose size changed a lot, sampling at most 400 rows per
 * index (milliseconds even at a million projects). With statistics, filters use the covering
 * indexes (a --donor query reads no project row it does not return).
 */
export function optimizeDb(db: Db): void {
  db.pragma('analysis_limit = 400');
  db.pragma('optimize = 0x10002');
}
