// The projects a stats or facets call counts, split for speed: the records of single-record
// projects (nearly all of them) are counted in SQL through a temporary table of their rowids;
// the few projects with records from several sources are merged in JS (merge.ts) and counted
// from their merged rows, so the numbers are those of the rows `iom query` lists.
import type { Db } from '../store/db.js';
import type { QueryFilters } from './filters.js';
import { GROUP_SIZE, matchingFrom, mergeGroup, withSearchErrors, type ProjectRow } from './list.js';

export interface Scope {
  /** The temporary table of the matching single-record projects: rid (rowid), id, budget (USD). */
  table: string;
  /** The matching projects read from several sources, merged. */
  merged: ProjectRow[];
  /** Drops the temporary table. */
  close(): void;
}

const TABLE = 'temp.iom_scope';

export function openScope(db: Db, filters: QueryFilters): Scope {
  const single = matchingFrom(db, filters, `${GROUP_SIZE} = 1`);
  const multi = matchingFrom(db, filters, `${GROUP_SIZE} > 1`);
  db.exec(`DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (rid INTEGER PRIMARY KEY, id TEXT NOT NULL, budget REAL)`);
  const groups = withSearchErrors(filters, () => {
    db.prepare(`INSERT OR IGNORE INTO ${TABLE} (rid, id, budget) SELECT p.rowid, p.id, p.budget_usd ${single.sql}`).run(...single.params);
    return db.prepare(`SELECT DISTINCT p.group_id ${multi.sql}`).pluck().all(...multi.params) as string[];
  });
  return {
    table: TABLE,
    merged: groups.sort().map((g) => mergeGroup(db, g)),
    close: () => db.exec(`DROP TABLE IF EXISTS ${TABLE}`),
  };
}
