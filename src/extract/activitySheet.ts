// IOM activity sheet ("Fiche d’activités OIM Maroc"): many projects, each one a bullet title,
// an optional period, its paragraphs and a closing "Fonds :" line.
//
// Works on the scrape (one paragraph per line, blank lines between, section side labels where
// the viewer put them) and on a PDF text layer (one line per PDF line, titles wrapped over 2-3
// lines, running headers and side labels between the lines of a paragraph).
import type { ProjectDraft } from '../types.js';
import { BULLET_RE, LOWER_START_RE, foldKey, joinLines, sentenceCase, toParagraphs, blockText, type Line, type Layout } from './lines.js';
import { PERIOD_RE } from './dates.js';
import { findAcronym, findImplementers, findPartners } from './phrases.js';

const FONDS_RE = /^(?:fonds|financement|bailleurs?(?:\s+de\s+fonds)?|donateurs?)\s*:\s*/iu;

const PAGE_MARK_RE = /^(?:--\s*\d+\s*(?:of|sur|\/)\s*\d+\s*--|(?:page\s*)?\d{1,3}(?:\s*(?:\/|sur|of)\s*\d{1,3})?)$/iu;

/** An upper-case line of 2-10 words: a section side label ("ASSISTANCE DIRECTE AUX MIGRANTS"). */
export function isSectionLabel(s: string): boolean {
  if (!s || s.length > 80 || BULLET_RE.test(s) || /\d/.test(s)) return false;
  if (s !== s.toLocaleUpperCase('fr') || !/\p{Lu}{3}/u.test(s)) return false;
  const words = s.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && words.length <= 10;
}

/** Chrome of the PDF: running headers (short lines repeated on several pages) and page marks. */
export interface Chrome {
  headers: Set<string>;
  isPageBreak(s: string): boolean;
  isChrome(s: string): boolean;
}

export function findChrome(lines: Line[]): Chrome {
  const counts = new Map<string, number>();
  for (const { text } of lines) {
    if (!text || text.length > 80 || BULLET_RE.test(text) || FONDS_RE.test(text) || isSectionLabel(text)) continue;
    if (LOWER_START_RE.test(text) || /[.!?,;]$/.test(text)) continue;
    const k = foldKey(text);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const headers = new Set([...counts].filter(([, n]) => n >= 2).map(([k]) => k));
  // Asked for every line, once per project and once for the pages: answers are kept per text.
  const pageBreaks = new Map<string, boolean>();
  const chrome = new Map<string, boolean>();
  const isPageBreak = (s: string) => {
    let r = pageBreaks.get(s);
    if (r === undefined) pageBreaks.set(s, (r = PAGE_MARK_RE.test(s) || headers.has(foldKey(s))));
    return r;
  };
  const isChrome = (s: string) => {
    let r = chrome.get(s);
    if (r === undefined) chrome.set(s, (r = isPageBreak(s) || isSectionLabel(s)));
    return r;
  };
  return { headers, isPageBreak, isChrome };
}

interface Block {
  /** Index in lines of the bullet line. */
  start: number;
  /** Index in lines of the (last line of the) "Fonds :" line. */
  end: number;
  fonds: number;
}

/**
 * A project starts at a line beginning with a bullet that is followed, before the next bullet,
 * by a "Fonds :" line. Bullets of the introduction (the mission's axes) have no "Fonds :" line.
 */
export function findProjectBlocks(lines: Line[]): Block[] {
  const bullets = lines.flatMap((l, i) => (BULLET_RE.test(l.text) ? [i] : []));
  const blocks: Block[] = [];
  bullets.forEach((start, k) => {
    const limit = bullets[k + 1] ?? lines.length;
    for (let i = start + 1; i < limit; i++) {
      if (!FONDS_RE.test(lines[i]!.text)) continue;
      let end = i;
      // "Fonds : Belgique, Espagne," wrapped onto the next line.
      while (/(?:,|&|\bet)$/u.test(lines[end]!.text) && end + 1 < limit && lines[end + 1]!.text) end++;
      blocks.push({ start, end, fonds: i });
      return;
    }
  });
  return blocks;
}

/** Words that cannot end a title: a wrapped title continues on the next line after them. */
const OPEN_END = /(?:^|\s)(?:à|a|au|aux|de|des|du|d[’']|en|et|la|le|les|l[’']|pour|par|sur|dans|avec|vers|the|of|and|for|to)$/iu;

interface TitleParts {
  title: string;
  period?: string;
  /** Text of the body that shares the title's lines ("… Mars 2016 Cette initiative contribue"). */
  rest: string;
  /** Index in content of the first line after the title's lines. */
  next: number;
}

/**
 * Cuts the bullet's text into title, period and the start of the body. The period may be on the
 * title's line, on the last line of a wrapped title, or alone on the next line. Without a
 * period, the title is the bullet line plus wrapped lines that continue it (a lowercase start,
 * or a line before ending on "de", "et", "la"…).
 */
function splitTitle(content: Line[]): TitleParts {
  // A blank line after the bullet line (scrape layout) closes the title; otherwise (PDF text
  // layer) the title may go on over the next lines.
  const head: Line[] = [content[0]!];
  for (let i = 1; i < content.length && head.length < 4 && content[i]!.text; i++) head.push(content[i]!);
  const wrapped = head.length > 1;
  const joined = joinLines(head.map((l) => l.text.replace(BULLET_RE, '')));
  const m = joined.match(PERIOD_RE);
  if (m && m.index! > 0 && m.index! <= 300 && !/[.!?]\s/.test(joined.slice(0, m.index))) {
    return {
      title: joined.slice(0, m.index).trim(),
      period: m[0],
      rest: joined.slice(m.index! + m[0].length).trim(),
      next: head.length,
    };
  }
  // Period alone on the next non-blank line (scrape layout).
  const first = content[0]!.text.replace(BULLET_RE, '');
  const after = content.slice(1).findIndex((l) => l.text);
  if (after >= 0) {
    const nextText = content[after + 1]!.text;
    const p = nextText.match(PERIOD_RE);
    if (p && p.index === 0 && !wrapped) {
      return { title: first, period: p[0], rest: nextText.slice(p[0].length).trim(), next: after + 2 };
    }
  }
  const titleLines = [first];
  let next = 1;
  if (wrapped) {
    while (next < content.length && titleLines.length < 3) {
      const t = content[next]!.text;
      if (!t) break;
      const prev = titleLines[titleLines.length - 1]!;
      if (!(LOWER_START_RE.test(t) || t.startsWith('(') || OPEN_END.test(prev))) break;
      titleLines.push(t);
      next++;
    }
  }
  return { title: joinLines(titleLines), rest: '', next };
}

/**
 * Section of each project. Side labels name a section; where the scrape or the PDF text layer
 * puts them varies, and the document shows two placements:
 * - a label directly followed by a project's bullet (blank lines aside) opens the section at
 *   that project ("ASSISTANCE DIRECTE AUX MIGRANTS" just before the first AVRR bullet, in the
 *   middle of a page whose first project, ICMD, still belongs to the section before);
 * - any other label (at the foot of a page, or between two lines of a paragraph) names the section
 *   of the page it is on: every project whose bullet is on that page ("MIGRATION ET
 *   DÉVELOPPEMENT" after the Mainstreaming project, "APPUI À LA JEUNESSE…" after SALEMM).
 *   A page with no bullet gives its label to the project that runs across it.
 * Projects no label reached take the section of the project before them (sections are runs),
 * and projects before the first labelled one take the first section.
 */
function assignSections(lines: Line[], blocks: Block[], chrome: Chrome): Array<string | undefined> {
  const page: number[] = [];
  let p = 0;
  for (const l of lines) {
    if (l.text && chrome.isPageBreak(l.text)) p++;
    page.push(p);
  }
  const bulletAt = new Map(blocks.map((b, k) => [b.start, k]));
  const heading: Array<string | undefined> = blocks.map(() => undefined);
  const byPage: Array<string | undefined> = blocks.map(() => undefined);
  const byRun: Array<string | undefined> = blocks.map(() => undefined);

  lines.forEach((l, i) => {
    if (!isSectionLabel(l.text)) return;
    let j = i + 1;
    while (j < lines.length && !lines[j]!.text) j++;
    const direct = bulletAt.get(j);
    if (direct !== undefined) {
      heading[direct] = l.text;
      return;
    }
    let onPage = false;
    blocks.forEach((b, k) => {
      if (page[b.start] === page[i]) {
        byPage[k] ??= l.text;
        onPage = true;
      }
    });
    if (!onPage) {
      const k = blocks.findIndex((b) => b.start < i && i < b.end);
      if (k >= 0) byRun[k] ??= l.text;
    }
  });

  const out: Array<string | undefined> = blocks.map((_, k) => heading[k] ?? byPage[k] ?? byRun[k]);
  for (let k = 1; k < out.length; k++) out[k] ??= out[k - 1];
  const firstKnown = out.find((s) => s !== undefined);
  return out.map((s) => s ?? firstKnown);
}

/**
 * The section's name: the axis the introduction lists under the same words
 * ("• Migration et Développement : Dont l’objectif…"), else the label itself, in sentence case.
 */
function sectionNames(text: string): (label: string) => string {
  const axes = new Map<string, string>();
  for (const m of text.matchAll(/[•●▪]\s*([^:•\n]{3,80}?)\s*:/gu)) {
    const axis = m[1]!.trim();
    if (!axes.has(foldKey(axis))) axes.set(foldKey(axis), axis);
  }
  return (label) => sentenceCase(axes.get(foldKey(label)) ?? label);
}

export function extractActivitySheet(lines: Line[], layout: Layout, text: string): ProjectDraft[] {
  const blocks = findProjectBlocks(lines);
  if (!blocks.length) return [];
  const chrome = findChrome(lines);
  const sections = assignSections(lines, blocks, chrome);
  const nameOf = sectionNames(text);

  return blocks.map((b, index) => {
    const content = lines.slice(b.start, b.fonds).filter((l) => !chrome.isChrome(l.text));
    const { title, period, rest, next } = splitTitle(content);
    const bodyLines: Line[] = [];
    if (rest) bodyLines.push({ n: content[0]!.n, text: rest });
    bodyLines.push(...content.slice(next));
    const paragraphs = toParagraphs(bodyLines, layout);
    const summary = paragraphs.join('\n');
    const fondsText = joinLines(lines.slice(b.fonds, b.end + 1).map((l) => l.text));
    const donor = fondsText.replace(FONDS_RE, '').trim();

    const draft: ProjectDraft = {
      kind: 'iom-activity-sheet',
      index,
      title: title.replace(/[\s:–—-]+$/u, ''),
      text: blockText([...content, ...lines.slice(b.fonds, b.end + 1)]),
      lines: { from: b.start + 1, to: b.end + 1 },
    };
    const acronym = findAcronym(draft.title);
    if (acronym) draft.acronym = acronym;
    const section = sections[index];
    if (section) draft.section = nameOf(section);
    if (period) draft.period = period;
    if (donor) draft.donors = [donor];
    draft.donorsText = fondsText;
    if (summary) draft.summary = summary;
    const implementers = findImplementers(summary);
    if (implementers.length) draft.implementers = implementers;
    const partners = findPartners(summary);
    if (partners.length) draft.partners = partners;
    return draft;
  });
}
