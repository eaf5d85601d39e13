// repairDocument, line numbers, and the lazy lexicon.
import { describe, expect, test } from 'vitest';
import { repairDocument, repairText } from '../../src/repair/index.js';
import type { RawDocument } from '../../src/types.js';

describe('repairDocument', () => {
  test('keeps the raw text and adds the repair', () => {
    const doc: RawDocument = { path: 'x.txt', format: 'text', text: 'les migrants rÃ©gularisÃ©s', hash: 'h', bytes: 10, warnings: [] };
    const r = repairDocument(doc);
    expect(r.rawText).toBe('les migrants rÃ©gularisÃ©s');
    expect(r.text).toBe('les migrants régularisés');
    expect(r.repair.changes).toEqual([{ line: 1, before: 'rÃ©gularisÃ©s', after: 'régularisés', rule: 'fixMojibake', confidence: 1 }]);
    expect(r.path).toBe('x.txt');
  });
});

describe('repairText', () => {
  test('line numbers are those of the output, after splits and joins', () => {
    const r = repairText('Titre marocainLe contexte\nun pro-\njet ré-gularisé\nles migraons et la situaon des migraons', { lost: ['ti'] });
    expect(r.text).toBe('Titre marocain\nLe contexte\nun projet régularisé\nles migrations et la situation des migrations');
    const at = (after: string) => r.changes.find((c) => c.after === after)?.line;
    expect(at('marocain\nLe')).toBe(1);
    expect(at('projet')).toBe(3);
    expect(at('régularisé')).toBe(3);
    expect(at('situation')).toBe(4);
  });

  test('CRLF line ends are read as line ends', () => {
    expect(repairText('un\r\ndeux\rtrois').text).toBe('un\ndeux\ntrois');
  });

  test('empty text', () => {
    expect(repairText('')).toEqual({ text: '', changes: [], unresolved: [], lostSequences: [] });
  });

  test('is fast: 1 MB of damaged text in well under a second once loaded', () => {
    const unit = 'Le contexte naonal et internaonal est parculièrement acf en maère de migraon. ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    repairText('x');
    const t0 = performance.now();
    repairText(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
