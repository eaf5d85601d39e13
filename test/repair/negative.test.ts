// Clean text is left alone: the clean seeds and the clean half of seed 003 have no lost ligature,
// mojibake or stray hyphen. They do have blocks glued by extraction ("Qui sommes nousL'Organisation")
// and no-break spaces: those, and only those, are changed, and never a word.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { repairText } from '../../src/repair/index.js';
import { words } from './align.js';

const dir = new URL('../../fixtures/seeds/', import.meta.url);
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const t = readFileSync(new URL(f, dir), 'utf8');
    if (!f.startsWith('003')) return { name: f.slice(0, 3), text: t };
    const half = t.slice(t.indexOf('Citation preview') + 'Citation preview'.length);
    return { name: '003 clean half', text: half.slice(0, half.indexOf('et les migrants.') + 'et les migrants.'.length) };
  });

const GLUED: Record<string, string[]> = {
  '000': ["nousL'Organisation", 'travailEn'],
  '001': ["nousL'Organisation", 'travailEn'],
  '002': ["nousL'Organisation", 'travailEn'],
  '003 clean half': ['d’intervention: •', 'pauvreté.•', 'traite.•', 'marocainLe', 'etc.Actuellement'],
  '004': ['2021L’autonomisation'],
};

describe.each(texts)('seed $name', ({ name, text }) => {
  const r = repairText(text);

  test('no word changed, nothing lost, nothing unresolved', () => {
    expect(words(r.text)).toEqual(words(text));
    expect(r.lostSequences).toEqual([]);
    expect(r.unresolved).toEqual([]);
  });

  test('only glued blocks split and no-break spaces made plain', () => {
    expect(r.changes.filter((c) => c.rule !== 'splitGluedWords' && c.rule !== 'normalizeSpaces')).toEqual([]);
    expect(r.changes.filter((c) => c.rule === 'splitGluedWords').map((c) => c.before)).toEqual(GLUED[name]);
  });
});
