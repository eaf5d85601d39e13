// One project, many sources: when a record is stored, look for a record of ANOTHER source that
// describes the same project, and give the new record that record's group_id.
// Evidence, strongest first: the same IOM project ID or Prima ID; then title words in common
// (a share of the shorter title), backed by the acronym, overlapping dates and shared donors.
// Conflicting IDs veto a link; a group never takes two records of the same source.
import type { Db } from './db.js';
import type { ProjectRecord } from '../types.js';
import { exactTitle, titleKeys, titleWords } from './titles.js';

export { titleKeys, titleWords } from './titles.js';

/** Records read per title key: the most recent, so that a key shared by thousands costs no more than a rare one. */
const PER_KEY = 32;

export function titleSimilarity(a: Set<string>, b: Set<string>): { shared: number; score: number } {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const smaller = Math.min(a.size, b.size);
  return { shared, score: smaller ? shared / Math.max(a.size, b.size, 1) * 0.5 + (shared / smaller) * 0.5 : 0 };
}

interface Candidate {
  id: string;
  group_id: string;
  source_id: number;
  title: string;
  acronym: string | null;
  project_id: string | null;
  prima_id: string | null;
  start: string | null;
  end: string | null;
}


const year = (d: string | null | undefined) => (d ? Number(d.slice(0, 4)) : null);

function datesOverlap(r: ProjectRecord, c: Candidate): boolean | null {
  const rs = year(r.start ?? r.activityStart);
  const cs = year(c.start);
  // only two known starts can disagree; an end alone says too little ("Date de fin 2024" may be a later phase)
  if (rs === null || cs === null) return null;
  const re = year(r.end) ?? 9999;
  const ce = year(c.end) ?? 9999;
  return rs <= ce + 1 && cs <= re + 1;
}

/** How sure we are that record r and candidate c are the same project (0 = not). */
export function sameProjectScore(r: ProjectRecord, c: Candidate, donorsOf: (id: string) => string[]): number {
  const idA = r.projectId?.toUpperCase();
  const idB = c.project_id?.toUpperCase();
  if (idA && idB) return idA === idB ? 1 : 0;
  const pA = r.primaId?.toUpperCase();
  const pB = c.prima_id?.toUpperCase();
  if (pA && pB) return pA === pB ? 1 : 0;
  const wordsA = titleWords(r.title);
  const wordsB = titleWords(c.title);
  const mine = new Set(r.donors.map((d) => d.code).filter(Boolean));
  const theirs = donorsOf(c.id);
  if (Math.min(wordsA.size, wordsB.size) <= 2) {
    // A name of one or two words ("COMPASS", "Projet FORSATY") shares too few words to be linked
    // by title: it is linked by the same acronym or the same exact title, backed by a shared donor
    // or an overlapping period, and nothing against (other donors, periods years apart).
    const sameAcronym = !!r.acronym && !!c.acronym && r.acronym.toUpperCase() === c.acronym.toUpperCase();
    if (!sameAcronym && exactTitle(r.title) !== exactTitle(c.title)) return 0;
    const overlap = datesOverlap(r, c);
    const sharedDonor = theirs.some((d) => mine.has(d));
    if (overlap === false || (mine.size && theirs.length && !sharedDonor)) return 0;
    return sharedDonor || overlap === true ? 0.9 : 0;
  }
  const { shared, score } = titleSimilarity(wordsA, wordsB);
  let s = score;
  if (r.acronym && c.acronym) s += r.acronym.toUpperCase() === c.acronym.toUpperCase() ? 0.3 : -0.3;
  const overlap = datesOverlap(r, c);
  if (overlap === false) s -= 0.3;
  if (overlap === true) s += 0.05;
  if (mine.size && theirs.length) s += theirs.some((d) => mine.has(d)) ? 0.1 : -0.1;
  return shared >= 3 && s >= 0.75 ? s : 0;
}

/** Sets group_id for each record of the source just written. Runs inside the write transaction. */
export function linkRecords(db: Db, sourceId: number, records: ProjectRecord[]): void {
  const byId = db.prepare<[string, string, string, number], Candidate>(
    `SELECT id, group_id, source_id, title, acronym, project_id, prima_id, start, "end" FROM project_rows
     WHERE (project_id = ? OR prima_id = ? OR acronym = ?) AND source_id != ?`,
  );
  // The most recent records stored before this source's that have this key: one range of the
  // key index, no row read. This source's records were just inserted, with rowids above every
  // record stored before them (SQLite gives a new row the largest rowid + 1).
  const byKey = db.prepare<[string, number, number], number>(
    `SELECT rid FROM project_title_keys WHERE key = ? AND rid < ? ORDER BY rid DESC LIMIT ?`,
  ).pluck();
  const firstRid = (db.prepare<[number], number>('SELECT min(rowid) FROM project_rows WHERE source_id = ?').pluck().get(sourceId) ?? Number.MAX_SAFE_INTEGER) as number;
  const byRid = db.prepare<[number], Candidate>(
    `SELECT id, group_id, source_id, title, acronym, project_id, prima_id, start, "end" FROM project_rows WHERE rowid = ?`,
  );
  const donors = db.prepare<[string], { code: string }>('SELECT code FROM project_donors WHERE project_id = ? AND code IS NOT NULL');
  const sourcesInGroup = db.prepare<[string], { source_id: number }>('SELECT DISTINCT source_id FROM project_rows WHERE group_id = ?');
  const setGroup = db.prepare<[string, string]>('UPDATE project_rows SET group_id = ? WHERE id = ?');
  const donorsOf = (id: string) => donors.all(id).map((d) => d.code);
  for (const r of records) {
    const seen = new Map<string, Candidate>();
    const keyId = r.projectId ?? r.primaId ?? r.acronym;
    if (keyId) for (const c of byId.all(r.projectId ?? '', r.primaId ?? '', r.acronym ?? '', sourceId)) seen.set(c.id, c);
    // by title: the ten records that share the most keys with it (most recent first on a tie)
    const hits = new Map<number, number>();
    for (const key of titleKeys(r.title)) for (const rid of byKey.all(key, firstRid, PER_KEY)) hits.set(rid, (hits.get(rid) ?? 0) + 1);
    const top = [...hits].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, 10);
    for (const [rid] of top) {
      const c = byRid.get(rid);
      if (c) seen.set(c.id, c);
    }
    const ranked = [...seen.values()]
      .map((c) => ({ c, score: sameProjectScore(r, c, donorsOf) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    // the best candidate whose project has no record of this source yet
    const best = ranked.find((x) => !sourcesInGroup.all(x.c.group_id).some((s) => s.source_id === sourceId));
    if (best) setGroup.run(best.c.group_id, r.id);
  }
}
