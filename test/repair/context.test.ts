// Damage that leaves a real word: word pairs (src/repair/data/collocations.json) tell which.
import { describe, expect, test } from 'vitest';
import { collocationFits } from '../../src/repair/context.js';
import { repairText } from '../../src/repair/index.js';

describe('collocationFits', () => {
  test.each([
    ['suffit', '', 'il', 'de', true],
    ['suffit', '', 'il', 'que', false],
    ['offres', '', 'les', "d'", true],
    ['défis', 'relever', 'les', '', true],
    ['défis', 'jeter', 'les', '', false],
    ['afflux', '', "l'", 'de', true],
    ['réaffirmons', '', 'nous', 'notre', true],
    ['lutte', '', 'la', 'contre', false],
  ])('%s after "%s %s", before "%s": %s', (word, prev2, prev, next, fits) => expect(collocationFits(word, prev2, prev, next)).toBe(fits));
});

// A text that lost its f-ligatures (fi, ff, ffi): the unknown words show it, then context
// decides for the words that are words themselves.
const DAMAGED =
  "Le projet est nancé par l'Union. Les services ecaces sont ables et la conance est dicile à gagner. " +
  "Il sut de voir les ores d'emploi pour relever les dés. L'aux de migrants est important et nous réarmons notre engagement.";

describe('ligature damage that yields a real word', () => {
  const r = repairText(DAMAGED);
  test.each(['Il suffit de voir', "les offres d'emploi", 'relever les défis', "L'afflux de migrants", 'nous réaffirmons notre engagement'])('%s', (s) => expect(r.text).toContain(s));
  test('kept where the words are right', () => {
    const ok = "Le projet est nancé par l'Union. Les services ecaces sont ables. Il sut que tout va bien, on jette les dés, nous contribuons aux efforts.";
    const t = repairText(ok).text;
    expect(t).toContain('Il sut que tout va bien');
    expect(t).toContain('jette les dés');
    expect(t).toContain('nous contribuons aux');
  });
  test('a clean text keeps its words', () => {
    const clean = 'Il sut de quoi parler ; les dés sont jetés ; nous réarmons.';
    expect(repairText(clean).text).toBe(clean);
  });
});
