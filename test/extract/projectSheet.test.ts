import { describe, expect, test } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import type { ProjectDraft } from '../../src/types.js';
import { SEED, docFromText, linesOf, loadDoc } from './helpers.js';

const one = (rel: string): ProjectDraft => {
  const drafts = extractDocument(loadDoc(rel));
  expect(drafts).toHaveLength(1);
  return drafts[0]!;
};

const LM0416 = {
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
};

describe('IOM project sheet, seed 000 (LM.0416)', () => {
  const doc = loadDoc(SEED.sheetLm0416);
  const d = one(SEED.sheetLm0416);

  test('every field as written', () => {
    expect(d).toMatchObject(LM0416);
  });

  test('the title is the line before the fields, not the site menu', () => {
    expect(d.lines.from).toBe(30);
    expect(d.text).not.toMatch(/Qui sommes nous|2030 AGENDA|Structure organisationnelle/);
  });

  test('the summary is the five paragraphs after the fields', () => {
    expect(d.summary!.split('\n')).toHaveLength(5);
    expect(d.summary).toMatch(/^Ce projet s’intéressera aux travailleuses migrantes marocaines/);
    expect(d.summary).toMatch(/et plus particulièrement après le retour\.$/);
    expect(d.lines.to).toBe(68);
  });

  test('text spans the block from title to summary without "-" separators', () => {
    expect(d.text.split('\n')[0]).toBe(LM0416.title);
    expect(d.text).not.toMatch(/^-$/m);
    expect(linesOf(doc, d.lines)[0]).toBe(LM0416.title);
  });

  test('no partner is invented from a summary that names none with "en partenariat avec"', () => {
    expect(d.partners).toBeUndefined();
  });
});

describe('IOM project sheet, seed 001 (FM.0390): missing start date and year', () => {
  const d = one(SEED.sheetFm0390);

  test('fields as written, missing ones absent', () => {
    expect(d).toMatchObject({
      title: 'Formation professionnelle et moyens de subsistance pour des migrants régularisés au Maroc',
      end: '2024',
      status: 'Achevé',
      type: 'Services de migration assistée',
      budget: '200000.00',
      budgetLabel: 'Budget Amount (USD)',
      coverage: 'National',
      idfRegion: 'Afrique',
      primaId: 'MA10P0001',
      projectId: 'FM.0390',
      memberStates: ['Maroc'],
    });
    expect(d.start).toBeUndefined();
    expect(d.year).toBeUndefined();
  });

  test('summary is the two paragraphs after the fields', () => {
    expect(d.summary!.split('\n')).toHaveLength(2);
    expect(d.summary).toMatch(/^Conformément aux instructions données par le Roi Mohammed VI/);
  });
});

describe('IOM project sheet as HTML (fixtures/html/oim-maroc-projet-lm0416.html)', () => {
  const doc = loadDoc('html/oim-maroc-projet-lm0416.html');
  const d = one('html/oim-maroc-projet-lm0416.html');

  test('gives the same fields as the scraped seed 000', () => {
    expect(d).toMatchObject(LM0416);
  });

  test('gives the same summary as the scraped seed', () => {
    expect(d.summary).toBe(one(SEED.sheetLm0416).summary);
  });

  test('menus, share bar and footer stay out of the draft', () => {
    expect(d.text).not.toMatch(/Partager|Twitter|Restez informé|Politique de confidentialité|Navigation principale|Accueil/);
    expect(linesOf(doc, d.lines)[0]).toBe(LM0416.title);
    expect(linesOf(doc, d.lines).at(-1)).toMatch(/^2\) Mener des activités/);
  });
});

describe('English project sheet (fixtures/text/iom-project-sheet-en.txt)', () => {
  const d = one('text/iom-project-sheet-en.txt');

  test('English labels give the same fields', () => {
    expect(d).toMatchObject({
      title: 'Strengthening Labour Migration Data Systems in North Africa',
      start: '2021',
      end: '2023',
      status: 'Ongoing',
      type: 'Labour Mobility and Human Development',
      budget: '350000.00',
      budgetLabel: 'Budget Amount (USD)',
      coverage: 'Regional',
      year: '2021',
      idfRegion: 'Middle East and North Africa',
      primaId: 'RO10P0142',
      projectId: 'CD.0023',
    });
  });

  test('member states run together on one line are given as the line: normalization splits them', () => {
    expect(d.memberStates).toEqual(['Morocco Tunisia Egypt']);
  });

  test('partners named by "in partnership with"', () => {
    expect(d.partners).toEqual(['African Union Commission (AUC)', 'Arab Labour Organization (ALO)']);
  });

  test('the summary keeps its list of results', () => {
    expect(d.summary!.split('\n')).toHaveLength(5);
    expect(d.summary).toMatch(/\n1\) A common set of labour migration indicators/);
  });
});

describe('project sheet with only title, status and summary', () => {
  const d = one('text/project-sheet-missing-fields.txt');

  test('inline "Statut du projet : En cours" and nothing else', () => {
    expect(d.title).toBe('Renforcement de la protection des migrants mineurs non accompagnés dans la région de l’Oriental');
    expect(d.status).toBe('En cours');
    for (const k of ['start', 'end', 'type', 'budget', 'budgetLabel', 'coverage', 'year', 'idfRegion', 'primaId', 'projectId', 'memberStates'] as const) {
      expect(d[k], k).toBeUndefined();
    }
    expect(d.summary).toMatch(/^Ce projet vise à renforcer les capacités/);
  });

  test('partners from "en collaboration avec", articles dropped', () => {
    expect(d.partners).toEqual(['Entraide Nationale', 'Délégation régionale de la Santé']);
  });
});

describe('label forms', () => {
  const sheet = (fields: string) => `- 2030 AGENDA\nUn projet de test\n${fields}\nCe projet vise à améliorer la gouvernance des migrations au Maroc.`;

  test.each([
    ['Date de début : 2020', 'start', '2020'],
    ['DATE DE DEBUT:\n2020', 'start', '2020'],
    ['date de début\n-\n2020', 'start', '2020'],
    ['Start Date: 2019', 'start', '2019'],
    ['End Date\n2021', 'end', '2021'],
    ['Project Status\nCompleted', 'status', 'Completed'],
    ['Type de projet :\nGestion des migrations', 'type', 'Gestion des migrations'],
    ['Projects ID\nCD.0023', 'projectId', 'CD.0023'],
    ['Project ID: PX.0123-2', 'projectId', 'PX.0123-2'],
    ['Projet ID\nIB.0139', 'projectId', 'IB.0139'],
    ['Prima ID : MA10P0517', 'primaId', 'MA10P0517'],
    ['Coverage\nRegional\nYear\n2021', 'year', '2021'],
    ['IDF Region\nAfrica', 'idfRegion', 'Africa'],
  ])('%j gives %s', (fields, key, value) => {
    const [d] = extractDocument(docFromText(sheet(fields)));
    expect(d).toBeDefined();
    expect(d![key as keyof typeof d]).toBe(value);
    expect(d!.title).toBe('Un projet de test');
  });

  test('a budget under another currency keeps its label', () => {
    const [d] = extractDocument(docFromText(sheet('Budget Amount (EUR)\n150000\nStatut du projet\nEn cours')));
    expect(d).toMatchObject({ budget: '150000', budgetLabel: 'Budget Amount (EUR)', status: 'En cours' });
  });

  test.each([
    ['Eligible Member State(s)\nMaroc\nTunisie', ['Maroc', 'Tunisie']],
    ['Benefiting Member States\nMorocco, Tunisia; Egypt', ['Morocco', 'Tunisia', 'Egypt']],
    ['Etat(s) membre(s) beneficiaires remplissant les conditions requises\nMaroc Tunisie Égypte', ['Maroc Tunisie Égypte']],
  ])('member states %j', (fields, states) => {
    const [d] = extractDocument(docFromText(sheet(`Statut du projet\nAchevé\n${fields}`)));
    expect(d!.memberStates).toEqual(states);
    expect(d!.summary).toBe('Ce projet vise à améliorer la gouvernance des migrations au Maroc.');
  });

  test('a summary placed above the fields is still the summary, and the title is above it', () => {
    const text = [
      '- 2030 AGENDA',
      'Gestion des frontières au Niger',
      'Le projet appuiera la police des frontières dans la mise en place de postes frontaliers modernes et de procédures communes.',
      'Statut du projet',
      'En cours',
      'Projet ID',
      'BM.0201',
    ].join('\n');
    const [d] = extractDocument(docFromText(text));
    expect(d).toMatchObject({ title: 'Gestion des frontières au Niger', status: 'En cours', projectId: 'BM.0201' });
    expect(d!.summary).toMatch(/^Le projet appuiera la police des frontières/);
    expect(d!.lines).toEqual({ from: 2, to: 7 });
  });
});
