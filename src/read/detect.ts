// Decide what a file is from its bytes, not its name.

export type Sniffed =
  | { kind: 'pdf' }
  | { kind: 'html'; text: string; encoding: string }
  | { kind: 'text'; text: string; encoding: string }
  | { kind: 'binary'; what: string }
  | { kind: 'invalid-utf8'; offset: number; bad: number };

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive (or Office document)'],
  [[0x50, 0x4b, 0x05, 0x06], 'ZIP archive'],
  [[0x1f, 0x8b], 'gzip archive'],
  [[0x42, 0x5a, 0x68], 'bzip2 archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7-zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'executable (ELF)'],
  [[0x4d, 0x5a], 'executable (Windows)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'Office document (OLE)'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'SQLite database'],
];

function startsWith(data: Uint8Array, sig: number[], at = 0): boolean {
  if (data.length < at + sig.length) return false;
  return sig.every((b, i) => data[at + i] === b);
}

/** "%PDF-" within the first 1 KiB, as readers allow some leading junk. */
function isPdf(data: Uint8Array): boolean {
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * Decode bytes as UTF-8 when they are UTF-8, else as Windows-1252.
 * A file with some valid multi-byte UTF-8 sequences and some invalid bytes is damaged UTF-8,
 * not Windows-1252: guessing there would silently corrupt text, so it is reported.
 */
export function decodeText(data: Uint8Array): { text: string; encoding: string } | { offset: number; bad: number } {
  let start = 0;
  if (startsWith(data, [0xef, 0xbb, 0xbf])) start = 3;
  else if (startsWith(data, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'utf-16le' };
  else if (startsWith(data, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'utf-16be' };
  const body = data.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const { valid, bad, offset } = scanUtf8(body);
    if (valid > 0) return { offset: offset + start, bad };
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

// 0x80..0x9F of Windows-1252; Node's TextDecoder('windows-1252') decodes these as Latin-1 controls.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(b: Uint8Array): string {
  const latin1 = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Counts valid multi-byte UTF-8 sequences and invalid bytes. */
function scanUtf8(b: Uint8Array): { valid: number; bad: number; offset: number } {
  let valid = 0;
  let bad = 0;
  let offset = -1;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += n;
    } else {
      if (offset < 0) offset = i;
      bad++;
      i++;
    }
  }
  return { valid, bad, offset };
}

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*(<\?xml[^>]*>\s*)?(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const HTML_TAGS = /<(p|div|h[1-6]|ul|li|section|article|span|a|table|br)[\s>/]/gi;

function looksLikeHtml(text: string): boolean {
  if (HTML_START.test(text.slice(0, 4096))) return true;
  const head = text.slice(0, 8192);
  return (head.match(HTML_TAGS)?.length ?? 0) >= 3;
}

/** Control characters other than tab, newline, carriage return and form feed. */
function controlRatio(text: string): number {
  const sample = text.slice(0, 65536);
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) n++;
  }
  return sample.length ? n / sample.length : 0;
}

export function sniff(data: Uint8Array): Sniffed {
  if (isPdf(data)) return { kind: 'pdf' };
  for (const [sig, what] of MAGIC) if (startsWith(data, sig)) return { kind: 'binary', what };
  const probe = data.subarray(0, 8192);
  if (probe.includes(0) && !startsWith(data, [0xff, 0xfe]) && !startsWith(data, [0xfe, 0xff])) {
    return { kind: 'binary', what: 'binary data (NUL bytes)' };
  }
  const decoded = decodeText(data);
  if (!('text' in decoded)) return { kind: 'invalid-utf8', ...decoded };
  if (controlRatio(decoded.text) > 0.05) return { kind: 'binary', what: 'binary data (control characters)' };
  return looksLikeHtml(decoded.text)
    ? { kind: 'html', ...decoded }
    : { kind: 'text', ...decoded };
}
