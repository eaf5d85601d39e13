// The general reader: any page that describes projects, from any site, in French or English,
// where no specific layout fits. It reads:
//   - the headline (HTML <h1>, og:title or <title> without the site's name; in text the first
//     heading-like line after the menus), never a field label or a menu line;
//   - label/value fields in any layout (fields.ts), one project per block when fields repeat
//     (a listing) or per row of a table;
//   - facts stated in sentences (prose.ts): funders, periods, amounts; one project per named
//     project when a news item names several.
// Every field keeps the line or sentence it came from (draft.evidence).
import type { PageMeta, ProjectDraft } from '../types.js';
import { isSentence, type Layout, type Line } from './lines.js';
import { scanFields, type Field } from './fields.js';
import { PUBLISHED_RE } from './prose.js';
import { donorByCode, resolveDonor } from '../normalize/index.js';
import { FOOTER_RE, PROJECT_WORD_RE, contentEnd, headingLike, htmlHeadline, pickTitle, proseSentences, textHeadline } from './general/headline.js';
import { findMentions } from './general/mentions.js';
import { addProseFacts, factsFromFields, hasFacts, inMenu, meaningful, toDraft, type Facts } from './general/facts.js';
import { resolveLooseDonor, setPageCountries, setSiteDonor, siteDonor } from './general/site.js';
import { headingSections, listingRecords } from './general/listing.js';
import { draftScore } from './score.js';

export interface PageInput {
  lines: Line[];
  layout: Layout;
  meta?: PageMeta;
}

export interface GeneralResult {
  drafts: ProjectDraft[];
  /** Distinct fields read from labels (not from sentences), over all drafts: how much of a sheet the page is. */
  fieldCount: number;
  /** What was missing, when no project was found. */
  missing?: string;
  /** Labels skipped because the reader does not know them. */
  unknownLabels: number;
}

export function readGeneral(input: PageInput): GeneralResult {
  const { lines, layout, meta } = input;
  const scan = scanFields(lines);
  // Fields whose value is not what their label promises ("Part des subventions : 78 %") are left out.
  const main = scan.fields.filter((f) => f.key !== 'other' && !inMenu(lines, f) && (!['budget', 'budgetPart', 'period', 'start', 'end'].includes(f.key) || meaningful(f)));

  // A table of projects (a header row of labels, then one row per project).
  if (scan.rows.length) {
    const drafts = scan.rows.map((row, k) => {
      const titleField = row.find((f) => f.key === 'title');
      const facts = factsFromFields(row.filter((f) => f.key !== 'title'));
      const block = row.map((f) => lines[f.at]!).sort((a, b) => a.n - b.n);
      return toDraft(titleField?.value ?? '', facts, k, block);
    });
    const kept = drafts.filter((d) => d.title);
    setSiteDonor(kept, meta, lines);
    setPageCountries(kept, lines, meta, Math.min(...scan.rows[0]!.map((f) => f.labelAt ?? f.at)));
    return { drafts: kept, unknownLabels: scan.unknown, fieldCount: kept.reduce((n, d) => n + draftScore(d), 0) };
  }

  // A listing of projects under headings (<h2>/<h3> each followed by a paragraph).
  const sections = headingSections(lines, meta, layout, meta?.h1 ? lines.findIndex((l) => l.text === meta.h1) : -1);
  if (sections.length >= 2) {
    setPageCountries(sections, lines, meta, lines.findIndex((l) => l.text === sections[0]!.title));
    setSiteDonor(sections, meta, lines);
  }
  if (sections.length >= 2) return { drafts: sections, unknownLabels: scan.unknown, fieldCount: sections.reduce((n, d) => n + draftScore(d), 0) };

  // Records: a new one starts where a field repeats (a listing of projects with their fields).
  const records: Field[][] = [];
  for (const f of main) {
    const cur = records[records.length - 1];
    const last = cur?.[cur.length - 1];
    if (!cur || (cur.some((g) => g.key === f.key) && last!.key !== f.key && f.key !== 'budgetPart')) records.push([f]);
    else cur.push(f);
  }
  const labelAt = (f: Field) => f.labelAt ?? f.at;
  const firstField = main.length ? Math.min(...main.map(labelAt)) : -1;
  // The page's own text starts at its <h1> where it has one: a site's menus above it may hold
  // prose ("IOM has promoted humane migration since 1951…").
  const h1At = meta?.h1 ? lines.findIndex((l) => l.text === meta.h1) : -1;
  const firstProse = lines.findIndex((l, i) => i > h1At && !scan.used.has(i) && (isSentence(l.text) || l.text.length >= 100) && !PUBLISHED_RE.test(l.text) && !FOOTER_RE.test(l.text));
  // The page's content ends at the first footer line after both its first field and its first
  // sentence (a menu may hold a label, "Countries", or a footer-like word, "Jobs").
  const start = Math.max(firstField, firstProse, 0);
  const end = contentEnd(lines, start);

  // A listing: every record has a heading of its own just above its first field.
  if (records.length >= 2) {
    const listed = listingRecords(lines, records, scan.used, layout);
    setPageCountries(listed, lines, meta, Math.min(...records[0]!.map(labelAt)));
    setSiteDonor(listed, meta, lines);
    if (listed.length >= 2) return { drafts: listed, unknownLabels: scan.unknown, fieldCount: listed.reduce((n, d) => n + draftScore(d), 0) };
  }

  // One project page (with or without fields), or a news item naming projects.
  const fieldsBeforeProse = main.filter((f) => firstProse >= 0 && labelAt(f) < firstProse);
  const content = firstField >= 0 && !(firstProse >= 0 && firstField < firstProse && !fieldsBeforeProse.some(meaningful)) ? firstField : firstProse;
  const headlineText = textHeadline(lines, content >= 0 ? content : lines.length);
  const fromHtml = htmlHeadline(meta);
  const headline = fromHtml === '' ? undefined : fromHtml ?? headlineText?.text;
  const titleField = main.find((f) => f.key === 'title');
  const sentencesAll = proseSentences(lines, Math.max(h1At, headlineText && firstField >= 0 ? headlineText.at : 0, 0), end, scan.used, layout);

  const facts = factsFromFields(main);
  // A period in the line under the headline ("2021–2024 · Marib and Shabwah governorates").
  const headAt = h1At >= 0 ? h1At : headlineText?.at ?? -1;
  if (headAt >= 0 && !facts.period && !facts.start && !facts.end) {
    for (const l of lines.slice(headAt + 1, headAt + 3)) {
      const m = /(?<![\d])((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?![\d])/u.exec(l.text);
      if (m && l.text.length <= 120 && !PUBLISHED_RE.test(l.text) && !scan.used.has(l.n - 1)) {
        facts.period = { value: m[0], evidence: l.text };
        break;
      }
    }
  }
  // A phase period written in the headline ("… : phase II (2024–2027)") is the project's period.
  const inTitle = headline ? /(?<![\d])((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?![\d])/u.exec(headline) : null;
  if (inTitle && !facts.period && !facts.start && !facts.end) facts.period = { value: inTitle[0], evidence: headline! };
  const mentions = main.length >= 2 ? [] : findMentions(sentencesAll);
  if (mentions.length) {
    const drafts: ProjectDraft[] = [];
    mentions.forEach((m, k) => {
      const from = m.sentence;
      const to = mentions[k + 1]?.sentence ?? sentencesAll.length;
      const own = sentencesAll.slice(from, Math.max(to, from + 1));
      const f: Facts = { donors: [], countries: [], partners: [] };
      // The only project a page names: every sentence of the page speaks of it (its funder may
      // come before its name), ranked; several: each from the sentences from its name to the next.
      const name = m.acronym ? `${m.title} (${m.acronym})` : m.title;
      if (mentions.length === 1) addProseFacts(f, sentencesAll, true, name);
      else addProseFacts(f, own, false, name);
      const block = lines.filter((l) => own.some((s) => l.text.includes(s.slice(0, 40))));
      drafts.push(toDraft(m.title, f, k, block.length ? block : lines.slice(0, 1), { acronym: m.acronym, summary: own.join(' ') }));
    });
    if (drafts.some((d) => d.donors || d.period || d.start || d.end || d.budget)) {
      setPageCountries(drafts, lines, meta, content >= 0 ? content + 1 : 0);
      return { drafts, unknownLabels: scan.unknown, fieldCount: 0 };
    }
  }

  const title = pickTitle(headline, titleField?.value, meta);
  addProseFacts(facts, sentencesAll, true, title);
  const projectWord = PROJECT_WORD_RE.test(`${title ?? ''}\n${sentencesAll.join(' ')}`);
  const fromFields = main.some(meaningful);
  // Dates alone make a project only where their sentence speaks of one ("the project started in
  // 2014"), not "IOM has promoted migration since 1951" in a site's menu.
  const dated = [facts.period, facts.start, facts.end].some((f) => f && PROJECT_WORD_RE.test(f.evidence));
  // A page that gives a project's amount and its period, and names a project, states one
  // ("The EUR 22.5 million programme … will run from January 2025 to December 2028").
  const periodGiven = [facts.period, facts.start, facts.end].some(Boolean);
  const fromProse = facts.donors.length > 0 || (dated && projectWord) || (!!facts.budget && periodGiven && projectWord && !!title && PROJECT_WORD_RE.test(title));
  if (!title || !(fromFields || fromProse) || !hasFacts(facts)) {
    const missing = [!title && 'no project title', !hasFacts(facts) && 'no funder, date or amount found', title && hasFacts(facts) && !projectWord && 'nothing that names a project'].filter(Boolean).join(' and ');
    return { drafts: [], missing: missing || 'no project found', unknownLabels: scan.unknown, fieldCount: 0 };
  }
  // A page on a donor's own site (AFD, JICA, Norad, the EU Trust Fund) has that donor as funder,
  // where it names no other, or where a label says "EU contribution" and the site is the EU's fund.
  const site = siteDonor(meta, lines);
  if (facts.labelDonor) {
    const label = resolveDonor(facts.labelDonor.value);
    const own = site ? resolveDonor(site.value) : undefined;
    // The site's own fund when the label names its parent or nothing the registry knows ("the Trust Fund" on the EU Trust Fund's site).
    const which = own && own.known && (!label.known || own.parent === label.code || own.code === label.code) ? site! : label.known ? facts.labelDonor : undefined;
    if (which)
    if (!facts.donors.some((d) => resolveDonor(d.value).code === resolveDonor(which.value).code)) facts.donors.unshift(which);
  }
  if (facts.donors.length === 0 && site) facts.donors.push(site);
  else if (site) {
    // On a funding agency's own site (KfW, Danida), the ministry or government the page names
    // ("Commissioned by BMZ", "Ministry of Foreign Affairs of Denmark") is that agency's parent:
    // the agency is the most specific funder. An implementing agency (GIZ, Enabel) is not a funder.
    const own = resolveDonor(site.value);
    const info = own.code ? donorByCode(own.code) : null;
    if (own.known && own.parent && !info?.implementer) {
      const same = facts.donors.filter((d) => {
        const r = resolveLooseDonor(d.value);
        return r.known && (r.code === own.parent || (r.parent === own.parent && r.code !== own.code));
      });
      if (same.length && same.length === facts.donors.length) facts.donors = [site];
    }
  }
  const acronym = titleField && title && titleField.value !== title ? /\(([A-Z0-9][A-Z0-9-]{1,11})\)\s*$/.exec(titleField.value)?.[1] : undefined;
  const block = lines.slice(Math.max(0, headlineText?.at ?? 0), end).filter((l) => l.text && !/^[-–—]$/.test(l.text));
  const summary = sentencesAll.length ? sentencesAll.slice(0, 6).join(' ') : undefined;
  const draft = toDraft(title, facts, 0, block, { ...(acronym ? { acronym } : {}), ...(summary ? { summary } : {}) });
  setPageCountries([draft], lines, meta, content >= 0 ? content : 0);
  const keys = new Set(main.map((f) => (f.key === 'period' ? 'start' : f.key)).filter((k) => ['title', 'donor', 'start', 'end', 'budget', 'country'].includes(k)));
  if (main.some((f) => f.key === 'period')) keys.add('end');
  return { drafts: [draft], unknownLabels: scan.unknown, fieldCount: keys.size + (titleField ? 0 : 1) };
}

export const __test = { findMentions, textHeadline, htmlHeadline, headingLike };
