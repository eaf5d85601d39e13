import { describe, expect, test } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import type { ProjectDraft } from '../../src/types.js';
import { SEED, docFromText, linesOf, loadDoc } from './helpers.js';

const MD = 'Migration et développement';
const ADM = 'Assistance directe aux migrants';
const JEUNESSE = 'Appui à la jeunesse et développement social';

// Seed 003 as written (not repaired: the line-break hyphens of the PDF are still in the scrape).
const SEED_PROJECTS: Array<[string, string | undefined, string | undefined, string, string]> = [
  ['L’Intégration de la Migration dans les Stratégies Nationales de Développement (Migration Mainstreaming)', undefined, 'Février 2014 – Février 2018', 'Suisse', MD],
  ['Le Retour Temporaire des Nationaux Qualifiés (TRQN) Phase III', 'TRQN', 'Décembre 2012 – Mars 2016', 'Pays-Bas', MD],
  ['Formation professionnelle et opportunités des moyens de subsistance pour les migrants régularisés au Maroc', undefined, 'Juillet 2014 – Juin 2016', 'Fonds de l’OIM pour le développement', MD],
  ['Initiative Conjointe Migration et Développement phase (ICMD) Phase II', 'ICMD', 'Oc-tobre 2013 - Avril 2016', 'UE & Suisse', MD],
  ['L’Assistance au Retour Volontaire et à la Réintégration (AVRR) depuis le Maroc', 'AVRR', undefined, 'Belgique, Espagne, Maroc, Pays-Bas, UE et Suisse', ADM],
  ['L’Assistance au Retour Volontaire et à la Réintégra-tion vers le Maroc (AVRR)', 'AVRR', 'Juillet 2014 – Juin 2015', 'UE', ADM],
  ['MOTUSE : Renforcer la durabilité de la réintégration des migrants de retour du Maroc, du Tunisie et du Séné-gal', 'MOTUSE', 'Janvier 2015 – Juin 2016', 'UE', ADM],
  ['Réponse aux besoins des migrants vulnérables et en détresse dans les pays ciblés d’origine, de transit et de destination', undefined, 'Février 2015 – Juillet 2016', 'UE', ADM],
  ['Lutte contre la traite des êtres humains à travers le renforcement de capacités des ONG et des autorités au Maroc', undefined, 'Septembre 2014 – Août 2016', 'Allemagne', ADM],
  ['Action transnationale pour la lutte contre la traite', undefined, 'Mai 2015 – Novembre 2016', 'UE', ADM],
  ['Promotion de la santé et du bien-être parmi les migrants en Égypte, Libye, Maroc, Tunisie et Yémen', undefined, 'Mai 2015 – Octobre 2017', 'Finlande', ADM],
  ['Favorable Opportunities to Reinforce Self-Advance-ment for Today’s Youth (FORSATY)', 'FORSATY', 'Septembre 2012 – Septembre 2017', 'USAID', JEUNESSE],
  ['Solidarité avec les Enfants du Maghreb et du Mashreq (SALEMM)', 'SALEMM', 'Décembre 2012 - Dé-cembre 2015', 'UE', JEUNESSE],
];

/** The same text once repair has joined the PDF's line-break hyphens (what the wrapped fixture holds). */
const REPAIRED: Record<string, string> = { 'Réintégra-tion': 'Réintégration', 'Séné-gal': 'Sénégal', 'Advance-ment': 'Advancement', 'Oc-tobre': 'Octobre', 'Dé-cembre': 'Décembre' };
const repaired = (s: string) => Object.entries(REPAIRED).reduce((t, [from, to]) => t.split(from).join(to), s);
const squash = (s: string) => s.replace(/-/g, '').replace(/\s+/g, ' ');

describe('activity sheet, seed 003 (scrape of the PDF)', () => {
  const doc = loadDoc(SEED.activity);
  const drafts = extractDocument(doc);

  test('13 projects, in order, kind and index set', () => {
    expect(drafts).toHaveLength(13);
    drafts.forEach((d, i) => expect(d).toMatchObject({ kind: 'iom-activity-sheet', index: i }));
  });

  test.each(SEED_PROJECTS.map((p, i) => [i, ...p] as const))('#%i %s', (i, title, acronym, period, donor, section) => {
    const d = drafts[i]!;
    expect(d.title).toBe(title);
    expect(d.acronym).toBe(acronym);
    expect(d.period).toBe(period);
    expect(d.donors).toEqual([donor]);
    expect(d.donorsText).toBe(`Fonds : ${donor}`);
    expect(d.section).toBe(section);
  });

  test('each draft spans its bullet line to its "Fonds :" line', () => {
    for (const d of drafts) {
      const block = linesOf(doc, d.lines);
      expect(block[0]).toMatch(/^•/);
      expect(block.at(-1)).toMatch(/^Fonds : /);
    }
    expect(drafts[0]!.lines).toEqual({ from: 25, to: 31 });
    expect(drafts[12]!.lines).toEqual({ from: 125, to: 131 });
  });

  test('the intro axes, the damaged excerpt, page chrome and the footer are not projects', () => {
    const titles = drafts.map((d) => d.title).join('\n');
    expect(titles).not.toMatch(/Migraon|Assistance directe aux migrants :|Dont l’objectif|Embed Size|Citation preview|Nos remerciements/);
    for (const d of drafts) expect(d.text).not.toMatch(/Fiche d’activités OIM Maroc|MIGRATION ET DÉVELOPPEMENT|ASSISTANCE DIRECTE|APPUI À LA JEUNESSE/);
  });

  test('summary: the paragraphs between title and "Fonds :", a paragraph cut by a page break joined again', () => {
    const trqn = drafts[1]!;
    expect(trqn.summary).toMatch(/^Cette initiative contribue à appuyer la mise en œuvre des politiques nationales de développement/);
    expect(trqn.summary).not.toMatch(/\n/);
    const formation = drafts[2]!;
    expect(formation.summary).toMatch(/les citoyens marocains\. En partenariat avec un ensemble/);
    const reponse = drafts[7]!;
    expect(reponse.summary).toMatch(/est un projet fi-nancé par l’Union européenne/);
    expect(reponse.summary!.split('\n')).toHaveLength(2);
    expect(drafts[0]!.summary!.split('\n')).toHaveLength(2);
    for (const d of drafts) expect(d.summary).not.toMatch(/Fonds :/);
  });

  test('named partners and implementers from the summary; described ones are left out', () => {
    const icmd = drafts[3]!;
    expect(icmd.implementers).toEqual(['PNUD']);
    expect(icmd.partners).toEqual(['OIM', 'CIF-OIT', 'ONU Femmes', 'UNHCR', 'UNITAR', 'FNUAP']);
    // "En partenariat avec un ensemble d’institutions nationales…", "en collaboration avec les bureaux de l’OIM…"
    expect(drafts[2]!.partners).toBeUndefined();
    expect(drafts[10]!.partners).toBeUndefined();
    // "la nouvelle politique migratoire mise en œuvre par le Gouvernement du Maroc" is not the project's implementer.
    expect(drafts[10]!.implementers).toBeUndefined();
  });
});

describe('activity sheet as a PDF text layer (fixtures/text/fiche-activites-wrapped.txt)', () => {
  const doc = loadDoc('text/fiche-activites-wrapped.txt');
  const drafts = extractDocument(doc);
  const seed = extractDocument(loadDoc(SEED.activity));

  test('the same 13 projects', () => {
    expect(drafts).toHaveLength(13);
  });

  test.each(SEED_PROJECTS.map((p, i) => [i, ...p] as const))('#%i %s', (i, title, acronym, period, donor, section) => {
    const d = drafts[i]!;
    expect(d.title).toBe(repaired(title));
    expect(d.acronym).toBe(acronym);
    expect(d.period).toBe(period && repaired(period));
    expect(d.donors).toEqual([donor]);
    expect(d.section).toBe(section);
  });

  test('wrapped titles: period on its own line, on the title’s last line, or across a page break', () => {
    expect(linesOf(doc, { from: drafts[0]!.lines.from, to: drafts[0]!.lines.from + 2 })).toEqual([
      '• L’Intégration de la Migration dans les Stratégies',
      'Nationales de Développement (Migration Mainstreaming)',
      'Février 2014 – Février 2018',
    ]);
    expect(drafts[5]!.period).toBe('Juillet 2014 – Juin 2015');
    expect(linesOf(doc, drafts[5]!.lines).slice(1, 5)).toEqual([
      'Réintégration vers le Maroc (AVRR) Juillet 2014 – Juin',
      '3',
      'Fiche d’activités OIM Maroc',
      '2015',
    ]);
  });

  test('a title without period wrapped after "à la" keeps its second line', () => {
    expect(drafts[4]!.title).toBe('L’Assistance au Retour Volontaire et à la Réintégration (AVRR) depuis le Maroc');
    expect(drafts[4]!.summary).toMatch(/^Le programme AVRR est un projet d’assistance humanitaire/);
  });

  test('summaries carry the same words as the scrape’s, headers and side labels between their lines removed', () => {
    drafts.forEach((d, i) => expect(squash(d.summary!), d.title).toBe(squash(seed[i]!.summary!)));
  });

  test('paragraphs are found again in wrapped lines where the last line is short', () => {
    for (const i of [0, 7, 12]) expect(drafts[i]!.summary!.split('\n'), drafts[i]!.title).toHaveLength(2);
    expect(drafts[1]!.summary!.split('\n')).toHaveLength(1);
    // "… le Nigeria etc." fills its line: nothing in a text layer says the paragraph ends there.
    expect(drafts[4]!.summary!.split('\n')).toHaveLength(1);
  });
});

describe('section membership rules', () => {
  const sheet = (body: string[]) =>
    [
      'Fiche d’activités OIM Maroc',
      'Trois axes : • Eau et Assainissement : accès à l’eau. • Santé publique : soins.',
      ...body,
    ].join('\n');
  const project = (name: string) => [`• Projet ${name} Janvier 2015 – Juin 2016`, `Le projet ${name} améliore la situation.`, 'Fonds : UE'];
  const sections = (drafts: ProjectDraft[]) => drafts.map((d) => `${d.title.split(' ')[1]}=${d.section}`);

  test('a label right before a bullet opens its section there; a label at the foot of a page names the page', () => {
    const text = sheet([
      ...project('A'),
      'EAU ET ASSAINISSEMENT',
      'Fiche d’activités OIM Maroc',
      ...project('B'),
      'SANTÉ PUBLIQUE',
      ...project('C'),
      'Fiche d’activités OIM Maroc',
      ...project('D'),
    ]);
    expect(sections(extractDocument(docFromText(text)))).toEqual([
      'A=Eau et assainissement',
      'B=Eau et assainissement',
      'C=Santé publique',
      'D=Santé publique',
    ]);
  });

  test('the section name is the intro’s axis in sentence case, else the label itself', () => {
    const text = sheet([...project('A'), 'GOUVERNANCE DES MIGRATIONS', 'Fiche d’activités OIM Maroc', ...project('B')]);
    expect(extractDocument(docFromText(text)).map((d) => d.section)).toEqual(['Gouvernance des migrations', 'Gouvernance des migrations']);
  });

  test('without side labels there is no section', () => {
    const drafts = extractDocument(docFromText(sheet([...project('A'), ...project('B')])));
    expect(drafts).toHaveLength(2);
    expect(drafts.map((d) => d.section)).toEqual([undefined, undefined]);
  });

  test('a bullet list with no "Fonds :" line is no project', () => {
    const drafts = extractDocument(docFromText(sheet(['• Un axe sans financement', 'Texte.', ...project('A')])));
    expect(drafts.map((d) => d.title)).toEqual(['Projet A']);
  });

  test('a "Fonds :" line wrapped after a comma is read whole', () => {
    const text = sheet(['• Projet A Janvier 2015 – Juin 2016', 'Texte du projet.', 'Fonds : Belgique, Espagne,', 'Maroc et Suisse', ...project('B')]);
    const [a] = extractDocument(docFromText(text));
    expect(a!.donors).toEqual(['Belgique, Espagne, Maroc et Suisse']);
    expect(a!.lines.to).toBe(6);
  });
});
