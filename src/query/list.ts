// listProjects(db, filters) -> plain rows, no formatting. The JSON field names here are the
// public, documented interface (README "JSON fields").
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { Beneficiaries } from '../types.js';
import { buildWhere, type QueryFilters } from './filters.js';
import { mergeRows, type Conflict } from './merge.js';

export interface ProjectRow {
  id: string;
  title: string;
  acronym: string | null;
  status: string | null;
  status_derived: boolean;
  type: string | null;
  section: string | null;
  start: string | null;
  end: string | null;
  end_open: boolean;
  activity_start: string | null;
  activity_end: string | null;
  budget: { amount: number; currency: string } | null;
  budget_usd: number | null;
  countries: string[];
  donors: string[];
  donor_codes: (string | null)[];
  partners: string[];
  implementers: string[];
  places: string[];
  beneficiaries: Beneficiaries[];
  coverage: string | null;
  year: number | null;
  idf_region: string | null;
  prima_id: string | null;
  project_id: string | null;
  kind: string;
  summary: string | null;
  source: string;
  repairs: number;
  /** Every source that describes this project (one unless records were merged). */
  sources: string[];
  /** The ids of the source records behind this row. */
  records: string[];
  /** Fields on which the sources disagree, each value with its source. */
  conflicts: Conflict[];
  snippet?: string;
}

export const SORTABLE = ['title', 'start', 'end', 'budget_usd', 'status', 'type', 'source', 'id', 'year'] as const;

export interface ListOptions {
  limit?: number;
  offset?: number;
  /** A field name, "-" in front for descending. */
  sort?: string;
  /** One row per source record, instead of one row per project. */
  unmerged?: boolean;
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
  if (opts.unmerged) return selectRecords(db, filters, opts).map((r) => mergeRows([r]));
  const want = opts.limit === undefined ? undefined : opts.limit + (opts.offset ?? 0);
  // Merging can only shrink the list: fetch a margin, and everything if the margin was not enough.
  let fetched = selectRecords(db, filters, { ...opts, offset: 0, limit: want === undefined ? undefined : want * 2 + 16 });
  let merged = foldGroups(db, fetched);
  if (want !== undefined && merged.length < want && fetched.length === want * 2 + 16) {
    fetched = selectRecords(db, filters, { ...opts, offset: 0, limit: undefined });
    merged = foldGroups(db, fetched);
  }
  const from = opts.offset ?? 0;
  return want === undefined ? merged.slice(from) : merged.slice(from, want);
}

/** Replaces each matching record by its whole project, at the place of its first matching record. */
function foldGroups(db: Db, rows: (ProjectRow & { group_id?: string })[]): ProjectRow[] {
  const groupIds = [...new Set(rows.map((r) => r.group_id!))];
  const multi = new Set<string>();
  for (let i = 0; i < groupIds.length; i += 500) {
    const chunk = groupIds.slice(i, i + 500);
    const got = db
      .prepare(`SELECT group_id FROM projects WHERE group_id IN (${chunk.map(() => '?').join(',')}) GROUP BY group_id HAVING count(*) > 1`)
      .pluck()
      .all(...chunk) as string[];
    for (const g of got) multi.add(g);
  }
  const members = new Map<string, ProjectRow[]>();
  if (multi.size) {
    const ids = db
      .prepare(`SELECT id FROM projects WHERE group_id IN (${[...multi].map(() => '?').join(',')})`)
      .pluck()
      .all(...multi) as string[];
    for (const r of selectRecords(db, { ids }, {}) as (ProjectRow & { group_id: string })[]) {
      const list = members.get(r.group_id) ?? [];
      list.push(r);
      members.set(r.group_id, list);
    }
  }
  const done = new Set<string>();
  const out: ProjectRow[] = [];
  for (const r of rows) {
    const g = r.group_id!;
    if (done.has(g)) continue;
    done.add(g);
    const m = members.get(g);
    const row = m ? mergeRows(m) : mergeRows([r]);
    if (r.snippet !== undefined) row.snippet = r.snippet;
    delete (row as { group_id?: string }).group_id;
    out.push(row);
  }
  return out;
}

function selectRecords(db: Db, filters: QueryFilters, opts: ListOptions = {}): ProjectRow[] {
  const where = buildWhere(db, filters);
  const ranked = where.match !== undefined;
  const fts = ranked
    ? `JOIN (SELECT rowid AS fts_rowid, rank, snippet(projects_fts, -1, '[', ']', '…', 12) AS snippet
              FROM projects_fts WHERE projects_fts MATCH ?) f ON f.fts_rowid = p.rowid`
    : '';
  const limit = opts.limit !== undefined ? 'LIMIT ? OFFSET ?' : opts.offset ? 'LIMIT -1 OFFSET ?' : '';
  const sql = `SELECT p.id, p.group_id, p.rowid, p.title, p.acronym, p.status, p.status_derived, p.type, p.section, p.start, p."end",
      p.end_open, p.activity_start, p.activity_end, p.budget_amount, p.budget_currency, p.budget_usd, p.coverage,
      p.year, p.idf_region, p.prima_id, p.project_id, p.kind, p.summary, p.beneficiaries, p.repairs,
      s.path AS source ${ranked ? ', f.snippet' : ''}
    FROM projects p JOIN sources s ON s.id = p.source_id ${fts}
    ${where.sql} ${orderBy(opts.sort, ranked)} ${limit}`;
  const params: unknown[] = [...(ranked ? [where.match] : []), ...where.params];
  if (opts.limit !== undefined) params.push(opts.limit, opts.offset ?? 0);
  else if (opts.offset) params.push(opts.offset);
  let rows: Base[];
  try {
    rows = db.prepare(sql).all(...params) as Base[];
  } catch (err) {
    if (ranked && (err as { code?: string }).code === 'SQLITE_ERROR') {
      throw new UsageError(`cannot search for '${filters.text}': ${(err as Error).message.replace(/^fts5: /, '')}. Use words, "a phrase", prefix*, OR, NOT`);
    }
    throw err;
  }
  return attachLinks(db, rows);
}

/** Loads the multi-valued fields for all rows at once (one query per link table, not per row). */
function attachLinks(db: Db, rows: Base[]): ProjectRow[] {
  const ids = rows.map((r) => r.id);
  const by = <T extends { project_id: string }>(sql: string): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const got = db.prepare(sql.replace('(?)', `(${chunk.map(() => '?').join(',')})`)).all(...chunk) as T[];
      for (const r of got) {
        const list = m.get(r.project_id) ?? [];
        list.push(r);
        m.set(r.project_id, list);
      }
    }
    return m;
  };
  const donors = by<{ project_id: string; name: string; code: string | null }>(
    'SELECT project_id, name, code FROM project_donors WHERE project_id IN (?) ORDER BY project_id, position',
  );
  const countries = by<{ project_id: string; code: string }>('SELECT project_id, code FROM project_countries WHERE project_id IN (?) ORDER BY rowid');
  const places = by<{ project_id: string; name: string }>('SELECT project_id, name FROM project_places WHERE project_id IN (?) ORDER BY rowid');
  const partners = by<{ project_id: string; name: string; role: string }>(
    'SELECT project_id, name, role FROM project_partners WHERE project_id IN (?) ORDER BY rowid',
  );
  return rows.map((r) => {
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
      countries: (countries.get(r.id) ?? []).map((c) => c.code),
      donors: (donors.get(r.id) ?? []).map((d) => d.name),
      donor_codes: (donors.get(r.id) ?? []).map((d) => d.code),
      partners: (partners.get(r.id) ?? []).filter((p) => p.role === 'partner').map((p) => p.name),
      implementers: (partners.get(r.id) ?? []).filter((p) => p.role === 'implementer').map((p) => p.name),
      places: (places.get(r.id) ?? []).map((p) => p.name),
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
    Object.defineProperty(row, 'group_id', { value: r.group_id, enumerable: false });
    if (r.snippet !== undefined) row.snippet = r.snippet;
    return row;
  });
}
