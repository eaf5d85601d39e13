// Opening the database: each way it can fail is one clear sentence.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { StoreError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'iom-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;

describe('openDb errors', () => {
  test('a file where the database folder should be', () => {
    writeFileSync(join(dir, 'afile'), 'x');
    expect(() => openDb(join(dir, 'afile', 'iom.sqlite'))).toThrow(new StoreError(`cannot create the database ${join(dir, 'afile', 'iom.sqlite')}: a file stands where a folder should be`));
  });

  test('reading a database that does not exist', () => {
    const path = join(dir, 'none', 'iom.sqlite');
    expect(() => openDb(path, { readonly: true })).toThrow(`no database at ${path}: run 'iom ingest' first, or pass --db`);
  });

  test.skipIf(isRoot)('a folder that is not writable (not as root: root writes anywhere)', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    expect(() => openDb(join(ro, 'iom.sqlite'))).toThrow(/the folder is not writable \(choose another place with --db\)/);
  });
});
