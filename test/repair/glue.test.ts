// splitGluedWords with a hand-made judge.
import { describe, expect, test } from 'vitest';
import { splitGluedWords } from '../../src/repair/glue.js';
import { listJudge } from '../../src/repair/judge.js';

const judge = listJudge(['marocain', 'le', 'nous', 'travail', 'en', 'etc', 'actuellement', 'fax', 'email', 'get', 'element', 'by', 'id', 'maroc', 'tel', 'data', 'gouv']);

describe('splitGluedWords', () => {
  test.each([
    { input: 'Contexte migratoire marocainLe contexte', output: 'Contexte migratoire marocain\nLe contexte' },
    { input: "Qui sommes nousL'Organisation", output: "Qui sommes nous\nL'Organisation" },
    { input: 'Notre travailEn tant que', output: 'Notre travail\nEn tant que' },
    { input: 'la pauvreté.• Assistance', output: 'la pauvreté.\n• Assistance' },
    { input: 'axes d’intervention : • Migration', output: 'axes d’intervention :\n• Migration' },
    { input: 'internes, etc.Actuellement la diaspora', output: 'internes, etc. Actuellement la diaspora' },
    { input: '65 28 81Fax : +212', output: '65 28 81\nFax : +212' },
    { input: '2021L’autonomisation', output: '2021\nL’autonomisation' },
  ])('$input', ({ input, output }) => expect(splitGluedWords(input, judge)).toBe(output));

  test.each([
    'LinkedIn et YouTube',
    'un iPhone, un eBay',
    'getElementById',
    'Rabat - MarocTel : +212',
    'voir www.dataGouv.fr',
    'Prima ID MA10P0517',
    '• Une liste à puces',
    'Booking.com',
  ])('leaves "%s" alone', (text) => expect(splitGluedWords(text, judge)).toBe(text));
});
