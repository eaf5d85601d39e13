// Folding the records of one project (same group_id, from different sources) into one row.
// Nothing is dropped: lists are united, and where sources disagree on a value the row keeps
// one value (from the fullest record) and lists every value with its source under `conflicts`.
import type { Conflict, ProjectRow } from './row.js';

export type { Conflict } from './row.js';

/** Fields compared across sources; a disagreement there is reported. */
const COMPARED = ['status', 'type', 'start', 'end', 'budget_usd', 'project_id', 'prima_id', 'acronym', 'coverage'] as const;
/** Fields taken from the first record that has them. */
const SCALARS = [
  'acronym', 'status', 'type', 'section', 'start', 'end', 'activity_start', 'activity_end',
  'budget', 'budget_usd', 'coverage', 'year', 'idf_region', 'prima_id', 'project_id', 'summary',
] as const;

const filled = (r: ProjectRow) => SCALARS.filter((k) => r[k] !== null && r[k] !== undefined).length;

/** The record that speaks first: the one with most fields; a project sheet wins a tie. */
export function pickPrimary(members: ProjectRow[]): ProjectRow {
  return [...members].sort(
    (a, b) => filled(b) - filled(a) || Number(b.kind === 'iom-project-sheet') - Number(a.kind === 'iom-project-sheet') || (a.id < b.id ? -1 : 1),
  )[0]!;
}

/** "2014-07" and "2014" agree (one is a more precise form of the other); "2016-06" and "2024" do not. */
function agrees(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x.startsWith(y) || y.startsWith(x);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function union<T>(lists: T[][], key: (x: T) => string = String): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of lists) for (const x of list) if (!seen.has(key(x))) (seen.add(key(x)), out.push(x));
  return out;
}

export function mergeRows(members: ProjectRow[]): ProjectRow {
  if (members.length === 1) return { ...members[0]!, sources: [members[0]!.source], records: [members[0]!.id], conflicts: [] };
  const primary = pickPrimary(members);
  const ordered = [primary, ...members.filter((m) => m !== primary)];
  const row = { ...primary } as ProjectRow & Record<string, unknown>;
  // The period is one value: start, end and end_open come together from one record (the first
  // with the fullest period), never a start from one source and an end from another, which would
  // make a period no source gave. The other sources' dates are listed in conflicts if they differ.
  const span = (m: ProjectRow) => Number(m.start !== null && m.start !== undefined) + Number(m.end !== null && m.end !== undefined);
  const period = [...ordered].sort((a, b) => span(b) - span(a))[0]!;
  row.start = period.start;
  row.end = period.end;
  row.end_open = period.end_open;
  for (const k of SCALARS) {
    if ((k === 'start' || k === 'end') && (row[k] === null || row[k] === undefined)) continue; // the period's own gap

    if (row[k] === null || row[k] === undefined) {
      const other = ordered.find((m) => m[k] !== null && m[k] !== undefined);
      if (other) {
        row[k] = other[k] as never;
        // a flag travels with the value it qualifies
        if (k === 'status') row.status_derived = other.status_derived;
        if (k === 'end') row.end_open = other.end_open;
      }
    }
    // a more precise date that agrees wins ("2014-07" over "2014")
    if ((k === 'start' || k === 'end') && typeof row[k] === 'string') {
      for (const m of ordered) {
        const v = m[k];
        if (typeof v === 'string' && agrees(v, row[k]) && v.length > (row[k] as string).length) row[k] = v;
      }
    }
  }
  const conflicts: Conflict[] = [];
  for (const field of COMPARED) {
    const values = ordered
      .filter((m) => m[field] !== null && m[field] !== undefined)
      .map((m) => ({ value: m[field], source: m.source, record: m.id }));
    const disagree = values.some((a) => values.some((b) => !agrees(a.value, b.value)));
    if (disagree) conflicts.push({ field, values });
  }
  const donorPairs = union(
    ordered.map((m) => m.donors.map((name, i) => ({ name, code: m.donor_codes[i] ?? null }))),
    (d) => d.code ?? d.name,
  );
  return {
    ...row,
    countries: union(ordered.map((m) => m.countries)),
    donors: donorPairs.map((d) => d.name),
    donor_codes: donorPairs.map((d) => d.code),
    partners: union(ordered.map((m) => m.partners), (s) => s.toLowerCase()),
    implementers: union(ordered.map((m) => m.implementers), (s) => s.toLowerCase()),
    places: union(ordered.map((m) => m.places)),
    beneficiaries: union(ordered.map((m) => m.beneficiaries), (b) => `${b.count} ${b.what}`),
    repairs: ordered.reduce((n, m) => n + m.repairs, 0),
    sources: ordered.map((m) => m.source),
    records: ordered.map((m) => m.id),
    conflicts,
    ...(primary.snippet !== undefined ? { snippet: ordered.find((m) => m.snippet)?.snippet ?? primary.snippet } : {}),
  };
}
