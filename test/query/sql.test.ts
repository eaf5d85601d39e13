// iom sql: one read-only statement; SQLite errors become one-line usage errors.
import { afterAll, describe, expect, test } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { runSqlQuery } from '../../src/cli/sql-run.js';
import { UsageError } from '../../src/errors.js';
import { buildDb } from './records.js';

const t = buildDb();
t.db.close();
const db = openDb(t.path, { readonly: true });
afterAll(() => {
  db.close();
  t.cleanup();
});

describe('iom sql', () => {
  test('SELECT gives the columns in order and one object per row', () => {
    const r = runSqlQuery(db, 'SELECT name, count(*) AS n FROM project_donors GROUP BY name ORDER BY n DESC, name LIMIT 2');
    expect(r.columns).toEqual(['name', 'n']);
    expect(r.rows).toEqual([
      { name: 'Union européenne', n: 4 }, // 3 activity-sheet records + the ICMD news item
      { name: 'Suisse', n: 3 },
    ]);
  });

  test('WITH … SELECT, the view, and full-text search work', () => {
    expect(runSqlQuery(db, `WITH m AS (SELECT * FROM projects WHERE budget_usd >= 300000) SELECT count(*) AS n FROM m`).rows).toEqual([{ n: 2 }]);
    expect(runSqlQuery(db, `SELECT donors FROM projects_with_donors WHERE id = 'a3f1c2d40004'`).rows).toEqual([{ donors: 'Union européenne; Suisse' }]);
    expect(runSqlQuery(db, `SELECT count(*) AS n FROM projects_fts WHERE projects_fts MATCH 'reintegration'`).rows).toEqual([{ n: 2 }]);
  });

  test('a query with no rows still has its columns (for the CSV header)', () => {
    expect(runSqlQuery(db, `SELECT id, title FROM projects WHERE 0`)).toEqual({ columns: ['id', 'title'], rows: [] });
  });

  test('duplicate column names are kept apart', () => {
    expect(runSqlQuery(db, 'SELECT 1 AS a, 2 AS a, 3 AS b')).toEqual({ columns: ['a', 'a_2', 'b'], rows: [{ a: 1, a_2: 2, b: 3 }] });
  });

  test('BLOBs come out as base64, as sqlite-utils writes them', () => {
    expect(runSqlQuery(db, `SELECT x'00ff' AS b`).rows).toEqual([{ b: { $base64: true, encoded: 'AP8=' } }]);
  });

  test.each([
    `DELETE FROM projects`,
    `UPDATE projects SET title = 'x'`,
    `INSERT INTO sources (path) VALUES ('x')`,
    `CREATE TABLE x (a)`,
    `DROP TABLE projects`,
    `ATTACH DATABASE ':memory:' AS other`,
    `PRAGMA user_version = 7`,
    `VACUUM`,
  ])('refuses what writes: %s', (sql) => {
    expect(() => runSqlQuery(db, sql)).toThrow(UsageError);
    expect(() => runSqlQuery(db, sql)).toThrow(/^(iom sql only reads: give a SELECT \(or WITH … SELECT\) statement|SQL error: .*)$/);
  });

  test('the database is opened read-only underneath, whatever the statement', () => {
    expect(() => db.exec(`DELETE FROM projects`)).toThrow(/readonly/);
  });

  test.each([
    ['SELEC * FROM projects', /^SQL error: near "SELEC": syntax error$/],
    ['SELECT * FROM nowhere', /^SQL error: no such table: nowhere$/],
    ['SELECT budjet FROM projects', /^SQL error: no such column: budjet$/],
    ['SELECT 1; SELECT 2', /^SQL error: The supplied SQL string contains more than one statement$/],
    ['   ', /^iom sql needs a query/],
  ])('%s -> a one-line usage error', (sql, message) => {
    let err: unknown;
    try {
      runSqlQuery(db, sql);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });
});
