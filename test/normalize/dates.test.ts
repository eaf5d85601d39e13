import { describe, expect, test } from 'vitest';
import {
  activeRange,
  parseDate,
  parseDateDetailed,
  parseDateRange,
  periodEnd,
  periodOverlaps,
  periodStart,
} from '../../src/normalize/dates.js';

describe('parseDate', () => {
  test.each([
    ['2020', '2020'],
    [' 2022 ', '2022'],
    ['Février 2014', '2014-02'],
    ['février 2014', '2014-02'],
    ['Fevrier 2014', '2014-02'],
    ['16 septembre 2021', '2021-09-16'],
    ['05 novembre 2021', '2021-11-05'],
    ['1er mars 2015', '2015-03-01'],
    ['Oc-tobre 2013', '2013-10'],
    ['Oc- tobre 2013', '2013-10'],
    ['Dé-cembre 2015', '2015-12'],
    ['Décembre 2012', '2012-12'],
    ['Août 2016', '2016-08'],
    ['aout 2016', '2016-08'],
    ['sept. 2014', '2014-09'],
    ['March 2020', '2020-03'],
    ['March 5, 2020', '2020-03-05'],
    ['5 March 2020', '2020-03-05'],
    ['May 2019', '2019-05'],
    ['2014-02', '2014-02'],
    ['2014-02-28', '2014-02-28'],
    ['05/11/2021', '2021-11-05'],
    ['11/2021', '2021-11'],
    ['mi 2016', '2016'],
    ['mi-2016', '2016'],
    ['fin 2016', '2016'],
    ['fin mars 2015', '2015-03'],
    ['en 2014', '2014'],
  ])('%s -> %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  test.each(['', 'xyz', '2014-13', '31 février 2014', '1850', 'depuis le Maroc', '157'])('not a date: %j', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  test('approximate dates are flagged', () => {
    expect(parseDateDetailed('mi 2016')).toEqual({ iso: '2016', approximate: true });
    expect(parseDateDetailed('Avril 2016')).toEqual({ iso: '2016-04', approximate: false });
  });
});

describe('parseDateRange', () => {
  test.each([
    ['Février 2014 – Février 2018', '2014-02', '2018-02', false],
    ['Décembre 2012 – Mars 2016', '2012-12', '2016-03', false],
    ['Juillet 2014 – Juin 2016', '2014-07', '2016-06', false],
    ['Oc-tobre 2013 - Avril 2016', '2013-10', '2016-04', false],
    ['Octobre 2013 - Avril 2016', '2013-10', '2016-04', false],
    ['Décembre 2012 - Dé-cembre 2015', '2012-12', '2015-12', false],
    ['Janvier 2015 — Juin 2016', '2015-01', '2016-06', false],
    ['Mai 2015-Novembre 2016', '2015-05', '2016-11', false],
    ['Janvier 2015 à Juin 2016', '2015-01', '2016-06', false],
    ['de janvier 2015 au 30 juin 2016', '2015-01', '2016-06-30', false],
    ['January 2015 to June 2016', '2015-01', '2016-06', false],
    ['15-17 février 2022', '2022-02-15', '2022-02-17', false],
    ['22-24 mars 2022', '2022-03-22', '2022-03-24', false],
    ['du 15 au 17 février 2022', '2022-02-15', '2022-02-17', false],
    ['du 15 février au 3 mars 2022', '2022-02-15', '2022-03-03', false],
    ['Février - Mars 2022', '2022-02', '2022-03', false],
    ['2014-2016', '2014', '2016', false],
    ['2014 – 2016', '2014', '2016', false],
    ['2014-16', '2014', '2016', false],
    ['2014-02-01/2018-02-28', '2014-02-01', '2018-02-28', false],
    ['depuis 2005', '2005', null, true],
    ['Depuis 2005', '2005', null, true],
    ['since 2005', '2005', null, true],
    ['à partir de septembre 2014', '2014-09', null, true],
    ['depuis son lancement en 2007', '2007', null, true],
    ['2005 - présent', '2005', null, true],
    ['2005 à ce jour', '2005', null, true],
    ["jusqu'à mi 2016", null, '2016', false],
    ['2020', '2020', '2020', false],
    ['Février 2014', '2014-02', '2014-02', false],
    ['16 septembre 2021', '2021-09-16', '2021-09-16', false],
  ])('%s', (raw, start, end, open) => {
    expect(parseDateRange(raw)).toEqual({ start, end, open });
  });

  test.each(['', 'depuis le Maroc', 'National', 'Phase II'])('no period: %j', (raw) => {
    expect(parseDateRange(raw)).toEqual({ start: null, end: null, open: false });
  });
});

describe('period bounds', () => {
  test.each([
    ['2014', '2014-01-01', '2014-12-31'],
    ['2014-02', '2014-02-01', '2014-02-28'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['2018-02', '2018-02-01', '2018-02-28'],
    ['2016-04', '2016-04-01', '2016-04-30'],
    ['2022-02-15', '2022-02-15', '2022-02-15'],
  ])('%s', (iso, first, last) => {
    expect(periodStart(iso)).toBe(first);
    expect(periodEnd(iso)).toBe(last);
  });
});

describe('activeRange', () => {
  test.each([
    [{ start: '2014-02', end: '2018-02' }, '2014-02-01', '2018-02-28'],
    [{ start: '2020', end: '2022' }, '2020-01-01', '2022-12-31'],
    [{ start: '2005', end: null, endOpen: true }, '2005-01-01', null],
    [{ start: '2020', end: null, status: 'ongoing' as const }, '2020-01-01', null],
    [{ start: '2014-09', end: null }, '2014-09-01', '2014-12-31'],
    [{ start: '2014', end: null, status: 'completed' as const }, '2014-01-01', '2014-12-31'],
    [{ start: null, end: '2024' }, '2024-01-01', '2024-12-31'],
    [{ start: null, end: null }, null, null],
    [{ start: null, end: null, endOpen: true }, null, null],
    [{ start: '2016', end: '2014' }, '2014-01-01', '2016-12-31'],
  ])('%j', (r, from, to) => {
    expect(activeRange(r)).toEqual({ from, to });
  });
});

describe('periodOverlaps', () => {
  // Février 2014 – Février 2018
  test.each([
    ['2014', '2014', true],
    ['2018', '2018', true],
    ['2013', '2013', false],
    ['2019', '2019', false],
    ['2018-03', null, false],
    ['2018-02', null, true],
    [null, '2014-01', false],
    [null, '2014-02', true],
    ['2010', '2030', true],
    [null, null, true],
  ])('2014-02..2018-02 vs %s..%s', (from, to, expected) => {
    expect(periodOverlaps('2014-02', '2018-02', false, from, to)).toBe(expected);
  });

  test('an open project runs on: it matches any later period', () => {
    expect(periodOverlaps('2005', null, true, '2030', '2030')).toBe(true);
    expect(periodOverlaps('2005', null, true, '2000', '2004')).toBe(false);
  });

  test('an unknown end that is not open: only the start year counts', () => {
    expect(periodOverlaps('2014-09', null, false, '2014', '2014')).toBe(true);
    expect(periodOverlaps('2014-09', null, false, '2015', '2015')).toBe(false);
    expect(periodOverlaps('2014-09', null, false, '2015', '2015', 'ongoing')).toBe(true);
  });

  test('a project with no dates matches no date filter', () => {
    expect(periodOverlaps(null, null, false, '2014', null)).toBe(false);
    expect(periodOverlaps(null, null, false, null, null)).toBe(true);
  });

  test('only an end: its period counts', () => {
    expect(periodOverlaps(null, '2024', false, '2024', '2024')).toBe(true);
    expect(periodOverlaps(null, '2024', false, '2023', '2023')).toBe(false);
  });
});
