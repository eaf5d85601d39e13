// Waiting for another writer: a file's transaction is tried again while the database is locked,
// so concurrent ingests all succeed instead of dying with "database is locked".
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { retryBusy, isBusy } from '../../src/store/busy.js';
import { writeSource } from '../../src/store/records.js';
import { tempDir } from '../helpers.js';
import { record } from './records.test.js';

let t: ReturnType<typeof tempDir>;
let db: Db;
let other: Database.Database | undefined;
afterEach(() => {
  other?.close();
  other = undefined;
  db?.close();
  t?.cleanup();
});

const source = { path: '/data/000.txt', format: 'text' as const, kind: 'iom-project-sheet' as const, hash: 'h1', bytes: 10, repairs: 0, lostSequences: [], warnings: [] };

describe('a locked database', () => {
  test('writeSource waits for another writer and then stores the file', () => {
    t = tempDir();
    db = openDb(t.db);
    db.pragma('busy_timeout = 1'); // SQLite's own wait runs out at once: the retry must do the waiting
    other = new Database(t.db);
    other.prepare('BEGIN IMMEDIATE').run(); // another process holds the write lock
    const attempts: number[] = [];
    const outcome = writeSource(db, source, [record()], {
      retry: {
        onRetry: (n) => {
          attempts.push(n);
          if (n === 2) other!.prepare('COMMIT').run(); // ... and lets go
        },
      },
    });
    expect(outcome).toBe('added');
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(db.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(1);
  });

  test('a lock held past the limit still fails, with SQLite\'s error', () => {
    t = tempDir();
    db = openDb(t.db);
    db.pragma('busy_timeout = 1');
    other = new Database(t.db);
    other.prepare('BEGIN IMMEDIATE').run();
    expect(() => writeSource(db, source, [record()], { retry: { maxWaitMs: 0 } })).toThrow(/locked/);
    expect(isBusy(new Error('x'))).toBe(false);
    // the retry is only for a busy database: other errors go through at once
    let calls = 0;
    expect(() => retryBusy(() => { calls++; throw new Error('other'); })).toThrow('other');
    expect(calls).toBe(1);
  });
});
