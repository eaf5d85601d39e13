// OCR errors: each fix alone, then per document (a clean text is never touched).
import { describe, expect, test } from 'vitest';
import { repairText } from '../../src/repair/index.js';
import { loadLexicon } from '../../src/repair/lexicon.js';
import { digitsForLetters, digitsInCode, lettersForDigits, letterForCapital, planOcrRepairs, splitGlued, splitGluedArticle } from '../../src/repair/ocr.js';

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

describe('numbers and codes an OCR document wrote with letters', () => {
  const noise = 'La guerre de I9I4-I9I8 a fait 75o morts. Le r6le des migrants.';
  test('digitsInCode: lower-case o/l beside a digit, an I between digits, in a code of capitals', () => {
    expect(digitsInCode('L20o')).toBe('L200');
    expect(digitsInCode('MA10P05I7')).toBe('MA10P0517');
    expect(digitsInCode('G20')).toBe(null);
    expect(digitsInCode('COVID')).toBe(null);
    expect(digitsInCode('H1N1')).toBe(null);
  });
  test('a legal article or a code before a dot: "L.3I1-5", "FM.039o"', () => {
    expect(repairText(`${noise} Article L.3I1-5 et R.30o-2, projet FM.039o.`).text).toContain('Article L.311-5 et R.300-2, projet FM.0390.');
    // Lower case before the dot is an address, not a number.
    expect(repairText(`${noise} Voir iom.int/a-12o.`).text).toContain('iom.int/a-12o');
  });
  test('numbers with no digit left, told by their place', () => {
    const text = `${noise}\nObjectif 1. Éliminer\nObjectif 2. Faire\nObjectif II. Faire en sorte\n1.1 D’ici à 2030\n2.1 D’ici à 2030\nII.1 D’ici à 2030\nPour 100 ooo naissances, Io autres États, Ioo %, au II rue Ait Ourir.`;
    expect(repairText(text).text.split('\n').slice(1).join('\n')).toBe(
      'Objectif 1. Éliminer\nObjectif 2. Faire\nObjectif 11. Faire en sorte\n1.1 D’ici à 2030\n2.1 D’ici à 2030\n11.1 D’ici à 2030\nPour 100 000 naissances, 10 autres États, 100 %, au 11 rue Ait Ourir.',
    );
  });
  test('Roman numerals stay: a document numbering with them, a name, a lone "II"', () => {
    const text = `${noise}\nIV. Le contexte\nII.1 Le cadre\nChapitre IV et Chapitre 2 et Chapitre 3, puis Chapitre II.\nJean-Paul II visite les lo cales, Il est là.`;
    expect(repairText(text).text.split('\n').slice(1).join('\n')).toBe('IV. Le contexte\nII.1 Le cadre\nChapitre IV et Chapitre 2 et Chapitre 3, puis Chapitre II.\nJean-Paul II visite les lo cales, Il est là.');
  });
  test('an article glued to the word before: "dela" -> "de la"; "cela", "dune" stay', () => {
    expect(splitGluedArticle(lex, 'dela')).toEqual(['de', 'la']);
    expect(splitGluedArticle(lex, 'àla')).toEqual(['à', 'la']);
    expect(splitGluedArticle(lex, 'etles')).toEqual(['et', 'les']);
    expect(splitGluedArticle(lex, 'cela')).toBe(null);
    expect(splitGluedArticle(lex, 'dune')).toBe(null);
    expect(repairText(`${noise} Il parle dela consommation.`).text).toContain('parle de la consommation');
  });
  test('none of it on clean text', () => {
    const clean = 'Objectif 1. Éliminer\nObjectif 2. Faire\nII.1 Le cadre\n1.1 D’ici\n2.1 D’ici\nPour 100 000 naissances, au 11 rue Ait Ourir, article L.311-5 ; Louis II et Io, lune de Jupiter.';
    expect(repairText(clean).text).toBe(clean);
  });
});

describe('numbers beside letters and slashes in an OCR document', () => {
  const noise = 'La guerre de I9I4-I9I8 a fait 75o morts. Le r6le des migrants.';
  test('a unit or ordinal after the number, a time, a date with slashes, a path segment, a long code', () => {
    expect(repairText(`${noise} Le 1oe anniversaire à 2oh3o, 5okm, I2h ; le I5/o3/2o19 ; voir https://www.legifrance.gouv.fr/eli/loi/2o16/1o/7/jo et cidTexte=JORFTEXToooo332o2746.`).text).toContain(
      'Le 10e anniversaire à 20h30, 50km, 12h ; le 15/03/2019 ; voir https://www.legifrance.gouv.fr/eli/loi/2016/10/7/jo et cidTexte=JORFTEXT000033202746.',
    );
  });
  test('words and addresses without a digit in them stay', () => {
    const r = repairText(`${noise} Il est là, voir iom.int/projets/solo/ et le 1er mai, ou le 2e.`);
    expect(r.text).toContain('Il est là, voir iom.int/projets/solo/ et le 1er mai, ou le 2e.');
  });
  test('clean text with units, times and dates is never touched', () => {
    const clean = 'Le 10e anniversaire à 20h30, 50 km, le 15/03/2019 ; voir https://www.legifrance.gouv.fr/eli/loi/2016/10/7/jo.';
    expect(repairText(clean).text).toBe(clean);
  });
});

test('a thousands group after a number read with no digit left: "Io ooo", "I ooo"; "Il a la" stays', () => {
  const r = repairText('La guerre de I9I4-I9I8 a fait 75o morts. Le r6le des migrants. Pour Io ooo habitants et I ooo agents, 1oo ooo euros. Il a la.');
  expect(r.text).toContain('Pour 10 000 habitants et 1 000 agents, 100 000 euros. Il a la.');
});
