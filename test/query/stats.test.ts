import { afterAll, describe, expect, test } from 'vitest';
import { projectStats, STATS_BY, STATS_SUM } from '../../src/query/stats.js';
import { bar, renderStatsTable } from '../../src/cli/stats-run.js';
import { STATS_BY_HINT, STATS_SUM_HINT } from '../../src/cli/commands/stats.js';
import { UsageError } from '../../src/errors.js';
import { buildDb } from './records.js';

const t = buildDb();
afterAll(t.cleanup);
const now = new Date('2025-06-01T00:00:00Z');
const stats = (by: string, filters = {}, sum?: 'budget_usd') => projectStats(t.db, filters, { by: by as never, sum, now });

describe('iom stats: counts per group', () => {
  test('--by donor counts a project once under each of its donors, projects with none under null, last', () => {
    expect(stats('donor')).toEqual([
      { key: 'Suisse', count: 3 },
      { key: 'Union européenne', count: 3 },
      // a government counts its agencies' projects too (Enabel's), as iom donors and --donor do
      { key: 'Belgique', count: 2 },
      { key: 'Pays-Bas', count: 2 },
      { key: 'Agence des États-Unis pour le développement international', count: 1 },
      { key: 'Enabel', count: 1 },
      { key: 'Espagne', count: 1 },
      { key: 'États-Unis', count: 1 },
      { key: 'Finlande', count: 1 },
      { key: "Fonds de l'OIM pour le développement", count: 1 },
      { key: 'Maroc', count: 1 },
      // LM.0416's sheet and the news item name no donor; FM.0390's sheet names none either, but the
      // activity sheet merged with it does (the IOM Development Fund, counted once above).
      { key: null, count: 2 },
    ]);
  });

  test('--sum budget_usd gives each donor the whole budget of its projects, and orders by the sum', () => {
    const rows = stats('donor', {}, 'budget_usd');
    expect(rows.slice(0, 2)).toEqual([
      { key: 'Suisse', count: 3, sum_budget_usd: 9500000 },
      { key: 'Union européenne', count: 3, sum_budget_usd: 9500000 },
    ]);
    // FM.0390: the budget from its project sheet, the donor from the activity sheet merged with it.
    expect(rows[2]).toEqual({ key: "Fonds de l'OIM pour le développement", count: 1, sum_budget_usd: 200000 });
    expect(rows.find((r) => r.key === 'Pays-Bas')).toEqual({ key: 'Pays-Bas', count: 2, sum_budget_usd: null });
    // LM.0416's sheet (300 000 USD) names no donor; the news item has no budget.
    expect(rows.at(-1)).toEqual({ key: null, count: 2, sum_budget_usd: 300000 });
  });

  test('--by country uses ISO codes as keys, with the French name', () => {
    const rows = stats('country');
    expect(rows[0]).toEqual({ key: 'MA', name: 'Maroc', count: 11 }); // every one of the 11 projects
    expect(rows[1]).toEqual({ key: 'TN', name: 'Tunisie', count: 4 });
    expect(rows.find((r) => r.key === 'SN')).toEqual({ key: 'SN', name: 'Sénégal', count: 2 });
    expect(rows.some((r) => r.key === null)).toBe(false);
  });

  test.each([
    // FM.0390 is one project, completed on both its sheets
    ['status', [{ key: 'completed', count: 8 }, { key: 'ongoing', count: 2 }, { key: null, count: 1 }]],
    ['type', [{ key: 'Migration de main-d’œuvre', count: 1 }, { key: 'Services de migration assistée', count: 1 }, { key: null, count: 9 }]],
    [
      'section',
      [
        { key: 'Migration et développement', count: 4 },
        { key: 'Assistance directe aux migrants', count: 3 },
        { key: 'Appui à la jeunesse et développement social', count: 1 },
        // LM.0416, the news item, the NGO article; FM.0390 takes its section from the activity sheet
        { key: null, count: 3 },
      ],
    ],
  ])('--by %s', (by, expected) => {
    expect(stats(by)).toEqual(expected);
  });

  test('--by year is a timeline of projects active each year, open-ended ones up to this year', () => {
    const rows = stats('year');
    const byYear = Object.fromEntries(rows.map((r) => [String(r.key), r.count]));
    // AVRR runs "depuis 2005" with no end: alone from 2005 to 2011, still counted in 2025.
    expect(rows[0]).toEqual({ key: 2005, count: 1 });
    expect(byYear['2011']).toBe(1);
    expect(byYear['2012']).toBe(3); // + TRQN (déc. 2012), FORSATY (sept. 2012)
    expect(byYear['2013']).toBe(4); // + ICMD (oct. 2013)
    expect(byYear['2014']).toBe(6); // + Migration Mainstreaming, FM.0390 (juillet 2014, from the activity sheet)
    expect(byYear['2015']).toBe(8); // + MOTUSE, santé
    expect(byYear['2016']).toBe(8);
    // FM.0390 runs as its activity sheet gives its period, juillet 2014 - juin 2016 (a period is
    // taken whole from one source; its project sheet's end, 2024, is a conflict): never 2014-2024,
    // a period no source gives.
    expect(byYear['2017']).toBe(4); // Migration Mainstreaming, AVRR, santé, FORSATY
    expect(byYear['2018']).toBe(2); // Migration Mainstreaming (février 2018), AVRR
    expect(byYear['2019']).toBe(1);
    expect(byYear['2020']).toBe(2); // + LM.0416, 2020-2022
    expect(byYear['2023']).toBe(1);
    expect(byYear['2024']).toBe(1); // AVRR
    expect(rows.at(-2)).toEqual({ key: 2025, count: 1 });
    // The news item and the NGO article give no project period.
    expect(rows.at(-1)).toEqual({ key: null, count: 2 });
    expect(rows.map((r) => r.key).slice(0, -1)).toEqual(Array.from({ length: 21 }, (_, i) => 2005 + i));
  });

  test('--by year --sum budget_usd sums the budgets of the projects active each year', () => {
    const rows = stats('year', {}, 'budget_usd');
    // ICMD (9 500 000) and FM.0390 (200 000, merged: budget from its sheet, start from the activity sheet)
    expect(rows.find((r) => r.key === 2014)).toEqual({ key: 2014, count: 6, sum_budget_usd: 9700000 });
    // AVRR (no budget), LM.0416 (300 000); FM.0390 ended in 2016
    expect(rows.find((r) => r.key === 2021)).toEqual({ key: 2021, count: 2, sum_budget_usd: 300000 });
    expect(rows.find((r) => r.key === 2010)).toEqual({ key: 2010, count: 1, sum_budget_usd: null });
  });

  test('every query filter narrows the projects counted', () => {
    expect(stats('donor', { donor: 'UE' })).toEqual([
      { key: 'Union européenne', count: 3 },
      { key: 'Suisse', count: 2 },
      { key: 'Belgique', count: 1 },
      { key: 'Espagne', count: 1 },
      { key: 'Maroc', count: 1 },
      { key: 'Pays-Bas', count: 1 },
    ]);
    expect(stats('status', { country: 'Tunisie' })).toEqual([{ key: 'completed', count: 4 }]);
    // Active in 2017: AVRR and santé (assistance), FORSATY (jeunesse), Migration Mainstreaming.
    expect(stats('section', { year: 2017 })).toEqual([
      { key: 'Assistance directe aux migrants', count: 2 },
      { key: 'Appui à la jeunesse et développement social', count: 1 },
      { key: 'Migration et développement', count: 1 },
    ]);
    expect(stats('country', { text: 'réintégration' }).map((r) => r.key)).toEqual(['MA', 'SN', 'TN']);
    expect(stats('donor', { source: '000_7d4a' })).toEqual([{ key: null, count: 1 }]);
    expect(stats('year', { donor: 'Finlande', status: 'completed' }).map((r) => r.key)).toEqual([2015, 2016, 2017]);
  });

  test('a project read from two sources (ICMD: activity sheet and news item) counts once', () => {
    expect(stats('donor', { text: 'ICMD' })).toEqual([
      { key: 'Suisse', count: 1 },
      { key: 'Union européenne', count: 1 },
    ]);
    expect(stats('status', { source: 'icmd-initiatives' })).toEqual([{ key: 'completed', count: 1 }]);
    const total = stats('status').reduce((n, r) => n + r.count, 0);
    expect(total).toBe(11); // 13 records, 11 projects: ICMD and FM.0390 each have two
  });

  test('FM.0390 (project sheet and activity sheet) counts once, with the fields of both', () => {
    // both titles hold "subsistance": one project, its donor from the activity sheet
    expect(stats('donor', { text: 'subsistance' })).toEqual([{ key: "Fonds de l'OIM pour le développement", count: 1 }]);
    expect(stats('donor', { text: 'subsistance' }, 'budget_usd')).toEqual([
      { key: "Fonds de l'OIM pour le développement", count: 1, sum_budget_usd: 200000 },
    ]);
    // found through the activity sheet, it still has the type its project sheet gives
    expect(stats('type', { source: '003_905411' })).toEqual([
      { key: 'Services de migration assistée', count: 1 },
      { key: null, count: 7 },
    ]);
  });

  test('no match gives no rows', () => {
    expect(stats('donor', { year: 1990 })).toEqual([]);
    expect(stats('year', { year: 1990 })).toEqual([]);
  });

  test('unknown --by or --sum is a usage error naming the valid values', () => {
    expect(() => stats('bailleur')).toThrow(UsageError);
    expect(() => stats('bailleur')).toThrow(/use --by donor\|country\|year\|status\|type\|section/);
    expect(() => projectStats(t.db, {}, { by: 'donor', sum: 'budget' as never })).toThrow(/use --sum budget_usd/);
  });

  test('the lists shown in --help and completion are the ones the query accepts', () => {
    expect(STATS_BY_HINT).toEqual([...STATS_BY]);
    expect(STATS_SUM_HINT).toEqual([...STATS_SUM]);
  });
});

describe('the bar chart', () => {
  test('bars are scaled to the largest value, in eighths of a cell', () => {
    expect(bar(8, 8, 10)).toBe('██████████');
    expect(bar(4, 8, 10)).toBe('█████');
    expect(bar(1, 8, 3)).toBe('▍'); // 3 eighths
    expect(bar(1, 1000, 10)).toBe('▏'); // anything above 0 shows
    expect(bar(0, 8, 10)).toBe('');
  });

  test('the table fits the width and its longest bar fills the room left', () => {
    const rows = stats('year');
    for (const width of [60, 100, 140]) {
      const out = renderStatsTable(rows, 'year', false, width, false);
      const lines = out.trimEnd().split('\n');
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      const longest = Math.max(...lines.map((l) => (l.match(/█/g) ?? []).length));
      expect(longest).toBeGreaterThan(width - 30);
      expect(out).toMatch(/│ 2015 +│ +8 │ █+ *│/);
      expect(out).toContain('(no dates)');
    }
  });

  test('with --sum the bars follow the budgets, shown as money; no colour unless asked', () => {
    const out = renderStatsTable(stats('donor', {}, 'budget_usd'), 'donor', true, 100, false);
    expect(out).toMatch(/Suisse .*9 500 000 USD/);
    expect(out).toMatch(/budget/);
    expect(out).not.toMatch(/\u001b\[/);
    expect(renderStatsTable(stats('status'), 'status', false, 80, true)).toMatch(/\u001b\[/);
  });

  test('long keys are shortened, never the numbers', () => {
    const out = renderStatsTable(stats('donor'), 'donor', false, 60, false);
    expect(out).toMatch(/Agence des États-Unis[^│]*… │/);
    expect(out).toMatch(/│ +3 │/);
  });
});
