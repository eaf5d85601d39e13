// The projects a stats or facets call counts, split for speed: the records of single-record
// projects (nearly all of them) are counted in SQL; the few projects with records from several
// sources are merged in JS (merge.ts) and counted from their merged rows, so the numbers are
// those of the rows `iom query` lists.
//
// The groups with several records are found once, from the group_id index (milliseconds at
// 100,000 projects), instead of counting each record's group as it is read. Without a filter,
// every single-record project is in scope and the counts are made on the tables and their
// indexes directly (`all`); with filters, the matching single-record projects go into a
// temporary table of their rowids first.
import type { Db } from '../store/db.js';
import type { QueryFilters } from './filters.js';
import { buildWhere } from './filters.js';
import { matchingFrom, mergeGroup, withSearchErrors, type ProjectRow } from './list.js';

export interface Scope {
  /** No filter: every project is in scope. */
  all: boolean;
  /** The temporary table of the matching single-record projects: rid (rowid), id, budget (USD); made on first use. */
  table(): string;
  /** The matching projects read from several sources, merged. */
  merged: ProjectRow[];
  /** The temporary table of the ids of the records of multi-record projects; '' when there are none. */
  multi: string;
  /** Drops the temporary tables. */
  close(): void;
}

const TABLE = 'temp.iom_scope';
const MULTI_GROUPS = 'temp.iom_multi_groups';
const MULTI_IDS = 'temp.iom_multi_ids';

/** The group ids with more than one record (covering index projects_group). */
export function multiGroups(db: Db): string[] {
  return db.prepare('SELECT group_id FROM project_rows GROUP BY group_id HAVING count(*) > 1').pluck().all() as string[];
}

export function openScope(db: Db, filters: QueryFilters): Scope {
  const where = buildWhere(db, filters);
  const all = !where.sql && where.match === undefined;
  const groups = multiGroups(db);
  const any = groups.length > 0;
  db.exec(`DROP TABLE IF EXISTS ${MULTI_GROUPS}; DROP TABLE IF EXISTS ${MULTI_IDS}; DROP TABLE IF EXISTS ${TABLE}`);
  if (any) {
    db.exec(`CREATE TABLE ${MULTI_GROUPS} (group_id TEXT PRIMARY KEY) WITHOUT ROWID; CREATE TABLE ${MULTI_IDS} (id TEXT PRIMARY KEY) WITHOUT ROWID`);
    const put = db.prepare(`INSERT INTO ${MULTI_GROUPS} (group_id) VALUES (?)`);
    for (const g of groups) put.run(g);
    db.exec(`INSERT INTO ${MULTI_IDS} (id) SELECT p.id FROM ${MULTI_GROUPS} g JOIN project_rows p ON p.group_id = g.group_id`);
  }
  const notMultiRow = (p: string) => (any ? `${p}.group_id NOT IN ${MULTI_GROUPS}` : '1');
  let made = false;
  const table = () => {
    if (!made) {
      const single = matchingFrom(db, filters, notMultiRow('p'));
      db.exec(`CREATE TABLE ${TABLE} (rid INTEGER PRIMARY KEY, id TEXT NOT NULL, budget REAL)`);
      withSearchErrors(filters, () => db.prepare(`INSERT OR IGNORE INTO ${TABLE} (rid, id, budget) SELECT p.rowid, p.id, p.budget_usd ${single.sql}`).run(...single.params));
      made = true;
    }
    return TABLE;
  };
  let merged: string[] = [];
  if (any) {
    const multi = matchingFrom(db, filters, `p.group_id IN ${MULTI_GROUPS}`);
    merged = withSearchErrors(filters, () => db.prepare(`SELECT DISTINCT p.group_id ${multi.sql}`).pluck().all(...multi.params) as string[]);
  } else if (!all) {
    // a malformed --text search is reported here, as before, not at the first count
    table();
  }
  return {
    all,
    table,
    merged: merged.sort().map((g) => mergeGroup(db, g)),
    multi: any ? MULTI_IDS : '',
    close: () => db.exec(`DROP TABLE IF EXISTS ${TABLE}; DROP TABLE IF EXISTS ${MULTI_GROUPS}; DROP TABLE IF EXISTS ${MULTI_IDS}`),
  };
}
