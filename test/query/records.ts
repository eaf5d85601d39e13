// Hand-made ProjectRecords as normalize would produce them from the seed documents
// (fixtures/seeds), and a temporary database holding them, for the toolkit tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { writeSource } from '../../src/store/records.js';
import type { CountryRef, DonorRef, PageKind, ProjectRecord, SourceFormat } from '../../src/types.js';

const DONORS = {
  EU: { code: 'EU', name: 'Union européenne', kind: 'multilateral' },
  CH: { code: 'CH', name: 'Suisse', kind: 'government' },
  NL: { code: 'NL', name: 'Pays-Bas', kind: 'government' },
  BE: { code: 'BE', name: 'Belgique', kind: 'government' },
  ES: { code: 'ES', name: 'Espagne', kind: 'government' },
  MA: { code: 'MA', name: 'Maroc', kind: 'government' },
  FI: { code: 'FI', name: 'Finlande', kind: 'government' },
  IDF: { code: 'IDF', name: "Fonds de l'OIM pour le développement", kind: 'iom-fund' },
  USAID: { code: 'USAID', name: 'Agence des États-Unis pour le développement international', kind: 'agency', parent: 'US' },
  ENABEL: { code: 'ENABEL', name: 'Enabel', kind: 'agency', parent: 'BE' },
} as const;

function donor(code: keyof typeof DONORS, raw: string): DonorRef {
  const d = DONORS[code];
  return { code: d.code, name: d.name, kind: d.kind, parent: 'parent' in d ? d.parent : null, raw, known: true };
}

const COUNTRY_NAMES: Record<string, string> = {
  MA: 'Maroc', SN: 'Sénégal', TN: 'Tunisie', CR: 'Costa Rica', EC: 'Équateur', SV: 'Salvador', NP: 'Népal',
  PH: 'Philippines', BD: 'Bangladesh', JM: 'Jamaïque', KG: 'Kirghizistan', MD: 'Moldavie', RS: 'Serbie',
  EG: 'Égypte', LY: 'Libye', YE: 'Yémen',
};
const countries = (...codes: string[]): CountryRef[] => codes.map((code) => ({ code, name: COUNTRY_NAMES[code]!, raw: COUNTRY_NAMES[code]! }));

function record(p: Partial<ProjectRecord> & Pick<ProjectRecord, 'id' | 'kind' | 'title'>): ProjectRecord {
  return {
    acronym: null, section: null, status: null, statusCode: null, statusDerived: false, type: null, start: null, end: null,
    endOpen: false, activityStart: null, activityEnd: null, budget: null, budgetUsd: null, coverage: null, year: null,
    idfRegion: null, primaId: null, projectId: null, countries: [], donors: [], partners: [], implementers: [], places: [],
    beneficiaries: [], summary: null, raw: {}, repairs: 0, text: p.title,
    ...p,
  };
}

const MD = 'Migration et développement';
const ADM = 'Assistance directe aux migrants';
const JEUNESSE = 'Appui à la jeunesse et développement social';

/** "Fiche d'activités OIM Maroc" (seed 003): dates from the sheet, status derived from them. */
export const ACTIVITY_SHEET: ProjectRecord[] = [
  record({
    id: 'a3f1c2d40001', kind: 'iom-activity-sheet', section: MD, acronym: null,
    title: "L'Intégration de la Migration dans les Stratégies Nationales de Développement (Migration Mainstreaming)",
    start: '2014-02', end: '2018-02', status: 'completed', statusCode: 3, statusDerived: true,
    donors: [donor('CH', 'Suisse')], countries: countries('MA', 'BD', 'EC', 'JM', 'KG', 'MD', 'RS', 'TN'),
    partners: ['PNUD'],
    summary: 'La deuxième phase du programme conjoint PNUD-OIM a commencé en 2014, et comprend le Maroc parmi les huit pays cibles.',
  }),
  record({
    id: 'a3f1c2d40002', kind: 'iom-activity-sheet', section: MD, acronym: 'TRQN',
    title: 'Le Retour Temporaire des Nationaux Qualifiés (TRQN) Phase III',
    start: '2012-12', end: '2016-03', status: 'completed', statusCode: 3, statusDerived: true,
    donors: [donor('NL', 'Pays-Bas')], countries: countries('MA'),
  }),
  record({
    id: 'a3f1c2d40003', kind: 'iom-activity-sheet', section: MD,
    title: 'Formation professionnelle et opportunités des moyens de subsistance pour les migrants régularisés au Maroc',
    start: '2014-07', end: '2016-06', status: 'completed', statusCode: 3, statusDerived: true,
    donors: [donor('IDF', "Fonds de l'OIM pour le développement")], countries: countries('MA'),
  }),
  record({
    id: 'a3f1c2d40004', kind: 'iom-activity-sheet', section: MD, acronym: 'ICMD',
    title: 'Initiative Conjointe Migration et Développement phase (ICMD) Phase II',
    start: '2013-10', end: '2016-04', status: 'completed', statusCode: 3, statusDerived: true,
    budget: { amount: 9500000, currency: 'USD', raw: '9.5 millions de dollars US' }, budgetUsd: 9500000,
    donors: [donor('EU', 'UE'), donor('CH', 'Suisse')],
    countries: countries('MA', 'SN', 'TN', 'CR', 'EC', 'SV', 'NP', 'PH'),
    partners: ['CIF-OIT', 'ONU Femmes', 'UNHCR', 'UNITAR', 'FNUAP', 'OIM'], implementers: ['PNUD'],
    summary: "Ce programme est mis en œuvre par le PNUD en partenariat avec l'OIM, le CIF-OIT, l'ONU Femmes, l'UNHCR, l'UNITAR et le FNUAP et financé par l'Union Européenne (UE) et la Direction du développement et de la Coopération Suisse (DDC).",
    raw: { period: 'Octobre 2013 - Avril 2016', donorsText: 'Fonds : UE & Suisse' },
  }),
  record({
    id: 'a3f1c2d40005', kind: 'iom-activity-sheet', section: ADM, acronym: 'AVRR',
    title: "L'Assistance au Retour Volontaire et à la Réintégration (AVRR) depuis le Maroc",
    start: '2005', endOpen: true, status: 'ongoing', statusCode: 2, statusDerived: true,
    donors: [donor('BE', 'Belgique'), donor('ES', 'Espagne'), donor('MA', 'Maroc'), donor('NL', 'Pays-Bas'), donor('EU', 'UE'), donor('CH', 'Suisse')],
    countries: countries('MA'),
  }),
  record({
    id: 'a3f1c2d40006', kind: 'iom-activity-sheet', section: ADM, acronym: 'MOTUSE',
    title: 'MOTUSE : Renforcer la durabilité de la réintégration des migrants de retour du Maroc, du Tunisie et du Sénégal',
    start: '2015-01', end: '2016-06', status: 'completed', statusCode: 3, statusDerived: true,
    donors: [donor('EU', 'UE')], countries: countries('MA', 'TN', 'SN'),
  }),
  record({
    id: 'a3f1c2d40007', kind: 'iom-activity-sheet', section: ADM,
    title: 'Promotion de la santé et du bien-être parmi les migrants en Égypte, Libye, Maroc, Tunisie et Yémen',
    start: '2015-05', end: '2017-10', status: 'completed', statusCode: 3, statusDerived: true,
    donors: [donor('FI', 'Finlande')], countries: countries('EG', 'LY', 'MA', 'TN', 'YE'),
  }),
  record({
    id: 'a3f1c2d40008', kind: 'iom-activity-sheet', section: JEUNESSE, acronym: 'FORSATY',
    title: "Favorable Opportunities to Reinforce Self-Advancement for Today's Youth (FORSATY)",
    start: '2012-09', end: '2017-09', status: 'completed', statusCode: 3, statusDerived: true,
    donors: [donor('USAID', 'USAID')], countries: countries('MA'),
    places: [{ name: 'Tanger', country: 'MA', kind: 'city' }, { name: 'Tétouan', country: 'MA', kind: 'city' }],
  }),
];

/** IOM project sheets (seeds 000 and 001): labelled fields, budgets in USD, no donor named. */
export const PROJECT_SHEETS: ProjectRecord[] = [
  record({
    id: 'b7e2a9c10001', kind: 'iom-project-sheet',
    title: 'Autonomisation des femmes travailleuses migrantes circulaires au Maroc',
    start: '2020', end: '2022', status: 'completed', statusCode: 3, type: 'Migration de main-d’œuvre',
    budget: { amount: 300000, currency: 'USD', raw: '300000.00' }, budgetUsd: 300000, coverage: 'National', year: 2020,
    idfRegion: 'Afrique', primaId: 'MA10P0517', projectId: 'LM.0416', countries: countries('MA'),
    partners: ['ANAPEC'], places: [{ name: 'Huelva', country: 'ES', kind: 'province' }],
    summary: 'Ce projet s’intéressera aux travailleuses migrantes marocaines qui participent au programme de migration circulaire en Espagne.',
  }),
  record({
    id: 'c1d4e8f20001', kind: 'iom-project-sheet',
    title: 'Formation professionnelle et moyens de subsistance pour des migrants régularisés au Maroc',
    end: '2024', status: 'completed', statusCode: 3, type: 'Services de migration assistée',
    budget: { amount: 200000, currency: 'USD', raw: '200000.00' }, budgetUsd: 200000, coverage: 'National',
    idfRegion: 'Afrique', primaId: 'MA10P0001', projectId: 'FM.0390', countries: countries('MA'),
  }),
];

/** A news item (seed 002): the dates are the reported trainings', not the project's. */
export const NEWS: ProjectRecord[] = [
  record({
    id: 'd9a0b3c40001', kind: 'iom-news',
    title: 'Formations au profit des acteurs institutionnels sur la traite des êtres humains, la protection des enfants migrants, l’interculturalité et la violence basée sur le genre',
    activityStart: '2022-02-15', activityEnd: '2022-03-31', countries: countries('MA'),
    places: [
      { name: 'Rabat', country: 'MA', kind: 'city' },
      { name: 'Casablanca', country: 'MA', kind: 'city' },
      { name: 'Marrakech', country: 'MA', kind: 'city' },
    ],
    beneficiaries: [{ count: 70, what: 'participants', qualifier: 'exactly', sentence: "l’OIM Maroc a renforcé les compétences et les connaissances de 70 participant-e-s (dont 35 femmes et 35 hommes)" }],
  }),
];

/** An IOM news item about ICMD: stored after the activity sheet, it is linked to ICMD's record there,
 *  so query, stats, facets and export see one project with two sources. */
export const NEWS_ICMD: ProjectRecord[] = [
  record({
    id: 'f0e1d2c30001', kind: 'iom-news', acronym: 'ICMD', status: 'ongoing', statusCode: 2, // in 2015, it was
    title: "L'Initiative Conjointe Migration et Développement (ICMD) soutient 16 initiatives locales",
    activityStart: '2015-03-10', activityEnd: '2015-03-12', donors: [donor('EU', "l'Union européenne")], countries: countries('MA'),
    places: [{ name: 'Tanger', country: 'MA', kind: 'city' }],
    beneficiaries: [{ count: 16, what: 'initiatives', qualifier: 'exactly', sentence: "L'ICMD soutient le renforcement de 16 initiatives en cours dirigées ou soutenues par les autorités locales." }],
  }),
];

/** CARE Maroc's article (seed 004): funded by Enabel, carried out by CARE, not an IOM project. */
export const NGO: ProjectRecord[] = [
  record({
    id: 'e5f6a7b80001', kind: 'ngo-article', title: 'Le chemin de la réussite', status: 'ongoing', statusCode: 2,
    donors: [donor('ENABEL', 'Enabel')], implementers: ['CARE International Maroc'], partners: ['ANAPEC'],
    countries: countries('MA'),
    places: [{ name: 'Casablanca', country: 'MA', kind: 'city' }, { name: 'Mohammedia', country: 'MA', kind: 'city' }],
    summary: "Le projet « chemin de la réussite » en cours d’exécution et mis en œuvre par CARE International Maroc en collaboration avec l’ANAPEC et financé par Enabel.",
  }),
];

/** Not from a seed, and not in the default database: an IOM project sheet whose only date is its
 *  end, with a budget, that matches no other record (no shared ID, no title in common). Since the
 *  activity sheet gave FM.0390 its start, this is the record for "only the end is known"; tests add
 *  it with buildDb(WITH_END_ONLY). */
export const END_ONLY_SHEET: ProjectRecord = record({
  id: 'c1d4e8f20002', kind: 'iom-project-sheet',
  title: 'Renforcement des capacités de gestion intégrée des frontières',
  end: '2019', status: 'completed', statusCode: 3, type: 'Gestion de l’immigration et des frontières',
  budget: { amount: 150000, currency: 'USD', raw: '150000.00' }, budgetUsd: 150000, coverage: 'National',
  idfRegion: 'Afrique', primaId: 'MA10P0123', projectId: 'IB.0123', countries: countries('MA'),
});

export const ALL = [...ACTIVITY_SHEET, ...PROJECT_SHEETS, ...NEWS, ...NGO, ...NEWS_ICMD];

export const SOURCES: { path: string; kind: PageKind; format: SourceFormat; records: ProjectRecord[] }[] = [
  { path: '/data/seeds/000_7d4a42574226c896.txt', kind: 'iom-project-sheet', format: 'text', records: [PROJECT_SHEETS[0]!] },
  { path: '/data/seeds/001_8173445587e2aa87.txt', kind: 'iom-project-sheet', format: 'text', records: [PROJECT_SHEETS[1]!] },
  { path: '/data/seeds/002_48bdf5fe6fcf3a14.txt', kind: 'iom-news', format: 'text', records: NEWS },
  { path: '/data/seeds/003_905411b0d1b2955d.txt', kind: 'iom-activity-sheet', format: 'text', records: ACTIVITY_SHEET },
  { path: '/data/seeds/004_78dbbd9aacb2e536.txt', kind: 'ngo-article', format: 'text', records: NGO },
  { path: '/data/news/icmd-initiatives-locales.html', kind: 'iom-news', format: 'html', records: NEWS_ICMD },
];

/** The sources above, then the end-only project sheet, stored last (so linked, if at all, against all the others). */
export const WITH_END_ONLY: typeof SOURCES = [
  ...SOURCES,
  { path: '/data/sheets/ib0123.txt', kind: 'iom-project-sheet', format: 'text', records: [END_ONLY_SHEET] },
];

export interface TestDb {
  db: Db;
  path: string;
  cleanup: () => void;
}

/** A database file in a temporary folder holding the records above (or the ones given). */
export function buildDb(sources = SOURCES): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'iom-toolkit-'));
  const path = join(dir, 'iom.sqlite');
  const db = openDb(path);
  sources.forEach((s, i) =>
    writeSource(db, { path: s.path, kind: s.kind, format: s.format, hash: `hash${i}`, bytes: 1000 + i, repairs: 0, lostSequences: [], warnings: [] }, s.records),
  );
  return {
    db,
    path,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { record, donor, countries };
