import { describe, expect, test } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { SEED, docFromText, linesOf, loadDoc } from './helpers.js';

describe('NGO article, seed 004 (CARE Maroc)', () => {
  const doc = loadDoc(SEED.ngo);
  const drafts = extractDocument(doc);
  const amuddu = drafts.find((d) => d.title === 'Amuddu')!;
  const chemin = drafts.find((d) => d.title === 'Chemin de la réussite')!;

  test('two projects, in the order the article names them', () => {
    expect(drafts.map((d) => d.title)).toEqual(['Amuddu', 'Chemin de la réussite']);
    drafts.forEach((d, i) => expect(d).toMatchObject({ kind: 'ngo-article', index: i }));
  });

  test('Chemin de la réussite: roles, status and places as written', () => {
    expect(chemin).toMatchObject({
      donors: ['Enabel'],
      donorsText: 'financé par Enabel',
      implementers: ['CARE International Maroc'],
      partners: ['Agence nationale de promotion de l\'emploi et des compétences (ANAPEC)'],
      places: ['Casablanca', 'Mohammedia'],
      status: 'en cours d’exécution',
    });
  });

  test('Chemin de la réussite: the target bullets are its beneficiaries', () => {
    expect(chemin.beneficiaryText).toHaveLength(2);
    expect(chemin.beneficiaryText![0]).toBe(
      '100 personnes migrantes régularisées et ou réfugiées reconnus par le Maroc, vivant à Casablanca et Mohammedia, sont mobilisées pour s’inscrire à l’ANAPEC.',
    );
    expect(chemin.beneficiaryText![1]).toMatch(/^50 migrant\.e\.s, parmi la population mobilisée .* notamment de femmes\.$/);
  });

  test('the publication date is not a project date', () => {
    for (const d of drafts) {
      expect(d.start).toBeUndefined();
      expect(d.period).toBeUndefined();
      expect(d.activityDates).toBeUndefined();
    }
  });

  test('Amuddu: partners, funder and implementer of one sentence kept apart', () => {
    expect(amuddu).toMatchObject({
      donors: ['Coopération belge'],
      implementers: ['Enabel'],
      partners: ['Ministère Délégué Chargé des Marocains Résidant à l’Étranger (MDCMRE)', 'ANAPEC', 'Entraide nationale'],
      places: ['région de Casablanca-Settat'],
    });
    expect(amuddu.status).toBeUndefined();
    expect(amuddu.beneficiaryText).toBeUndefined();
  });

  test('each project’s part runs from its first mention to the next project’s', () => {
    expect(amuddu.lines).toEqual({ from: 22, to: 26 });
    expect(chemin.lines).toEqual({ from: 30, to: 45 });
    expect(linesOf(doc, chemin.lines)[0]).toMatch(/Le projet « chemin de la réussite » en cours d’exécution/);
  });

  test('summaries from the project’s own paragraphs', () => {
    expect(amuddu.summary).toMatch(/^Ainsi le projet Amuddu, mené de concert avec/);
    expect(chemin.summary!.split('\n')).toEqual([
      expect.stringMatching(/^Le projet « chemin de la réussite » en cours d’exécution/),
      expect.stringMatching(/^Ce projet vise à assurer l’accompagnement des migrant·e·s/),
    ]);
  });

  test('banner and related-posts list stay out', () => {
    for (const d of drafts) expect(d.text).not.toMatch(/Booking\.com|Tout afficher|16 septembre 2021/);
  });
});

describe('NGO articles written otherwise', () => {
  test('one project with “curly” quotes and a funder named with "avec le soutien de"', () => {
    const text = [
      'Accueil',
      'Nos projets',
      'L’association Tanmia a lancé en janvier le projet “Jeunes et Territoires” à Tanger et Tétouan, avec le soutien de la Fondation Drosos et en partenariat avec la Commune de Tanger.',
      'Le projet accompagnera 200 jeunes dans la création de leur activité.',
      'Partager',
    ].join('\n');
    const [d, ...rest] = extractDocument(docFromText(text));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      kind: 'ngo-article',
      title: 'Jeunes et Territoires',
      donors: ['Fondation Drosos'],
      partners: ['Commune de Tanger'],
      places: ['Tanger', 'Tétouan'],
      beneficiaryText: ['Le projet accompagnera 200 jeunes dans la création de leur activité.'],
    });
  });
});
