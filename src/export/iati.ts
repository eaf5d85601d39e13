// Projects -> an IATI 2.03 activity file (iati-activities-schema.xsd). Elements are written in
// the order of the schema's iati-activity sequence:
//   iati-identifier, reporting-org, title, description, participating-org+, other-identifier*,
//   activity-status, activity-date+, activity-scope?, recipient-country*, sector, budget?
// Everything from a source goes through xmlText/xmlAttr (escaped, XML-invalid characters removed).
import { basename } from 'node:path';
import type { ExportProject } from './load.js';
import { activityScope, donorRef, donorType, fullDate, identifierPart, IOM_NAME, IOM_REF } from './iati-codes.js';

export interface IatiOptions {
  /** generated-datetime, and "today" for telling actual dates from planned ones. */
  now: Date;
  /** iom's version, named in the file's opening comment. */
  version?: string;
}

export interface IatiResult {
  xml: string;
  activities: number;
  /** Projects left out because the schema's required parts cannot be filled honestly. */
  skipped: { id: string; reason: string }[];
}

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** A comment cannot contain "--" or end with "-". */
function comment(s: string): string {
  return `<!-- ${s.replace(INVALID, '').replace(/-(?=-)/g, '- ').replace(/-$/, '- ')} -->`;
}

const narrative = (text: string) => `<narrative xml:lang="fr">${xmlText(text)}</narrative>`;

function attrs(a: Record<string, string | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(v!)}"`)
    .join('');
}

function org(tag: string, a: Record<string, string | undefined>, name: string): string {
  return `<${tag}${attrs(a)}>${narrative(name)}</${tag}>`;
}

const isIom = (name: string) => /^(OIM|IOM)\b|organisation internationale pour les migrations|international organization for migration/i.test(name.trim());

function decimal(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Splits 100 evenly, the last share taking the rounding so the total is exactly 100. */
export function evenPercentages(n: number): string[] {
  if (n <= 0) return [];
  const share = Math.floor(10000 / n) / 100;
  const out = Array.from({ length: n - 1 }, () => share.toFixed(2));
  out.push((100 - share * (n - 1)).toFixed(2));
  return out.map((s) => s.replace(/\.?0+$/, ''));
}

function participatingOrgs(p: ExportProject): string[] {
  const out: string[] = [];
  for (const d of p.donors) {
    out.push(org('participating-org', { ref: donorRef(d.code, d.kind), type: donorType(d.kind, d.parent), role: '1' }, d.name));
  }
  // IOM is accountable for and implements the projects on its own pages; an NGO page's project
  // is that NGO's, so IOM is not named for it.
  const iomPage = p.row.kind !== 'ngo-article';
  if (iomPage) {
    out.push(org('participating-org', { ref: IOM_REF, type: '40', role: '2' }, IOM_NAME));
    out.push(org('participating-org', { ref: IOM_REF, type: '40', role: '4' }, IOM_NAME));
  }
  const seen = new Set<string>();
  for (const name of [...p.row.implementers, ...p.row.partners]) {
    const key = name.trim().toLowerCase();
    if (!key || seen.has(key) || (iomPage && isIom(name))) continue;
    seen.add(key);
    out.push(org('participating-org', { role: '4' }, name));
  }
  return out;
}

/**
 * Start: actual (2) once the date has passed, planned (1) before. End: actual (4) when the
 * project is finalised or closed (status 3 or 4) and the date has passed, else planned (3).
 * A partial date is written in full (see fullDate) with the source's own precision as narrative.
 * With no project period at all, a news item's reported activity date stands in as actual start.
 */
function activityDates(p: ExportProject, today: string): string[] {
  const out: string[] = [];
  const date = (type: string, iso: string, note?: string) =>
    `<activity-date type="${type}" iso-date="${iso}"${note ? `>${narrative(note)}</activity-date>` : '/>'}`;
  const start = fullDate(p.row.start, 'start');
  if (start) out.push(date(start <= today ? '2' : '1', start, p.row.start!.length < 10 ? p.row.start! : undefined));
  const end = p.row.end_open ? undefined : fullDate(p.row.end, 'end');
  if (end) {
    const actual = (p.statusCode === 3 || p.statusCode === 4) && end <= today;
    out.push(date(actual ? '4' : '3', end, p.row.end!.length < 10 ? p.row.end! : undefined));
  }
  if (out.length === 0) {
    const reported = fullDate(p.row.activity_start, 'start');
    if (reported) out.push(date('2', reported, `date de l'activité rapportée (${p.row.activity_start}) ; début du projet inconnu`));
  }
  return out;
}

function budget(p: ExportProject): string[] {
  const usd = p.row.budget_usd;
  if (usd === null) return [];
  const start = fullDate(p.row.start, 'start');
  const end = p.row.end_open ? undefined : fullDate(p.row.end, 'end');
  if (!start || !end || end < start) {
    return [comment(`budget of ${decimal(usd)} USD not written: an IATI budget needs a period, and this project's start or end is unknown`)];
  }
  // The source gives one total for the whole project, not one budget per year as IATI asks.
  return [
    '<budget type="1" status="1">',
    `  <period-start iso-date="${start}"/>`,
    `  <period-end iso-date="${end}"/>`,
    `  <value currency="USD" value-date="${start}">${decimal(usd)}</value>`,
    '</budget>',
  ];
}

function activity(p: ExportProject, identifier: string, today: string): string[] | string {
  const r = p.row;
  const orgs = participatingOrgs(p);
  if (orgs.length === 0) return 'no known donor, implementer or partner (IATI needs at least one participating-org)';
  const dates = activityDates(p, today);
  if (dates.length === 0) return 'no known date (IATI needs at least one activity-date)';
  const description = r.summary?.trim() || p.text.trim() || r.title;
  const lines: string[] = [
    // the file names only: a published file says nothing of the folders of the machine it came from
    comment(`iom ${r.id} from ${r.sources.map((p) => basename(p)).join(', ')}`),
    `<iati-identifier>${xmlText(identifier)}</iati-identifier>`,
    org('reporting-org', { ref: IOM_REF, type: '40' }, IOM_NAME),
    `<title>${narrative(r.title)}</title>`,
    `<description type="1">${narrative(description)}</description>`,
    ...orgs,
  ];
  if (r.prima_id) {
    lines.push(`<other-identifier ref="${xmlAttr(r.prima_id)}" type="A1">`, `  ${org('owner-org', { ref: IOM_REF }, IOM_NAME)}`, '</other-identifier>');
  }
  if (p.statusCode !== null && p.statusCode >= 1 && p.statusCode <= 6) {
    lines.push(`<activity-status code="${p.statusCode}"/>`);
  } else {
    lines.push(comment('status unknown in the source: 2 (Implementation) is written because the schema requires a status'), '<activity-status code="2"/>');
  }
  lines.push(...dates);
  const scope = activityScope(r.coverage);
  if (scope) lines.push(`<activity-scope code="${scope}"/>`);
  const shares = evenPercentages(p.countries.length);
  p.countries.forEach((c, i) => lines.push(`<recipient-country code="${xmlAttr(c.code)}" percentage="${shares[i]}">${narrative(c.name)}</recipient-country>`));
  // 15190: Facilitation of orderly, safe, regular and responsible migration and mobility (DAC 5).
  lines.push('<sector vocabulary="1" code="15190"/>');
  lines.push(...budget(p));
  return lines;
}

/**
 * iati-identifier: XM-DAC-47066-<project id>, else -<Prima ID>, else -<iom id>. When two projects
 * would get the same identifier (one project read from two pages), the later one gets its iom id
 * appended, since IATI identifiers must be unique.
 */
export function renderIati(projects: ExportProject[], opts: IatiOptions): IatiResult {
  const generated = opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const today = generated.slice(0, 10);
  const used = new Set<string>();
  const skipped: IatiResult['skipped'] = [];
  const body: string[] = [];
  for (const p of projects) {
    let id = `${IOM_REF}-${identifierPart(p.row.project_id || p.row.prima_id || p.row.id)}`;
    if (used.has(id)) id = `${id}-${identifierPart(p.row.id)}`;
    const lines = activity(p, id, today);
    if (typeof lines === 'string') {
      skipped.push({ id: p.row.id, reason: lines });
      continue;
    }
    used.add(id);
    body.push('  <iati-activity xml:lang="fr" default-currency="USD">', ...lines.map((l) => `    ${l}`), '  </iati-activity>');
  }
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    comment(`written by iom${opts.version ? ` ${opts.version}` : ''} from pages about IOM projects; not an official IOM publication`),
    `<iati-activities version="2.03" generated-datetime="${generated}">`,
    ...body,
    '</iati-activities>',
    '',
  ].join('\n');
  return { xml, activities: used.size, skipped };
}
