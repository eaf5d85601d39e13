// The donor registry with how many projects each funds here, and the funders it does not know.
import type { Db } from '../store/db.js';
import { listDonors } from '../normalize/donors.js';

export interface DonorRow {
  code: string;
  name: string;
  name_en: string;
  kind: string;
  parent: string | null;
  /** Projects naming this donor, or one of its agencies for a government (merged across sources). */
  projects: number;
  aliases: string[];
}

export function donorCounts(db: Db, opts: { all?: boolean } = {}): DonorRow[] {
  // projects, not records: records of one project from several sources count once (group_id)
  const count = db.prepare(
    'SELECT count(DISTINCT p.group_id) n FROM project_donors d JOIN project_rows p ON p.id = d.project_id WHERE d.code = ? OR d.parent = ?',
  );
  const rows = listDonors().map((d) => {
    const { n } = count.get(d.code, d.code) as { n: number };
    return {
      code: d.code,
      name: d.name,
      name_en: d.nameEn,
      kind: d.kind,
      parent: d.parent,
      projects: n,
      aliases: [...d.aliases],
    };
  });
  return rows.filter((r) => opts.all || r.projects > 0).sort((a, b) => b.projects - a.projects || a.name.localeCompare(b.name, 'fr'));
}

export interface UnknownDonorRow {
  name: string;
  raw: string;
  projects: number;
  sources: string[];
}

export function unknownDonors(db: Db): UnknownDonorRow[] {
  const rows = db
    .prepare(
      `SELECT d.name, min(d.raw) AS raw, count(DISTINCT p.group_id) AS projects, group_concat(DISTINCT s.path) AS sources
       FROM project_donors d JOIN project_rows p ON p.id = d.project_id JOIN sources s ON s.id = p.source_id
       WHERE d.code IS NULL GROUP BY d.name ORDER BY projects DESC, d.name`,
    )
    .all() as { name: string; raw: string; projects: number; sources: string }[];
  return rows.map((r) => ({ ...r, sources: r.sources.split(',') }));
}
