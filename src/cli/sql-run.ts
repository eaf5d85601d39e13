import Database from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { openDb, resolveDbPath, type Db } from '../store/db.js';
import { useColor } from '../output/color.js';
import { renderCsv, renderJson, renderNdjson, renderTable, type Format, type Row } from '../output/render.js';
import type { SqlFlags } from './commands/sql.js';
import type { Globals } from './options.js';

export interface SqlResult {
  columns: string[];
  rows: Row[];
}

const oneLine = (err: unknown) => (err as Error).message.replace(/\s+/g, ' ').trim();

/**
 * Runs one statement that only reads. The connection is read-only already; on top of that a
 * statement must return rows (stmt.reader) and write nothing (stmt.readonly), which refuses
 * INSERT/UPDATE/DELETE/CREATE, ATTACH/DETACH (readonly but no rows) and PRAGMA assignments.
 * SQLite errors become one-line usage errors.
 */
export function runSqlQuery(db: Db, sql: string): SqlResult {
  if (!sql.trim()) throw new UsageError(`iom sql needs a query, e.g. iom sql "SELECT count(*) FROM projects"`);
  let stmt: Database.Statement;
  try {
    stmt = db.prepare(sql);
  } catch (err) {
    if (err instanceof Database.SqliteError || err instanceof RangeError || err instanceof TypeError) {
      throw new UsageError(`SQL error: ${oneLine(err)}`);
    }
    throw err;
  }
  if (!stmt.reader || !stmt.readonly) {
    throw new UsageError('iom sql only reads: give a SELECT (or WITH … SELECT) statement');
  }
  // Duplicate names (SELECT 1 AS a, 2 AS a) would overwrite each other in an object: a, a_2.
  const seen = new Map<string, number>();
  const columns = stmt.columns().map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c.name : `${c.name}_${n}`;
  });
  let raw: unknown[][];
  try {
    raw = stmt.raw(true).all() as unknown[][];
  } catch (err) {
    if (err instanceof Database.SqliteError) throw new UsageError(`SQL error: ${oneLine(err)}`);
    throw err;
  }
  const rows = raw.map((values) => Object.fromEntries(columns.map((c, i) => [c, cell(values[i])])) as Row);
  return { columns, rows };
}

/** BLOBs as sqlite-utils writes them in JSON: {"$base64": true, "encoded": "..."}. */
function cell(v: unknown): Row[string] {
  if (Buffer.isBuffer(v)) return { $base64: true, encoded: v.toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  return v as Row[string];
}

export function runSql(sql: string, flags: SqlFlags, g: Globals, format: Format): void {
  const db = openDb(resolveDbPath(g.db), { readonly: true });
  let result: SqlResult;
  try {
    result = runSqlQuery(db, sql);
  } finally {
    db.close();
  }
  switch (format) {
    case 'json':
      process.stdout.write(renderJson(result.rows));
      return;
    case 'ndjson':
      process.stdout.write(renderNdjson(result.rows));
      return;
    case 'csv':
      process.stdout.write(renderCsv(result.rows, result.columns));
      return;
    case 'table':
      process.stdout.write(
        renderTable(result.rows, {
          columns: result.columns,
          color: useColor(process.stdout, 'table'),
          width: flags.wide || !process.stdout.isTTY ? undefined : process.stdout.columns || 100,
        }),
      );
  }
}
