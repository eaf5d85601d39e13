// listFacets(db, filters): for every filterable field, how many matching projects have each
// value, as Datasette's facets do. Plain data, no formatting. Projects are counted as
// `iom query` lists them (one row per project, its records from several sources merged).
import type { Db } from '../store/db.js';
import type { QueryFilters } from './filters.js';
import type { ProjectRow } from './list.js';
import { activeBounds, addTo, donorsWithGovernments, tally, type TallyField } from './stats.js';
import { openScope } from './scope.js';

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
    donor: donorsWithGovernments(r),
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
  const scope = openScope(db, filters);
  try {
    const kindOf = new Map((db.prepare('SELECT path, kind FROM sources').all() as { path: string; kind: string }[]).map((s) => [s.path, s.kind]));
    const out = {} as Facets;
    for (const field of FACETS) {
      const t = tally(db, scope, SQL_FIELD[field]);
      for (const p of scope.merged) {
        const distinct = new Set(values(p, kindOf)[field].filter((x) => x !== '' && x !== null));
        for (const value of distinct.size ? distinct : [null]) addTo(t, value, 1, null);
      }
      out[field] = [...t].map(([value, c]) => ({ value, count: c.count })).sort(compareFacet);
    }
    return out;
  } finally {
    scope.close();
  }
}

/** The field each facet is counted on in SQL (year: the start year). */
const SQL_FIELD: Record<Facet, TallyField> = {
  donor: 'donor',
  country: 'country',
  status: 'status',
  type: 'type',
  year: 'start_year',
  section: 'section',
  kind: 'kind',
  source: 'source',
};

function compareFacet(a: FacetValue, b: FacetValue): number {
  if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
  if (b.count !== a.count) return b.count - a.count;
  if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
  return String(a.value).localeCompare(String(b.value), 'fr');
}
