// Hyphens: decisions with a hand-made judge (pure), then through repairText with the lexicon.
import { describe, expect, test } from 'vitest';
import { decideHyphen, hyphenatedTokens, joinHyphenatedLines, joinHyphenatedWords } from '../../src/repair/hyphens.js';
import { listJudge } from '../../src/repair/judge.js';
import { repairText } from '../../src/repair/index.js';

const judge = listJudge(['parmi', 'par', 'mi', 'financé', 'bien-être', 'bien', 'être', 'non', 'accompagnés', 'projet', 'européenne']);

describe('decideHyphen', () => {
  test.each([
    { left: 'par', right: 'mi', end: false, decision: 'join' },
    { left: 'Euro', right: 'péenne', end: false, decision: 'join' },
    { left: 'bien', right: 'être', end: false, decision: 'keep' },
    { left: 'non', right: 'accompagnés', end: false, decision: 'keep' },
    { left: 'non', right: 'accompagnés', end: true, decision: 'keep' },
    { left: 'Pays', right: 'Bas', end: false, decision: 'keep' },
    { left: 'participant', right: 'e', end: false, decision: 'keep' },
    { left: 'xyzab', right: 'cdefg', end: true, decision: 'join' },
    { left: 'xyzab', right: 'cdefg', end: false, decision: 'keep' },
  ])('$left-$right (line end: $end) -> $decision', ({ left, right, end, decision }) => {
    expect(decideHyphen(left, right, '-', judge, end)).toBe(decision);
  });

  test('a soft hyphen always joins', () => expect(decideHyphen('bien', 'être', '\u00ad', judge, true)).toBe('join'));
  test('a form the document writes joined elsewhere is joined', () => {
    const doc = listJudge([], 'le projet SALEMM est réalisé par SA-LEMM');
    expect(decideHyphen('SA', 'LEMM', '-', doc, false)).toBe('join');
    expect(decideHyphen('PNUD', 'OIM', '-', doc, false)).toBe('keep');
  });
});

describe('joinHyphenatedLines', () => {
  test.each([
    { input: 'un projet fi-\n\nnancé par', output: 'un projet financé par' },
    { input: 'un pro\u2010\njet', output: 'un projet' },
    { input: 'le bien-\nêtre', output: 'le bien-être' },
    { input: '-\nQui sommes nous', output: '-\nQui sommes nous' },
    { input: 'Date -\nfin', output: 'Date -\nfin' },
  ])('$input', ({ input, output }) => expect(joinHyphenatedLines(input, judge)).toBe(output));
});

describe('joinHyphenatedWords', () => {
  test.each([
    { input: 'le Maroc par-mi les pays', output: 'le Maroc parmi les pays' },
    { input: 'le bien-être des migrants', output: 'le bien-être des migrants' },
    { input: 'les participant-e-s', output: 'les participant-e-s' },
    { input: 'l’Union Euro-péenne', output: 'l’Union Européenne' },
  ])('$input', ({ input, output }) => expect(joinHyphenatedWords(input, judge)).toBe(output));
});

describe('with the lexicon (repairText)', () => {
  test.each([
    ['le pro-jet vise à in-tégrer les migrants ré-gularisés', 'le projet vise à intégrer les migrants régularisés'],
    ['Oc-tobre 2013, au Séné-gal, l’Orga-nisation', 'Octobre 2013, au Sénégal, l’Organisation'],
    ['au-delà, Celle-ci, la cohérence inter-agence, les mineurs non-accompagnés', 'au-delà, Celle-ci, la cohérence inter-agence, les mineurs non-accompagnés'],
    ['Favorable Op-portunities to Reinforce Self-Advan-cement', 'Favorable Opportunities to Reinforce Self-Advancement'],
  ])('%s', (input, output) => expect(repairText(input).text).toBe(output));

  test('a line-end join merges the next line and is reported on the merged line', () => {
    const r = repairText('Titre\nun projet fi-\n\nnancé par l’UE\nFonds : UE');
    expect(r.text).toBe('Titre\nun projet financé par l’UE\nFonds : UE');
    expect(r.changes).toEqual([{ line: 2, before: 'fi-\nnancé', after: 'financé', rule: 'joinHyphenatedLines', confidence: 0.9 }]);
  });
});

describe('hyphenatedTokens', () => {
  test('finds letter-hyphen-letter tokens of either hyphen, not dashes', () => {
    expect(hyphenatedTokens('par-mi - les so\u2010cio-économiques -mi- x')).toEqual([[0, 6], [13, 31]]);
  });

  test('a line of 200,000 dashes (and no U+2010) is scanned once, not once per dash', () => {
    const line = '- '.repeat(200_000) + 'fi-nancé';
    const t0 = performance.now();
    expect(hyphenatedTokens(line)).toEqual([[400_000, 400_008]]);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});


describe('line-end hyphens of every kind, and hyphens lost with a space left', () => {
  test.each([
    { input: 'un pro\u2011\njet', output: 'un projet' },
    { input: 'le Gouvern ement du Maroc', output: 'le Gouvernement du Maroc' },
    { input: 'le 3 Nov embre 2013', output: 'le 3 Novembre 2013' },
    { input: 'les pays en voie de développement', output: 'les pays en voie de développement' },
    { input: 'la lutte contre les pots-de-vin', output: 'la lutte contre les pots-de-vin' },
  ])('$input', ({ input, output }) => expect(repairText(input).text).toBe(output));

  test('the join is reported', () => {
    expect(repairText('le Gouvern ement du Maroc').changes).toEqual([{ line: 1, before: 'Gouvern ement', after: 'Gouvernement', rule: 'joinBrokenWords', confidence: 0.8 }]);
  });
});

describe('dates, periods and "Fonds :" lines cut by a line break', () => {
  test.each([
    { input: 'Projet PROMIG (ACRONYM) Mars 2013 – Mai\n2014\nLe projet', output: 'Projet PROMIG (ACRONYM) Mars 2013 – Mai 2014\nLe projet' },
    { input: 'Fonds :\nUnion européenne', output: 'Fonds : Union européenne' },
    { input: 'Du 3 mars 2013 au\n5 juin 2014, rien.', output: 'Du 3 mars 2013 au 5 juin 2014, rien.' },
    { input: 'Période : 2013 –\n2015', output: 'Période : 2013 – 2015' },
    // A first month at a line end is left to extraction; a heading "Mai" stays.
    { input: 'et Yémen Mai\n2015 – Octobre 2017', output: 'et Yémen Mai\n2015 – Octobre 2017' },
    { input: 'Calendrier – Mai\nLe projet commence.', output: 'Calendrier – Mai\nLe projet commence.' },
  ])('$input', ({ input, output }) => expect(repairText(input).text).toBe(output));
});
