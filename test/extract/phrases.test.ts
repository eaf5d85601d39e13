import { describe, expect, test } from 'vitest';
import { countsPeople } from '../../src/extract/phrases.js';

describe('countsPeople', () => {
  test.each([
    ['Un atelier a réuni 70 participant-e-s (dont 35 femmes et 35 hommes).', true],
    ['Le projet a touché plus de 5 500 bénéficiaires.', true],
    ['100 personnes migrantes ont été accompagnées.', true],
    ['En 2014 le projet a commencé.', false],
    ['Le budget est de 300000.00 USD.', false],
  ])('%s -> %s', (sentence, expected) => {
    expect(countsPeople(sentence)).toBe(expected);
  });

  test('a long run of years and spaces is answered in linear time (it was quadratic)', () => {
    const t0 = performance.now();
    expect(countsPeople('2014 '.repeat(50_000))).toBe(false);
    expect(countsPeople(`${'2014 '.repeat(50_000)}et 12 personnes`)).toBe(true);
    // 250 KB: the quadratic version took minutes; linear is a few milliseconds (generous bound)
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
