import { describe, expect, test } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { SEED, docFromText, linesOf, loadDoc } from './helpers.js';

const PARTICIPANTS =
  'Ainsi, fin mars 2022, l’OIM Maroc a renforcé les compétences et les connaissances de 70 participant-e-s (dont 35 femmes et 35 hommes) représentant-e-s, entre autres, de la Présidence du Ministère Public, du Ministère de la Justice, du Conseil National des Droits de l’Homme (CNDH) et de l’Entraide Nationale.';

describe('IOM news item, seed 002', () => {
  const doc = loadDoc(SEED.news);
  const drafts = extractDocument(doc);

  test('one draft per project named in « … »', () => {
    expect(drafts.map((d) => d.title)).toEqual([
      'Assistance et protection des enfants non-accompagnés et séparés au Maroc',
      'Programme Régional Africain pour les Migrations',
      'Coopération en matière de migration et partenariats pour des solutions durables',
    ]);
    drafts.forEach((d, i) => expect(d).toMatchObject({ kind: 'iom-news', index: i }));
  });

  test('each project gets the funder named after it, article dropped', () => {
    expect(drafts.map((d) => d.donors)).toEqual([
      ['Ministère des Affaires Etrangères du Danemark'],
      ['Bureau des populations, des réfugiés et des migrations (PRM) du département d’Etat des États-Unis'],
      ['gouvernement des Pays-Bas'],
    ]);
    expect(drafts[0]!.donorsText).toBe('financé par le Ministère des Affaires Etrangères du Danemark');
  });

  test('the acronym after the closing quote', () => {
    expect(drafts.map((d) => d.acronym)).toEqual([undefined, undefined, 'COMPASS']);
  });

  test('partners only where the sentence says "en partenariat avec", for that project', () => {
    expect(drafts[1]!.partners).toEqual([
      'Direction des Affaires de la Migration du Département des Marocains Résidant à l’Etranger',
      'Commission Nationale chargée de la coordination des mesures ayant pour but la lutte et la prévention de la traite des êtres humains',
    ]);
    expect(drafts[0]!.partners).toBeUndefined();
    expect(drafts[2]!.partners).toBeUndefined();
  });

  test('what the news reports of the activity, on every draft', () => {
    for (const d of drafts) {
      expect(d.places).toEqual(['Rabat', 'Casablanca', 'Marrakech']);
      expect(d.activityDates).toEqual(['15-17 février 2022', '22-24 mars 2022', '29-31 mars 2022']);
      expect(d.beneficiaryText).toEqual([PARTICIPANTS]);
      expect(d.summary).toMatch(/^L’OIM Maroc a organisé trois formations au profit d’acteurs institutionnels/);
      expect(d.summary).not.toMatch(/\n/);
    }
  });

  test('no project period and no project status from the news dates', () => {
    for (const d of drafts) {
      expect(d.period).toBeUndefined();
      expect(d.start).toBeUndefined();
      expect(d.status).toBeUndefined();
    }
  });

  test('text is the news body: no menu, no headline', () => {
    const d = drafts[0]!;
    expect(d.lines).toEqual({ from: 19, to: 23 });
    expect(linesOf(doc, d.lines)[0]).toMatch(/^L’OIM Maroc a organisé/);
    expect(d.text).not.toMatch(/Qui sommes nous|2030 Agenda|^Formations au profit/m);
    expect(d.text.split('\n')).toHaveLength(5);
  });
});

describe('news items written otherwise', () => {
  const page = (body: string) =>
    ['- Agir', '- 2030 Agenda', 'Atelier sur la migration de main-d’œuvre à Agadir', body, 'Partager', '- Facebook'].join('\n');

  test('curly quotes, one project, a funder named with "grâce au financement de"', () => {
    const [d, ...rest] = extractDocument(
      docFromText(
        page(
          'L’OIM a organisé du 3 au 5 mai 2023 un atelier à Agadir dans le cadre du projet “Migration de main-d’œuvre équitable” (FAIR), grâce au financement de la Direction du développement et de la coopération (DDC).',
        ),
      ),
    );
    expect(rest).toHaveLength(0);
    expect(d).toMatchObject({
      kind: 'iom-news',
      title: 'Migration de main-d’œuvre équitable',
      acronym: 'FAIR',
      donors: ['Direction du développement et de la coopération (DDC)'],
      places: ['Agadir'],
    });
  });

  test('a project named without quotes, after "dans le cadre du projet"', () => {
    const drafts = extractDocument(
      docFromText(page('Ces sessions de formation ont été organisées par l’OIM Maroc dans le cadre du projet SALEMM, financé par l’Union européenne.')),
    );
    expect(drafts.map((d) => [d.title, d.donors])).toEqual([['SALEMM', ['Union européenne']]]);
  });

  test('two projects joined by "et le projet", each with its funder', () => {
    const drafts = extractDocument(
      docFromText(
        page(
          'Cette formation a été organisée par l’OIM dans le cadre des projets « Protection des migrants » financé par la Suisse et le projet « Santé des migrants » financé par la Finlande.',
        ),
      ),
    );
    expect(drafts.map((d) => [d.title, d.donors])).toEqual([
      ['Protection des migrants', ['Suisse']],
      ['Santé des migrants', ['Finlande']],
    ]);
  });
});
