// Builds the repair lexicon from the word-list packages and (de)serializes it.
// Used by scripts/build-lexicon.mjs (writes dist/lexicon.bin) and by lexicon.ts as a fallback
// when that file is missing (tests run on src/ without a build): same data either way.
//
// A rank is 1-based position in the frequency-ranked zxcvbn lists, 0 when unranked.
import { createRequire } from 'node:module';

export const FLAG_FR = 1; // an-array-of-french-words: a real French word (any inflection)
export const FLAG_EN = 2; // zxcvbn English common words / Wikipedia
export const FLAG_NAME = 4; // first or last name (French or English lists)
export const FLAG_FRFREQ = 8; // zxcvbn French common words / Wikipedia (includes place names)
export const FLAG_MASC = 16; // a masculine noun (french-words-gender-lefff, singular; its plural too)
export const FLAG_FEM = 32; // a feminine noun (same)

export interface LexiconData {
  /** All words joined by "\n" (plus a final "\n"), sorted by UTF-16 code units (JS `<`). */
  text: string;
  /** offsets[i] is where word i starts in `text`; offsets[count] = text.length. */
  offsets: Uint32Array;
  flags: Uint8Array;
  frRank: Uint16Array;
  enRank: Uint16Array;
}

const MAGIC = 'IOMLEX02';
const MAX_RANK = 65535;

type Dict = Record<string, string[]>;

export function buildLexiconData(): LexiconData {
  const require = createRequire(import.meta.url);
  const fr = require('an-array-of-french-words') as string[];
  const zfr = (require('@zxcvbn-ts/language-fr') as { dictionary: Dict }).dictionary;
  const zen = (require('@zxcvbn-ts/language-en') as { dictionary: Dict }).dictionary;

  const entries = new Map<string, { flags: number; fr: number; en: number }>();
  const entry = (w: string) => {
    let e = entries.get(w);
    if (!e) entries.set(w, (e = { flags: 0, fr: 0, en: 0 }));
    return e;
  };
  const ranked = (list: string[] | undefined, flag: number, key: 'fr' | 'en') => {
    (list ?? []).forEach((raw, i) => {
      const w = raw.toLowerCase();
      // zxcvbn lists hold tokens such as "l'" or "est-ce": keep letter words only.
      if (!/^\p{L}[\p{L}'’-]*$/u.test(w)) return;
      const e = entry(w);
      e.flags |= flag;
      const r = Math.min(i + 1, MAX_RANK);
      if (e[key] === 0 || r < e[key]) e[key] = r;
    });
  };
  for (const w of fr) entry(w.toLowerCase()).flags |= FLAG_FR;
  ranked(zfr['commonWords-fr'], FLAG_FRFREQ, 'fr');
  ranked(zfr['wikipedia-fr'], FLAG_FRFREQ, 'fr');
  ranked(zen['commonWords-en'], FLAG_EN, 'en');
  ranked(zen['wikipedia-en'], FLAG_EN, 'en');
  for (const key of ['firstnames-fr', 'lastnames-fr', 'firstnames-en', 'lastnames-en']) {
    for (const w of (zfr[key] ?? zen[key] ?? [])) entry(w.toLowerCase()).flags |= FLAG_NAME;
  }
  // Noun genders (Lefff via french-words-gender-lefff), for agreement: "le marche" is "le marché"
  // (marche is feminine). Set on the singular and its plural in -s/-x when the lexicon has them.
  const genders = require('french-words-gender-lefff/dist/words.json') as Record<string, string>;
  for (const [raw, g] of Object.entries(genders)) {
    const w = raw.toLowerCase();
    if (!/^\p{L}+$/u.test(w) || (g !== 'M' && g !== 'F')) continue;
    const flag = g === 'M' ? FLAG_MASC : FLAG_FEM;
    for (const form of [w, `${w}s`, `${w}x`]) {
      const e = entries.get(form);
      if (e && (form === w || e.flags & FLAG_FR)) e.flags |= flag;
    }
  }
  // Small closed lists (months, numbers, days): real words even if the big list lacks a form.
  for (const [key, list] of Object.entries({ ...zfr, ...zen })) {
    if (/^(cardinalNumbers|ordinalNumbers|daysOfWeek|months|seasons)-(fr|en)$/.test(key)) {
      for (const w of list) entry(w.toLowerCase()).flags |= key.endsWith('-fr') ? FLAG_FR : FLAG_EN;
    }
  }

  const words = [...entries.keys()].filter((w) => !w.includes('\n')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = words.length;
  const offsets = new Uint32Array(n + 1);
  const flags = new Uint8Array(n);
  const frRank = new Uint16Array(n);
  const enRank = new Uint16Array(n);
  let at = 0;
  words.forEach((w, i) => {
    const e = entries.get(w)!;
    offsets[i] = at;
    at += w.length + 1;
    flags[i] = e.flags;
    frRank[i] = e.fr;
    enRank[i] = e.en;
  });
  offsets[n] = at;
  return { text: words.join('\n') + '\n', offsets, flags, frRank, enRank };
}

// Layout: header(16) | text UTF-16LE | pad to 4 | u32 offsets[n+1] | u16 frRank[n] | u16 enRank[n] | u8 flags[n].
// UTF-16LE because decoding it is a copy (~6 ms for 5 M chars), and no per-word strings are made:
// lookups compare against the one big string.
function layout(n: number, units: number) {
  const text = 16;
  const offsets = text + 2 * units + ((2 * units) % 4);
  const frRank = offsets + 4 * (n + 1);
  const enRank = frRank + 2 * n;
  const flags = enRank + 2 * n;
  return { text, offsets, frRank, enRank, flags, end: flags + n };
}

export function encodeLexicon(data: LexiconData): Uint8Array {
  const n = data.flags.length;
  const units = data.text.length;
  const at = layout(n, units);
  const out = new Uint8Array(at.end);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, n, true);
  view.setUint32(12, units, true);
  for (let i = 0; i < units; i++) view.setUint16(at.text + 2 * i, data.text.charCodeAt(i), true);
  const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  out.set(bytesOf(data.offsets), at.offsets);
  out.set(bytesOf(data.frRank), at.frRank);
  out.set(bytesOf(data.enRank), at.enRank);
  out.set(data.flags, at.flags);
  return out;
}

export function decodeLexicon(bytes: Uint8Array): LexiconData {
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error('not an iom lexicon file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(8, true);
  const units = view.getUint32(12, true);
  const at = layout(n, units);
  if (bytes.byteLength !== at.end) throw new Error('corrupt iom lexicon file');
  // Copies into fresh, aligned buffers: a file buffer may start at any byte offset.
  const copy = (from: number, len: number) => {
    const b = new Uint8Array(len);
    b.set(bytes.subarray(from, from + len));
    return b.buffer;
  };
  return {
    text: Buffer.from(bytes.buffer, bytes.byteOffset + at.text, 2 * units).toString('utf16le'),
    offsets: new Uint32Array(copy(at.offsets, 4 * (n + 1))),
    frRank: new Uint16Array(copy(at.frRank, 2 * n)),
    enRank: new Uint16Array(copy(at.enRank, 2 * n)),
    flags: new Uint8Array(copy(at.flags, n)),
  };
}
