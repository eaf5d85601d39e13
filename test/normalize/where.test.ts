import { describe, expect, it } from 'vitest';
import { countriesWhereRun, countryOfPlace } from '../../src/normalize/where.js';
import { findGeoMentions, resolveGeoName } from '../../src/normalize/gazetteer.js';

const codes = (text: string, site: string[] = []) => countriesWhereRun(text, site).map((c) => c.code);

describe('gazetteer', () => {
  it('finds towns and regions, capitalised, with their countries', () => {
    const m = findGeoMentions('Le projet a été lancé à Louga et à Matam, puis à Niamey.');
    expect(m.map((x) => x.raw)).toEqual(['Louga', 'Matam', 'Niamey']);
    expect(m.map((x) => x.name.candidates[0]!.country)).toEqual(['SN', 'SN', 'NE']);
  });
  it('does not take lower-case words for places', () => {
    expect(findGeoMentions('un bol de riz, say it again, le lac est plein').map((x) => x.raw)).toEqual([]);
  });
  it('merges spellings of one name ("San-Pédro", "San Pedro") and leaves country names out', () => {
    const g = resolveGeoName('San-Pédro')!;
    expect(g.candidates.map((c) => c.country)).toContain('CI');
    expect(g.candidates.map((c) => c.country)).toContain('PH');
    expect(resolveGeoName('Mexico')).toBeNull();
  });
  it('resolves a location field piece with its kind word', () => {
    expect(countryOfPlace('Hatay province')).toBe('TR');
    expect(countryOfPlace('Antakya')).toBe('TR');
    expect(countryOfPlace('the Mafraq Governorate')).toBe('JO');
    expect(countryOfPlace('Partners and donors')).toBeNull();
  });
});

describe('countriesWhereRun', () => {
  it('reads the towns a newspaper names where a project runs', () => {
    expect(codes('Deux projets ont été lancés hier à Saint-Louis, destinés aux régions de Saint-Louis, Louga et Matam.')).toEqual(['SN']);
  });
  it('takes an ambiguous town in the country its neighbours are in', () => {
    expect(codes('Un projet lancé hier à San-Pédro forme les jeunes de Soubré et de Daloa.')).toEqual(['CI']);
  });
  it('reads a dateline', () => {
    expect(codes("N'Djamena – Herders and farmers compete for water, a chief said.")).toEqual(['TD']);
  });
  it('prefers where things happen over where people come from, named once', () => {
    const text =
      "Mutsamudu, 25 janvier 2024 – Un programme pour les personnes reconduites depuis Mayotte, interpellées à Mayotte, a été présenté à Mutsamudu. Il appuie 400 projets dans les communes de Domoni, Sima et Ouani.";
    expect(codes(text)).toEqual(['KM']);
  });
  it('does not read "Spain" in "Port of Spain"', () => {
    expect(codes('The embassy in Port of Spain announced support for families in Siparia.')).toEqual(['TT']);
  });
  it('keeps two countries where a text places the project in both', () => {
    expect(codes('The programme runs in Somalia and in Ethiopia.').sort()).toEqual(['ET', 'SO']);
  });
  it('gives nothing when the text places nothing', () => {
    expect(codes('The programme offers legal advice and language classes to migrants.')).toEqual([]);
    // A name that is also a common word counts only where the text says it is a place.
    expect(codes('Say what you will, Victoria said the plan works.')).toEqual([]);
  });
});
