// User text -> an FTS5 query. Plain words become prefix terms of their light French stem,
// so "migrant" finds "migrants" and "migration" finds "migrations". Queries that already use
// FTS5 syntax (quotes, *, OR, NOT, AND, NEAR, parentheses, column:) are passed through as written.
import { UsageError } from '../errors.js';

const SYNTAX = /["*()^:]|\b(OR|NOT|AND|NEAR)\b/;

/** Strips a plural or feminine ending a reader would ignore: migrants -> migrant, nationaux -> nationa. */
export function lightStem(word: string): string {
  let w = word;
  if (w.length > 4 && /aux$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && /[sx]$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && /e$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function ftsQuery(text: string): string {
  const t = text.trim();
  if (!t) throw new UsageError('--text needs at least one word');
  if (SYNTAX.test(t)) return t;
  const words = t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!words.length) throw new UsageError(`--text '${text}' has no words to search for`);
  return words.map((w) => `"${lightStem(w)}"*`).join(' ');
}
