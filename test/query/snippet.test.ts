// The snippet of --text is bounded: FTS5's snippet() compares every match of a record with every
// other, so a huge repetitive page took minutes; a long record's snippet is made from a window.
import { afterAll, describe, expect, test } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { writeSource } from '../../src/store/records.js';
import { listProjects } from '../../src/query/list.js';
import { ftsQuery } from '../../src/query/fts.js';
import { firstMatch, NATIVE_MAX, queryWords, snippetFor } from '../../src/query/snippet.js';
import { tempDir } from '../helpers.js';
import { record } from '../store/records.test.js';

const t = tempDir();
afterAll(t.cleanup);
const db = openDb(t.db);
afterAll(() => db.close());
// 100,000 matches of "traite" in one record (2.6 MB), and a short record
const huge = 'Contexte général du programme. '.repeat(200) + 'la traite des migrants, '.repeat(100_000);
writeSource(db, { path: '/huge.html', format: 'html', kind: 'iom-project-sheet', hash: 'h1', bytes: huge.length, repairs: 0, lostSequences: [], warnings: [] }, [
  record({ id: 'aaaaaaaaaaaa', title: 'Un très grand projet', summary: null, text: huge }),
]);
writeSource(db, { path: '/small.txt', format: 'text', kind: 'iom-project-sheet', hash: 'h2', bytes: 10, repairs: 0, lostSequences: [], warnings: [] }, [
  record({ id: 'bbbbbbbbbbbb', title: 'Lutte contre la traite', projectId: 'XX.1', primaId: null, summary: 'Un projet sur la traite des êtres humains.', text: 'Un projet sur la traite des êtres humains.' }),
]);

describe('snippets', () => {
  test('a record of 100,000 matches gets its snippet from a window around the first match', () => {
    expect(huge.length).toBeGreaterThan(NATIVE_MAX * 10);
    const rows = listProjects(db, { text: 'traite' }, { unmerged: true });
    const big = rows.find((r) => r.id === 'aaaaaaaaaaaa')!;
    expect(big.snippet).toMatch(/\[traite\]/);
    expect(big.snippet!.length).toBeLessThan(200);
    expect(rows.find((r) => r.id === 'bbbbbbbbbbbb')!.snippet).toBe('Lutte contre la [traite]');
  });

  test('a record of ordinary length gets the passage FTS5 gives it in the database index', () => {
    const seeds = openDb(`${t.dir}/seeds.sqlite`);
    try {
      writeSource(seeds, { path: '/s.txt', format: 'text', kind: 'iom-project-sheet', hash: 'h3', bytes: 1, repairs: 0, lostSequences: [], warnings: [] }, [
        record({ id: 'cccccccccccc', title: 'Lutte contre la traite', summary: 'Un projet sur la traite des êtres humains au Maroc.', text: `Contexte. ${'Le projet aide les migrants vulnérables. '.repeat(30)} La traite des êtres humains recule. Migration et développement.` }),
        record({ id: 'dddddddddddd', title: 'Migration et développement', summary: null, text: 'Les migrations de main-d’œuvre, la migration circulaire et les migrants de retour.' }),
      ]);
      for (const q of ['traite', 'migrants', 'migration', 'êtres humains', '"traite" OR migr*', 'title:traite', 'developpement']) {
        const match = ftsQuery(q);
        const native = seeds.prepare(`SELECT rowid, snippet(projects_fts, -1, '[', ']', '…', 12) AS s FROM projects_fts WHERE projects_fts MATCH ? ORDER BY rowid`).all(match) as { rowid: number; s: string }[];
        expect(native.length, q).toBeGreaterThan(0);
        for (const n of native) expect(snippetFor(seeds, match, n.rowid), q).toBe(n.s);
      }
    } finally {
      seeds.close();
    }
  });

  test('no snippet is made when it is not asked for', () => {
    const rows = listProjects(db, { text: 'traite' }, { unmerged: true, snippet: false });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.snippet === undefined)).toBe(true);
  });

  test('the window starts near the first word of the query, accents and case ignored', () => {
    expect(queryWords(ftsQuery('Êtres humains'))).toEqual(['etre', 'humain']);
    expect(queryWords('"traite" OR migr* NOT title:x')).toEqual(['traite', 'migr', 'title', 'x']);
    const text = `${'x '.repeat(1000)}Les Êtres`;
    expect(firstMatch(text, ['etre'])).toBe(2004);
    const rowid = db.prepare(`SELECT rowid FROM projects WHERE id = 'aaaaaaaaaaaa'`).pluck().get() as number;
    expect(snippetFor(db, ftsQuery('migrants'), rowid)).toMatch(/^….*\[migrants\]/);
  });
});
