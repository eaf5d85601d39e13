import { describe, expect, test } from 'vitest';
import { deriveStatus, iatiStatusCode, normalizeStatus } from '../../src/normalize/status.js';

describe('normalizeStatus', () => {
  test.each([
    ['Achevé', 'completed'],
    ['achevé', 'completed'],
    ['ACHEVE', 'completed'],
    ['Terminé', 'completed'],
    ['Clôturé', 'completed'],
    ['Completed', 'completed'],
    ['Closed', 'completed'],
    ['En cours', 'ongoing'],
    ['en cours', 'ongoing'],
    ['Actif', 'ongoing'],
    ['Ongoing', 'ongoing'],
    ['Active', 'ongoing'],
    ["en cours d'exécution", 'ongoing'],
    ['en cours d’exécution', 'ongoing'],
    ['Planifié', 'planned'],
    ['Prévu', 'planned'],
    ['Pipeline', 'planned'],
    ['en cours de préparation', 'planned'],
    ['Suspendu', 'suspended'],
    ['Suspended', 'suspended'],
    ['Annulé', 'cancelled'],
    ['Cancelled', 'cancelled'],
    ['completed', 'completed'],
    ['Projet achevé en 2016', 'completed'],
  ])('%s -> %s', (raw, status) => {
    expect(normalizeStatus(raw)).toBe(status);
  });

  test.each(['', 'National', 'xyz', undefined])('unknown: %j', (raw) => {
    expect(normalizeStatus(raw)).toBeNull();
  });
});

describe('iatiStatusCode', () => {
  test.each([
    ['planned', 1],
    ['ongoing', 2],
    ['completed', 4],
    ['cancelled', 5],
    ['suspended', 6],
  ] as const)('%s -> %d', (status, code) => {
    expect(iatiStatusCode(status)).toBe(code);
  });

  test('null', () => {
    expect(iatiStatusCode(null)).toBeNull();
  });
});

describe('deriveStatus', () => {
  const today = new Date('2024-06-15T12:00:00Z');
  test.each([
    ['2013-10', '2016-04', false, 'completed'],
    ['2020', '2022', false, 'completed'],
    ['2023', '2025', false, 'ongoing'],
    ['2024', '2024', false, 'ongoing'], // the end year is not over
    ['2024-06', '2024-06', false, 'ongoing'],
    ['2024-06-14', '2024-06-14', false, 'completed'],
    ['2025', '2027', false, 'planned'],
    ['2024-07', null, false, 'planned'],
    ['2005', null, true, 'ongoing'],
    [null, '2024', false, 'ongoing'],
    [null, '2023', false, 'completed'],
    ['2014', null, false, null], // unknown end: not taken as ended, nor as running
    [null, null, false, null],
    [null, null, true, null],
  ] as const)('%s..%s open=%s -> %s', (start, end, open, status) => {
    expect(deriveStatus(start, end, open, today)).toBe(status);
  });
});
