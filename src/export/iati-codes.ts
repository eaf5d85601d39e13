// What iom knows maps onto IATI 2.03 codelists: organisation identifiers and types, activity
// scope, and the full dates IATI wants. Codelists: https://iatistandard.org/en/iati-standard/203/codelists/
import type { DonorKind } from '../types.js';

/** IOM's IATI organisation identifier (OECD DAC channel 47066). */
export const IOM_REF = 'XM-DAC-47066';
export const IOM_NAME = 'Organisation internationale pour les migrations (OIM)';

/**
 * IATI organisation identifiers for donor registry codes (src/normalize/data/donors.ts), only
 * where the identifier is the organisation's own published one. A government as a whole has no
 * single identifier (its ministries and agencies each have theirs), so "CH" or "DE" get none:
 * a ref is left off rather than guessed.
 */
const DONOR_REFS: Record<string, string> = {
  EU: 'XI-IATI-EC_INTPA', // European Commission, DG International Partnerships
  ECHO: 'XI-IATI-EC_ECHO', // European Commission, DG European Civil Protection and Humanitarian Aid
  USAID: 'US-GOV-1',
  DDC: 'CH-4', // Swiss Agency for Development and Cooperation
  ENABEL: 'BE-BCE_KBO-0264814354',
  BMZ: 'DE-1',
  FCDO: 'GB-GOV-1',
  SIDA: 'SE-0',
  UNDP: 'XM-DAC-41114',
  UNHCR: 'XM-DAC-41121',
  UNICEF: 'XM-DAC-41122',
  UNFPA: 'XM-DAC-41119',
  UNWOMEN: 'XM-DAC-41146',
};

export function donorRef(code: string | null, kind: DonorKind): string | undefined {
  if (kind === 'iom-fund') return IOM_REF; // the IOM Development Fund is IOM's own
  return code ? DONOR_REFS[code] : undefined;
}

/**
 * OrganisationType: 10 Government (a government's agencies included), 40 Multilateral (the EU's
 * own instruments, ECHO and the EU Trust Fund, included), 60 Foundation for the registry's
 * private donors (all foundations today: Gates, Drosos, Mastercard Foundation). Unknown funders
 * get no type.
 */
export function donorType(kind: DonorKind, parent?: string | null): string | undefined {
  switch (kind) {
    case 'government':
      return '10';
    case 'agency':
      return parent === 'EU' ? '40' : '10';
    case 'multilateral':
    case 'iom-fund':
      return '40';
    case 'private':
      return '60';
    default:
      return undefined;
  }
}

/** ActivityScope from the project sheet's "Couverture"; undefined when it says nothing we know. */
export function activityScope(coverage: string | null): string | undefined {
  if (!coverage) return undefined;
  const c = coverage
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (c === 'global' || c === 'mondial' || c === 'mondiale') return '1';
  if (c === 'regional' || c === 'regionale') return '2';
  if (c === 'multinational' || c === 'multinationale' || c === 'multipays') return '3';
  if (c === 'national' || c === 'nationale') return '4';
  return undefined;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * IATI dates are full xsd:date values, but sources give "2014" or "2014-02". A partial date
 * becomes the first day of its period for a start and the last day for an end:
 *   start "2014" -> 2014-01-01, end "2014" -> 2014-12-31,
 *   start "2014-02" -> 2014-02-01, end "2014-02" -> 2014-02-28 (2016-02 -> 2016-02-29).
 * The caller also writes the date as the source gave it in the activity-date narrative, as the
 * IATI Standard suggests for less specific dates. Returns undefined for anything else, and for
 * impossible days (2014-02-30), which xsd:date rejects.
 */
export function fullDate(value: string | null, side: 'start' | 'end'): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (!mo) return side === 'start' ? `${y}-01-01` : `${y}-12-31`;
  const month = Number(mo);
  if (month < 1 || month > 12) return undefined;
  const last = lastDayOfMonth(year, month);
  if (!d) return `${y}-${mo}-${side === 'start' ? '01' : String(last).padStart(2, '0')}`;
  const day = Number(d);
  return day >= 1 && day <= last ? `${y}-${mo}-${d}` : undefined;
}

/** IATI identifiers must not contain whitespace, and should avoid / & | ? (IATI guidance). */
export function identifierPart(s: string): string {
  return s.trim().replace(/[\s/&|?]+/g, '-');
}
