// Short-titled projects (a name of one or two words) are linked across sources by acronym or exact
// title, backed by a shared donor or period, and not otherwise.
import { afterEach, describe, expect, test } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { writeSource } from '../../src/store/records.js';
import type { ProjectRecord } from '../../src/types.js';
import { tempDir } from '../helpers.js';
import { record } from './records.test.js';

let t: ReturnType<typeof tempDir>;
let db: Db;
afterEach(() => {
  db?.close();
  t?.cleanup();
});
const eu = { code: 'EU', name: 'Union européenne', kind: 'multilateral' as const, raw: 'UE', known: true };
const nl = { code: 'NL', name: 'Pays-Bas', kind: 'government' as const, raw: 'Pays-Bas', known: true };
let n = 0;
const put = (over: Partial<ProjectRecord>) => {
  n++;
  const id = `${String(n).padStart(12, '0')}`;
  writeSource(db, { path: `/s/${n}.txt`, format: 'text', kind: 'iom-news', hash: `h${n}`, bytes: 1, repairs: 0, lostSequences: [], warnings: [] }, [
    record({ id, projectId: null, primaId: null, acronym: null, start: null, end: null, donors: [], summary: null, text: 'x', ...over }),
  ]);
  return id;
};
const group = (id: string) => db.prepare('SELECT group_id FROM projects WHERE id = ?').pluck().get(id);

describe('short titles', () => {
  test('the same acronym and a shared donor link a one-word name with the long title', () => {
    t = tempDir();
    db = openDb(t.db);
    const a = put({ title: 'COMPASS', acronym: 'COMPASS', donors: [nl] });
    const b = put({ title: 'COMPASS : protection et assistance aux migrants vulnérables', acronym: 'COMPASS', donors: [nl], start: '2019' });
    expect(group(b)).toBe(group(a));
  });

  test('the same exact title and an overlapping period link two two-word names', () => {
    t = tempDir();
    db = openDb(t.db);
    const a = put({ title: 'Projet FORSATY jeunesse', acronym: 'FORSATY', start: '2012', end: '2017' });
    const b = put({ title: 'Projet  Forsaty Jeunesse', acronym: 'FORSATY', start: '2013-01' });
    expect(group(b)).toBe(group(a));
  });

  test('no link without a shared donor or period, nor against other donors or a distant start', () => {
    t = tempDir();
    db = openDb(t.db);
    const a = put({ title: 'SALEMM', acronym: 'SALEMM' });
    const b = put({ title: 'SALEMM', acronym: 'SALEMM' }); // nothing backs it
    expect(group(b)).not.toBe(group(a));
    const c = put({ title: 'MOTUSE', acronym: 'MOTUSE', donors: [eu], start: '2015' });
    const d = put({ title: 'MOTUSE', acronym: 'MOTUSE', donors: [nl], start: '2015' }); // other donors
    expect(group(d)).not.toBe(group(c));
    const e = put({ title: 'AVENIR', acronym: 'AVENIR', donors: [eu], start: '2005', end: '2007' });
    const f = put({ title: 'AVENIR', acronym: 'AVENIR', donors: [eu], start: '2019' }); // years apart
    expect(group(f)).not.toBe(group(e));
  });
});
