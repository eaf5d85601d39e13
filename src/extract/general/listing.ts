// General reader, listing: several projects on one page: under <h2>–<h4> headings, or a listing whose
// fields repeat (each record titled by the heading above its first field).
import type { PageMeta, ProjectDraft } from '../../types.js';
import { isSentence, toParagraphs, toSentences, type Layout, type Line } from '../lines.js';
import { scanFields, type Field } from '../fields.js';
import type { Found } from '../prose.js';
import { parseDateRange } from '../../normalize/index.js';
import { PROJECT_WORD_RE, contentEnd, headingLike, stripListMark } from './headline.js';
import { addProseFacts, factsFromFields, toDraft } from './facts.js';

/**
 * Projects listed under headings: each <h2>–<h4> whose following lines, up to the next heading,
 * state a funder, or an amount with a date. The page's <h1> is the listing's title, not a project.
 */
export function headingSections(lines: Line[], meta: PageMeta | undefined, layout: Layout, h1At: number): ProjectDraft[] {
  const heads = (meta?.headings ?? []).filter((h) => h.level >= 2 && h.level <= 4 && headingLike(h.text));
  if (heads.length < 2) return [];
  const at = heads.map((h) => lines.findIndex((l, i) => i > h1At && l.text === h.text)).filter((i) => i >= 0);
  if (at.length < 2) return [];
  const drafts: ProjectDraft[] = [];
  at.forEach((i, k) => {
    const next = k + 1 < at.length ? at[k + 1]! : contentEnd(lines, i + 1);
    const body = lines.slice(i + 1, next).filter((l) => l.text);
    const sentences = toParagraphs(body, layout).flatMap((p) => toSentences(p));
    const scan = scanFields(lines, i + 1, next);
    const facts = factsFromFields(scan.fields.filter((f) => f.key !== 'other' && f.key !== 'title'));
    addProseFacts(facts, sentences);
    // A section that names its project in a field ("Purpose: …" under the grantee's name) is that
    // project, titled so; its amount alone is enough to be a grant.
    const named = scan.fields.find((f) => f.key === 'title');
    // A heading that says it is a project ("2. The Project for Improvement of Water Supply …") with its amount is a grant too.
    if (!facts.donors.length && !(facts.budget && (facts.period || facts.start || named || (PROJECT_WORD_RE.test(lines[i]!.text) && lines[i]!.text.split(/\s+/).length >= 4)))) return;
    const title = named?.value ?? stripListMark(lines[i]!.text);
    drafts.push(toDraft(title, facts, drafts.length, [lines[i]!, ...body], { summary: sentences.join(' ') }));
  });
  return drafts.length >= 2 ? drafts : [];
}

/** Records of a listing, each titled by the heading line above its first field. */
export function listingRecords(lines: Line[], records: Field[][], used: Set<number>, layout: Layout): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  const starts = records.map((r) => Math.min(...r.map((f) => f.at)));
  records.forEach((rec, k) => {
    const titleField = rec.find((f) => f.key === 'title');
    let title = titleField?.value;
    let period: Found | undefined;
    let headAt = starts[k]!;
    if (!title) {
      let t = starts[k]! - 1;
      const floor = k > 0 ? Math.max(...records[k - 1]!.map((f) => f.at)) : -1;
      while (t > floor) {
        const s = lines[t]!.text;
        if (!s || /^[-–—]$/.test(s)) {
          t--;
          continue;
        }
        if (/^\(.*\)$/.test(s) && /\d{4}/.test(s) && parseDateRange(s).start) {
          period = { value: s.slice(1, -1), evidence: s };
          t--;
          continue;
        }
        break;
      }
      if (t > floor && !used.has(t) && headingLike(lines[t]!.text) && !isSentence(lines[t]!.text)) {
        title = stripListMark(lines[t]!.text);
        headAt = t;
      }
    }
    if (!title) {
      // No heading: these fields belong to the record before (a second "Budget" further down).
      const prev = drafts[drafts.length - 1];
      if (prev) prev.text += '\n' + rec.map((f) => f.evidence).join('\n');
      return;
    }
    const facts = factsFromFields(rec.filter((f) => f.key !== 'title'));
    if (period && !facts.period && !facts.start) facts.period = period;
    const nextStart = k + 1 < records.length ? starts[k + 1]! - 1 : contentEnd(lines, starts[k]!);
    const after = lines.slice(Math.max(...rec.map((f) => f.at)) + 1, nextStart).filter((l, i) => l.text && !used.has(Math.max(...rec.map((f) => f.at)) + 1 + i));
    const own = toParagraphs(after.filter((l) => isSentence(l.text) || /[.!?]$/.test(l.text)), layout).flatMap((p) => toSentences(p));
    addProseFacts(facts, own);
    const block = lines.slice(headAt, nextStart).filter((l) => l.text);
    drafts.push(toDraft(title, facts, drafts.length, block));
  });
  return drafts.filter((d) => d.title);
}
