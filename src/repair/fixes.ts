// Character-level fixes: one small pure function per fix, string -> string, like ftfy's fixes.py.
// None of them needs the lexicon, and none changes the number of lines.

// Windows-1252 bytes 0x80-0x9F as the characters a wrong decoding shows. The five bytes
// Windows-1252 leaves undefined (81 8D 8F 90 9D) show up as the C1 controls of the same value.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF = new Map<string, number>();
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
[...CP1252_HIGH].forEach((ch, i) => BYTE_OF.set(ch, 0x80 + i));

const CONT = `[\\u0080-\\u00BF${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`;
// A UTF-8 lead byte read as Windows-1252 (Â..ô), then the continuation bytes it needs.
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, 'g');
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * "migrÃ©s" -> "migrés", "lâ€™OIM" -> "l’OIM", "Å“uvre" -> "œuvre": UTF-8 read as Windows-1252.
 * Each candidate run is re-encoded and decoded strictly, so a legitimate "Ã" or "â" followed by
 * anything that is not a valid UTF-8 continuation stays. Repeats for text mis-decoded twice.
 * Not fixed: "Ã" followed by a plain space (the no-break space of "Ã\u00A0" = "à" was lost).
 */
export function fixMojibake(text: string): string {
  for (let pass = 0; pass < 3; pass++) {
    const next = text.replace(MOJIBAKE, (run) => {
      const bytes = Uint8Array.from([...run].map((ch) => BYTE_OF.get(ch) ?? 0));
      try {
        const out = STRICT_UTF8.decode(bytes);
        // A decoded C0/C1 control means the run was not text after all.
        return /[\u0000-\u001f\u007f-\u009f]/.test(out) ? run : out;
      } catch {
        return run;
      }
    });
    if (next === text) return text;
    text = next;
  }
  return text;
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st', // long s + t
  '\uFB06': 'st',
};

/** "eﬃcace" -> "efficace": the presentation-form ligatures U+FB00-U+FB06 spelled out. */
export function expandLigatureCodepoints(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (ch) => LIGATURES[ch]!);
}

/**
 * "dévelop\u00ADpement" -> "développement". Removes soft hyphens (U+00AD) and the invisible
 * word-joiners PDFs leave (U+200B zero-width space, U+2060 word joiner, U+FEFF BOM).
 * A soft hyphen at a line end is joinHyphenatedLines' business: run that first.
 */
export function removeSoftHyphens(text: string): string {
  return text.replace(/[\u00AD\u200B\u2060\uFEFF]/g, '');
}

/**
 * No-break, narrow no-break, thin, figure and other fixed-width spaces -> " ".
 * French typography puts U+00A0/U+202F before ":" ";" "?" "!" and inside "«  »" and "2 000";
 * downstream parsing wants one kind of space. Keeps tabs, runs of spaces and line breaks.
 */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

/** "e\u0301" -> "é": canonical composition (NFC), as PDFs often decompose accents. */
export function composeAccents(text: string): string {
  return text.normalize('NFC');
}

/** The character fixes in the order repairText applies them. */
export const CHARACTER_FIXES: ReadonlyArray<readonly [name: string, fix: (s: string) => string]> = [
  ['fixMojibake', fixMojibake],
  ['expandLigatureCodepoints', expandLigatureCodepoints],
  ['composeAccents', composeAccents],
  ['normalizeSpaces', normalizeSpaces],
];
