// projectStats(db, filters, {by, sum}): counts (and budget sums) of the matching projects per
// donor, country, year, status, type or section. Plain numbers, no formatting.
// Projects are counted as `iom query` lists them: the records of one project read from several
// sources are one project (see merge.ts), so stats add up to what query shows.
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { Status } from '../types.js';
import { activeRange } from '../normalize/dates.js';
import { listDonors } from '../normalize/donors.js';
import type { QueryFilters } from './filters.js';
import type { ProjectRow } from './list.js';
import { openScope, type Scope } from './scope.js';

export const STATS_BY = ['donor', 'country', 'year', 'status', 'type', 'section'] as const;
export type StatsBy = (typeof STATS_BY)[number];
export const STATS_SUM = ['budget_usd'] as const;
export type StatsSum = (typeof STATS_SUM)[number];

export interface StatRow {
  /** The donor's canonical name, an ISO country code, a year, a status, a type or a section;
   *  null for the projects that have none (listed last). */
  key: string | number | null;
  /** For --by country only: the French name of the country. */
  name?: string;
  /** Matching projects in this group. */
  count: number;
  /** With --sum budget_usd: total of the known USD budgets of those projects (null when none is known). */
  sum_budget_usd?: number | null;
}

export interface StatsOptions {
  by: StatsBy;
  sum?: StatsSum;
  /** Today, for open-ended projects on the --by year timeline (tests pass a fixed date). */
  now?: Date;
}

export function checkStatsOptions(by: string, sum: string | undefined): void {
  if (!(STATS_BY as readonly string[]).includes(by)) {
    throw new UsageError(`cannot group by '${by}'; use --by ${STATS_BY.join('|')}`);
  }
  if (sum !== undefined && !(STATS_SUM as readonly string[]).includes(sum)) {
    throw new UsageError(`cannot sum '${sum}'; use --sum ${STATS_SUM.join('|')}`);
  }
}

/** The ISO day bounds a project is active between, as the --year/--from/--to filters see them. */
export function activeBounds(r: ProjectRow): { from: string | null; to: string | null } {
  return activeRange({ start: r.start, end: r.end, endOpen: r.end_open, status: r.status as Status | null });
}

let governments: Map<string, string> | undefined;
/**
 * Agency code -> the name of its government (USAID -> États-Unis): a government counts the
 * projects of its agencies, in `iom donors`, `stats --by donor` and `facets` alike, as
 * `--donor États-Unis` finds them.
 */
export function governmentNames(): Map<string, string> {
  if (!governments) {
    const all = listDonors();
    const name = new Map(all.map((d) => [d.code, d.name]));
    governments = new Map(all.filter((d) => d.parent && name.has(d.parent)).map((d) => [d.code, name.get(d.parent!)!]));
  }
  return governments;
}

/** A project's donors, with the government of each agency among them (each name once). */
export function donorsWithGovernments(r: ProjectRow): string[] {
  const gov = governmentNames();
  const out = [...r.donors];
  r.donor_codes.forEach((c) => {
    const g = c ? gov.get(c) : undefined;
    if (g) out.push(g);
  });
  return out;
}

/** Values of a field for one project; several for donor and country, none -> [null]. */
function valuesOf(r: ProjectRow, by: Exclude<StatsBy, 'year'>): (string | null)[] {
  const list = by === 'donor' ? donorsWithGovernments(r) : by === 'country' ? r.countries : [r[by]];
  const distinct = [...new Set(list.filter((v): v is string => v !== null && v !== ''))];
  return distinct.length ? distinct : [null];
}

/** Biggest first (nulls last), then by key; the group with no value (key null) at the very end. */
export function compareStats(withSum: boolean) {
  return (a: StatRow, b: StatRow): number => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    if (withSum) {
      const x = a.sum_budget_usd ?? null;
      const y = b.sum_budget_usd ?? null;
      if ((x === null) !== (y === null)) return x === null ? 1 : -1;
      if (x !== null && y !== null && x !== y) return y - x;
    }
    return b.count - a.count || String(a.key).localeCompare(String(b.key), 'fr');
  };
}

/**
 * Multi-valued fields (donor, country) count a project once per value, so counts and sums do
 * not add up to the number of projects: a project funded by the EU and Switzerland appears
 * under both, with its whole budget under each (a budget is not split between its donors).
 * Projects with no value for the field are grouped under key null, listed last.
 * Counted in SQL for single-source projects and from merged rows for the others (scope.ts).
 */
export function projectStats(db: Db, filters: QueryFilters, opts: StatsOptions): StatRow[] {
  checkStatsOptions(opts.by, opts.sum);
  const withSum = opts.sum === 'budget_usd';
  const scope = openScope(db, filters);
  try {
    if (opts.by === 'year') return yearTimeline(db, scope, opts.now ?? new Date(), withSum);
    const by = opts.by;
    const groups = tally(db, scope, by, withSum);
    for (const p of scope.merged) for (const v of valuesOf(p, by)) addTo(groups, v, 1, p.budget_usd);
    const names = by === 'country' ? countryNames(db) : undefined;
    const rows = [...groups].map(([key, t]) => {
      // Keys in a fixed order: key, name (countries), count, sum_budget_usd.
      const row = { key } as StatRow;
      if (names && key !== null) row.name = names.get(String(key)) ?? String(key);
      row.count = t.count;
      if (withSum) row.sum_budget_usd = t.sum;
      return row;
    });
    return rows.sort(compareStats(withSum));
  } finally {
    scope.close();
  }
}

/** Per value: matching projects and the sum of their known USD budgets (null when none is known). */
export type Tally = Map<string | number | null, { count: number; sum: number | null }>;

export function addTo(t: Tally, key: string | number | null, count: number, sum: number | null): void {
  const cur = t.get(key);
  if (!cur) t.set(key, { count, sum });
  else {
    cur.count += count;
    if (sum !== null) cur.sum = (cur.sum ?? 0) + sum;
  }
}

/** A field as SQL over the scope's single-source projects: a link table, or a column. */
const LINKED = {
  donor: { table: 'project_donors', col: 'name' },
  country: { table: 'project_countries', col: 'code' },
} as const;
const COLUMNS = {
  status: 'p.status',
  type: 'p.type',
  section: 'p.section',
  kind: 's.kind',
  source: 's.path',
  start_year: 'CAST(substr(coalesce(p.start, p.active_from), 1, 4) AS INTEGER)',
} as const;
export type TallyField = keyof typeof LINKED | keyof typeof COLUMNS;

/**
 * Counts (and budget sums) per value of a field over the scope's single-source projects, in SQL.
 * The scope's table is the outer loop (CROSS JOIN), in rowid order, so projects are read in the
 * order they are stored; link tables are reached through their (project_id, …) keys.
 */
export function tally(db: Db, scope: Scope, field: TallyField, withSum = false): Tally {
  if (scope.all && !withSum) return tallyAll(db, scope, field);
  const table = scope.table();
  let sql: string;
  const params: unknown[] = [];
  if (field === 'donor') {
    // each donor, and for an agency its government too; a project once per name (UNION)
    sql = `SELECT key, count(*) AS n, sum(b) AS s FROM (
             SELECT m.rid, x.name AS key, m.budget AS b FROM ${table} m CROSS JOIN project_donors x ON x.project_id = m.id
             WHERE x.name <> ''
             UNION
             SELECT m.rid, g.value, m.budget FROM ${table} m CROSS JOIN project_donors x ON x.project_id = m.id
             JOIN json_each(?) g ON g.key = x.code)
           GROUP BY key
           UNION ALL
           SELECT NULL, count(*), sum(m.budget) FROM ${table} m
           WHERE NOT EXISTS (SELECT 1 FROM project_donors x WHERE x.project_id = m.id AND x.name <> '')`;
    params.push(JSON.stringify(Object.fromEntries(governmentNames())));
  } else if (field === 'country') {
    const { table: link, col } = LINKED[field];
    sql = `SELECT key, count(*) AS n, sum(b) AS s FROM (
             SELECT x.${col} AS key, m.budget AS b FROM ${table} m CROSS JOIN ${link} x ON x.project_id = m.id
             WHERE x.${col} <> '' GROUP BY m.rid, x.${col})
           GROUP BY key
           UNION ALL
           SELECT NULL, count(*), sum(m.budget) FROM ${table} m
           WHERE NOT EXISTS (SELECT 1 FROM ${link} x WHERE x.project_id = m.id AND x.${col} <> '')`;
  } else {
    const expr = COLUMNS[field];
    const sources = expr.startsWith('s.') ? 'JOIN sources s ON s.id = p.source_id' : '';
    sql = `SELECT NULLIF(${expr}, '') AS key, count(*) AS n, sum(m.budget) AS s
           FROM ${table} m CROSS JOIN project_rows p ON p.rowid = m.rid ${sources} GROUP BY 1`;
  }
  const out: Tally = new Map();
  for (const [key, n, sum] of db.prepare(sql).raw().all(...params) as [string | number | null, number, number | null][]) {
    if (n > 0) addTo(out, key, n, sum);
  }
  return out;
}

/**
 * tally() without a filter and without budgets: every single-record project counts. The counts
 * are made over every record from the indexes alone (project_donors(name, project_id) and
 * (code, project_id), project_countries(code, name, project_id), projects_status, projects_type,
 * projects_section, projects_start_year, projects_source), with no lookup per project; then the
 * records of multi-record projects (few, merged in JS by the caller) are counted the same way
 * through their ids and taken away. Same answers as the general path (test/query/aggregate.test.ts).
 */
function tallyAll(db: Db, scope: Scope, field: TallyField): Tally {
  const out = countRecords(db, field, '');
  if (scope.multi) {
    for (const [key, c] of countRecords(db, field, scope.multi)) addTo(out, key, -c.count, null);
    for (const [key, c] of [...out]) if (c.count === 0) out.delete(key);
  }
  return out;
}

/**
 * Per value of a field, the records (of all projects, or only those whose ids are in the temporary
 * table `only`) that have it, each counted once per value; records with no value under null.
 */
function countRecords(db: Db, field: TallyField, only: string): Tally {
  const out: Tally = new Map();
  const put = (rows: [string | number | null, number][]) => {
    for (const [key, n] of rows) if (n > 0) addTo(out, key === '' ? null : key, n, null);
  };
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const ids = (col: string) => (only ? `${col} IN ${only}` : '1');
  const records = () => count(`SELECT count(*) FROM project_rows p WHERE ${ids('p.id')}`);
  /** How many records have a row with a non-empty `col` in the link table. */
  const withAny = (table: string, col: string) => {
    // Values are never empty in practice: then the distinct ids are read in the order of the
    // table's primary key (project_id, …), with no temporary b-tree.
    const empty = count(`SELECT count(*) FROM ${table} x WHERE x.${col} = ''`);
    return count(`SELECT count(*) FROM (SELECT DISTINCT x.project_id FROM ${table} x WHERE ${empty ? `x.${col} <> '' AND ` : ''}${ids('x.project_id')})`);
  };
  if (field === 'donor') {
    const gov = governmentNames();
    db.exec('DROP TABLE IF EXISTS temp.iom_gov; CREATE TABLE temp.iom_gov (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID');
    try {
      const ins = db.prepare('INSERT INTO temp.iom_gov (code, name) VALUES (?, ?)');
      for (const [code, name] of gov) ins.run(code, name);
      // a record once per donor name; a government's with its agencies' (each record once):
      // |named ∪ by an agency| = |named| + |by an agency| - |both|, the last two read from the
      // agencies' rows alone (code index), the few of them
      put(db.prepare(`SELECT x.name, count(DISTINCT x.project_id) FROM project_donors x WHERE x.name <> '' AND ${ids('x.project_id')} GROUP BY x.name`).raw().all() as [string, number][]);
      const agencies = `FROM temp.iom_gov g JOIN project_donors x ON x.code = g.code WHERE ${ids('x.project_id')}`;
      put(db.prepare(`SELECT g.name, count(DISTINCT x.project_id) ${agencies} GROUP BY g.name`).raw().all() as [string, number][]);
      const both = db.prepare(`SELECT g.name, count(DISTINCT x.project_id) ${agencies}
          AND EXISTS (SELECT 1 FROM project_donors y WHERE y.name = g.name AND y.project_id = x.project_id) GROUP BY g.name`).raw().all() as [string, number][];
      for (const [key, n] of both) addTo(out, key, -n, null);
      put([[null, records() - withAny('project_donors', 'name')]]);
    } finally {
      db.exec('DROP TABLE IF EXISTS temp.iom_gov');
    }
  } else if (field === 'country') {
    // (project_id, code) is the key of project_countries: a record counts once per code
    put(db.prepare(`SELECT x.code, count(*) FROM project_countries x WHERE x.code <> '' AND ${ids('x.project_id')} GROUP BY x.code`).raw().all() as [string, number][]);
    put([[null, records() - withAny('project_countries', 'code')]]);
  } else if (field === 'kind' || field === 'source') {
    const col = field === 'kind' ? 's.kind' : 's.path';
    put(db.prepare(`SELECT ${col}, sum(c.n) FROM (SELECT p.source_id, count(*) AS n FROM project_rows p WHERE ${ids('p.id')} GROUP BY p.source_id) c
      JOIN sources s ON s.id = c.source_id GROUP BY 1`).raw().all() as [string | null, number][]);
  } else {
    // grouped by the indexed expression itself, so that its index answers (empty is null: put)
    const expr = COLUMNS[field].replace(/\bp\./g, '');
    put(db.prepare(`SELECT ${expr}, count(*) FROM project_rows WHERE ${ids('id')} GROUP BY ${expr}`).raw().all() as [string | number | null, number][]);
  }
  return out;
}

/** ISO code -> French name, for the countries stored. */
export function countryNames(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT code, min(name) AS name FROM project_countries GROUP BY code').all() as { code: string; name: string }[];
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Projects active per year: every year from the earliest start to the latest end (an
 * open-ended project, active_to NULL, runs to the current year), each counting the projects
 * whose active range covers some of it, the same ranges `--year` filters on. Years with no
 * project in between are kept (count 0) so the timeline has no holes. Projects with no known
 * dates are counted under key null.
 */
function yearTimeline(db: Db, scope: Scope, now: Date, withSum: boolean): StatRow[] {
  const current = now.getUTCFullYear();
  const spans: [number, number, number | null][] = [];
  const undated: Tally = new Map();
  const add = (from: string | null, to: string | null, budget: number | null) => {
    if (from === null) return addTo(undated, null, 1, budget);
    const first = Number(from.slice(0, 4));
    const last = to === null ? Math.max(current, first) : Number(to.slice(0, 4));
    spans.push([first, Math.max(first, last), budget]);
  };
  for (const [from, to, budget] of db.prepare(`SELECT p.active_from, p.active_to, m.budget FROM ${scope.table()} m CROSS JOIN project_rows p ON p.rowid = m.rid`).raw().all() as [string | null, string | null, number | null][]) {
    add(from, to, budget);
  }
  for (const p of scope.merged) {
    const { from, to } = activeBounds(p);
    add(from, to, p.budget_usd);
  }
  const rows: StatRow[] = [];
  if (spans.length) {
    let first = Infinity;
    let last = -Infinity;
    for (const [f, t] of spans) {
      if (f < first) first = f;
      if (t > last) last = t;
    }
    // differences per year: +1 at a span's first year, -1 after its last
    const n = last - first + 2;
    const count = new Array<number>(n).fill(0);
    const sum = new Array<number>(n).fill(0);
    const known = new Array<number>(n).fill(0);
    for (const [f, t, b] of spans) {
      count[f - first]!++;
      count[t - first + 1]!--;
      if (b !== null) {
        sum[f - first]! += b;
        sum[t - first + 1]! -= b;
        known[f - first]!++;
        known[t - first + 1]!--;
      }
    }
    let c = 0;
    let s = 0;
    let k = 0;
    for (let y = first; y <= last; y++) {
      c += count[y - first]!;
      s += sum[y - first]!;
      k += known[y - first]!;
      const row: StatRow = { key: y, count: c };
      // cents: adding and taking away the same budgets leaves float dust otherwise
      if (withSum) row.sum_budget_usd = k > 0 ? Math.round(s * 100) / 100 : null;
      rows.push(row);
    }
  }
  const none = undated.get(null);
  if (none) {
    const row: StatRow = { key: null, count: none.count };
    if (withSum) row.sum_budget_usd = none.sum;
    rows.push(row);
  }
  return rows;
}
