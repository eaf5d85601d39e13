import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findBeneficiaries } from '../../src/normalize/money.js';

const short = (text: string) => findBeneficiaries(text).map((b) => [b.count, b.what, b.qualifier]);

describe('findBeneficiaries', () => {
  test.each([
    ['70 participant-e-s (dont 35 femmes et 35 hommes)', [[70, 'participants', 'exactly'], [35, 'femmes', 'exactly'], [35, 'hommes', 'exactly']]],
    ['plus de 5500 bénéficiaires originaires', [[5500, 'bénéficiaires', 'at-least']]],
    ['Le programme compte plus de 500 bénéficiaires', [[500, 'bénéficiaires', 'at-least']]],
    ['• 100 personnes migrantes régularisées', [[100, 'personnes migrantes', 'exactly']]],
    ['• 50 migrant.e.s, parmi la population', [[50, 'migrants', 'exactly']]],
    ['dont 20 migrants bénéficieront', [[20, 'migrants', 'exactly']]],
    ['environ 13 000 migrants ont demandé', [[13000, 'migrants', 'about']]],
    // What had happened before the project (pluperfect) is context, not its beneficiaries (issue 15).
    ['En mars 2014, environ 13 000 migrants avaient demandé à être régularisés.', []],
    ['Since 2019, 9,000 migrants had been registered.', []],
    ['En 2014, 300 migrants avaient été formés par le projet.', [[300, 'migrants', 'exactly']]],
    ['près de 1 200 jeunes', [[1200, 'jeunes', 'about']]],
    ['au moins 40 participant·e·s', [[40, 'participants', 'at-least']]],
    ['12 participantes', [[12, 'participants', 'exactly']]],
    ['1 bénéficiaire', [[1, 'bénéficiaires', 'exactly']]],
    ['more than 300 beneficiaries', [[300, 'beneficiaries', 'at-least']]],
    ['250 people', [[250, 'people', 'exactly']]],
  ])('%s', (text, expected) => {
    expect(short(text)).toEqual(expected);
  });

  test.each([
    'composée de 175 Etats membres et présente dans 171 pays',
    'Forte de 157 États membres auxquels viennent s’ajouter 10 autres États',
    'disposant de bureaux dans plus de 100 pays',
    'plus de 530 missions d’assistance techniques',
    'le renforcement de 16 initiatives en cours',
    'dans les 3 pays d’origine',
    'Il cible des jeunes défavorisés entre 10 et 25 ans',
    'des victimes de la traite provenant des 5 pays Etats Membres',
    'depuis 2005 migrants',
    'Rabat (15-17 février 2022)',
    'présente au Maroc depuis 2001',
  ])('nothing in: %s', (text) => {
    expect(findBeneficiaries(text)).toEqual([]);
  });

  test('each count comes with its sentence', () => {
    const text =
      'Ainsi, fin mars 2022, l’OIM Maroc a renforcé les compétences de 70 participant-e-s (dont 35 femmes et 35 hommes) représentant-e-s. Les formations ont été un succès.';
    const [first] = findBeneficiaries(text);
    expect(first).toEqual({
      count: 70,
      what: 'participants',
      qualifier: 'exactly',
      sentence: 'Ainsi, fin mars 2022, l’OIM Maroc a renforcé les compétences de 70 participant-e-s (dont 35 femmes et 35 hommes) représentant-e-s.',
    });
  });

  test('a list of beneficiary sentences', () => {
    expect(findBeneficiaries(['100 personnes migrantes', '50 migrant.e.s']).map((b) => b.count)).toEqual([100, 50]);
  });

  test('seed 004 (CARE article)', () => {
    const text = readFileSync(new URL('../../fixtures/seeds/004_78dbbd9aacb2e536.txt', import.meta.url), 'utf8');
    expect(findBeneficiaries(text).map((b) => [b.count, b.what])).toEqual([
      [100, 'personnes migrantes'],
      [50, 'migrants'],
      [20, 'migrants'],
    ]);
  });

  test('seed 003 (activity sheet) has only the AVRR counts', () => {
    const text = readFileSync(new URL('../../fixtures/seeds/003_905411b0d1b2955d.txt', import.meta.url), 'utf8');
    expect(findBeneficiaries(text).map((b) => [b.count, b.what, b.qualifier])).toEqual([
      [5500, 'bénéficiaires', 'at-least'],
      [500, 'bénéficiaires', 'at-least'],
    ]);
  });
});
