// projectStats(db, filters, {by, sum}): counts (and budget sums) of the matching projects per
// donor, country, year, status, type or section. Plain numbers, no formatting.
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { buildWhere, type QueryFilters } from './filters.js';

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

interface Selected {
  id: string;
  budget_usd: number | null;
  active_from: string | null;
  active_to: string | null;
}

/**
 * Multi-valued fields (donor, country) count a project once per value, so counts and sums do
 * not add up to the number of projects: a project funded by the EU and Switzerland appears
 * under both, with its whole budget under each (a budget is not split between its donors).
 * Projects with no value for the field are grouped under key null, listed last.
 */
export function projectStats(db: Db, filters: QueryFilters, opts: StatsOptions): StatRow[] {
  checkStatsOptions(opts.by, opts.sum);
  const where = buildWhere(db, filters);
  const selected = `SELECT p.id, p.budget_usd, p.active_from, p.active_to, p.status, p.type, p.section
    FROM projects p JOIN sources s ON s.id = p.source_id ${where.sql}`;
  const withSum = opts.sum === 'budget_usd';
  let rows: StatRow[];
  if (opts.by === 'year') {
    rows = yearTimeline(db.prepare(selected).all(...where.params) as Selected[], opts.now ?? new Date(), withSum);
  } else {
    // One row per (group value, project), so a donor named twice for a project counts it once.
    const pairs =
      opts.by === 'donor'
        ? `SELECT DISTINCT d.name AS key, NULL AS name, sel.id, sel.budget_usd FROM sel LEFT JOIN project_donors d ON d.project_id = sel.id`
        : opts.by === 'country'
          ? `SELECT c.code AS key, c.name AS name, sel.id, sel.budget_usd FROM sel LEFT JOIN project_countries c ON c.project_id = sel.id`
          : `SELECT sel.${opts.by} AS key, NULL AS name, sel.id, sel.budget_usd FROM sel`;
    const sql = `WITH sel AS (${selected}), pairs AS (${pairs})
      SELECT key, min(name) AS name, count(*) AS count, sum(budget_usd) AS sum_budget_usd
      FROM pairs GROUP BY key
      ORDER BY key IS NULL, ${withSum ? 'sum_budget_usd IS NULL, sum_budget_usd DESC, ' : ''}count DESC, key`;
    const got = db.prepare(sql).all(...where.params) as { key: string | null; name: string | null; count: number; sum_budget_usd: number | null }[];
    rows = got.map((r) => {
      const row: StatRow = { key: r.key };
      if (opts.by === 'country' && r.key !== null) row.name = r.name ?? r.key;
      row.count = r.count;
      if (withSum) row.sum_budget_usd = r.sum_budget_usd;
      return row;
    });
  }
  return rows;
}

/**
 * Projects active per year: every year from the earliest active_from to the latest active_to
 * (an open-ended project, active_to NULL, runs to the current year), each counting the projects
 * whose active range covers some of it. Years with no project in between are kept (count 0) so
 * the timeline has no holes. Projects with no known dates are counted under key null.
 */
function yearTimeline(projects: Selected[], now: Date, withSum: boolean): StatRow[] {
  const current = now.getUTCFullYear();
  const dated = projects.filter((p) => p.active_from !== null);
  const undated = projects.length - dated.length;
  const spans = dated.map((p) => {
    const from = Number(p.active_from!.slice(0, 4));
    const to = p.active_to === null ? Math.max(current, from) : Number(p.active_to.slice(0, 4));
    return { from, to: Math.max(from, to), budget: p.budget_usd };
  });
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
  if (undated) {
    const row: StatRow = { key: null, count: undated };
    if (withSum) row.sum_budget_usd = sumKnown(projects.filter((p) => p.active_from === null).map((p) => p.budget_usd));
    rows.push(row);
  }
  return rows;
}

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}
