import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cleanTitle, findAcronym, normalizeRecord, recordId } from '../../src/normalize/index.js';
import type { ProjectDraft, RepairChange } from '../../src/types.js';

const seed = (name: string) => readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8');
const today = new Date('2024-06-15T00:00:00Z');
const change = (line: number): RepairChange => ({ line, before: 'Oc- tobre', after: 'Octobre', rule: 'joinHyphenatedLines', confidence: 0.9 });

/** The ICMD block of the activity sheet (seed 003), from its title line to its "Fonds :" line. */
function icmdText(): string {
  const s = seed('003_905411b0d1b2955d.txt');
  const a = s.indexOf('• Initiative Conjointe');
  const end = 'Fonds : UE & Suisse';
  return s.slice(a, s.indexOf(end) + end.length);
}

function icmdDraft(period: string): ProjectDraft {
  return {
    kind: 'iom-activity-sheet',
    index: 3,
    title: '• Initiative Conjointe Migration et Développement phase (ICMD) Phase II',
    section: 'MIGRATION ET DÉVELOPPEMENT',
    period,
    donors: ['UE & Suisse'],
    donorsText: 'Fonds : UE & Suisse',
    text: icmdText(),
    lines: { from: 40, to: 48 },
  };
}

describe('normalizeRecord: activity-sheet project (ICMD)', () => {
  test.each(['Oc-tobre 2013 - Avril 2016', 'Oc- tobre 2013 - Avril 2016', 'Octobre 2013 - Avril 2016'])('period %j', (period) => {
    const r = normalizeRecord(icmdDraft(period), {
      sourceName: 'fixtures/seeds/003_905411b0d1b2955d.txt',
      repairs: [change(39), change(40), change(45), change(48), change(49)],
      today,
    });
    expect(r).toMatchObject({
      kind: 'iom-activity-sheet',
      title: 'Initiative Conjointe Migration et Développement phase (ICMD) Phase II',
      acronym: 'ICMD',
      section: 'MIGRATION ET DÉVELOPPEMENT',
      start: '2013-10',
      end: '2016-04',
      endOpen: false,
      status: 'completed',
      statusCode: 4,
      statusDerived: true,
      activityStart: null,
      activityEnd: null,
      budget: { amount: 9500000, currency: 'USD', raw: '9.5 millions de dollars US' },
      budgetUsd: 9500000,
      year: null,
      repairs: 3,
      partners: [],
      implementers: [],
      places: [],
      beneficiaries: [],
      summary: null,
    });
    expect(r.id).toMatch(/^[0-9a-f]{12}$/);
    expect(r.donors).toEqual([
      { code: 'EU', name: 'Union européenne', kind: 'multilateral', raw: 'UE', known: true },
      { code: 'CH', name: 'Suisse', kind: 'government', raw: 'Suisse', known: true },
    ]);
    // Countries named in the text; "Coopération Suisse" in the funding sentence is not one.
    expect(r.countries.map((c) => c.code)).toEqual(['MA', 'SN', 'TN', 'CR', 'EC', 'SV', 'NP', 'PH']);
    expect(r.raw).toEqual({
      title: '• Initiative Conjointe Migration et Développement phase (ICMD) Phase II',
      section: 'MIGRATION ET DÉVELOPPEMENT',
      period,
      donors: ['UE & Suisse'],
      donorsText: 'Fonds : UE & Suisse',
    });
    expect(r.text).toBe(icmdText());
  });

  test('without a donors field, the funders come from the text', () => {
    const d = icmdDraft('Octobre 2013 - Avril 2016');
    delete d.donors;
    delete d.donorsText;
    const r = normalizeRecord(d, { sourceName: 's', repairs: [], today });
    // First funding phrase in the block: "financé par l’Union Euro-péenne (UE) et la Direction ... (DDC)"; then "Fonds : UE & Suisse".
    expect(r.donors.map((x) => x.code)).toEqual(['EU', 'DDC', 'CH']);
  });

  test('the id is stable and derives from source, position and canonical title', () => {
    const a = normalizeRecord(icmdDraft('Oc-tobre 2013 - Avril 2016'), { sourceName: 'src.pdf', repairs: [], today });
    const b = normalizeRecord(icmdDraft('Octobre 2013 - Avril 2016'), { sourceName: 'src.pdf', repairs: [], today: new Date() });
    expect(a.id).toBe(b.id);
    const expected = createHash('sha1')
      .update('src.pdf\n3\ninitiative conjointe migration et developpement phase (icmd) phase ii')
      .digest('hex')
      .slice(0, 12);
    expect(a.id).toBe(expected);
    expect(recordId('src.pdf', 3, '  Initiative Conjointe  Migration et Développement phase (ICMD) Phase II')).toBe(expected);
    expect(normalizeRecord(icmdDraft('2013'), { sourceName: 'other.pdf', repairs: [], today }).id).not.toBe(a.id);
  });
});

describe('normalizeRecord: project sheet (seed 000)', () => {
  const page = seed('000_7d4a42574226c896.txt');
  const description = page.slice(page.indexOf('Ce projet s’intéressera'));
  const draft: ProjectDraft = {
    kind: 'iom-project-sheet',
    index: 0,
    title: 'Autonomisation des femmes travailleuses migrantes circulaires au Maroc',
    start: '2020',
    end: '2022',
    status: 'Achevé',
    type: 'Migration de main-d’œuvre',
    budget: '300000.00',
    budgetLabel: 'Budget Amount (USD)',
    coverage: 'National',
    year: '2020',
    idfRegion: 'Afrique',
    primaId: 'MA10P0517',
    projectId: 'LM.0416',
    memberStates: ['Maroc'],
    summary: description.split('\n')[0],
    text: description,
    lines: { from: 57, to: 63 },
  };

  test('fields', () => {
    const r = normalizeRecord(draft, { sourceName: 'fixtures/seeds/000_7d4a42574226c896.txt', repairs: [change(10)], today });
    expect(r).toMatchObject({
      kind: 'iom-project-sheet',
      title: 'Autonomisation des femmes travailleuses migrantes circulaires au Maroc',
      acronym: null,
      section: null,
      status: 'completed',
      statusCode: 4,
      statusDerived: false,
      type: 'Migration de main-d’œuvre',
      start: '2020',
      end: '2022',
      endOpen: false,
      budget: { amount: 300000, currency: 'USD', raw: '300000.00' },
      budgetUsd: 300000,
      coverage: 'National',
      year: 2020,
      idfRegion: 'Afrique',
      primaId: 'MA10P0517',
      projectId: 'LM.0416',
      donors: [],
      repairs: 0,
    });
    expect(r.summary).toMatch(/^Ce projet s’intéressera aux travailleuses migrantes marocaines/);
    // The member state, then the country of Huelva.
    expect(r.countries).toEqual([
      { code: 'MA', name: 'Maroc', raw: 'Maroc' },
      { code: 'ES', name: 'Espagne' },
    ]);
    expect(r.places).toEqual([{ name: 'Huelva', country: 'ES', kind: 'province', raw: 'Huelva' }]);
    expect(r.raw).toMatchObject({
      title: draft.title,
      start: '2020',
      end: '2022',
      status: 'Achevé',
      budget: '300000.00',
      budgetLabel: 'Budget Amount (USD)',
      coverage: 'National',
      year: '2020',
      idfRegion: 'Afrique',
      primaId: 'MA10P0517',
      projectId: 'LM.0416',
      memberStates: ['Maroc'],
    });
  });

  test('seed 001: an end only, budget 200000 USD', () => {
    const r = normalizeRecord(
      { ...draft, index: 0, title: 'Formation professionnelle et moyens de subsistance pour des migrants régularisés au Maroc', start: undefined, end: '2024', year: undefined, budget: '200000.00', text: 'En mars 2014, environ 13 000 migrants avaient demandé à être régularisés.' },
      { sourceName: 'fixtures/seeds/001_8173445587e2aa87.txt', repairs: [], today },
    );
    expect(r).toMatchObject({ start: null, end: '2024', status: 'completed', statusDerived: false, budgetUsd: 200000, year: null });
    expect(r.beneficiaries).toEqual([]); // the 13 000 migrants who had asked to be regularised are context (issue 15)
    expect(r.raw.start).toBeUndefined();
  });

  test('member states written on one line are split', () => {
    const r = normalizeRecord({ ...draft, memberStates: ['Maroc Tunisie Égypte'], text: '' }, { sourceName: 's', repairs: [], today });
    expect(r.countries.map((c) => c.code)).toEqual(['MA', 'TN', 'EG']);
  });
});

describe('normalizeRecord: news item (seed 002)', () => {
  const page = seed('002_48bdf5fe6fcf3a14.txt');
  const title = 'Formations au profit des acteurs institutionnels sur la traite des êtres humains, la protection des enfants migrants, l’interculturalité et la violence basée sur le genre';
  const text = page.slice(page.indexOf(title));

  test('activity dates, places, funders, participants', () => {
    const r = normalizeRecord(
      { kind: 'iom-news', index: 0, title, activityDates: ['15-17 février 2022', '22-24 mars 2022', '29-31 mars 2022'], text, lines: { from: 30, to: 36 } },
      { sourceName: 'news.html', repairs: [], today },
    );
    expect(r.activityStart).toBe('2022-02-15');
    expect(r.activityEnd).toBe('2022-03-31');
    expect(r.start).toBeNull();
    expect(r.status).toBeNull();
    expect(r.statusDerived).toBe(false);
    expect(r.places.map((p) => p.name)).toEqual(['Rabat', 'Casablanca', 'Marrakech']);
    expect(r.countries.map((c) => c.code)).toEqual(['MA']);
    expect(r.donors.map((d) => d.code)).toEqual(['DK', 'PRM', 'NL']);
    expect(r.beneficiaries.map((b) => [b.count, b.what])).toEqual([
      [70, 'participants'],
      [35, 'femmes'],
      [35, 'hommes'],
    ]);
    expect(r.raw.activityDates).toEqual(['15-17 février 2022', '22-24 mars 2022', '29-31 mars 2022']);
  });
});

describe('normalizeRecord: NGO article (seed 004)', () => {
  const text = seed('004_78dbbd9aacb2e536.txt');

  test('implementers and partners are cleaned and de-duplicated; funders from the text', () => {
    const r = normalizeRecord(
      {
        kind: 'ngo-article',
        index: 0,
        title: 'L’employabilité et l’insertion socioéconomique des migrantes dans les villes de Casablanca et Mohammedia',
        implementers: ['CARE International Maroc', ' CARE  International Maroc ', '• Enabel'],
        partners: ['ANAPEC', 'Anapec', 'Entraide nationale;'],
        text,
        lines: { from: 1, to: 40 },
      },
      { sourceName: 'care.html', repairs: [], today },
    );
    expect(r.implementers).toEqual(['CARE International Maroc', 'Enabel']);
    expect(r.partners).toEqual(['ANAPEC', 'Entraide nationale']);
    expect(r.donors.map((d) => d.code)).toEqual(['BE', 'ENABEL']);
    expect(r.places.map((p) => p.name)).toEqual(['Casablanca', 'Mohammedia', 'Casablanca-Settat']);
    expect(r.countries.map((c) => c.code)).toEqual(['MA']);
    expect(r.beneficiaries.map((b) => [b.count, b.what])).toEqual([
      [100, 'personnes migrantes'],
      [50, 'migrants'],
      [20, 'migrants'],
    ]);
    // The article's publication date is not the project's period.
    expect(r.start).toBeNull();
  });

  test('beneficiaryText is used instead of the text when given', () => {
    const r = normalizeRecord(
      { kind: 'ngo-article', index: 1, title: 'x', beneficiaryText: ['• 50 migrant.e.s, parmi la population mobilisée'], text, lines: { from: 1, to: 2 } },
      { sourceName: 'care.html', repairs: [], today },
    );
    expect(r.beneficiaries.map((b) => b.count)).toEqual([50]);
  });
});

describe('normalizeRecord: other cases', () => {
  const base: ProjectDraft = { kind: 'iom-activity-sheet', index: 5, title: 'x', text: '', lines: { from: 1, to: 1 } };

  test('AVRR: open-ended period, donor list split, funders not counted as countries', () => {
    const text =
      '• L’Assistance au Retour Volontaire et à la Réintégration (AVRR) depuis le Maroc\n' +
      'Depuis le commencement des activités du programme en 2005, l’OIM Maroc a assisté plus de 5500 bénéficiaires originaires pour la plupart de l’Afrique Subsaharienne tel que le Cameroun, la Côte d’Ivoire, le Nigeria etc.\n' +
      'Fonds : Belgique, Espagne, Maroc, Pays-Bas, UE et Suisse';
    const r = normalizeRecord(
      { ...base, title: '• L’Assistance au Retour Volontaire et à la Réintégration (AVRR) depuis le Maroc', period: 'depuis 2005', donors: ['Belgique, Espagne, Maroc, Pays-Bas, UE et Suisse'], text },
      { sourceName: 's', repairs: [], today },
    );
    expect(r).toMatchObject({ acronym: 'AVRR', start: '2005', end: null, endOpen: true, status: 'ongoing', statusDerived: true, statusCode: 2 });
    expect(r.donors.map((d) => d.code)).toEqual(['BE', 'ES', 'MA', 'NL', 'EU', 'CH']);
    expect(r.countries.map((c) => c.code)).toEqual(['MA', 'CM', 'CI', 'NG']);
    expect(r.beneficiaries).toMatchObject([{ count: 5500, what: 'bénéficiaires', qualifier: 'at-least' }]);
  });

  test('activity sheet: the countries named in the text are added; an IOM office’s city ("l’OIM Paris") is no project place', () => {
    const text =
      '• Action transnationale pour la lutte contre la traite Mai 2015 – Novembre 2016 Coordonné par l’OIM Paris, l’objectif du projet est d’améliorer ' +
      'le cadre du retour des victimes de la traite provenant des 5 pays Etats Membres de l’Union Européenne : la France, la Grèce, l’Italie, la Pologne et ' +
      'l’Espagne vers les 3 pays d’origine prioritaires ciblés par cette action : l’Albanie, l’Ukraine et le Maroc.\n\nFonds : UE';
    const r = normalizeRecord(
      { ...base, title: '• Action transnationale pour la lutte contre la traite Mai 2015 – Novembre 2016', period: 'Mai 2015 – Novembre 2016', donors: ['UE'], text },
      { sourceName: 's', repairs: [], today },
    );
    expect(r.title).toBe('Action transnationale pour la lutte contre la traite');
    expect(r.countries.map((c) => c.code)).toEqual(['FR', 'GR', 'IT', 'PL', 'ES', 'AL', 'UA', 'MA']);
    expect(r.places.map((p) => p.name)).toEqual([]);
    expect(r.beneficiaries).toEqual([]);
  });

  test('other kinds do not take countries from their text', () => {
    const r = normalizeRecord({ ...base, kind: 'iom-news', text: 'Une délégation de la Tunisie et du Sénégal.' }, { sourceName: 's', repairs: [], today });
    expect(r.countries).toEqual([]);
  });

  test('status from the page wins over the dates', () => {
    const r = normalizeRecord({ ...base, status: 'En cours', start: '2010', end: '2012' }, { sourceName: 's', repairs: [], today });
    expect(r).toMatchObject({ status: 'ongoing', statusDerived: false, statusCode: 2 });
  });

  test('no status and no dates: null', () => {
    const r = normalizeRecord(base, { sourceName: 's', repairs: [], today });
    expect(r).toMatchObject({ status: null, statusCode: null, statusDerived: false, start: null, end: null, endOpen: false });
  });

  test('an end written as "en cours" makes the period open', () => {
    const r = normalizeRecord({ ...base, start: '2019', end: 'En cours' }, { sourceName: 's', repairs: [], today });
    expect(r).toMatchObject({ start: '2019', end: null, endOpen: true, status: 'ongoing', statusDerived: true });
  });

  test('a year of 2020 only, and a budget in euros has no USD value', () => {
    const r = normalizeRecord({ ...base, period: '2020', budget: '1 200 000 €' }, { sourceName: 's', repairs: [], today });
    expect(r).toMatchObject({ start: '2020', end: '2020', budget: { amount: 1200000, currency: 'EUR' }, budgetUsd: null });
  });

  test('unknown donors are kept, and unknown places too', () => {
    const r = normalizeRecord({ ...base, donors: ['Fondation Zorglub & UE'], places: ['Tetouan', 'Bir Chifae', 'Tunisie'] }, { sourceName: 's', repairs: [], today });
    expect(r.donors).toEqual([
      { code: null, name: 'Fondation Zorglub', kind: 'unknown', known: false, raw: 'Fondation Zorglub' },
      { code: 'EU', name: 'Union européenne', kind: 'multilateral', raw: 'UE', known: true },
    ]);
    expect(r.places).toEqual([
      { name: 'Tétouan', country: 'MA', kind: 'city', raw: 'Tetouan' },
      { name: 'Bir Chifae', country: null, kind: 'city', raw: 'Bir Chifae' },
      { name: 'Tunisie', country: 'TN', kind: 'country', raw: 'Tunisie' },
    ]);
    expect(r.countries.map((c) => c.code)).toEqual(['MA', 'TN']);
  });

  test('donors de-duplicated by code', () => {
    const r = normalizeRecord({ ...base, donors: ['UE', 'Union européenne', 'Commission européenne & Suisse'] }, { sourceName: 's', repairs: [], today });
    expect(r.donors.map((d) => d.code)).toEqual(['EU', 'CH']);
  });
});

describe('titles and acronyms', () => {
  test.each([
    ['• Le Retour Temporaire des Nationaux Qualifiés (TRQN) Phase III', 'TRQN'],
    ['• L’Assistance au Retour Volontaire et à la Réintégration (AVRR) depuis le Maroc', 'AVRR'],
    ['• Initiative Conjointe Migration et Développement phase (ICMD) Phase II', 'ICMD'],
    ['• Favorable Opportunities to Reinforce Self-Advance-ment for Today’s Youth (FORSATY)', 'FORSATY'],
    ['• Solidarité avec les Enfants du Maghreb et du Mashreq (SALEMM)', 'SALEMM'],
    ['•MOTUSE : Renforcer la durabilité de la réintégration des migrants de retour', 'MOTUSE'],
    ['COMPASS', 'COMPASS'],
    ['COMPASS – Coopération en matière de migration et partenariats pour des solutions durables', 'COMPASS'],
    ['• L’Intégration de la Migration dans les Stratégies Nationales de Développement (Migration Mainstreaming)', null],
    ['OIM Maroc : rapport annuel', null],
    ['Projet financé par l’Union européenne (UE)', null],
    ['Programme (Phase II)', null],
    ['MIGRATION ET DÉVELOPPEMENT', null],
    ['Autonomisation des femmes travailleuses migrantes circulaires au Maroc', null],
  ])('%s -> %s', (title, acronym) => {
    expect(findAcronym(title)).toBe(acronym);
  });

  test('cleanTitle', () => {
    expect(cleanTitle('  •  Le Retour   Temporaire\n des Nationaux ')).toBe('Le Retour Temporaire des Nationaux');
    expect(cleanTitle('• Action transnationale pour la lutte contre la traite Mai 2015 – Novembre 2016', 'Mai 2015 – Novembre 2016')).toBe(
      'Action transnationale pour la lutte contre la traite',
    );
  });

  test('an acronym given by the extractor wins', () => {
    const r = normalizeRecord({ kind: 'iom-news', index: 0, title: 'Projet (ABC)', acronym: 'XYZ', text: '', lines: { from: 1, to: 1 } }, { sourceName: 's', repairs: [] });
    expect(r.acronym).toBe('XYZ');
  });
});
