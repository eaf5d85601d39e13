import { existsSync } from 'node:fs';
// The lexicon file format and the loader.
import { describe, expect, test } from 'vitest';
import { decodeLexicon, encodeLexicon } from '../../src/repair/lexicon-build.js';
import { Lexicon, loadLexicon } from '../../src/repair/lexicon.js';

describe('lexicon', () => {
  const lex = loadLexicon();

  test('knows French and English words, with frequency ranks', () => {
    expect(lex.info('migration')).toMatchObject({ fr: true, frFreq: true });
    expect(lex.info('lutte').frRank).toBeGreaterThan(0);
    expect(lex.info('lutte').frRank).toBeLessThan(lex.info('lue').frRank);
    expect(lex.info('opportunities').en).toBe(true);
    expect(lex.info('migraon').fr).toBe(false);
    expect(lex.hasPrefix('organisat')).toBe(true);
    expect(lex.hasPrefix('organisaq')).toBe(false);
    expect(lex.size).toBeGreaterThan(400_000);
  });

  test('encode/decode round trip keeps words, flags and ranks', () => {
    const text = 'afin\nlue\nlutte\n';
    const data = { text, offsets: Uint32Array.from([0, 5, 9, 15]), flags: Uint8Array.from([9, 1, 9]), frRank: Uint16Array.from([186, 14136, 919]), enRank: Uint16Array.from([0, 0, 0]) };
    const back = decodeLexicon(encodeLexicon(data));
    expect(back.text).toBe(text);
    expect([...back.offsets]).toEqual([0, 5, 9, 15]);
    const small = new Lexicon(back, 'test', 0);
    expect(small.has('lue')).toBe(true);
    expect(small.has('lu')).toBe(false);
    expect(small.info('lutte')).toMatchObject({ fr: true, frFreq: true, frRank: 919 });
  });

  test('rejects a file that is not a lexicon', () => {
    expect(() => decodeLexicon(new TextEncoder().encode('not a lexicon at all'))).toThrow(/lexicon file/);
  });

  // No time is asserted (the load time is a figure of npm run eval:repair and npm run bench): the
  // compact file a build writes is what is read, not the packages it is built from.
  test('loads from dist/lexicon.bin when a build made one', () => {
    const built = existsSync(new URL('../../dist/lexicon.bin', import.meta.url));
    expect(lex.source).toBe(built ? 'dist/lexicon.bin' : lex.source);
    if (built) expect(lex.loadMs).toBeGreaterThan(0);
  });
});
