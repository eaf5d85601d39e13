// Lost ligature sequences: inference, candidates, decisions, protections.
import { describe, expect, test } from 'vitest';
import { derivedCandidates, explainWord, generateCandidates } from '../../src/repair/candidates.js';
import { repairText } from '../../src/repair/index.js';
import { loadLexicon } from '../../src/repair/lexicon.js';
import { restoreLostLigatures } from '../../src/repair/ligatures.js';

const lex = loadLexicon();
const TT = { lost: ['ti', 'tt'] };

describe('generateCandidates', () => {
  test.each([
    ['migraon', 'migration'],
    ['objecf', 'objectif'],
    ['arcule', 'articule'],
    ['instuonnelle', 'institutionnelle'],
    ['permere', 'permettre'],
    ['lue', 'lutte'],
    ['pares', 'parties'],
    ['condions', 'conditions'],
  ])('%s -> includes %s', (damaged, word) => {
    expect(generateCandidates(lex, damaged, ['ti', 'tt'], 3).map((c) => c.word)).toContain(word);
  });

  test('records each insertion', () => {
    expect(generateCandidates(lex, 'instuonnelle', ['ti'], 3)).toContainEqual({ word: 'institutionnelle', seqs: ['ti', 'ti'] });
  });
});

describe('derived words', () => {
  test.each([
    ['autonomisation', 'autonome'],
    ['multisectorielle', 'sectorielle'],
    ['identifiantes', 'identifier'],
  ])('%s is explained by %s', (word, base) => expect(explainWord(lex, word)).toBe(base));

  test('mulsectorielle -> multisectorielle', () => {
    expect(derivedCandidates(lex, 'mulsectorielle', ['ti']).map((c) => c.word)).toContain('multisectorielle');
  });

  test('a "word" longer than any lexicon word with affixes has none, at once (the search is quadratic)', () => {
    expect(lex.maxLength).toBeGreaterThan(20);
    const t0 = performance.now();
    expect(derivedCandidates(lex, 'a'.repeat(300_000), ['ti', 'tt'])).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('restoreLostLigatures with the sequences given', () => {
  test.each([
    ['La Migraon', 'La Migration'],
    ['MIGRAON ET DÉVELOPPEMENT', 'MIGRATION ET DÉVELOPPEMENT'],
    ['l’organisaon et d’intervenon', 'l’organisation et d’intervention'],
    ["l'organisaon", "l'organisation"],
    ['la lue contre la pauvreté', 'la lutte contre la pauvreté'],
    ['une lettre lue', 'une lettre lue'],
    ['les pares prenantes', 'les parties prenantes'],
    ['nous contribuons', 'nous contribuons'],
  ])('%s -> %s', (input, output) => expect(restoreLostLigatures(input, lex, ['ti', 'tt'])).toBe(output));
});

describe('protected words', () => {
  test.each([
    'OIM, ANAPEC, TRQN, SALEMM, ICMD, FORSATY',
    'écrire à contact@iom.int ou etalab[at]modernisaon.gouv.fr',
    'voir https://morocco.iom.int/sites/default/files/documents/FICHE',
    'Prima ID MA10P0517, projet LM.0416, 2020',
    'les quartiers de Bir Chifae et Jamâa Mezouak',
    'المغرب والهجرة',
    'to Reinforce the Self-Advancement of Today’s Youth',
  ])('%s', (text) => {
    const r = repairText(text, TT);
    expect(r.text).toBe(text);
    expect(r.changes).toEqual([]);
  });
});

describe('inference of the lost sequences', () => {
  const damaged =
    'La mission travaille avec les autorités pour prendre ces quesons en considéraon. ' +
    'Le contexte naonal et internaonal est parculièrement acf en maère de migraon, ' +
    'afin de gérer les migraons dans des condions préservant la dignité. Il faut mere en œuvre une polique ' +
    'eﬃcace et offrir une assistance, et cee polique doit permere la lue contre la traite.';

  test('finds ti and tt, not fi or ff (afin, efficace, offrir are intact)', () => {
    const r = repairText(damaged);
    expect(r.lostSequences).toEqual(['ti', 'tt']);
    expect(r.text).toContain('questions en considération');
    expect(r.text).toContain('mettre en œuvre une politique efficace et offrir');
    expect(r.text).toContain('cette politique doit permettre la lutte contre la traite');
  });

  test('opts.lost overrides the inference', () => {
    expect(repairText(damaged, { lost: [] }).text).toContain('quesons');
    expect(repairText(damaged, { lost: [] }).lostSequences).toEqual([]);
  });

  test('clean text loses nothing', () => {
    const r = repairText('La mission travaille avec les autorités pour prendre ces questions en considération afin de gérer les migrations.');
    expect(r.lostSequences).toEqual([]);
    expect(r.changes).toEqual([]);
  });

  test('a damaged region next to a clean one: only the damaged region is repaired', () => {
    const text = `${damaged}\nLa protection des victimes de la traite et la participation des parties prenantes.`;
    const r = repairText(text);
    expect(r.text.split('\n')[1]).toBe('La protection des victimes de la traite et la participation des parties prenantes.');
  });

  test('an unknown word with no candidate in a damaged text is listed as unresolved', () => {
    const r = repairText(`${damaged} Les xqzvwons restent.`);
    expect(r.unresolved).toContain('xqzvwons');
  });
});
