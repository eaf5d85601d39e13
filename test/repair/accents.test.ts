// Accents and apostrophes: damage found per document, then repaired; clean text never touched.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  accentIndex,
  accentPoor,
  derivedAccents,
  derivedDropped,
  headAt,
  detectAccentDamage,
  dropAccented,
  foldAccents,
  participleBias,
} from '../../src/repair/accents.js';
import { repairText } from '../../src/repair/index.js';
import { loadLexicon } from '../../src/repair/lexicon.js';
import { collectWords } from '../../src/repair/pieces.js';
import { words } from './align.js';

const lex = loadLexicon();
const detect = (text: string) => detectAccentDamage(collectWords(text.split('\n'), lex), lex);

describe('foldAccents and the accent index', () => {
  test('folds', () => expect(foldAccents('Développement à Léré, façon')).toBe('Developpement a Lere, facon'));
  test('index', () => {
    expect(accentIndex(lex).get('developpement')).toEqual(['développement']);
    expect(accentIndex(lex).get('etat')?.[0]).toBe('état');
  });
});

describe('small pieces', () => {
  test('dropAccented', () => expect(dropAccented('Préserver la gestion déléguée à Coût')).toBe('Prserver la gestion dlgue  Cot'));
  test('accentPoor', () => {
    expect(accentPoor('Le developpement des activites a la periode coloniale est presente.')).toBe(true);
    expect(accentPoor('Le développement des activités à la période coloniale est présenté.')).toBe(false);
  });
  test.each([
    ['reidentifier', 'réidentifier'],
    ['socioeconomiques', 'socioéconomiques'],
    ['employabilite', 'employabilité'],
    ['maison', null],
  ])('derivedAccents %s', (w, out) => expect(derivedAccents(lex, w)).toBe(out));
  test.each([
    ['ridentifier', 'réidentifier'],
    ['redevabilit', 'redevabilité'],
  ])('derivedDropped %s', (w, out) => expect(derivedDropped(lex, w)).toBe(out));
  test('participleBias: auxiliaries, subjects, agreement', () => {
    expect(participleBias(lex, 'financé', 'finance', 'a', 'par')).toBeGreaterThan(0);
    expect(participleBias(lex, 'marqué', 'marque', 'il', 'le')).toBeLessThan(0);
    expect(participleBias(lex, 'marché', 'marche', 'le', 'du')).toBeGreaterThan(0);
    expect(participleBias(lex, 'marché', 'marche', 'la', '')).toBeLessThan(0);
    expect(participleBias(lex, 'programmé', 'programme', 'un', 'de')).toBeLessThan(0);
    // The written form is a participle itself; "par ailleurs" names no agent.
    expect(participleBias(lex, 'prisé', 'prise', 'decision', 'par')).toBeLessThan(0);
    expect(participleBias(lex, 'proposé', 'propose', 'etalab', 'par', 'ailleurs')).toBe(0);
    expect(participleBias(lex, 'financé', 'finance', 'projet', 'par', 'l')).toBeGreaterThan(0);
  });
  test('headAt: the noun a few words back, past adjectives and "et"; none past a determiner or preposition', () => {
    expect(headAt(lex, ['humaine', 'migration', 'une'])).toMatchObject({ gender: 'f', plural: false, distance: 2 });
    expect(headAt(lex, ['et', 'humaine', 'gestion'])).toMatchObject({ gender: 'f', distance: 3 });
    expect(headAt(lex, ['personnes', 'des'])).toMatchObject({ gender: 'f', plural: true, distance: 1 });
    expect(headAt(lex, ['pays', 'les'])).toMatchObject({ plural: null });
    expect(headAt(lex, ['et', 'noms'])).toMatchObject({ coordinated: true });
    expect(headAt(lex, ['la', 'de'])).toBe(null);
    expect(headAt(lex, ['de', 'gestion'])).toBe(null);
  });
  test('participleAgreesWithNoun: a form only agreement makes, not when it does not agree', () => {
    const f = headAt(lex, ['gestion']);
    expect(participleBias(lex, 'ordonnée', 'ordonne', 'gestion', 'de', '', f)).toBeGreaterThanOrEqual(1);
    expect(participleBias(lex, 'ordonné', 'ordonne', 'gestion', 'de', '', f)).toBeLessThan(0);
    // A second noun after "et" ("les noms et dates par un identifiant") is no participle.
    expect(participleBias(lex, 'datés', 'dates', 'et', 'par', 'un', headAt(lex, ['et', 'noms']))).toBeLessThan(0);
  });
  test('secondPersonNeedsTu, verbBeforeInfinitive, a number before a noun', () => {
    expect(participleBias(lex, 'accompagnés', 'accompagnes', 'non', 'et', '', null)).toBeGreaterThan(0);
    expect(participleBias(lex, 'accompagnés', 'accompagnes', 'tu', 'et', '', null)).toBeLessThan(0);
    expect(participleBias(lex, 'visé', 'vise', 'projet', 'a', 'renforcer')).toBeLessThan(0);
    expect(participleBias(lex, 'recruté', 'recrute', 'programme', 'exclusivement', 'des')).toBeLessThan(0);
    expect(participleBias(lex, 'axés', 'axes', 'trois', 'd', '')).toBeLessThan(0);
  });
  test.each([
    ['socioconomiques', 'socioéconomiques'],
    ['transfrontire', 'transfrontière'],
    ['priurbaines', 'périurbaines'],
    ['rsiliente', 'résiliente'],
    ['rgularises', 'régularisées'],
    // "d" before a vowel is a lost apostrophe: no "déocculter".
    ['docculter', null],
  ])('derivedDropped, prefixes and inflections: %s', (w, out) => expect(derivedDropped(lex, w)).toBe(out));
});

describe('dropped letters: agreement, names, words the lists lack', () => {
  const head = 'Le dveloppement des activits de lOrganisation  la priode coloniale. Les lments du programme sont prsents par le Secrtariat gnral. ';
  test('participles agreeing with their noun; names keep their capital; elisions on names', () => {
    const r = repairText(`${head}Une migration humaine et ordonne, la Commission nationale charge de la coordination. Les personnes ges. Une infrastructure rsiliente et des mesures socioconomiques. Les tats-Unis dAmrique, lItalie et lgypte, en gypte. Trois axes dintervention. Les enfants non accompagns.`);
    expect(r.text).toContain('Une migration humaine et ordonnée, la Commission nationale chargée de la coordination. Les personnes âgées.');
    expect(r.text).toContain('Une infrastructure résiliente et des mesures socioéconomiques.');
    expect(r.text).toContain('Les États-Unis d’Amérique, l’Italie et l’Égypte, en Égypte. Trois axes d’intervention. Les enfants non accompagnés.');
  });
  test('clean text with the same words is never touched', () => {
    const clean = 'Une migration humaine et ordonnée, la Commission nationale chargée de la coordination. Les personnes âgées, les États-Unis d’Amérique, l’Italie et l’Égypte. Trois axes d’intervention. Il ordonne, elle charge, la base, les dates.';
    expect(repairText(clean).text).toBe(clean);
  });
});

describe('stripped accents: verbs stay verbs', () => {
  const head = "Le developpement des activites de l'Organisation a la periode coloniale. Les elements du programme sont presentes par le Secretariat general. ";
  test('a verb before "à" and an infinitive, or an adverb and its object; "-es" needs "tu"', () => {
    const r = repairText(`${head}Les enfants non accompagnes et les migrants regularises. Le projet vise a renforcer les capacites et le programme recrute exclusivement des femmes.`);
    expect(r.text).toContain('Les enfants non accompagnés et les migrants régularisés. Le projet vise à renforcer les capacités et le programme recrute exclusivement des femmes.');
  });
});

const STRIPPED =
  "Le developpement des activites de l'Organisation a la periode coloniale. Les elements du programme sont presentes par le Secretariat general, grace a l'archeologie. Il a ete decide que les Etats membres creeraient un comite.";
const DROPPED =
  "Prserver et renforcer la gestion dlgue. Cot global : 2 millions. Le soutien de lUE  la rforme, dune rforme quil faut mener. Lobjectif est dassurer le dveloppement.";

describe('detectAccentDamage', () => {
  test('stripped accents', () => expect(detect(STRIPPED)).toMatchObject({ stripped: true, dropped: false }));
  test('dropped letters and apostrophes', () => expect(detect(DROPPED)).toMatchObject({ dropped: true, apostrophes: true, stripped: false }));
  test('clean French text: nothing', () => expect(detect('Le développement des activités à la période coloniale, dune de sable.')).toMatchObject({ stripped: false, dropped: false, apostrophes: false }));
  test('English text: nothing', () => expect(detect('The project in Senegal and Cote d Ivoire was a success, with a role for the cafe owners.')).toMatchObject({ stripped: false, dropped: false, apostrophes: false }));
});

describe('repairs', () => {
  test('stripped accents restored', () => {
    const r = repairText(STRIPPED);
    expect(r.text).toContain('Le développement des activités');
    expect(r.text).toContain('à la période coloniale');
    expect(r.text).toContain('Il a été décidé');
    expect(r.text).toContain('grâce à l');
    expect(r.changes.every((c) => c.rule === 'restoreStrippedAccents' || c.rule === 'normalizeSpaces')).toBe(true);
  });
  test('dropped letters and apostrophes restored', () => {
    const r = repairText(DROPPED);
    expect(r.text).toContain('Préserver et renforcer la gestion déléguée');
    expect(r.text).toContain('Coût global');
    expect(r.text).toContain('de l’UE à la réforme');
    expect(r.text).toContain('d’une réforme qu’il faut');
    expect(r.text).toContain('L’objectif est d’assurer le développement');
  });
  test('every change is explained', () => {
    for (const c of repairText(DROPPED).changes) {
      expect(c.rule).toMatch(/^(restoreDroppedLetters|restoreApostrophes|restoreStrippedAccents)$/);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.before).not.toBe(c.after);
    }
  });
});

// Negative tests: a clean French corpus gets no word changed by any accent, apostrophe or hyphen
// rule. The corpus is optional and not in the repository: name its folder in IOM_EVAL_CORPUS (as
// for npm run eval:repair) to run them; the seeds' clean texts are checked in negative.test.ts.
const corpusDir = process.env.IOM_EVAL_CORPUS ? new URL(`file://${process.env.IOM_EVAL_CORPUS.replace(/\/?$/, '/')}`) : null;
let corpus: string[] = [];
try {
  corpus = corpusDir ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')) : [];
} catch {
  corpus = [];
}
describe.runIf(corpus.length > 0)('clean shared corpus', () => {
  test.each(corpus)('%s: no word changed', (f) => {
    const text = readFileSync(new URL(f, corpusDir!), 'utf8').normalize('NFC');
    const r = repairText(text);
    expect(words(r.text)).toEqual(words(text));
    expect(r.changes.filter((c) => c.rule !== 'normalizeSpaces' && c.rule !== 'splitGluedWords')).toEqual([]);
  });
});

// A document with one kind of damage gets no change of the other kinds.
const seedsDir = new URL('../../fixtures/seeds/', import.meta.url);
const seedTexts = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt') && !f.startsWith('003'))
  .map((f) => readFileSync(new URL(f, seedsDir), 'utf8').normalize('NFC'));
const KINDS: Record<string, { damage: (t: string) => string; allowed: RegExp }> = {
  'ti/tt lost': { damage: (t) => t.replace(/tt|ti/g, ''), allowed: /^(restoreLostLigatures|joinHyphenated\w+|splitGluedWords|normalizeSpaces)$/ },
  'f-ligatures lost': { damage: (t) => t.replace(/ffi|ffl|ff|fi|fl/g, ''), allowed: /^(restoreLostLigatures|joinHyphenated\w+|splitGluedWords|normalizeSpaces)$/ },
  'accents stripped': { damage: (t) => foldAccents(t), allowed: /^(restoreStrippedAccents|joinHyphenated\w+|splitGluedWords|normalizeSpaces|restoreLostLigatures)$/ },
};
describe.each(Object.entries(KINDS))('%s: no other kind of change', (_kind, { damage, allowed }) => {
  test.each(seedTexts.map((t, i) => [i, t] as const))('seed text %i', (_i, text) => {
    const rules = new Set(repairText(damage(text)).changes.map((c) => c.rule));
    for (const rule of rules) expect(rule).toMatch(allowed);
  });
});

test('a short font-map text: one lost apostrophe is enough beside dropped letters; the dropped "à" is shown with its words', () => {
  const r = repairText('Prserver et renforcer la gestion dlgue. Le soutien de lUE  la rforme quil faut.');
  expect(r.text).toBe('Préserver et renforcer la gestion déléguée. Le soutien de l’UE à la réforme qu’il faut.');
  expect(r.changes.find((c) => c.after.includes(' à '))).toMatchObject({ before: 'lUE  la', after: 'lUE à la', rule: 'restoreDroppedLetters' });
});

describe('a dropped "à" told by its place', () => {
  const head = 'Le dveloppement des activits de lOrganisation  la priode coloniale. Les lments du programme sont prsents. ';
  test('after a full stop before a word in lower case, at a line start, after "jusqu"', () => {
    const r = repairText(`${head}Le retour dans leur communaut dorigine.  cette fin le projet.\n propos de nous\nIl se poursuivra jusqu\nmi 2016 et jusqu  la fin.`);
    expect(r.text).toContain('d’origine. À cette fin le projet.\nÀ propos de nous\nIl se poursuivra jusqu’à\nmi 2016 et jusqu’à la fin.');
  });
  test('clean text with two spaces after a full stop keeps them', () => {
    const clean = 'Le retour dans leur communauté d’origine.  Le projet continue.\n  Une ligne en retrait.\nIl se poursuivra jusqu’à mi 2016.';
    expect(repairText(clean).text).toBe(clean);
  });
});

test('"a" before a noun "avoir" takes bare ("a recours", "a accès") is the verb; "à raison de", "à tort" stay "à"', async () => {
  const { ACCENT_CONTEXT } = await import('../../src/repair/context.js');
  expect(ACCENT_CONTEXT.a!('cassation', 'recours', 'recours')).toBe('a');
  expect(ACCENT_CONTEXT.a!('tous', 'acces', 'accès')).toBe('a');
  expect(ACCENT_CONTEXT.a!('augmente', 'raison', 'raison')).toBe('à');
  expect(ACCENT_CONTEXT.a!('dit', 'tort', 'tort')).toBe('à');
});

test('an "à" dropped at a line end between a noun and an infinitive; a modal or preposition before it, or clean text, stays', () => {
  const head = 'Le dveloppement des activits de lOrganisation  la priode coloniale. Les lments du programme sont prsents.\n';
  const r = repairText(`${head}Il faut excuter le droit\nfaire appliquer la loi, la quantit dinformation\nretirer dun jeu. Il peut\nfaire mieux, pour\naller loin, le centre\nmembre.`);
  expect(r.text.split('\n').slice(1).join('\n')).toBe('Il faut exécuter le droit à\nfaire appliquer la loi, la quantité d’information à\nretirer d’un jeu. Il peut\nfaire mieux, pour\naller loin, le centre\nmembre.');
  const clean = 'Il faut exécuter le droit\nde faire appliquer la loi. Il peut\nfaire mieux, le centre\nmembre.';
  expect(repairText(clean).text).toBe(clean);
});
