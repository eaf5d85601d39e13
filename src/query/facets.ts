// listFacets(db, filters): for every filterable field, how many matching projects have each
// value, as Datasette's facets do. Plain data, no formatting.
import type { Db } from '../store/db.js';
import { buildWhere, type QueryFilters } from './filters.js';

export const FACETS = ['donor', 'country', 'status', 'type', 'year', 'section', 'kind', 'source'] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetValue {
  /** null counts the matching projects that have no value for the field. */
  value: string | number | null;
  count: number;
}

export type Facets = Record<Facet, FacetValue[]>;

/**
 * One (value, project) pair per row for each field. donor and country are multi-valued: a project
 * counts once under each of its donors or countries. year is the start year (of `start`, else of
 * the active range, which news items take from the activity they report). source is the path,
 * as in query output.
 */
const PAIRS: Record<Facet, string> = {
  donor: `SELECT DISTINCT d.name AS value, sel.id FROM sel LEFT JOIN project_donors d ON d.project_id = sel.id`,
  country: `SELECT c.code AS value, sel.id FROM sel LEFT JOIN project_countries c ON c.project_id = sel.id`,
  status: `SELECT status AS value, id FROM sel`,
  type: `SELECT type AS value, id FROM sel`,
  year: `SELECT CAST(substr(coalesce(start, active_from), 1, 4) AS INTEGER) AS value, id FROM sel`,
  section: `SELECT section AS value, id FROM sel`,
  kind: `SELECT kind AS value, id FROM sel`,
  source: `SELECT source AS value, id FROM sel`,
};

/** Values by count, most frequent first, then by value; null (no value) last. */
export function listFacets(db: Db, filters: QueryFilters): Facets {
  const where = buildWhere(db, filters);
  const selected = `SELECT p.id, p.status, p.type, p.section, p.kind, p.start, p.active_from, s.path AS source
    FROM projects p JOIN sources s ON s.id = p.source_id ${where.sql}`;
  const out = {} as Facets;
  for (const facet of FACETS) {
    const sql = `WITH sel AS (${selected}), pairs AS (${PAIRS[facet]})
      SELECT value, count(*) AS count FROM pairs GROUP BY value ORDER BY value IS NULL, count DESC, value`;
    out[facet] = db.prepare(sql).all(...where.params) as FacetValue[];
  }
  return out;
}
