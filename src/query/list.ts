// listProjects(db, filters) -> plain rows, no formatting. The JSON field names here are the
// public, documented interface (README "JSON fields").
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { Beneficiaries } from '../types.js';
import { buildWhere, type QueryFilters } from './filters.js';
import { mergeRows } from './merge.js';
import type { ProjectRow } from './row.js';
import { snippetFor } from './snippet.js';

export type { ProjectRow } from './row.js';

/** How many records (from different sources) the project of record p has; p must be project_rows. */
export const GROUP_SIZE = '(SELECT count(*) FROM project_rows q WHERE q.group_id = p.group_id)';

export const SORTABLE = ['title', 'start', 'end', 'budget_usd', 'status', 'type', 'source', 'id', 'year'] as const;

export interface ListOptions {
  limit?: number;
  offset?: number;
  /** A field name, "-" in front for descending. */
  sort?: string;
  /** One row per source record, instead of one row per project. */
  unmerged?: boolean;
  /** With a --text search: give each row its snippet (default true; it costs a statement a row). */
  snippet?: boolean;
}

function orderBy(sort: string | undefined, ranked: boolean): string {
  if (!sort) return ranked ? 'ORDER BY rank, s.path, p.position' : 'ORDER BY s.path, p.position';
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  if (!(SORTABLE as readonly string[]).includes(field)) {
    throw new UsageError(`cannot sort by '${field}'; use one of ${SORTABLE.join(', ')} (prefix '-' for descending)`);
  }
  const col = field === 'source' ? 's.path' : field === 'end' ? 'p."end"' : `p.${field}`;
  // NULLs last in both directions: a missing budget is not the smallest budget.
  return `ORDER BY ${col} IS NULL, ${col} ${desc ? 'DESC' : 'ASC'}, s.path, p.position`;
}

interface Base {
  id: string;
  group_id: string;
  rowid: number;
  title: string;
  acronym: string | null;
  status: string | null;
  status_derived: number;
  type: string | null;
  section: string | null;
  start: string | null;
  end: string | null;
  end_open: number;
  activity_start: string | null;
  activity_end: string | null;
  budget_amount: number | null;
  budget_currency: string | null;
  budget_usd: number | null;
  coverage: string | null;
  year: number | null;
  idf_region: string | null;
  prima_id: string | null;
  project_id: string | null;
  kind: string;
  summary: string | null;
  beneficiaries: string;
  repairs: number;
  source: string;
  snippet?: string;
}

/**
 * Projects matching the filters. By default records that describe the same project are folded
 * into one row (a project matches when any of its records does); `unmerged` gives the records.
 */
export function listProjects(db: Db, filters: QueryFilters, opts: ListOptions = {}): ProjectRow[] {
  return [...iterateProjects(db, filters, opts)];
}

/**
 * The same rows as listProjects, one at a time, so that a caller can write them out as they come
 * (memory stays flat whatever the number of rows). Each row is read with its link tables in one
 * statement; a record whose project has records from other sources is replaced by the merged
 * project, at the place of its first matching record.
 */
export function* iterateProjects(db: Db, filters: QueryFilters, opts: ListOptions = {}): Generator<ProjectRow> {
  const from = opts.offset ?? 0;
  const want = opts.limit === undefined ? undefined : from + opts.limit;
  if (want !== undefined && want <= from) return;
  if (opts.unmerged) {
    for (const b of selectBase(db, filters, opts)) yield mergeRows([toProjectRow(b)]);
    return;
  }
  // Merging can only shrink the list: read a margin of records, and all of them if the margin
  // was not enough. Without a limit, every matching record is read once.
  const margin = want === undefined ? undefined : want * 2 + 16;
  let read = 0;
  let emitted = 0;
  const done = new Set<string>();
  for (const b of selectBase(db, filters, { ...opts, offset: 0, limit: margin })) {
    read++;
    if (b.multi) {
      if (done.has(b.group_id)) continue;
      done.add(b.group_id);
    }
    if (emitted++ < from) continue;
    // a single record is its own project: toProjectRow gives the row mergeRows would (sources,
    // records, no conflicts), without copying it
    const row = b.multi ? mergeGroup(db, b.group_id) : toProjectRow(b);
    if (b.snippet !== undefined) row.snippet = b.snippet;
    yield row;
    if (want !== undefined && emitted >= want) return;
  }
  if (margin !== undefined && read === margin) {
    // Rare: more than half of the records read were folded into projects already listed.
    const all = [...iterateProjects(db, filters, { ...opts, limit: undefined, offset: undefined })];
    yield* all.slice(emitted, want);
  }
}

/** Every record of one project, merged (see merge.ts). */
export function mergeGroup(db: Db, groupId: string): ProjectRow {
  const members = [...selectBase(db, {}, { groupId })].map(toProjectRow);
  return mergeRows(members);
}

interface Links {
  donors: [string, string | null][];
  countries: string[];
  places: string[];
  partners: [string, string][];
}

interface Linked extends Base {
  /** projects.rowid */
  rid: number;
  /** JSON of Links (projects.links, kept by writeSource from the link tables). */
  links: string;
  /** 1 when the project has records from other sources (to be merged). */
  multi: number;
}

/**
 * The matching records in order, each with its donors, countries, places and partners (the
 * projects.links column) and whether its project has records from other sources (counted by the
 * outer query for the rows returned only, after LIMIT, through the group_id index).
 */
function* selectBase(db: Db, filters: QueryFilters, opts: ListOptions & { groupId?: string } = {}): Generator<Linked> {
  const where = buildWhere(db, filters);
  if (opts.groupId !== undefined) {
    where.sql = where.sql ? `${where.sql} AND p.group_id = ?` : 'WHERE p.group_id = ?';
    where.params.push(opts.groupId);
  }
  const ranked = where.match !== undefined;
  // The snippet is made for the rows returned only, after the limit (snippetFor, below).
  const fts = ranked ? `JOIN (SELECT rowid AS fts_rowid, rank FROM projects_fts WHERE projects_fts MATCH ?) f ON f.fts_rowid = p.rowid` : '';
  const snippets = ranked && opts.snippet !== false;
  // Always a LIMIT (-1: none): SQLite drops the ORDER BY of a FROM-clause subquery that has no LIMIT.
  const limit = opts.limit !== undefined ? 'LIMIT ? OFFSET ?' : opts.offset ? 'LIMIT -1 OFFSET ?' : 'LIMIT -1';
  // The sort carries only what it sorts on and the rowid; the wide columns are read after it,
  // for the rows returned (a row's text and links are never copied through the sorter). CROSS
  // JOIN keeps the ordered rows as the outer loop (SQLite does not reorder a CROSS JOIN).
  const inner = `SELECT p.rowid AS rid, s.path AS source
    FROM project_rows p JOIN sources s ON s.id = p.source_id ${fts}
    ${where.sql} ${orderBy(opts.sort, ranked)} ${limit}`;
  // Whether a record's project has records from other sources: counted per row returned when
  // they are few (a limit), else looked up in the list of multi-record groups, made once from the
  // group index (a --donor UE answer of 25,000 rows would count 25,000 groups).
  const multi = opts.groupId !== undefined ? '0' : opts.limit !== undefined && opts.limit <= 1000 ? `${GROUP_SIZE} > 1` : multiGroupsTable(db);
  const sql = `SELECT p.id, p.group_id, p.title, p.acronym, p.status, p.status_derived, p.type, p.section, p.start, p."end",
      p.end_open, p.activity_start, p.activity_end, p.budget_amount, p.budget_currency, p.budget_usd, p.coverage,
      p.year, p.idf_region, p.prima_id, p.project_id, p.kind, t.summary, p.beneficiaries, p.repairs, p.links,
      o.source, o.rid, ${multi} AS multi
    FROM (${inner}) o CROSS JOIN project_rows p ON p.rowid = o.rid LEFT JOIN project_texts t ON t.rid = o.rid`;
  const params: unknown[] = [...(ranked ? [where.match] : []), ...where.params];
  if (opts.limit !== undefined) params.push(opts.limit, opts.offset ?? 0);
  else if (opts.offset) params.push(opts.offset);
  // Rows stream (iterate); a malformed --text search fails at prepare or at the first step.
  // Read as arrays and made into objects here: better-sqlite3 building an object per row through
  // V8's API costs more than the object literal (~0.1 s for 25,000 rows of 29 columns).
  const rows = withSearchErrors(filters, () => db.prepare(sql).raw().iterate(...params)) as IterableIterator<unknown[]>;
  try {
    for (;;) {
      const next = withSearchErrors(filters, () => rows.next());
      if (next.done) return;
      const row = linked(next.value);
      if (snippets) row.snippet = snippetFor(db, where.match!, row.rid) ?? '';
      yield row;
    }
  } finally {
    rows.return?.();
  }
}

/** A row of selectBase's statement, read as an array, in the order of its columns. */
function linked(a: unknown[]): Linked {
  return {
    id: a[0], group_id: a[1], title: a[2], acronym: a[3], status: a[4], status_derived: a[5], type: a[6], section: a[7], start: a[8], end: a[9],
    end_open: a[10], activity_start: a[11], activity_end: a[12], budget_amount: a[13], budget_currency: a[14], budget_usd: a[15], coverage: a[16],
    year: a[17], idf_region: a[18], prima_id: a[19], project_id: a[20], kind: a[21], summary: a[22], beneficiaries: a[23], repairs: a[24], links: a[25],
    source: a[26], rid: a[27], multi: a[28],
  } as Linked;
}

/**
 * "p.group_id IN temp.iom_list_multi" when some projects have records from several sources (the
 * temporary table holds their group ids), else "0".
 */
function multiGroupsTable(db: Db): string {
  const groups = db.prepare('SELECT group_id FROM project_rows GROUP BY group_id HAVING count(*) > 1').pluck().all() as string[];
  if (!groups.length) return '0';
  db.exec('DROP TABLE IF EXISTS temp.iom_list_multi; CREATE TABLE temp.iom_list_multi (group_id TEXT PRIMARY KEY) WITHOUT ROWID');
  const put = db.prepare('INSERT INTO temp.iom_list_multi (group_id) VALUES (?)');
  for (const g of groups) put.run(g);
  return 'p.group_id IN temp.iom_list_multi';
}

/**
 * "FROM project_rows p JOIN sources s … WHERE …" over the records matching the filters (and the
 * condition `extra`, if given), for the aggregate queries of stats and facets (no rank, no snippet).
 */
export function matchingFrom(db: Db, filters: QueryFilters, extra?: string): { sql: string; params: unknown[] } {
  const where = buildWhere(db, filters);
  const fts = where.match !== undefined ? 'JOIN (SELECT rowid AS fts_rowid FROM projects_fts WHERE projects_fts MATCH ?) f ON f.fts_rowid = p.rowid' : '';
  const cond = extra ? (where.sql ? `${where.sql} AND ${extra}` : `WHERE ${extra}`) : where.sql;
  // sources only when a filter reads it (--source): every project has one (foreign key)
  const sources = /\bs\./.test(where.sql) ? 'JOIN sources s ON s.id = p.source_id' : '';
  return {
    sql: `FROM project_rows p ${sources} ${fts} ${cond}`,
    params: [...(where.match !== undefined ? [where.match] : []), ...where.params],
  };
}

/** Runs fn, turning SQLite's complaint about a malformed --text search into a usage error. */
export function withSearchErrors<T>(filters: QueryFilters, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw searchError(err, filters);
  }
}

function searchError(err: unknown, filters: QueryFilters): unknown {
  if (filters.text !== undefined && (err as { code?: string }).code === 'SQLITE_ERROR') {
    const col = /no such column: (\S+)/.exec((err as Error).message);
    if (col) {
      return new UsageError(
        `cannot search for '${filters.text}': in --text, '${col[1]}:' is FTS5 syntax for a column, and the searchable columns are title, summary and text; to search for the words as written, quote them: --text '"${filters.text.replace(/"/g, '""')}"'`,
      );
    }
    return new UsageError(`cannot search for '${filters.text}': ${(err as Error).message.replace(/^fts5: /, '')}. Use words, "a phrase", prefix*, OR, NOT`);
  }
  return err;
}

function toProjectRow(r: Linked): ProjectRow {
  const { donors, countries, places, partners } = JSON.parse(r.links) as Links;
  const row: ProjectRow = {
    id: r.id,
    title: r.title,
    acronym: r.acronym,
    status: r.status,
    status_derived: !!r.status_derived,
    type: r.type,
    section: r.section,
    start: r.start,
    end: r.end,
    end_open: !!r.end_open,
    activity_start: r.activity_start,
    activity_end: r.activity_end,
    budget: r.budget_amount !== null && r.budget_currency ? { amount: r.budget_amount, currency: r.budget_currency } : null,
    budget_usd: r.budget_usd,
    countries,
    donors: donors.map((d) => d[0]),
    donor_codes: donors.map((d) => d[1]),
    partners: partners.filter((p) => p[1] === 'partner').map((p) => p[0]),
    implementers: partners.filter((p) => p[1] === 'implementer').map((p) => p[0]),
    places,
    beneficiaries: JSON.parse(r.beneficiaries) as Beneficiaries[],
    coverage: r.coverage,
    year: r.year,
    idf_region: r.idf_region,
    prima_id: r.prima_id,
    project_id: r.project_id,
    kind: r.kind,
    summary: r.summary,
    source: r.source,
    repairs: r.repairs,
    sources: [r.source],
    records: [r.id],
    conflicts: [],
  };
  if (r.snippet !== undefined) row.snippet = r.snippet;
  return row;
}
