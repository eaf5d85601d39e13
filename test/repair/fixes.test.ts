// One table per character fix (src/repair/fixes.ts).
import { describe, expect, test } from 'vitest';
import { composeAccents, expandLigatureCodepoints, fixMojibake, normalizeSpaces, removeSoftHyphens } from '../../src/repair/fixes.js';

describe('fixMojibake', () => {
  test.each([
    { input: 'migrÃ©s', output: 'migrés' },
    { input: 'lâ€™OIM', output: 'l’OIM' },
    { input: 'Å“uvre', output: 'œuvre' },
    { input: 'Ã‰tats membres', output: 'États membres' },
    { input: 'Â« humaniste Â»', output: '« humaniste »' },
    { input: 'dÃƒÂ©veloppement', output: 'développement' }, // decoded wrongly twice
    { input: 'à Ã\u00a0 Rabat', output: 'à à Rabat' },
  ])('$input -> $output', ({ input, output }) => expect(fixMojibake(input)).toBe(output));

  test.each(['Ça va', 'À Rabat', 'Ãbidjan', 'â€ seul', 'naïveté, œuvre, déjà', 'prix : 3 €'])('leaves "%s" alone', (text) => {
    expect(fixMojibake(text)).toBe(text);
  });
});

describe('expandLigatureCodepoints', () => {
  test.each([
    { input: 'eﬀet', output: 'effet' },
    { input: 'ﬁnancé', output: 'financé' },
    { input: 'ﬂux', output: 'flux' },
    { input: 'eﬃcace', output: 'efficace' },
    { input: 'souﬄe', output: 'souffle' },
    { input: 'ﬅyle ﬆatut', output: 'style statut' },
  ])('$input -> $output', ({ input, output }) => expect(expandLigatureCodepoints(input)).toBe(output));
});

describe('removeSoftHyphens', () => {
  test.each([
    { input: 'dévelop\u00adpement', output: 'développement' },
    { input: 'zéro\u200bwidth', output: 'zérowidth' },
    { input: '\ufeffTitre', output: 'Titre' },
    { input: 'Pays-Bas', output: 'Pays-Bas' },
  ])('$input -> $output', ({ input, output }) => expect(removeSoftHyphens(input)).toBe(output));
});

describe('normalizeSpaces', () => {
  test.each([
    { input: 'Fonds\u00a0: UE', output: 'Fonds : UE' },
    { input: '2\u202f000', output: '2 000' },
    { input: 'a\u2009b\u3000c', output: 'a b c' },
    { input: 'tab\tand  two', output: 'tab\tand  two' },
  ])('$input -> $output', ({ input, output }) => expect(normalizeSpaces(input)).toBe(output));
});

describe('composeAccents', () => {
  test.each([
    { input: 'e\u0301', output: 'é' },
    { input: 'Te\u0301touan', output: 'Tétouan' },
    { input: 'déjà', output: 'déjà' },
  ])('$input -> $output', ({ input, output }) => expect(composeAccents(input)).toBe(output));
});
