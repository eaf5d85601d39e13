// The row a query answers with (one project, its records merged): the type shared by list.ts,
// which reads rows, and merge.ts, which folds them, so that neither imports the other for it.
import type { Beneficiaries } from '../types.js';

export interface Conflict {
  field: string;
  values: { value: unknown; source: string; record: string }[];
}

export interface ProjectRow {
  id: string;
  title: string;
  acronym: string | null;
  status: string | null;
  status_derived: boolean;
  type: string | null;
  section: string | null;
  start: string | null;
  end: string | null;
  end_open: boolean;
  activity_start: string | null;
  activity_end: string | null;
  budget: { amount: number; currency: string } | null;
  budget_usd: number | null;
  countries: string[];
  donors: string[];
  donor_codes: (string | null)[];
  partners: string[];
  implementers: string[];
  places: string[];
  beneficiaries: Beneficiaries[];
  coverage: string | null;
  year: number | null;
  idf_region: string | null;
  prima_id: string | null;
  project_id: string | null;
  kind: string;
  summary: string | null;
  source: string;
  repairs: number;
  /** Every source that describes this project (one unless records were merged). */
  sources: string[];
  /** The ids of the source records behind this row. */
  records: string[];
  /** Fields on which the sources disagree, each value with its source. */
  conflicts: Conflict[];
  snippet?: string;
}
