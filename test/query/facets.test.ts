import { afterAll, describe, expect, test } from 'vitest';
import { FACETS, listFacets } from '../../src/query/facets.js';
import { renderFacetTables } from '../../src/cli/facets-run.js';
import { buildDb, WITH_END_ONLY } from './records.js';

const t = buildDb();
afterAll(t.cleanup);

describe('iom facets', () => {
  test('every filterable field, in a fixed order', () => {
    expect(Object.keys(listFacets(t.db, {}))).toEqual([...FACETS]);
    expect(FACETS).toEqual(['donor', 'country', 'status', 'type', 'year', 'section', 'kind', 'source']);
  });

  test('counts per value, most frequent first; multi-valued fields count each value; null last', () => {
    const f = listFacets(t.db, {});
    expect(f.donor.slice(0, 4)).toEqual([
      { value: 'Suisse', count: 3 },
      { value: 'Union européenne', count: 3 },
      { value: 'Belgique', count: 2 }, // with its agency Enabel's project, as iom donors counts it
      { value: 'Pays-Bas', count: 2 },
    ]);
    expect(f.donor).toContainEqual({ value: "Fonds de l'OIM pour le développement", count: 1 }); // FM.0390, from the activity sheet
    expect(f.donor.at(-1)).toEqual({ value: null, count: 2 }); // LM.0416, the news item
    expect(f.country[0]).toEqual({ value: 'MA', count: 11 }); // all 11 projects
    expect(f.status).toEqual([
      { value: 'completed', count: 8 },
      { value: 'ongoing', count: 2 },
      { value: null, count: 1 },
    ]);
    // ICMD is described by the activity sheet and a news item, FM.0390 by its project sheet and the
    // activity sheet: each counts under both kinds (13 records, 11 projects).
    expect(f.kind).toEqual([
      { value: 'iom-activity-sheet', count: 8 },
      { value: 'iom-news', count: 2 },
      { value: 'iom-project-sheet', count: 2 },
      { value: 'ngo-article', count: 1 },
    ]);
    expect(f.source).toContainEqual({ value: '/data/news/icmd-initiatives-locales.html', count: 1 });
    expect(f.source[0]).toEqual({ value: '/data/seeds/003_905411b0d1b2955d.txt', count: 8 });
  });

  test('a project read from two sources counts once per value, as query lists it', () => {
    const f = listFacets(t.db, { text: 'ICMD' });
    expect(f.donor).toEqual([
      { value: 'Suisse', count: 1 },
      { value: 'Union européenne', count: 1 },
    ]);
    expect(f.country.find((c) => c.value === 'MA')).toEqual({ value: 'MA', count: 1 });
  });

  test('year is the start year; a project with only an end date falls under that year', () => {
    const years = listFacets(t.db, {}).year;
    // FM.0390's sheet gives only its end (2024); merged with the activity sheet it starts in juillet 2014.
    expect(years).toContainEqual({ value: 2014, count: 2 }); // Migration Mainstreaming, FM.0390
    expect(years).toContainEqual({ value: 2005, count: 1 }); // AVRR, "depuis 2005"
    expect(years.some((y) => y.value === 2024)).toBe(false);
    expect(years.at(-1)).toEqual({ value: null, count: 2 });
    expect(years.every((y) => y.value === null || typeof y.value === 'number')).toBe(true);
    const withEndOnly = buildDb(WITH_END_ONLY);
    try {
      const more = listFacets(withEndOnly.db, {}).year;
      expect(more).toContainEqual({ value: 2019, count: 1 }); // IB.0123: end 2019 only
      expect(more.at(-1)).toEqual({ value: null, count: 2 });
    } finally {
      withEndOnly.cleanup();
    }
  });

  test('filters narrow every facet', () => {
    const f = listFacets(t.db, { donor: 'Union européenne' });
    expect(f.kind).toEqual([
      { value: 'iom-activity-sheet', count: 3 },
      { value: 'iom-news', count: 1 },
    ]);
    expect(f.section).toEqual([
      { value: 'Assistance directe aux migrants', count: 2 },
      { value: 'Migration et développement', count: 1 },
    ]);
    expect(f.country).toEqual([
      { value: 'MA', count: 3 },
      { value: 'SN', count: 2 },
      { value: 'TN', count: 2 },
      { value: 'CR', count: 1 },
      { value: 'EC', count: 1 },
      { value: 'NP', count: 1 },
      { value: 'PH', count: 1 },
      { value: 'SV', count: 1 },
    ]);
    const none = listFacets(t.db, { year: 1990 });
    for (const field of FACETS) expect(none[field]).toEqual([]);
  });

  test('tables: one per field, top 10 with the rest summed up, --all for every value', () => {
    const f = listFacets(t.db, {});
    const out = renderFacetTables(f, { all: false, color: false });
    for (const field of FACETS) expect(out).toMatch(new RegExp(`│ ${field} +│ count │`));
    expect(out).toMatch(/… 6 more \(--all\)/); // 16 countries
    expect(out).toContain('003_905411b0d1b2955d.txt'); // sources by file name
    expect(out).not.toContain('/data/seeds/');
    expect(out).toContain('(none)');
    const all = renderFacetTables(f, { all: true, color: false });
    expect(all).not.toMatch(/more \(--all\)/);
    expect(all).toContain('YE');
  });
});
