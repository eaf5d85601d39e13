// listFacets(db, filters): for every filterable field, how many matching projects have each
// value, as Datasette's facets do. Plain data, no formatting. Projects are counted as
// `iom query` lists them (one row per project, its records from several sources merged).
import type { Db } from '../store/db.js';
import type { QueryFilters } from './filters.js';
import { listProjects, type ProjectRow } from './list.js';
import { activeBounds } from './stats.js';

export const FACETS = ['donor', 'country', 'status', 'type', 'year', 'section', 'kind', 'source'] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetValue {
  /** null counts the matching projects that have no value for the field. */
  value: string | number | null;
  count: number;
}

export type Facets = Record<Facet, FacetValue[]>;

/**
 * The values of each field for one project. donor, country, kind and source are multi-valued:
 * a project counts once under each of its donors, countries, and the kinds and paths of the
 * sources that describe it. year is the start year (of `start`, else of the first date known,
 * as the date filters take it).
 */
function values(r: ProjectRow, kindOf: Map<string, string>): Record<Facet, (string | number | null)[]> {
  const from = r.start ?? activeBounds(r).from;
  return {
    donor: r.donors,
    country: r.countries,
    status: [r.status],
    type: [r.type],
    year: [from ? Number(from.slice(0, 4)) : null],
    section: [r.section],
    kind: r.sources.map((s) => kindOf.get(s) ?? r.kind),
    source: r.sources,
  };
}

/** Values by count, most frequent first, then by value; null (no value) last. */
export function listFacets(db: Db, filters: QueryFilters): Facets {
  const projects = listProjects(db, filters);
  const kindOf = new Map((db.prepare('SELECT path, kind FROM sources').all() as { path: string; kind: string }[]).map((s) => [s.path, s.kind]));
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string | number | null, number>()])) as Record<Facet, Map<string | number | null, number>>;
  for (const p of projects) {
    const v = values(p, kindOf);
    for (const field of FACETS) {
      const distinct = new Set(v[field].filter((x) => x !== '' && x !== null));
      for (const value of distinct.size ? distinct : [null]) counts[field].set(value, (counts[field].get(value) ?? 0) + 1);
    }
  }
  const out = {} as Facets;
  for (const field of FACETS) {
    out[field] = [...counts[field]].map(([value, count]) => ({ value, count })).sort(compareFacet);
  }
  return out;
}

function compareFacet(a: FacetValue, b: FacetValue): number {
  if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
  if (b.count !== a.count) return b.count - a.count;
  if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
  return String(a.value).localeCompare(String(b.value), 'fr');
}
