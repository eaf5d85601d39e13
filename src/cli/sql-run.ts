import type BetterSqlite3 from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { Database, openDb, resolveDbPath, type Db } from '../store/db.js';
import { useColor } from '../output/color.js';
import { droppedNote, renderCsv, renderJson, renderNdjson, renderTable, type Format, type Row } from '../output/render.js';
import type { Globals } from './options.js';

/** The flags of `iom sql`. */
export interface SqlFlags {
  /** -p name value, repeated: flattened by commander into [name, value, name, value…]. */
  param?: string[];
  format?: Format;
  json?: boolean;
  wide?: boolean;
}

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
/** -p pairs to named and numbered parameters; a name without a value is a usage error. */
export function splitParams(flat: string[]): Record<string, string> {
  if (flat.length % 2 === 1) throw new UsageError(`-p takes a name and a value: -p ${flat[flat.length - 1]} has no value`);
  const out: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) out[flat[i]!.replace(/^[:@$?]/, '')] = flat[i + 1]!;
  return out;
}

/**
 * Binds -p values to the statement's parameters by name (:id, @id, $id) or number (?1, and a bare
 * ? takes its position). A parameter the query names but -p does not give is a usage error naming
 * it; a -p the query does not use is one too (a typo would otherwise pass unseen).
 */
function bindParams(sql: string, given: Record<string, string>): [Record<string, string>] | [] {
  const names = [...new Set(scanParams(sql))];
  if (names.some((n) => n.startsWith('?'))) {
    throw new UsageError(`the query has a ? parameter: name it (:name) and give its value with -p name VALUE`);
  }
  const missing = names.filter((n) => !(n.slice(1) in given));
  if (missing.length) {
    throw new UsageError(`the query's parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} no value: give ${missing.map((n) => `-p ${n.slice(1)} VALUE`).join(' ')}`);
  }
  const unused = Object.keys(given).filter((k) => !names.some((n) => n.slice(1) === k));
  if (unused.length) throw new UsageError(`the query has no parameter ${unused.map((n) => `:${n}`).join(', ')} (given with -p)`);
  // Values are text, as sqlite-utils passes them; SQLite compares them with a number column as
  // numbers (its affinity rules), so "budget_usd > :min" works with -p min 100000.
  return names.length ? [Object.fromEntries(names.map((n) => [n.slice(1), given[n.slice(1)]!]))] : [];
}

/** The parameters a statement names, outside strings, quoted names and comments: ":id", "?1", "?". */
export function scanParams(sql: string): string[] {
  const out: string[] = [];
  const re = /'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|([:@$][A-Za-z_][\w]*(?:::[\w]+)*|\?\d*)/g;
  for (let m; (m = re.exec(sql)); ) if (m[1]) out.push(m[1]);
  return out;
}

export function runSqlQuery(db: Db, sql: string, params: Record<string, string> = {}): SqlResult {
  if (!sql.trim()) throw new UsageError(`iom sql needs a query, e.g. iom sql "SELECT count(*) FROM projects"`);
  let stmt: BetterSqlite3.Statement;
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
  const args = bindParams(sql, params);
  let raw: unknown[][];
  try {
    raw = stmt.raw(true).all(...args) as unknown[][];
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

export function runSql(sql: string, flags: SqlFlags & { params?: Record<string, string> }, g: Globals, format: Format): void {
  const db = openDb(resolveDbPath(g.db), { readonly: true });
  let result: SqlResult;
  try {
    result = runSqlQuery(db, sql, flags.params);
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
          onDropped: (cols) => process.stderr.write(`${droppedNote(cols, '--wide shows every column')}\n`),
        }),
      );
  }
}
