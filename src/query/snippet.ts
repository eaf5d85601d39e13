// The `snippet` field of `query --text`: the passage that matches, matches in [brackets], made by
// FTS5's snippet() for the rows returned only (never for every match before the limit), and
// bounded: FTS5 scores every match against every other, so its cost grows with the square of the
// matches in one record. A record whose text is longer than NATIVE_MAX characters is given a
// snippet made the same way from a window of WINDOW characters around the first matching word.
import { Database, type Db } from '../store/db.js';

/** Records up to this many characters (title + summary + text) get FTS5's snippet directly. */
export const NATIVE_MAX = 32 * 1024;
/** The window of a longer record that the snippet is made from. */
export const WINDOW = 16 * 1024;

const SNIPPET = `snippet(%T, -1, '[', ']', '…', 12)`;
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

/** The window of a long record goes into an FTS5 table of its own, in memory (the database is
 *  read-only, and busy with the query the rows come from). */
let scratch: ReturnType<typeof openScratch> | undefined;
function openScratch() {
  const mem = new Database(':memory:');
  mem.exec(`CREATE VIRTUAL TABLE snippet_window USING fts5(title, summary, text, tokenize='unicode61 remove_diacritics 2')`);
  return {
    clear: mem.prepare('DELETE FROM snippet_window'),
    put: mem.prepare<[string, string | null, string]>('INSERT INTO snippet_window (rowid, title, summary, text) VALUES (1, ?, ?, ?)'),
    windowed: mem.prepare<[string]>(`SELECT ${SNIPPET.replace('%T', 'snippet_window')} FROM snippet_window WHERE snippet_window MATCH ?`).pluck(),
  };
}

function prepare(db: Db) {
  return {
    size: db.prepare<[number], { n: number; title: string; summary: string | null }>(
      'SELECT length(title) + coalesce(length(summary), 0) + length(text) AS n, title, summary FROM project_texts WHERE rid = ?',
    ),
    text: db.prepare<[number]>('SELECT text FROM project_texts WHERE rid = ?').pluck(),
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The words of an FTS5 query (its operators and syntax left out), folded. */
export function queryWords(match: string): string[] {
  return fold(match.replace(/\b(?:OR|NOT|AND|NEAR)\b/g, ' ')).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Where the first word of the query (as a prefix, accents and case ignored) occurs in text, or 0. */
export function firstMatch(text: string, words: string[]): number {
  if (!words.length) return 0;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'u');
  // folding keeps one character for each precomposed letter: positions agree (near enough for a window)
  const m = re.exec(fold(text));
  return m ? m.index : 0;
}

/** The snippet of the record at `rowid` for the FTS5 query `match` (undefined: nothing matched there). */
export function snippetFor(db: Db, match: string, rowid: number): string | undefined {
  let st = statements.get(db);
  if (!st) statements.set(db, (st = prepare(db)));
  const row = st.size.get(rowid);
  if (!row) return undefined;
  const text = st.text.get(rowid) as string;
  const w = (scratch ??= openScratch());
  if (row.n <= NATIVE_MAX) {
    // The record alone in the in-memory table: snippet() reads only the record's own text and
    // matches, so the passage is the one the database's index gives, without looking the
    // query up again in the whole index (2-3 ms a row for a prefix such as "migration"* at
    // 100,000 projects, against a fraction of that here).
    w.clear.run();
    w.put.run(row.title, row.summary, text);
    try {
      return (w.windowed.get(match) as string | undefined) ?? undefined;
    } finally {
      w.clear.run();
    }
  }
  const at = firstMatch(text, queryWords(match));
  const from = Math.max(0, at - WINDOW / 4);
  const window = text.slice(from, from + WINDOW);
  w.clear.run();
  w.put.run(row.title.slice(0, WINDOW), row.summary?.slice(0, WINDOW) ?? null, window);
  try {
    const s = w.windowed.get(match) as string | undefined;
    if (s === undefined) return undefined;
    // a passage from the start of the window is not from the start of the text: say so, as FTS5 does
    const cut = from > 0 && !s.startsWith('…') && s !== '' && window.startsWith(s.replace(/[[\]]/g, '').slice(0, 20));
    return cut ? `…${s}` : s;
  } finally {
    w.clear.run();
  }
}
