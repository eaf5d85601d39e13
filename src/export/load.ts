// The projects an export writes: the rows `iom query` would list for the same filters (one per
// project, its records from several sources merged), plus what IATI needs and query output does
// not carry: the status code, donor kinds, country names and the project's text.
import type { Db } from '../store/db.js';
import type { DonorKind } from '../types.js';
import type { QueryFilters } from '../query/filters.js';
import { listProjects, type ProjectRow } from '../query/list.js';

export interface ExportProject {
  row: ProjectRow;
  /** IATI ActivityStatus code (1..6) of the record the row's status comes from; null when unknown. */
  statusCode: number | null;
  /** The full text of the row's first record, for a description when there is no summary. */
  text: string;
  countries: { code: string; name: string }[];
  donors: { name: string; code: string | null; kind: DonorKind; parent: string | null }[];
}

interface RecordExtra {
  id: string;
  status: string | null;
  status_code: number | null;
  text: string;
}

export function loadExportProjects(db: Db, filters: QueryFilters): ExportProject[] {
  const rows = listProjects(db, filters);
  const records = new Map<string, RecordExtra>();
  const donorKinds = new Map<string, { kind: DonorKind; parent: string | null }>();
  const recordIds = rows.flatMap((r) => r.records);
  for (let i = 0; i < recordIds.length; i += 500) {
    const ids = recordIds.slice(i, i + 500);
    const marks = ids.map(() => '?').join(',');
    for (const r of db.prepare(`SELECT p.id, p.status, p.status_code, t.text FROM project_rows p JOIN project_texts t ON t.rid = p.rowid WHERE p.id IN (${marks})`).all(...ids) as RecordExtra[]) {
      records.set(r.id, r);
    }
    for (const d of db.prepare(`SELECT code, name, kind, parent FROM project_donors WHERE project_id IN (${marks})`).all(...ids) as {
      code: string | null;
      name: string;
      kind: DonorKind;
      parent: string | null;
    }[]) {
      donorKinds.set(d.code ?? `name:${d.name}`, { kind: d.kind, parent: d.parent });
    }
  }
  const countryNames = new Map(
    (db.prepare('SELECT code, min(name) AS name FROM project_countries GROUP BY code').all() as { code: string; name: string }[]).map((c) => [c.code, c.name]),
  );
  return rows.map((row) => {
    const members = row.records.map((id) => records.get(id)).filter((r): r is RecordExtra => r !== undefined);
    const statusFrom = members.find((m) => m.status === row.status && m.status_code !== null);
    return {
      row,
      statusCode: statusFrom?.status_code ?? null,
      text: members[0]?.text ?? '',
      countries: row.countries.map((code) => ({ code, name: countryNames.get(code) ?? code })),
      donors: row.donors.map((name, i) => {
        const code = row.donor_codes[i] ?? null;
        const known = donorKinds.get(code ?? `name:${name}`);
        return { name, code, kind: known?.kind ?? 'unknown', parent: known?.parent ?? null };
      }),
    };
  });
}
