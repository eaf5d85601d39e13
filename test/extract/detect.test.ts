import { describe, expect, test } from 'vitest';
import { detectPageKind, extractDocument } from '../../src/extract/index.js';
import { SEED, docFromText, loadDoc } from './helpers.js';

describe('detectPageKind', () => {
  test.each([
    [SEED.sheetLm0416, 'iom-project-sheet'],
    [SEED.sheetFm0390, 'iom-project-sheet'],
    [SEED.news, 'iom-news'],
    [SEED.activity, 'iom-activity-sheet'],
    [SEED.ngo, 'ngo-article'],
    ['html/oim-maroc-projet-lm0416.html', 'iom-project-sheet'],
    ['text/iom-project-sheet-en.txt', 'iom-project-sheet'],
    ['text/project-sheet-missing-fields.txt', 'iom-project-sheet'],
    ['text/fiche-activites-wrapped.txt', 'iom-activity-sheet'],
  ])('%s is %s', (rel, kind) => {
    expect(detectPageKind(loadDoc(rel).text)).toBe(kind);
  });

  test('the site menu alone is no project page', () => {
    const doc = loadDoc('bad/no-project.txt');
    expect(detectPageKind(doc.text)).toBeNull();
    expect(extractDocument(doc)).toEqual([]);
  });

  test.each([
    ['a 404 page', 'Page introuvable\nLa page que vous recherchez n’existe pas ou a été déplacée.\n- Accueil\n- Contact'],
    ['an empty text', ''],
    ['prose about migration with no project', 'La migration est un phénomène ancien. L’OIM publie chaque année un rapport sur l’état de la migration dans le monde.'],
    ['a single generic label', 'Notre histoire\nAnnée\n1951'],
  ])('%s is no project page', (_, text) => {
    expect(detectPageKind(text)).toBeNull();
    expect(extractDocument(docFromText(text))).toEqual([]);
  });

  test('an inline label strong enough on its own makes a project sheet', () => {
    expect(detectPageKind('Un projet\nProjet ID : IB.0139\nCe projet vise à améliorer la gestion des migrations.')).toBe('iom-project-sheet');
  });

  test('a project named with its funder, outside an IOM news item, makes an NGO article', () => {
    const text = 'L’association a lancé le projet « Mains solidaires », financé par la Fondation Drosos, à Tanger.';
    expect(detectPageKind(text)).toBe('ngo-article');
  });
});
