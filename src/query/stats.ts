// projectStats(db, filters, {by, sum}): counts (and budget sums) of the matching projects per
// donor, country, year, status, type or section. Plain numbers, no formatting.
// Projects are counted as `iom query` lists them: the records of one project read from several
// sources are one project (see merge.ts), so stats add up to what query shows.
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { Status } from '../types.js';
import { activeRange } from '../normalize/dates.js';
import type { QueryFilters } from './filters.js';
import { listProjects, type ProjectRow } from './list.js';

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

/** Values of a field for one project; several for donor and country, none -> [null]. */
function valuesOf(r: ProjectRow, by: Exclude<StatsBy, 'year'>): (string | null)[] {
  const list = by === 'donor' ? r.donors : by === 'country' ? r.countries : [r[by]];
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
 */
export function projectStats(db: Db, filters: QueryFilters, opts: StatsOptions): StatRow[] {
  checkStatsOptions(opts.by, opts.sum);
  const projects = listProjects(db, filters);
  const withSum = opts.sum === 'budget_usd';
  if (opts.by === 'year') return yearTimeline(projects, opts.now ?? new Date(), withSum);
  const by = opts.by;
  const groups = new Map<string | null, ProjectRow[]>();
  for (const p of projects) {
    for (const v of valuesOf(p, by)) {
      const list = groups.get(v);
      if (list) list.push(p);
      else groups.set(v, [p]);
    }
  }
  const names = by === 'country' ? countryNames(db) : undefined;
  const rows = [...groups].map(([key, members]) => {
    // Keys in a fixed order: key, name (countries), count, sum_budget_usd.
    const row = { key } as StatRow;
    if (names && key !== null) row.name = names.get(key) ?? key;
    row.count = members.length;
    if (withSum) row.sum_budget_usd = sumKnown(members.map((m) => m.budget_usd));
    return row;
  });
  return rows.sort(compareStats(withSum));
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
function yearTimeline(projects: ProjectRow[], now: Date, withSum: boolean): StatRow[] {
  const current = now.getUTCFullYear();
  const spans: { from: number; to: number; budget: number | null }[] = [];
  const undated: ProjectRow[] = [];
  for (const p of projects) {
    const { from, to } = activeBounds(p);
    if (from === null) {
      undated.push(p);
      continue;
    }
    const first = Number(from.slice(0, 4));
    const last = to === null ? Math.max(current, first) : Number(to.slice(0, 4));
    spans.push({ from: first, to: Math.max(first, last), budget: p.budget_usd });
  }
  const rows: StatRow[] = [];
  if (spans.length) {
    const first = Math.min(...spans.map((s) => s.from));
    const last = Math.max(...spans.map((s) => s.to));
    for (let y = first; y <= last; y++) {
      const active = spans.filter((s) => s.from <= y && s.to >= y);
      const row: StatRow = { key: y, count: active.length };
      if (withSum) row.sum_budget_usd = sumKnown(active.map((s) => s.budget));
      rows.push(row);
    }
  }
  if (undated.length) {
    const row: StatRow = { key: null, count: undated.length };
    if (withSum) row.sum_budget_usd = sumKnown(undated.map((p) => p.budget_usd));
    rows.push(row);
  }
  return rows;
}

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}
