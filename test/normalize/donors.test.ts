import { describe, expect, test } from 'vitest';
import {
  findDonorsInFundingText,
  findDonorsInText,
  findFunderSpans,
  listDonors,
  nearestDonorNames,
  resolveDonor,
  resolveDonorQuery,
  splitDonorList,
} from '../../src/normalize/donors.js';

describe('resolveDonor', () => {
  test.each([
    // EU
    ['UE', 'EU'],
    ['EU', 'EU'],
    ['Union européenne', 'EU'],
    ['Union Européenne', 'EU'],
    ['union europeenne', 'EU'],
    ['European Union', 'EU'],
    ['Commission européenne', 'EU'],
    ['European Commission', 'EU'],
    ['CE', 'EU'],
    ["l'Union européenne", 'EU'],
    ['l’Union européenne', 'EU'],
    ['Union Euro-péenne', 'EU'],
    ['Union européenne (UE)', 'EU'],
    // Switzerland
    ['Suisse', 'CH'],
    ['Switzerland', 'CH'],
    ['Confédération suisse', 'CH'],
    ['Coopération suisse', 'CH'],
    ['DDC', 'DDC'],
    ['SDC', 'DDC'],
    ['Direction du développement et de la coopération', 'DDC'],
    ['Direction du développement et de la Coopération Suisse (DDC)', 'DDC'],
    // Netherlands
    ['Pays-Bas', 'NL'],
    ['Pays Bas', 'NL'],
    ['Netherlands', 'NL'],
    ['gouvernement des Pays-Bas', 'NL'],
    ['le gouvernement des Pays-Bas', 'NL'],
    ['Royaume des Pays-Bas', 'NL'],
    // Belgium
    ['Belgique', 'BE'],
    ['Belgium', 'BE'],
    ['Coopération belge', 'BE'],
    ['la Coopération belge', 'BE'],
    ['Enabel', 'ENABEL'],
    // Spain, Morocco, Germany, Finland
    ['Espagne', 'ES'],
    ['AECID', 'AECID'],
    ['Maroc', 'MA'],
    ['Royaume du Maroc', 'MA'],
    ['gouvernement du Maroc', 'MA'],
    ['Gouvernement du Maroc', 'MA'],
    ['Allemagne', 'DE'],
    ['gouvernement allemand', 'DE'],
    ['gouvernement Allemand', 'DE'],
    ['GIZ', 'GIZ'],
    ['Finlande', 'FI'],
    // United States
    ['États-Unis', 'US'],
    ['Etats-Unis', 'US'],
    ['Etats Unis', 'US'],
    ['USA', 'US'],
    ['United States', 'US'],
    ["Département d'Etat des États-Unis", 'US'],
    ['département d’Etat des États-Unis', 'US'],
    ['US Department of State', 'US'],
    ['USAID', 'USAID'],
    ['Agence Américaine pour le Développement International', 'USAID'],
    ['PRM', 'PRM'],
    ['Bureau des populations, des réfugiés et des migrations', 'PRM'],
    ['Bureau des populations, des réfugiés et des migrations (PRM)', 'PRM'],
    ['Bureau des populations, des réfugiés et des migrations (PRM) du département d’Etat des États-Unis', 'PRM'],
    ['Bureau of Population, Refugees, and Migration', 'PRM'],
    // Denmark
    ['Danemark', 'DK'],
    ['Ministère des Affaires Etrangères du Danemark', 'DK'],
    ['ministere des affaires etrangeres du danemark', 'DK'],
    ['DANIDA', 'DANIDA'],
    // IOM Development Fund
    ['Fonds de l’OIM pour le développement', 'IDF'],
    ["Fonds de l'OIM pour le développement", 'IDF'],
    ['IOM Development Fund', 'IDF'],
    ['IDF', 'IDF'],
    // Others
    ['France', 'FR'],
    ['AFD', 'AFD'],
    ['Italie', 'IT'],
    ['Royaume-Uni', 'GB'],
    ['UK', 'GB'],
    ['FCDO', 'FCDO'],
    ['Japon', 'JP'],
    ['Norvège', 'NO'],
    ['Suède', 'SE'],
    ['Sida', 'SIDA'],
    ['Canada', 'CA'],
    ['PNUD', 'UNDP'],
    ['UNDP', 'UNDP'],
    ['UNHCR', 'UNHCR'],
    ['Banque mondiale', 'WB'],
    ['World Bank', 'WB'],
    // organ of a government
    ["Ministère de l'Intérieur d'Espagne", 'ES'],
    ['Ambassade des Pays-Bas', 'NL'],
  ])('%s -> %s', (raw, code) => {
    const d = resolveDonor(raw);
    expect(d.code).toBe(code);
    expect(d.known).toBe(true);
    expect(d.raw).toBe(raw);
  });

  test('canonical name, kind and parent', () => {
    expect(resolveDonor('UE')).toEqual({ code: 'EU', name: 'Union européenne', kind: 'multilateral', raw: 'UE', known: true });
    expect(resolveDonor('Enabel')).toMatchObject({ code: 'ENABEL', kind: 'agency', parent: 'BE' });
    expect(resolveDonor('DDC')).toMatchObject({ kind: 'agency', parent: 'CH' });
    expect(resolveDonor('USAID')).toMatchObject({ kind: 'agency', parent: 'US' });
    expect(resolveDonor('PRM')).toMatchObject({ kind: 'agency', parent: 'US' });
    expect(resolveDonor('GIZ')).toMatchObject({ kind: 'agency', parent: 'DE' });
    expect(resolveDonor('AECID')).toMatchObject({ kind: 'agency', parent: 'ES' });
    expect(resolveDonor('DANIDA')).toMatchObject({ kind: 'agency', parent: 'DK' });
    expect(resolveDonor('IDF')).toMatchObject({ kind: 'iom-fund', name: "Fonds de l'OIM pour le développement" });
    expect(resolveDonor('Suisse')).toMatchObject({ kind: 'government', name: 'Suisse' });
    expect(resolveDonor('Suisse').parent).toBeUndefined();
  });

  test.each(['Fondation Zorglub', '  Ministère de la Jeunesse et des Sports ', 'OIM'])('unknown: %s', (raw) => {
    expect(resolveDonor(raw)).toEqual({ code: null, name: raw.trim(), kind: 'unknown', known: false, raw });
  });
});

describe('splitDonorList', () => {
  test.each([
    ['UE & Suisse', ['UE', 'Suisse']],
    ['Belgique, Espagne, Maroc, Pays-Bas, UE et Suisse', ['Belgique', 'Espagne', 'Maroc', 'Pays-Bas', 'UE', 'Suisse']],
    ['Bureau des populations, des réfugiés et des migrations (PRM)', ['Bureau des populations, des réfugiés et des migrations (PRM)']],
    ['Fonds de l’OIM pour le développement', ['Fonds de l’OIM pour le développement']],
    ['Direction du développement et de la coopération', ['Direction du développement et de la coopération']],
    ['Fonds : UE & Suisse', ['UE', 'Suisse']],
    ['UE', ['UE']],
    ['USAID / PRM', ['USAID', 'PRM']],
    ['UE; Suisse', ['UE', 'Suisse']],
    ['Union européenne ainsi que la Suisse', ['Union européenne', 'la Suisse']],
    ['Fondation Drosos et UE', ['Fondation Drosos', 'UE']],
    ['Fondation Bill & Melinda Gates', ['Fondation Bill & Melinda Gates']],
    ['Ministère de la Jeunesse et des Sports', ['Ministère de la Jeunesse et des Sports']],
    ['Zorglub, UE', ['Zorglub', 'UE']],
    ['', []],
  ])('%s', (raw, parts) => {
    expect(splitDonorList(raw)).toEqual(parts);
  });
});

describe('findDonorsInText', () => {
  const codes = (text: string) => findDonorsInText(text).map((d) => d.code);

  test.each([
    ['Financé par le Fonds de l’OIM pour le développement, le pro-jet vise à renforcer', ['IDF']],
    [
      'Ce programme est mis en œuvre par le PNUD en partenariat avec l’OIM, le CIF-OIT, l’ONU Femmes, l’UNHCR, l’UNITAR et le FNUAP et financé par l’Union Euro-péenne (UE) et la Direction du développement et de la Coopération Suisse (DDC). Le programme',
      ['EU', 'DDC'],
    ],
    ['Grâce au financement de l’UE, les bureaux de l’OIM Maroc et Tunisie', ['EU']],
    ['Grâce au fi-nancement de l’UE, les bureaux', ['EU']],
    ['« Assistance et protection des enfants » financé par le Ministère des Affaires Etrangères du Danemark, le « Programme Régional Africain pour les Migrations »', ['DK']],
    [
      'financé par le Bureau des populations, des réfugiés et des migrations (PRM) du département d’Etat des États-Unis, mis en œuvre en partenariat avec la Direction des Affaires de la Migration',
      ['PRM'],
    ],
    ['le projet « Coopération en matière de migration » (COMPASS) financé par le gouvernement des Pays-Bas.', ['NL']],
    ['le projet Amuddu, financé par la Coopération belge et mis en œuvre par Enabel, vise', ['BE']],
    ['mis en œuvre par CARE International Maroc en collaboration avec l’ANAPEC et financé par Enabel s’inscrit dans ce cadre.', ['ENABEL']],
    ['Financé par le gouvernement Allemand, l’OIM Maroc a mis en place', ['DE']],
    ['est un projet fi-\n\nnancé par l’Union européenne et vise à renforcer', ['EU']],
    ['est fi-nancé par l’Agence Américaine pour le Développement International (USAID), et mis en œuvre par l’OIM', ['USAID']],
    ['Financé par l’Union européenne, ce projet régional est chapeauté par l’OIM Rome', ['EU']],
    ['Fonds : UE & Suisse', ['EU', 'CH']],
    ['Fonds : Belgique, Espagne, Maroc, Pays-Bas, UE et Suisse', ['BE', 'ES', 'MA', 'NL', 'EU', 'CH']],
    ['Fonds : Fonds de l’OIM pour le développement', ['IDF']],
    ['Fonds : USAID', ['USAID']],
    ['Fonds : Allemagne\n\n• Action transnationale', ['DE']],
    ['This project is funded by the European Union and the Swiss Agency for Development and Cooperation.', ['EU', 'DDC']],
    ['financé par la Fondation Drosos et la Banque Zorglub.', ['DROSOS', null]],
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  test.each([
    'L’OIM Maroc a organisé trois formations au profit d’acteurs institutionnels du Ministère de la Justice et de l’Entraide Nationale.',
    'mis en œuvre par le PNUD en partenariat avec l’OIM, l’UNHCR et le FNUAP.',
    'Le projet est financé par des fonds propres.',
    'Les Fonds de l’OIM servent à',
    'Ce projet vise la Suisse et l’UE.',
    'financé par ce projet',
  ])('no funder: %s', (text) => {
    expect(findDonorsInText(text).filter((d) => d.known)).toEqual([]);
  });

  test('unknown funders after a trigger are kept, with their name as written', () => {
    expect(findDonorsInText('Le projet est financé par la Fondation Zorglub pour l’Enfance, en partenariat avec l’OIM.')).toEqual([
      { code: null, name: 'Fondation Zorglub pour l’Enfance', kind: 'unknown', known: false, raw: 'Fondation Zorglub pour l’Enfance' },
    ]);
  });

  test('raw keeps the text as written, bracketed acronym included', () => {
    const [eu, ddc] = findDonorsInText('financé par l’Union Euro-péenne (UE) et la Direction du développement et de la Coopération Suisse (DDC).');
    expect(eu).toMatchObject({ code: 'EU', raw: 'Union Euro-péenne (UE)' });
    expect(ddc).toMatchObject({ code: 'DDC', raw: 'Direction du développement et de la Coopération Suisse (DDC)' });
    expect(findDonorsInText('financé par le gouvernement des Pays-Bas.')[0]).toMatchObject({ raw: 'gouvernement des Pays-Bas' });
  });

  test('de-duplicated by code', () => {
    expect(findDonorsInText('Financé par l’UE. Fonds : UE').map((d) => d.code)).toEqual(['EU']);
  });

  test('a bracketed agency of the named government is the more precise funder', () => {
    expect(findDonorsInText('financé par le Royaume-Uni (FCDO).').map((d) => d.code)).toEqual(['FCDO']);
  });

  test('findFunderSpans covers the trigger and the list', () => {
    const text = 'Au Maroc. Fonds : Belgique, Espagne et Suisse\nSuite';
    const [span] = findFunderSpans(text);
    expect(text.slice(span!.start, span!.end)).toBe('Fonds : Belgique, Espagne et Suisse');
  });

  test('findDonorsInFundingText reads a bare list when there is no trigger', () => {
    expect(findDonorsInFundingText('UE & Suisse').map((d) => d.code)).toEqual(['EU', 'CH']);
    expect(findDonorsInFundingText('Fonds : UE').map((d) => d.code)).toEqual(['EU']);
  });
});

describe('resolveDonorQuery', () => {
  test.each([
    ['États-Unis', ['US', 'USAID', 'PRM']],
    ['Etats-Unis', ['US', 'USAID', 'PRM']],
    ['USA', ['US', 'USAID', 'PRM']],
    ['us', ['US', 'USAID', 'PRM']],
    ['Belgique', ['BE', 'ENABEL']],
    ['Suisse', ['CH', 'DDC', 'SEM']],
    ['USAID', ['USAID']],
    ['enabel', ['ENABEL']],
    ['PRM', ['PRM']],
    ['UE', ['EU', 'EUTF', 'ECHO']],
    ['Fonds de l’OIM pour le développement', ['IDF']],
    ['idf', ['IDF']],
  ])('%s -> %j', (q, codes) => {
    expect(resolveDonorQuery(q)).toEqual({ codes, unknown: false });
  });

  test('unknown', () => {
    expect(resolveDonorQuery('Zorglub')).toEqual({ codes: [], unknown: true });
  });
});

describe('registry', () => {
  test('codes are unique, parents exist and are not agencies', () => {
    const all = listDonors();
    const codes = all.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of all) {
      if (d.kind === 'agency') {
        expect(d.parent, d.code).toBeTruthy();
        const parent = all.find((p) => p.code === d.parent);
        expect(parent, d.code).toBeDefined();
        expect(parent!.kind).not.toBe('agency');
      } else {
        expect(d.parent, d.code).toBeNull();
      }
    }
  });

  test('every alias resolves to its own donor', () => {
    for (const d of listDonors()) {
      for (const a of [d.name, ...d.aliases]) expect(resolveDonor(a).code, a).toBe(d.code);
    }
  });

  test('nearestDonorNames suggests close names', () => {
    expect(nearestDonorNames('Belgiqe')).toContain('Belgique');
    expect(nearestDonorNames('enabl')).toContain('Enabel');
    expect(nearestDonorNames('Union europeene')[0]).toBe('Union européenne');
    expect(nearestDonorNames('xqzwv')).toEqual([]);
  });
});
