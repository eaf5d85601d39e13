import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  countryName,
  findCountriesInText,
  nearestCountryNames,
  resolveCountry,
  resolveCountryQuery,
  splitCountryList,
} from '../../src/normalize/countries.js';

describe('resolveCountry', () => {
  test.each([
    ['Maroc', 'MA', 'Maroc'],
    ['Morocco', 'MA', 'Maroc'],
    ['MA', 'MA', 'Maroc'],
    ['MAR', 'MA', 'Maroc'],
    ['maroc', 'MA', 'Maroc'],
    ['Royaume du Maroc', 'MA', 'Maroc'],
    ['le Maroc', 'MA', 'Maroc'],
    ['Égypte', 'EG', 'Égypte'],
    ['Egypte', 'EG', 'Égypte'],
    ['Libye', 'LY', 'Libye'],
    ['Tunisie', 'TN', 'Tunisie'],
    ['Yémen', 'YE', 'Yémen'],
    ['Sénégal', 'SN', 'Sénégal'],
    ['Séné-gal', 'SN', 'Sénégal'],
    ['Tanzanie', 'TZ', 'Tanzanie'],
    ['Albanie', 'AL', 'Albanie'],
    ['Ukraine', 'UA', 'Ukraine'],
    ['Côte d’Ivoire', 'CI', 'Côte d’Ivoire'],
    ["Côte d'Ivoire", 'CI', 'Côte d’Ivoire'],
    ["Côte-d'Ivoire", 'CI', 'Côte d’Ivoire'],
    ['Cameroun', 'CM', 'Cameroun'],
    ['Nigeria', 'NG', 'Nigeria'],
    ['Nigéria', 'NG', 'Nigeria'],
    ['Équateur', 'EC', 'Équateur'],
    ['Equateur', 'EC', 'Équateur'],
    ['Jamaique', 'JM', 'Jamaïque'],
    ['Kyrgyzstan', 'KG', 'Kirghizistan'],
    ['République de moldova', 'MD', 'Moldavie'],
    ['Serbie', 'RS', 'Serbie'],
    ['Bangladesh', 'BD', 'Bangladesh'],
    ['Costa Rica', 'CR', 'Costa Rica'],
    ['Salvador', 'SV', 'Salvador'],
    ['El Salvador', 'SV', 'Salvador'],
    ['Népal', 'NP', 'Népal'],
    ['Philippines', 'PH', 'Philippines'],
    ['Espagne', 'ES', 'Espagne'],
    ['France', 'FR', 'France'],
    ['Grèce', 'GR', 'Grèce'],
    ['Italie', 'IT', 'Italie'],
    ['Pologne', 'PL', 'Pologne'],
    ['Bosnie-Herzégovine', 'BA', 'Bosnie-Herzégovine'],
    ['Royaume-Uni', 'GB', 'Royaume-Uni'],
    ['États-Unis', 'US', 'États-Unis'],
    ['Etats-Unis d’Amérique', 'US', 'États-Unis'],
    ['Pays-Bas', 'NL', 'Pays-Bas'],
    ['Turquie', 'TR', 'Turquie'],
    ['Maroc (MA)', 'MA', 'Maroc'],
    ['  Maroc. ', 'MA', 'Maroc'],
  ])('%s -> %s', (raw, code, name) => {
    expect(resolveCountry(raw)).toEqual({ code, name, raw });
  });

  test.each(['Zorglub', '', 'Afrique', 'es', 'Union européenne', 'Maroc Tunisie'])('not a country: %j', (raw) => {
    expect(resolveCountry(raw)).toBeNull();
  });
});

describe('splitCountryList', () => {
  test.each([
    ['Maroc', ['Maroc']],
    ['Maroc Tunisie Égypte', ['Maroc', 'Tunisie', 'Égypte']],
    ['Morocco Tunisia', ['Morocco', 'Tunisia']],
    ['Bosnie-Herzégovine Maroc', ['Bosnie-Herzégovine', 'Maroc']],
    ['Royaume-Uni', ['Royaume-Uni']],
    ['Costa Rica Équateur', ['Costa Rica', 'Équateur']],
    ['Maroc, Tunisie et Égypte', ['Maroc', 'Tunisie', 'Égypte']],
    ['Égypte, Libye, Maroc, Tunisie et Yémen', ['Égypte', 'Libye', 'Maroc', 'Tunisie', 'Yémen']],
    ['Trinité-et-Tobago Maroc', ['Trinité-et-Tobago', 'Maroc']],
    ['République de moldova Serbie', ['République de moldova', 'Serbie']],
    ['Zorglub Land, Maroc', ['Zorglub Land', 'Maroc']],
    ['', []],
  ])('%s', (raw, parts) => {
    expect(splitCountryList(raw)).toEqual(parts);
  });
});

describe('findCountriesInText', () => {
  const codes = (t: string) => findCountriesInText(t).map((c) => c.code);

  test.each([
    [
      'Ces projets sont mis en place au Maroc, au Sénégal, en Tunisie, au Costa Rica, en Equateur, au Salvador, au Népal et aux Philippines.',
      ['MA', 'SN', 'TN', 'CR', 'EC', 'SV', 'NP', 'PH'],
    ],
    [
      'comprend le Maroc par-mi les huit pays cibles : Bangladesh, Équateur, Jamaique, Kyrgyzstan, République de moldova, Serbie et Tunisie.',
      ['MA', 'BD', 'EC', 'JM', 'KG', 'MD', 'RS', 'TN'],
    ],
    ['les migrants de retour du Maroc, du Tunisie et du Séné-gal', ['MA', 'TN', 'SN']],
    ['tel que le Cameroun, la Côte d’Ivoire, le Nigeria etc.', ['CM', 'CI', 'NG']],
    ['la France, la Grèce, l’Italie, la Pologne et l’Espagne vers l’Albanie, l’Ukraine et le Maroc', ['FR', 'GR', 'IT', 'PL', 'ES', 'AL', 'UA', 'MA']],
    ['le Maroc, la Tanzanie et le Yémen', ['MA', 'TZ', 'YE']],
    ['L’OIM Maroc a organisé', ['MA']],
    ['les bureaux de l’OIM en Égypte, Libye, Tunisie et Yémen', ['EG', 'LY', 'TN', 'YE']],
    ['La Turquie et la Bosnie-Herzégovine', ['TR', 'BA']],
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  test.each([
    'une réunion avec Dominique et Maurice',
    'la turquie', // not capitalised
    'Les marocains résidant à l’étranger',
    'Le programme ES et IT', // codes are not looked for in text
    'les pays du Golfe et l’Afrique Subsaharienne',
  ])('none in: %s', (text) => {
    expect(findCountriesInText(text)).toEqual([]);
  });

  test('de-duplicated, raw as written', () => {
    expect(findCountriesInText('au Maroc et au MAROC, en Equateur')).toEqual([
      { code: 'MA', name: 'Maroc', raw: 'Maroc' },
      { code: 'EC', name: 'Équateur', raw: 'Equateur' },
    ]);
  });

  test('seed 003 activity sheet names its countries', () => {
    const text = readFileSync(new URL('../../fixtures/seeds/003_905411b0d1b2955d.txt', import.meta.url), 'utf8');
    const found = codes(text);
    for (const c of ['MA', 'BD', 'EC', 'JM', 'KG', 'MD', 'RS', 'TN', 'SN', 'CR', 'SV', 'NP', 'PH', 'CM', 'CI', 'NG', 'TZ', 'YE', 'FR', 'GR', 'IT', 'PL', 'ES', 'AL', 'UA', 'EG', 'LY']) {
      expect(found, c).toContain(c);
    }
  });
});

describe('resolveCountryQuery', () => {
  test.each([
    ['Maroc', 'MA'],
    ['maroc', 'MA'],
    ['Morocco', 'MA'],
    ['MA', 'MA'],
    ['ma', 'MA'],
    ['mar', 'MA'],
    ['es', 'ES'],
    ['Espagne', 'ES'],
    ['tunisie', 'TN'],
    ['Zorglub', null],
  ])('%s -> %s', (q, code) => {
    expect(resolveCountryQuery(q)).toBe(code);
  });

  test('countryName and suggestions', () => {
    expect(countryName('ma')).toBe('Maroc');
    expect(countryName('ZZ')).toBeNull();
    expect(nearestCountryNames('Marroc')).toContain('Maroc');
  });
});
