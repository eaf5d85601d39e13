import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeText, sniff } from '../../src/read/detect.js';
import { fixture } from '../helpers.js';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(s, enc));

describe('sniff: the format comes from the content', () => {
  test.each([
    ['%PDF-1.7\n...', 'pdf'],
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['  <html lang="fr"><head><title>t</title></head>', 'html'],
    ['<div><p>Date de début</p><p>2020</p></div><p>x</p>', 'html'],
    ['Qui sommes nous\nDate de début\n2020', 'text'],
    ['Le budget est < 3000 et > 200 dollars.', 'text'],
  ])('%j is %s', (input, kind) => {
    expect(sniff(bytes(input)).kind).toBe(kind);
  });

  test('the seeds are text', () => {
    expect(sniff(new Uint8Array(readFileSync(fixture('seeds/000_7d4a42574226c896.txt')))).kind).toBe('text');
  });

  test.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG image'],
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'ZIP archive (or Office document)'],
    [[0x7f, 0x45, 0x4c, 0x46, 0x02], 'executable (ELF)'],
    [[0x61, 0x62, 0x00, 0x01, 0x02, 0x63], 'binary data (NUL bytes)'],
  ])('binary %j is refused as %s', (b, what) => {
    expect(sniff(new Uint8Array(b))).toEqual({ kind: 'binary', what });
  });
});

describe('decodeText', () => {
  test('UTF-8, with or without a BOM', () => {
    expect(decodeText(bytes('Coopération'))).toEqual({ text: 'Coopération', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Année')]))).toEqual({ text: 'Année', encoding: 'utf-8' });
  });

  test('Windows-1252 text reads correctly (accents, œ, typographic apostrophe)', () => {
    const cp1252 = new Uint8Array([...bytes('Date de d'), 0xe9, ...bytes('but ; main-d'), 0x92, 0x9c, ...bytes('uvre ; Achev'), 0xe9]);
    expect(decodeText(cp1252)).toEqual({ text: 'Date de début ; main-d’œuvre ; Achevé', encoding: 'windows-1252' });
  });

  test('damaged UTF-8 (valid sequences and invalid bytes) is reported, not guessed', () => {
    const mixed = new Uint8Array([...bytes('Année '), 0xff, 0xfe, ...bytes(' migrés')]);
    expect(decodeText(mixed)).toEqual({ offset: 7, bad: 2 });
    expect(sniff(mixed).kind).toBe('invalid-utf8');
  });
});
