// Filters -> SQL. Every value is bound as a parameter, never pasted into the SQL text.
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { resolveDonorQuery, nearestDonorNames } from '../normalize/donors.js';
import { normalizeStatus } from '../normalize/status.js';
import { nearestCountryNames, resolveCountryQuery } from '../normalize/countries.js';
import { ftsQuery } from './fts.js';

export interface QueryFilters {
  donor?: string;
  country?: string;
  status?: string;
  type?: string;
  year?: string | number;
  from?: string;
  to?: string;
  text?: string;
  source?: string;
  ids?: string[];
}

export interface Where {
  sql: string;
  params: unknown[];
  /** FTS expression, when --text was given: the caller MUST join projects_fts on it. */
  match?: string;
}

const STATUSES = ['planned', 'ongoing', 'completed', 'suspended', 'cancelled'];

/** "2014" -> 2014-01-01 / 2014-12-31; "2014-02" -> 2014-02-01 / 2014-02-29 (string compare suffices). */
export function periodBounds(value: string, flag: string): { first: string; last: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) throw new UsageError(`${flag} expects a year or a date (2014, 2014-02, 2014-02-15), not '${value}'`);
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) throw new UsageError(`${flag}: no month ${mo} in '${value}'`);
  if (d && (Number(d) < 1 || Number(d) > 31)) throw new UsageError(`${flag}: no day ${d} in '${value}'`);
  // 2014-02-31, 2015-02-29, 2014-04-31: a day the month does not have
  if (d && new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDate() !== Number(d)) {
    throw new UsageError(`${flag}: ${value} is not a date (no day ${Number(d)} in that month)`);
  }
  if (d) return { first: `${y}-${mo}-${d}`, last: `${y}-${mo}-${d}` };
  if (mo) return { first: `${y}-${mo}-01`, last: `${y}-${mo}-31` };
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

function parseYear(v: string | number): number {
  const s = String(v).trim();
  if (!/^\d{4}$/.test(s)) throw new UsageError(`--year expects a four-digit year such as 2015, not '${s}'`);
  return Number(s);
}

export function buildWhere(db: Db, f: QueryFilters): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  let match: string | undefined;

  if (f.donor !== undefined) {
    const { codes } = resolveDonorQuery(f.donor);
    const names = db
      .prepare<[string], { n: number }>(`SELECT count(*) AS n FROM project_donors WHERE code IS NULL AND name = ? COLLATE NOCASE`)
      .get(f.donor.trim());
    if (codes.length === 0 && !names?.n) {
      const near = nearestDonorNames(f.donor);
      throw new UsageError(`unknown donor '${f.donor}'${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : ''} (see 'iom donors')`);
    }
    // Driven by the link table's indexes (code, parent): proportional to the matching projects,
    // not to the size of the database. Funders the registry does not know match by name.
    const marks = codes.map(() => '?').join(', ');
    const parts: string[] = [];
    if (codes.length) {
      parts.push(`SELECT project_id FROM project_donors WHERE code IN (${marks})`, `SELECT project_id FROM project_donors WHERE parent IN (${marks})`);
      params.push(...codes, ...codes);
    }
    if (names?.n) {
      parts.push('SELECT project_id FROM project_donors WHERE code IS NULL AND name = ? COLLATE NOCASE');
      params.push(f.donor.trim());
    }
    clauses.push(`p.id IN (${parts.join(' UNION ')})`);
  }
  if (f.country !== undefined) {
    const code = resolveCountryCode(f.country);
    clauses.push(`(EXISTS (SELECT 1 FROM project_countries c WHERE c.project_id = p.id AND c.code = ?)
      OR EXISTS (SELECT 1 FROM project_places pl WHERE pl.project_id = p.id AND pl.country = ?))`);
    params.push(code, code);
  }
  if (f.status !== undefined) {
    const s = STATUSES.includes(f.status.toLowerCase()) ? f.status.toLowerCase() : normalizeStatus(f.status);
    if (!s) throw new UsageError(`unknown status '${f.status}'; use one of ${STATUSES.join(', ')} (French and English words such as 'Achevé' or 'en cours' work too)`);
    clauses.push('p.status = ?');
    params.push(s);
  }
  if (f.type !== undefined) {
    clauses.push(`p.type LIKE ? ESCAPE '\\'`);
    params.push(`%${f.type.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  let from: string | undefined;
  let to: string | undefined;
  if (f.year !== undefined) {
    const y = parseYear(f.year);
    from = `${y}-01-01`;
    to = `${y}-12-31`;
  }
  if (f.from !== undefined) from = maxDate(from, periodBounds(f.from, '--from').first);
  if (f.to !== undefined) to = minDate(to, periodBounds(f.to, '--to').last);
  if (f.from !== undefined && f.to !== undefined && periodBounds(f.from, '--from').first > periodBounds(f.to, '--to').last) {
    throw new UsageError(`--from ${f.from} is after --to ${f.to}; swap them?`);
  }
  if (from !== undefined || to !== undefined) {
    // Active in [from, to]: started before the period ends and not ended before it starts.
    // A project with no known end (active_to NULL) is taken as still running, never as ended.
    clauses.push('p.active_from IS NOT NULL');
    if (to !== undefined) {
      clauses.push('p.active_from <= ?');
      params.push(to);
    }
    if (from !== undefined) {
      clauses.push('(p.active_to IS NULL OR p.active_to >= ?)');
      params.push(from);
    }
  }
  if (f.text !== undefined) {
    // The caller joins projects_fts on this expression (for rank and snippet); that join is the
    // filter. A second "rowid IN (… MATCH …)" here made SQLite 3.51 re-run the search per row.
    match = ftsQuery(f.text);
  }
  if (f.source !== undefined) {
    clauses.push(`s.path LIKE ? ESCAPE '\\'`);
    params.push(`%${f.source.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (f.ids?.length) {
    clauses.push(`p.id IN (${f.ids.map(() => '?').join(', ')})`);
    params.push(...f.ids);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, match };
}

function maxDate(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}
function minDate(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

function resolveCountryCode(q: string): string {
  const code = resolveCountryQuery(q);
  if (!code) {
    const near = nearestCountryNames(q);
    throw new UsageError(`unknown country '${q}'${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : ''} (give an ISO code such as MA, or a French or English name such as Maroc or Morocco)`);
  }
  return code;
}
