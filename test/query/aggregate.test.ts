// stats and facets count in SQL (scope.ts) for speed; these tests check them against the plain
// definition: the rows `iom query` lists (merged projects), counted one by one in JS.
import { afterAll, describe, expect, test } from 'vitest';
import { listProjects, type ProjectRow } from '../../src/query/list.js';
import { activeBounds, compareStats, donorsWithGovernments, projectStats, STATS_BY, type StatRow } from '../../src/query/stats.js';
import { FACETS, listFacets } from '../../src/query/facets.js';
import type { QueryFilters } from '../../src/query/filters.js';
import { buildDb, WITH_END_ONLY } from './records.js';

const t = buildDb();
const t2 = buildDb(WITH_END_ONLY);
afterAll(() => {
  t.cleanup();
  t2.cleanup();
});
const now = new Date('2025-06-01T00:00:00Z');

function reference(rows: ProjectRow[], by: (typeof STATS_BY)[number], withSum: boolean): StatRow[] {
  const sum = (xs: (number | null)[]) => (xs.some((x) => x !== null) ? xs.reduce<number>((a, b) => a + (b ?? 0), 0) : null);
  const groups = new Map<string | number | null, ProjectRow[]>();
  const add = (k: string | number | null, r: ProjectRow) => groups.set(k, [...(groups.get(k) ?? []), r]);
  if (by === 'year') {
    const out: StatRow[] = [];
    const spans = rows.map((r) => ({ r, ...activeBounds(r) }));
    const dated = spans.filter((s) => s.from !== null);
    const yr = (s: (typeof spans)[number]) => [Number(s.from!.slice(0, 4)), s.to === null ? Math.max(2025, Number(s.from!.slice(0, 4))) : Number(s.to.slice(0, 4))] as const;
    if (dated.length) {
      const first = Math.min(...dated.map((s) => yr(s)[0]));
      const last = Math.max(...dated.map((s) => Math.max(...yr(s))));
      for (let y = first; y <= last; y++) {
        const active = dated.filter((s) => yr(s)[0] <= y && Math.max(...yr(s)) >= y).map((s) => s.r);
        out.push({ key: y, count: active.length, ...(withSum ? { sum_budget_usd: sum(active.map((r) => r.budget_usd)) } : {}) });
      }
    }
    const undated = spans.filter((s) => s.from === null).map((s) => s.r);
    if (undated.length) out.push({ key: null, count: undated.length, ...(withSum ? { sum_budget_usd: sum(undated.map((r) => r.budget_usd)) } : {}) });
    return out;
  }
  for (const r of rows) {
    const vals = by === 'donor' ? donorsWithGovernments(r) : by === 'country' ? r.countries : [r[by]];
    const distinct = [...new Set(vals.filter((v): v is string => !!v))];
    for (const v of distinct.length ? distinct : [null]) add(v, r);
  }
  return [...groups]
    .map(([key, members]) => ({ key, count: members.length, ...(withSum ? { sum_budget_usd: sum(members.map((m) => m.budget_usd)) } : {}) }) as StatRow)
    .sort(compareStats(withSum));
}

const FILTERS: QueryFilters[] = [{}, { donor: 'UE' }, { country: 'MA' }, { year: 2016 }, { text: 'migrants' }, { status: 'completed' }, { source: 'seeds/003' }];

describe('stats in SQL equal the counts of the merged rows query lists', () => {
  for (const [name, db] of [['fixture db', t], ['with an end-only sheet', t2]] as const) {
    test.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))(`${name}, filters %s`, (_, filters) => {
      const rows = listProjects(db.db, filters);
      expect(rows.length).toBeGreaterThan(0);
      for (const by of STATS_BY) {
        for (const withSum of [false, true]) {
          const got = projectStats(db.db, filters, { by, sum: withSum ? 'budget_usd' : undefined, now }).map(({ name: _n, ...r }) => r);
          expect(got, `--by ${by}${withSum ? ' --sum budget_usd' : ''}`).toEqual(reference(rows, by, withSum));
        }
      }
    });
  }

  test('facets count the same projects: each facet adds up to at least the number of projects', () => {
    for (const filters of FILTERS) {
      const rows = listProjects(t.db, filters);
      const f = listFacets(t.db, filters);
      for (const field of ['status', 'type', 'section', 'year'] as const) {
        expect(f[field].reduce((a, v) => a + v.count, 0), `${field} ${JSON.stringify(filters)}`).toBe(rows.length);
      }
      for (const field of FACETS) expect(f[field].reduce((a, v) => a + v.count, 0)).toBeGreaterThanOrEqual(rows.length);
      const donors = new Map<string | null, number>();
      for (const r of rows) for (const d of r.donors.length ? [...new Set(donorsWithGovernments(r))] : [null]) donors.set(d, (donors.get(d) ?? 0) + 1);
      expect(new Map(f.donor.map((v) => [v.value as string | null, v.count]))).toEqual(donors);
    }
  });

  test('facets without a filter (counted from the indexes) equal the values of the merged rows, every field', () => {
    for (const db of [t, t2]) {
      const rows = listProjects(db.db, {});
      const kindOf = new Map((db.db.prepare('SELECT path, kind FROM sources').all() as { path: string; kind: string }[]).map((s) => [s.path, s.kind]));
      const valuesOf = (r: ProjectRow, field: (typeof FACETS)[number]): (string | number | null)[] => {
        const from = r.start ?? activeBounds(r).from;
        if (field === 'donor') return donorsWithGovernments(r);
        if (field === 'country') return r.countries;
        if (field === 'year') return [from ? Number(from.slice(0, 4)) : null];
        if (field === 'kind') return r.sources.map((x) => kindOf.get(x) ?? r.kind);
        if (field === 'source') return r.sources;
        return [r[field]];
      };
      const f = listFacets(db.db, {});
      for (const field of FACETS) {
        const want = new Map<string | number | null, number>();
        for (const r of rows) {
          const distinct = new Set(valuesOf(r, field).filter((x) => x !== '' && x !== null));
          for (const v of distinct.size ? distinct : [null]) want.set(v, (want.get(v) ?? 0) + 1);
        }
        expect(new Map(f[field].map((v) => [v.value, v.count])), field).toEqual(want);
      }
    }
  });

  test('a malformed search is a usage error in stats and facets too', () => {
    expect(() => projectStats(t.db, { text: '"unclosed' }, { by: 'donor' })).toThrow(/cannot search/);
    expect(() => listFacets(t.db, { text: 'AND' })).toThrow(/cannot search/);
  });
});
