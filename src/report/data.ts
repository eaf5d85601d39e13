// The report's data: the rows `iom query` lists, cut down to what the page draws, and the sums it
// shows (projects and budgets per donor, agencies under their government; projects per country).
import { createRequire } from 'node:module';
import { listDonors } from '../normalize/donors.js';
import type { ProjectRow } from '../query/list.js';

export interface ReportProject {
  id: string;
  title: string;
  /** ISO day the bar starts / ends; null when the source gives no start. */
  x1: string | null;
  x2: string | null;
  /** The end is unknown or open ("depuis 2005", ongoing): the bar runs to the report's date, drawn open. */
  open: boolean;
  start: string | null;
  end: string | null;
  status: string | null;
  donors: string[];
  /** The government (or multilateral, fund…) of the first donor: the bar's colour. */
  group: string;
  countries: string[];
  budget: { amount: number; currency: string } | null;
  budget_usd: number | null;
  sources: string[];
  conflicts: { field: string; values: string[] }[];
}

export interface DonorSum {
  /** The government (or the donor itself when it has no parent). */
  group: string;
  /** The donor as named: the government itself or one of its agencies. */
  donor: string;
  /** Its registry code (USAID, PRM, ENABEL…), null when the registry does not know it. */
  code: string | null;
  projects: number;
  /** Budgets of its projects per currency, as the sources give them (no exchange rates). */
  budgets: Record<string, number>;
}

export interface CountryCount {
  code: string;
  /** ISO 3166-1 numeric, the id world-atlas uses. */
  numeric: string | null;
  name: string;
  projects: number;
}

export interface ReportData {
  generated: string;
  version: string;
  filters: string;
  projects: ReportProject[];
  donors: DonorSum[];
  countries: CountryCount[];
}

export const NO_DONOR = '(funder not named)';

type CountriesLib = typeof import('i18n-iso-countries');
let countriesLib: CountriesLib | undefined;
function countries(): CountriesLib {
  if (!countriesLib) {
    const require = createRequire(import.meta.url);
    countriesLib = require('i18n-iso-countries/index.js') as CountriesLib;
    countriesLib.registerLocale(require('i18n-iso-countries/langs/fr.json'));
  }
  return countriesLib;
}

/** "2014" -> 2014-01-01; "2014-02" -> 2014-02-01. */
export function firstDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d.slice(0, 10);
}

/** "2014" -> 2014-12-31; "2014-02" -> 2014-02-28 (the real last day). */
export function lastDay(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return d.slice(0, 10);
}

export function buildReportData(rows: ProjectRow[], opts: { today: Date; version: string; filters: string }): ReportData {
  const registry = new Map(listDonors().map((d) => [d.code, d]));
  const top = (code: string | null, name: string): string => {
    let d = code ? registry.get(code) : undefined;
    for (let i = 0; d?.parent && i < 5; i++) d = registry.get(d.parent) ?? d;
    return d?.name ?? name;
  };
  const today = opts.today.toISOString().slice(0, 10);
  const sums = new Map<string, DonorSum>();
  const perCountry = new Map<string, number>();
  const projects = rows.map((r): ReportProject => {
    const x1 = r.start ? firstDay(r.start) : null;
    const open = !!x1 && (r.end_open || !r.end);
    let x2 = r.end ? lastDay(r.end) : null;
    if (x1 && open) x2 = x2 && x2 > today ? x2 : today > x1 ? today : lastDay(r.start!);
    const groups = r.donors.map((name, i) => ({ name, code: r.donor_codes[i] ?? null, group: top(r.donor_codes[i] ?? null, name) }));
    // One line per donor as named, each counted once per project.
    for (const { name, code, group } of groups.length ? groups : [{ name: NO_DONOR, code: null, group: NO_DONOR }]) {
      const key = `${group}\u0000${name}`;
      const s = sums.get(key) ?? { group, donor: name, code, projects: 0, budgets: {} };
      s.projects++;
      if (r.budget) s.budgets[r.budget.currency] = (s.budgets[r.budget.currency] ?? 0) + r.budget.amount;
      sums.set(key, s);
    }
    for (const c of new Set(r.countries)) perCountry.set(c, (perCountry.get(c) ?? 0) + 1);
    return {
      id: r.id,
      title: r.title,
      x1,
      x2,
      open,
      start: r.start,
      end: r.end,
      status: r.status,
      donors: r.donors,
      group: groups[0]?.group ?? NO_DONOR,
      countries: r.countries,
      budget: r.budget,
      budget_usd: r.budget_usd,
      sources: r.sources,
      conflicts: r.conflicts.map((c) => ({ field: c.field, values: c.values.map((v) => `${String(v.value)} (${v.source})`) })),
    };
  });
  const lib = countries();
  return {
    generated: opts.today.toISOString(),
    version: opts.version,
    filters: opts.filters,
    projects,
    donors: sortDonors([...sums.values()]),
    countries: [...perCountry]
      .map(([code, n]) => ({ code, numeric: lib.alpha2ToNumeric(code) ?? null, name: lib.getName(code, 'fr') ?? code, projects: n }))
      .sort((a, b) => b.projects - a.projects || a.name.localeCompare(b.name, 'fr')),
  };
}

/** Governments by their projects (agencies included), each followed by its agencies. */
function sortDonors(sums: DonorSum[]): DonorSum[] {
  const total = new Map<string, number>();
  for (const d of sums) total.set(d.group, (total.get(d.group) ?? 0) + d.projects);
  return sums.sort(
    (a, b) =>
      total.get(b.group)! - total.get(a.group)! ||
      a.group.localeCompare(b.group, 'fr') ||
      Number(a.donor !== a.group) - Number(b.donor !== b.group) ||
      b.projects - a.projects ||
      a.donor.localeCompare(b.donor, 'fr'),
  );
}
