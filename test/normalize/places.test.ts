import { describe, expect, test } from 'vitest';
import { findPlacesInText, resolvePlace } from '../../src/normalize/places.js';
import { PLACES } from '../../src/normalize/data/places.js';

describe('resolvePlace', () => {
  test.each([
    ['Rabat', 'Rabat', 'MA', 'city'],
    ['Casablanca', 'Casablanca', 'MA', 'city'],
    ['Tanger', 'Tanger', 'MA', 'city'],
    ['Tangier', 'Tanger', 'MA', 'city'],
    ['Tétouan', 'Tétouan', 'MA', 'city'],
    ['Tetouan', 'Tétouan', 'MA', 'city'],
    ['Marrakech', 'Marrakech', 'MA', 'city'],
    ['Marrakesh', 'Marrakech', 'MA', 'city'],
    ['Fès', 'Fès', 'MA', 'city'],
    ['Fez', 'Fès', 'MA', 'city'],
    ['Oujda', 'Oujda', 'MA', 'city'],
    ['Nador', 'Nador', 'MA', 'city'],
    ['Agadir', 'Agadir', 'MA', 'city'],
    ['Khouribga', 'Khouribga', 'MA', 'city'],
    ['Beni Mellal', 'Béni Mellal', 'MA', 'city'],
    ['Béni-Mellal', 'Béni Mellal', 'MA', 'city'],
    ['Mohammedia', 'Mohammedia', 'MA', 'city'],
    ['Sale', 'Salé', 'MA', 'city'],
    ['Kenitra', 'Kénitra', 'MA', 'city'],
    ['Meknes', 'Meknès', 'MA', 'city'],
    ['Laayoune', 'Laâyoune', 'MA', 'city'],
    ['Dakhla', 'Dakhla', 'MA', 'city'],
    ['ville de Tanger', 'Tanger', 'MA', 'city'],
    ['Casablanca-Settat', 'Casablanca-Settat', 'MA', 'region'],
    ['région de Casablanca-Settat', 'Casablanca-Settat', 'MA', 'region'],
    ['Rabat-Salé-Kénitra', 'Rabat-Salé-Kénitra', 'MA', 'region'],
    ['Tanger-Tétouan-Al Hoceima', 'Tanger-Tétouan-Al Hoceïma', 'MA', 'region'],
    ['Béni Mellal-Khénifra', 'Béni Mellal-Khénifra', 'MA', 'region'],
    ["l'Oriental", 'Oriental', 'MA', 'region'],
    ['Souss-Massa', 'Souss-Massa', 'MA', 'region'],
    ['Chaouia Ouardigha', 'Chaouia-Ouardigha', 'MA', 'region'],
    ['Tadla-Azilal', 'Tadla-Azilal', 'MA', 'region'],
    ['Huelva', 'Huelva', 'ES', 'province'],
    ['province de Huelva', 'Huelva', 'ES', 'province'],
    ['Huelva (Espagne)', 'Huelva', 'ES', 'province'],
    ['Rome', 'Rome', 'IT', 'city'],
    ['Tunis', 'Tunis', 'TN', 'city'],
    ['Dakar', 'Dakar', 'SN', 'city'],
    ['Paris', 'Paris', 'FR', 'city'],
    ['Genève', 'Genève', 'CH', 'city'],
    ['Geneva', 'Genève', 'CH', 'city'],
    ['Maroc', 'Maroc', 'MA', 'country'],
    ['Tunisie', 'Tunisie', 'TN', 'country'],
  ])('%s -> %s', (raw, name, country, kind) => {
    expect(resolvePlace(raw)).toEqual({ name, country, kind, raw });
  });

  test.each(['Bir Chifae', 'Zorglub', ''])('unknown: %j', (raw) => {
    expect(resolvePlace(raw)).toBeNull();
  });
});

describe('findPlacesInText', () => {
  const names = (t: string) => findPlacesInText(t).map((p) => p.name);

  test.each([
    [
      'L’OIM Maroc a organisé trois formations dans les villes de Rabat (15-17 février 2022), Casablanca (22-24 mars 2022), et Marrakech (29-31 mars 2022)',
      ['Rabat', 'Casablanca', 'Marrakech'],
    ],
    ['L’employabilité des migrantes dans les villes de Casablanca et Mohammedia', ['Casablanca', 'Mohammedia']],
    ['aux associations de proximité dans la région de Casablanca-Settat de se mobiliser', ['Casablanca-Settat']],
    ['dans quatre quartiers à Tanger (Bir Chifae, Bendibane) et trois quartiers à Tétouan (Ancienne Médina)', ['Tanger', 'Tétouan']],
    [
      'réalisé dans les villes marocaines de Khouribga dans la région de Chaouia Ouardigha et de Beni Mellal dans celle de Tadla-Azilal.',
      ['Khouribga', 'Chaouia-Ouardigha', 'Béni Mellal', 'Tadla-Azilal'],
    ],
    ['chapeauté par l’OIM Rome et mis en œuvre par Rabat, Tunis et Dakar.', ['Rome', 'Rabat', 'Tunis', 'Dakar']],
    ['la récolte des fruits rouges dans la province de Huelva (Espagne).', ['Huelva']],
    ['Coordonné par l’OIM Paris, l’objectif', ['Paris']],
    ['à TETOUAN et à tetouan', ['Tétouan']],
    ['dans l’Oriental', ['Oriental']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  test.each(['une sale affaire', 'le rabat de la poche', 'Afrique orientale', 'au Maroc et en Tunisie'])('none in: %s', (text) => {
    expect(findPlacesInText(text)).toEqual([]);
  });

  test('canonical spelling, country and raw', () => {
    expect(findPlacesInText('à Tetouan')).toEqual([{ name: 'Tétouan', country: 'MA', kind: 'city', raw: 'Tetouan' }]);
  });

  test('gazetteer names are unique', () => {
    const names = PLACES.map((p) => `${p.name}|${p.country}`);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PLACES) expect(resolvePlace(p.name)?.name, p.name).toBe(p.name);
  });
});

describe('a list of cities is not a region named after two of them (issue 15)', () => {
  test('"à Tanger, Tétouan, Fès" gives three cities, not "Tanger-Tétouan"', () => {
    expect(findPlacesInText('Des ateliers se sont tenus à Tanger, Tétouan, Fès et Oujda.').map((p) => p.name)).toEqual(['Tanger', 'Tétouan', 'Fès', 'Oujda']);
  });
  test('the region written as one name stays the region', () => {
    expect(findPlacesInText('dans la région de Tanger-Tétouan-Al Hoceïma').map((p) => p.kind)).toEqual(['region']);
  });
});
