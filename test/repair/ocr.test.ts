// OCR errors: each fix alone, then per document (a clean text is never touched).
import { describe, expect, test } from 'vitest';
import { repairText } from '../../src/repair/index.js';
import { loadLexicon } from '../../src/repair/lexicon.js';
import { digitsForLetters, lettersForDigits, letterForCapital, planOcrRepairs, splitGlued } from '../../src/repair/ocr.js';

const lex = loadLexicon();

describe('digitsForLetters', () => {
  test.each([
    ['I9I4', '1914'],
    ['75o', '750'],
    ['2o3o', '2030'],
    ['I0o', '100'],
    ['I2', '12'],
    ['Io', null],
    ['II', null],
    ['lol', null],
    ['1914', null],
  ])('%s -> %s', (token, out) => expect(digitsForLetters(token)).toBe(out));
});

describe('lettersForDigits', () => {
  test.each([
    ['r6le', 'rôle'],
    ['Mar0c', 'Maroc'],
    ['déve1oppement', 'développement'],
    ['1er', null],
    ['G20', null],
    ['H1N1', null],
    ['COVID19', null],
    ['MA10P0517', null],
  ])('%s -> %s', (token, out) => expect(lettersForDigits(lex, token)).toBe(out));
});

test('letterForCapital: "leSon" is "leçon"', () => {
  expect(letterForCapital(lex, 'le', 'S', 'on')).toBe('leçon');
  expect(letterForCapital(lex, 'mar', 'S', 'eille')).toBe(null);
});

describe('splitGlued', () => {
  test.each([
    ['nombreuxdans', ['nombreux', 'dans']],
    ['bienplus', ['bien', 'plus']],
    ['finmars', ['fin', 'mars']],
    ['migrantes', null],
    ['réidentifier', null],
    ['prérequis', null],
  ])('%s', (w, out) => expect(splitGlued(lex, w)).toEqual(out));
});

const OCR = 'La guerre de I9I4-I9I8 a fait 75o morts. Le r6le des migrants, nombreuxdans la région, est bienplus grand. Une leSon du passé.';

describe('per document', () => {
  test('OCR output is found and repaired, each change explained', () => {
    const r = repairText(OCR);
    expect(r.text).toBe('La guerre de 1914-1918 a fait 750 morts. Le rôle des migrants, nombreux dans la région, est bien plus grand. Une leçon du passé.');
    expect(new Set(r.changes.map((c) => c.rule))).toEqual(new Set(['fixOcrDigits', 'fixOcrLetters', 'splitOcrGluedWords']));
  });
  test('"leSon" is never split into "le" + "Son"', () => {
    expect(repairText('Une leSon du passé.').changes.filter((c) => c.rule === 'splitGluedWords')).toEqual([]);
  });
  test('one odd token is no OCR document: nothing changed', () => {
    const clean = 'Le projet MA10P0517 (G20, H1N1) du 1er janvier touche 2 000 migrantes ; la réidentification est un prérequis.';
    expect(planOcrRepairs([clean], lex)).toEqual({ detected: false, fixes: [] });
    expect(repairText(clean).text).toBe(clean);
  });
});

test('a capitalized name glued to a compound prefix, and a lone "I" before a misread group', () => {
  const r = repairText('Le Sénégalpost-colonial, nombreuxdans la région, et les années I9I4-I9I8 (I 6oo-72o).');
  expect(r.text).toBe('Le Sénégal post-colonial, nombreux dans la région, et les années 1914-1918 (1 600-720).');
});
