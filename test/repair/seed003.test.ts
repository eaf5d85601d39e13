// Seed 003 holds a paragraph damaged by a PDF text layer (lost "ti" and "tt" ligatures), then,
// after "Citation preview", the same text clean. Repairing the damaged paragraph must give the
// clean words back, word for word, without being told what was lost.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { repairText } from '../../src/repair/index.js';
import { differences, words } from './align.js';

const seed = readFileSync(new URL('../../fixtures/seeds/003_905411b0d1b2955d.txt', import.meta.url), 'utf8');
const firstLine = seed.split('\n')[0]!;
const damaged = firstLine.slice(0, firstLine.indexOf('Fiche d’activités OIM Maroc')).trim();
const cleanHalf = seed.slice(seed.indexOf('Citation preview') + 'Citation preview'.length);
const clean = cleanHalf.slice(0, cleanHalf.indexOf('et les migrants.') + 'et les migrants.'.length).trim();

describe('seed 003: the damaged paragraph against its clean version', () => {
  const result = repairText(damaged);
  const before = differences(words(damaged), words(clean));
  const after = differences(words(result.text), words(clean));

  test('the fixture is what this test expects: many damaged words', () => {
    expect(before.reduce((k, d) => k + d.a.length, 0)).toBeGreaterThanOrEqual(45);
  });

  test('every damaged word is restored and no correct word is changed', () => {
    expect(after).toEqual([]);
  });

  test('the lost sequences are inferred: ti and tt, not fi or ff', () => {
    expect(result.lostSequences).toEqual(['ti', 'tt']);
    expect(result.unresolved).toEqual([]);
  });

  test('words that are words themselves are repaired from their context', () => {
    expect(result.text).toContain('la lutte contre l’immigration');
    expect(result.text).toContain('les parties prenantes');
  });

  test('each change names its line in the output, its rule and a confidence', () => {
    const lines = result.text.split('\n');
    for (const c of result.changes) {
      expect(c.line).toBeGreaterThanOrEqual(1);
      // A ligature repair is the last stage: its text is in the output as it says.
      if (c.rule === 'restoreLostLigatures') expect(lines[c.line - 1]).toContain(c.after);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    expect(new Set(result.changes.map((c) => c.rule))).toEqual(new Set(['restoreLostLigatures', 'splitGluedWords']));
  });
});
