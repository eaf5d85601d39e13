// `iom ingest` parses on worker threads when given many files (--jobs, default one per core):
// the database, the report and the exit code must be exactly those of one thread.
import { afterAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { fixture, iom, tempDir } from '../helpers.js';

const t = tempDir('iom-jobs-');
afterAll(t.cleanup);
// every fixture folder: 21 pages, good and bad, of every format (well above the 8 files that start threads)
const ALL = ['seeds', 'pdf', 'html', 'text', 'bad'].map(fixture);

function dump(db: string): unknown {
  const d = new Database(db, { readonly: true });
  try {
    return {
      sources: d.prepare('SELECT path, format, kind, hash, records, repairs, lost_sequences, warnings FROM sources ORDER BY id').all(),
      projects: d.prepare('SELECT p.id, p.group_id, p.position, p.title, p.start, p."end", p.status, p.budget_usd, p.links, p.text, s.path FROM projects p JOIN sources s ON s.id = p.source_id ORDER BY p.rowid').all(),
    };
  } finally {
    d.close();
  }
}
/** stderr without the database path */
const report = (s: string) => s.replace(/database \S+/g, 'database X').replace(/^--jobs \d+ is more than .*\n/m, '');

describe('ingest on several threads', () => {
  test('--jobs 3 stores what --jobs 1 stores, in the same order, with the same report and exit code', () => {
    const one = iom(['ingest', '--jobs', '1', ...ALL], { db: `${t.dir}/one.sqlite` });
    const three = iom(['ingest', '--jobs', '3', ...ALL], { db: `${t.dir}/three.sqlite` });
    expect(one.code).toBe(1); // fixtures/bad
    expect(three.code).toBe(1);
    expect(report(three.stderr)).toBe(report(one.stderr));
    expect(three.stderr).toMatch(/21 files: 12 stored \(63 records\), 0 unchanged, 9 failed/);
    expect(three.stderr).toMatch(/corrupt\.pdf: corrupt or truncated PDF/);
    expect(dump(`${t.dir}/three.sqlite`)).toEqual(dump(`${t.dir}/one.sqlite`));
    expect(iom(['check'], { db: `${t.dir}/three.sqlite` }).code).toBe(0);
    // again: nothing changes, and unchanged files are not parsed again
    const again = iom(['ingest', '--jobs', '3', ...ALL], { db: `${t.dir}/three.sqlite` });
    expect(again.stderr).toMatch(/21 files: 0 stored \(0 records\), 12 unchanged, 9 failed/);
    expect(dump(`${t.dir}/three.sqlite`)).toEqual(dump(`${t.dir}/one.sqlite`));
  }, 120_000);

  test('--jobs must be a whole number of at least 1', () => {
    const r = iom(['ingest', '--jobs', '0', fixture('seeds')], { db: `${t.dir}/bad.sqlite` });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/--jobs expects a whole number from 1 to 1024, not '0'/);
  });
});
