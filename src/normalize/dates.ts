// Dates and periods as the sources write them, to ISO 8601 at the precision given:
// "2020" -> "2020", "Février 2014" -> "2014-02", "16 septembre 2021" -> "2021-09-16".
//
// Filtering semantics (--year, --from, --to), mirrored in SQL by the store/query layer through the
// active_from / active_to columns that activeRange() computes:
//   - active_from = first day of the start period ("2014" -> 2014-01-01, "2014-02" -> 2014-02-01);
//     with no start, the first day of the end period; with neither, NULL (never matches a date filter).
//   - active_to = last day of the end period ("2016" -> 2016-12-31, "2018-02" -> 2018-02-28).
//     With no end: NULL (open-ended, still running, never taken as ended) when the project is open
//     ("depuis 2005": endOpen) or its status is 'ongoing'; otherwise only the start's year counts:
//     31 December of the start year.
//   - A project matches the query period [qFrom, qTo] (qFrom = first day of --from or of --year,
//     qTo = last day of --to or of --year; either may be absent) when
//       active_from IS NOT NULL AND (qTo absent OR active_from <= qTo)
//       AND (qFrom absent OR active_to IS NULL OR active_to >= qFrom).
//   ISO days compare as strings, so the SQL is plain text comparison.

import type { Status } from '../types.js';
import { foldText } from './text.js';

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, jun: 6, june: 6,
  juillet: 7, juil: 7, jul: 7, july: 7,
  aout: 8, aug: 8, august: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};

const APPROX_WORDS =
  'mi|mid|fin|debut|courant|early|late|end|beginning|printemps|ete|automne|hiver|spring|summer|autumn|fall|winter|fin de|debut de|end of|beginning of|mid of';

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

function ymd(y: number, m?: number, d?: number): string | null {
  if (!validYear(y)) return null;
  if (m === undefined) return String(y);
  if (m < 1 || m > 12) return null;
  if (d === undefined) return `${y}-${pad(m)}`;
  if (d < 1 || d > daysIn(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Folds a date text: lowercase, no accents, dashes unified, words split by hyphenation joined
 * ("Oc-tobre", "Oc- tobre", "Dé-cembre"), "1er" -> "1".
 */
function normalizeDateText(raw: string): string {
  let s = foldText(raw)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00ad/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
  s = s.replace(/\b(mi|mid)-\s*/g, '$1 ');
  s = s.replace(/([a-z]+)-\s*([a-z]+)/g, (all, a: string, b: string) =>
    MONTHS[a] && MONTHS[b] ? `${a} - ${b}` : a + b,
  );
  s = s.replace(/\b(\d{1,2})(?:er|eme|st|nd|rd|th)\b/g, '$1');
  s = resolveWeekdayDates(s);
  return s.replace(/^[(\s[:,]+|[)\s\].,;:]+$/g, '');
}

// Drupal's usual displays: "Fri, 03/01/2019 - 12:00" (month first on an English site),
// "lun, 15/03/2021 - 12:00" (day first on a French one). The weekday says which order it is.
const WEEKDAYS: Readonly<Record<string, number>> = {
  sun: 0, sunday: 0, dim: 0, dimanche: 0,
  mon: 1, monday: 1, lun: 1, lundi: 1,
  tue: 2, tues: 2, tuesday: 2, mar: 2, mardi: 2,
  wed: 3, wednesday: 3, mer: 3, mercredi: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, jeu: 4, jeudi: 4,
  fri: 5, friday: 5, ven: 5, vendredi: 5,
  sat: 6, saturday: 6, sam: 6, samedi: 6,
};
const WEEKDAY_DATE_RE = /\b([a-z]{3,9})\.?,?\s+(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*-\s*\d{1,2}[:h]\d{2})?/g;

/** "fri, 03/01/2019 - 12:00" -> "2019-03-01": the order (day or month first) whose weekday matches. */
function resolveWeekdayDates(s: string): string {
  return s
    .replace(WEEKDAY_DATE_RE, (all, wd: string, a: string, b: string, y: string) => {
      const want = WEEKDAYS[wd];
      if (want === undefined) return all;
      const dayFirst = ymd(+y, +b, +a);
      const monthFirst = ymd(+y, +a, +b);
      const weekday = (iso: string | null) => (iso && iso.length === 10 ? new Date(`${iso}T00:00:00Z`).getUTCDay() : -1);
      if (weekday(dayFirst) === want) return dayFirst!;
      if (weekday(monthFirst) === want) return monthFirst!;
      return dayFirst ?? monthFirst ?? all;
    })
    .replace(/(\d{1,2}\/\d{1,2}\/\d{4})\s*-\s*\d{1,2}:\d{2}/g, '$1');
}

interface DateInfo {
  iso: string;
  approximate: boolean;
}

/** One date, already normalized. */
function parseNorm(s0: string): DateInfo | null {
  const s = s0.replace(/^(?:le|la|en|l'annee|l'an|annee|au cours de|au cours de l'annee|in|on|the|year)\s+/, '').trim();
  let m: RegExpExecArray | null;
  const exact = (iso: string | null) => (iso ? { iso, approximate: false } : null);
  const approx = (iso: string | null) => (iso ? { iso, approximate: true } : null);

  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) return exact(ymd(+m[1]!, +m[2]!, +m[3]!));
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) return exact(ymd(+m[1]!, +m[2]!));
  if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s))) return exact(ymd(+m[1]!, +m[2]!, +m[3]!));
  if ((m = /^(\d{4})$/.exec(s))) return exact(ymd(+m[1]!));
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) return exact(ymd(+m[3]!, +m[2]!, +m[1]!));
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) return exact(ymd(+m[2]!, +m[1]!));
  if ((m = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(s)) && MONTHS[m[2]!]) return exact(ymd(+m[3]!, MONTHS[m[2]!], +m[1]!));
  if ((m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s)) && MONTHS[m[1]!]) return exact(ymd(+m[3]!, MONTHS[m[1]!], +m[2]!));
  if ((m = /^([a-z]+)\.?,?\s+(?:de\s+|d')?(\d{4})$/.exec(s)) && MONTHS[m[1]!]) return exact(ymd(+m[2]!, MONTHS[m[1]!]));
  if ((m = new RegExp(`^(?:${APPROX_WORDS})\\s+(?:(?:de|d'|of)\\s*)?([a-z]+)\\.?\\s+(\\d{4})$`).exec(s)) && MONTHS[m[1]!]) {
    return approx(ymd(+m[2]!, MONTHS[m[1]!]));
  }
  if ((m = new RegExp(`^(?:${APPROX_WORDS})\\s*(?:(?:de|d'|of|l'annee)\\s*)?(\\d{4})$`).exec(s))) return approx(ymd(+m[1]!));
  return null;
}

/**
 * A date as written, to ISO 8601 at the precision given, or null: "2020" -> "2020",
 * "Février 2014" -> "2014-02", "16 septembre 2021" -> "2021-09-16", "Oc-tobre 2013" -> "2013-10",
 * "March 5, 2020" -> "2020-03-05", "05/11/2021" (day first) -> "2021-11-05", "mi 2016" -> "2016"
 * (approximate: see parseDateDetailed).
 */
export function parseDate(raw: string | null | undefined): string | null {
  return parseDateDetailed(raw)?.iso ?? null;
}

/** Like parseDate, and says whether the text was approximate ("mi 2016", "fin mars 2015"). */
export function parseDateDetailed(raw: string | null | undefined): DateInfo | null {
  if (!raw) return null;
  return parseNorm(normalizeDateText(raw));
}

/** A date at the end of a phrase: "son lancement en 2007" -> 2007. */
function trailingDate(s: string): DateInfo | null {
  const direct = parseNorm(s);
  if (direct) return direct;
  const m = /(?:\b\d{1,2}\s+[a-z]+\.?\s+\d{4}|\b[a-z]+\.?\s+\d{4}|\b\d{4}(?:-\d{2}(?:-\d{2})?)?)$/.exec(s);
  if (!m) return null;
  return parseNorm(m[0]) ?? parseNorm(m[0].replace(/^[a-z]+\.?\s+/, ''));
}

/** "15 fevrier" or "fevrier" or "15" completed with the year (and month) of the end date. */
function partial(left: string, right: string): string | null {
  const y = +right.slice(0, 4);
  const rm = right.length >= 7 ? +right.slice(5, 7) : undefined;
  let m: RegExpExecArray | null;
  const l = left.replace(/^(?:du|de|le|from|between|entre)\s+/, '').trim();
  if ((m = /^(\d{1,2})\s+([a-z]+)\.?$/.exec(l)) && MONTHS[m[2]!]) return ymd(y, MONTHS[m[2]!], +m[1]!);
  if ((m = /^([a-z]+)\.?$/.exec(l)) && MONTHS[m[1]!]) return ymd(y, MONTHS[m[1]!]);
  if ((m = /^(\d{1,2})$/.exec(l)) && rm !== undefined) return ymd(y, rm, +m[1]!);
  return null;
}

/** "Q3 2020", "T3 2020", "3rd quarter 2020" -> 2020-07 .. 2020-09. */
function quarter(s: string): DateRange | null {
  const m = /^(?:q|t)([1-4])\s*[-/]?\s*(\d{4})$/.exec(s) ?? /^([1-4])(?:st|nd|rd|th|e|er|eme)?\s+(?:quarter|trimestre)\s+(?:of\s+|de\s+)?(\d{4})$/.exec(s);
  if (!m) return null;
  const q = +m[1]!;
  const a = ymd(+m[2]!, q * 3 - 2);
  const b = ymd(+m[2]!, q * 3);
  return a && b ? { start: a, end: b, open: false } : null;
}

export interface DateRange {
  start: string | null;
  end: string | null;
  /** True when the text says the period has no end ("depuis 2005", "2005 - présent"). */
  open: boolean;
}

const NO_RANGE: DateRange = { start: null, end: null, open: false };

/**
 * A period as written, to ISO bounds at the precision given:
 *   "Février 2014 – Février 2018" -> 2014-02 .. 2018-02 (any dash, "à", "au", "to", "until");
 *   "Décembre 2012 - Dé-cembre 2015" -> 2012-12 .. 2015-12;
 *   "15-17 février 2022", "du 15 au 17 février 2022" -> 2022-02-15 .. 2022-02-17;
 *   "du 15 février au 3 mars 2022" -> 2022-02-15 .. 2022-03-03; "2014-2016", "2014-16";
 *   "depuis 2005", "since 2005", "2005 - présent" -> start 2005, end null, open true;
 *   "jusqu'à mi 2016" -> end 2016 only;
 *   a single date or a year alone ("2020") -> start = end = that date (the period is that day,
 *   month or year).
 * Anything else gives { start: null, end: null, open: false }.
 */
export function parseDateRange(raw: string | null | undefined): DateRange {
  if (!raw) return NO_RANGE;
  const s = normalizeDateText(raw);
  if (!s) return NO_RANGE;

  const single = parseNorm(s);
  if (single) return { start: single.iso, end: single.iso, open: false };
  const q = quarter(s);
  if (q) return q;
  // "12 months from July 2024", "6 mois à partir de juin 2023": a duration and a start; the start.
  const dur = /^\d+\s+(?:mois|months?|ans?|années?|years?|semaines?|weeks?)\s+(?=from|starting|a partir|a compter|des|debut|beginning)(.+)$/.exec(s);
  if (dur) {
    const r = parseDateRange(dur[1]);
    if (r.start) return { start: r.start, end: null, open: false };
  }
  // "Q1 2023 to Q4 2024": the first quarter's first month to the second's last.
  const qq = /^(?:from\s+|de\s+|du\s+)?((?:q|t)[1-4]\s*(?:19|20)\d{2})\s*(?:-|to|a|au|until|through)\s*((?:q|t)[1-4]\s*(?:19|20)\d{2})$/.exec(s);
  if (qq) {
    const a = quarter(qq[1]!.replace(/\s+/, ' '));
    const b = quarter(qq[2]!.replace(/\s+/, ' '));
    if (a && b) return { start: a.start, end: b.end, open: false };
  }
  // "18 months (October 2020 - March 2022)", "12 mois (avril 2023 - mars 2024)": the dates in brackets.
  const inner = /^[^()]*\(([^()]+)\)?[^()]*$/.exec(s);
  if (inner) {
    const r = parseDateRange(inner[1]);
    if (r.start || r.end) return r;
  }

  let m: RegExpExecArray | null;
  // "2005 - présent", "2005 à ce jour"
  if ((m = /^(.+?)\s*(?:-|a|au|to|until|jusqu'a)\s*(?:present|aujourd'hui|ce jour|nos jours|en cours|ongoing|now|today|date|current|actuellement)$/.exec(s))) {
    const d = trailingDate(m[1]!.trim());
    if (d) return { start: d.iso, end: null, open: true };
  }
  // "du X au Y", "from X to Y", "entre X et Y": drop the opening word, the split below does the rest.
  const opened = /^(?:du|de|from|entre|between|periode|period|pour la periode|sur la periode)\s+(.+)$/.exec(s) ?? /^d'\s*(.+)$/.exec(s);
  const body = opened ? opened[1]! : s;

  // Day range in one month: "15-17 fevrier 2022", "15 au 17 fevrier 2022".
  if ((m = /^(\d{1,2})\s*(?:-|au|a|et|to|and)\s*(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(body)) && MONTHS[m[3]!]) {
    const y = +m[4]!;
    const mo = MONTHS[m[3]!]!;
    const a = ymd(y, mo, +m[1]!);
    const b = ymd(y, mo, +m[2]!);
    if (a && b) return { start: a, end: b, open: false };
  }
  // Two-digit end year: "2014-16", "2014/15".
  if ((m = /^(\d{4})\s*[-/]\s*(\d{2})$/.exec(body))) {
    const a = +m[1]!;
    const b = Math.floor(a / 100) * 100 + +m[2]!;
    if (b > a && validYear(a)) return { start: String(a), end: String(b), open: false };
  }
  // Two dates around a separator.
  const SEP = /\s*[-/]\s*|\s+(?:au|a|to|until|till|through|jusqu'au|jusqu'a|jusqu'en|et|and)\s+/g;
  for (const sm of body.matchAll(SEP)) {
    const left = body.slice(0, sm.index).trim();
    const right = body.slice(sm.index! + sm[0].length).trim();
    if (!left || !right) continue;
    const r = parseNorm(right);
    if (!r) continue;
    const l = parseNorm(left.replace(/^(?:du|de|le|from|between|entre)\s+/, ''))?.iso ?? partial(left, r.iso);
    if (l) return { start: l, end: r.iso, open: false };
  }
  // Open start: "depuis 2005", "since 2005", "à partir de septembre 2014", "depuis son lancement en 2007".
  if ((m = /^(?:depuis|since|a partir d'|a partir de|a partir du|a compter de|a compter du|from|des|starting|starting in|commence en|debute en)\s*(.+)$/.exec(s))) {
    const d = trailingDate(m[1]!.trim());
    if (d) return { start: d.iso, end: null, open: true };
  }
  // End only: "jusqu'à mi 2016", "until 2016".
  if ((m = /^(?:jusqu'a|jusqu'au|jusqu'en|until|till|to|se poursuivra jusqu'a)\s*(.+)$/.exec(s))) {
    const d = trailingDate(m[1]!.trim());
    if (d) return { start: null, end: d.iso, open: false };
  }
  return NO_RANGE;
}

/** First day of an ISO period: "2014" -> "2014-01-01", "2014-02" -> "2014-02-01". */
export function periodStart(iso: string): string {
  if (/^\d{4}$/.test(iso)) return `${iso}-01-01`;
  if (/^\d{4}-\d{2}$/.test(iso)) return `${iso}-01`;
  return iso.slice(0, 10);
}

/** Last day of an ISO period: "2016" -> "2016-12-31", "2018-02" -> "2018-02-28". */
export function periodEnd(iso: string): string {
  if (/^\d{4}$/.test(iso)) return `${iso}-12-31`;
  if (/^\d{4}-\d{2}$/.test(iso)) return `${iso}-${pad(daysIn(+iso.slice(0, 4), +iso.slice(5, 7)))}`;
  return iso.slice(0, 10);
}

/** The fields activeRange reads: a ProjectRecord will do. */
export interface Period {
  start: string | null;
  end: string | null;
  endOpen?: boolean;
  status?: Status | null;
}

/**
 * The ISO day bounds used to filter a project by date (see the header of this file):
 * from = first day of the start period (or of the end period when there is no start; null when
 * there is neither); to = last day of the end period; with no end, null (open-ended) when endOpen
 * or status 'ongoing', else 31 December of the start year. Bounds given in the wrong order are
 * swapped.
 */
export function activeRange(r: Period): { from: string | null; to: string | null } {
  const anchor = r.start ?? r.end;
  if (!anchor) return { from: null, to: null };
  const from = periodStart(anchor);
  let to: string | null;
  if (r.end) to = periodEnd(r.end);
  else if (r.endOpen || r.status === 'ongoing') to = null;
  else to = `${anchor.slice(0, 4)}-12-31`;
  if (to !== null && to < from) return { from: periodStart(r.end!), to: periodEnd(r.start!) };
  return { from, to };
}

/**
 * Whether a project's active range meets the query period [from, to] (ISO at any precision, either
 * may be null/undefined = unbounded): the same test as the SQL in the header of this file. A
 * project with no date at all matches only when no bound is given.
 */
export function periodOverlaps(
  start: string | null,
  end: string | null,
  endOpen: boolean,
  from: string | null | undefined,
  to: string | null | undefined,
  status?: Status | null,
): boolean {
  if (!from && !to) return true;
  const r = activeRange({ start, end, endOpen, status });
  if (r.from === null) return false;
  if (to && r.from > periodEnd(to)) return false;
  if (from && r.to !== null && r.to < periodStart(from)) return false;
  return true;
}

/** Today's date as an ISO day (UTC). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
