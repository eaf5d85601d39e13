// NGO article (CARE Maroc): a blog post that describes one or more projects in prose,
// "le projet « chemin de la réussite » … mis en œuvre par CARE International Maroc en
// collaboration avec … et financé par Enabel", "le projet Amuddu, mené de concert avec …".
//
// Each named project gets the part of the article from its first mention to the first mention of
// the next project; its roles come from the sentences that name it, its places and counts from
// its part. Banners, related-post lists and the publication date are not read: they name no
// project, and a publication date is not a project date.
import type { ProjectDraft } from '../types.js';
import { BULLET_RE, capitalize, foldKey, isProse, toSentences, blockText, endsSentence, type Line } from './lines.js';
import { addRoles, countsPeople, findAcronym, findPlaces, findStatus } from './phrases.js';

const NAMED_RE = /(?<![\p{L}])(?:projet|programme|project)\s+(?:«\s*([^«»]+?)\s*»|“\s*([^“”]+?)\s*”|"\s*([^"]+?)\s*"|([A-ZÀ-Þ][\p{L}\d’'-]+(?:\s+[A-ZÀ-Þ0-9][\p{L}\d’'-]*)*))/gu;

/** Capitalised words after "projet" that are not names. */
const NOT_NAMES = new Set(['de', 'du', 'des', 'le', 'la', 'ce', 'cet', 'et']);

interface Mention {
  key: string;
  title: string;
  line: number;
  at: number;
}

export function findNamedProjects(lines: Line[]): Mention[] {
  const out: Mention[] = [];
  lines.forEach((l, i) => {
    for (const m of l.text.matchAll(NAMED_RE)) {
      const title = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
      if (!title || NOT_NAMES.has(title.toLowerCase())) continue;
      out.push({ key: foldKey(title), title, line: i, at: m.index! });
    }
  });
  return out;
}

/** The article's last content line: trailing menus, share bars and link lists are dropped. */
function lastContentLine(lines: Line[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.text;
    if (t && (isProse(t) || BULLET_RE.test(t) || endsSentence(t))) return i;
  }
  return lines.length - 1;
}

export function extractNgoArticle(lines: Line[]): ProjectDraft[] {
  const mentions = findNamedProjects(lines);
  const firsts: Mention[] = [];
  for (const m of mentions) if (!firsts.some((f) => f.key === m.key)) firsts.push(m);
  if (!firsts.length) return [];
  const last = lastContentLine(lines);

  return firsts.map((p, index) => {
    const to = Math.max(p.line, (firsts[index + 1]?.line ?? last + 1) - 1);
    const part = lines.slice(p.line, to + 1).filter((l) => l.text);
    const partText = part.map((l) => l.text).join('\n');

    // The clauses that name this project: from the mention to the next project's mention or the sentence end.
    const clauses: string[] = [];
    for (const l of lines) {
      for (const s of toSentences(l.text)) {
        const here = [...s.matchAll(NAMED_RE)];
        here.forEach((m, k) => {
          const title = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
          if (foldKey(title) !== p.key) return;
          clauses.push(s.slice(m.index! + m[0].length, here[k + 1]?.index ?? s.length));
        });
      }
    }
    const roles = clauses.join(' ');

    const draft: ProjectDraft = {
      kind: 'ngo-article',
      index,
      title: capitalize(p.title),
      text: blockText(part),
      lines: { from: part[0]!.n, to: part[part.length - 1]!.n },
    };
    const acronym = findAcronym(p.title) ?? (/^[A-ZÀ-Þ0-9-]{2,15}$/u.test(p.title) ? p.title : undefined);
    if (acronym) draft.acronym = acronym;
    const status = clauses.map(findStatus).find(Boolean);
    if (status) draft.status = status;
    addRoles(draft, roles);
    const places = findPlaces(partText);
    if (places.length) draft.places = places;
    const beneficiaryText = part.flatMap((l) =>
      BULLET_RE.test(l.text) ? (countsPeople(l.text) ? [l.text.replace(BULLET_RE, '')] : []) : toSentences(l.text).filter(countsPeople),
    );
    if (beneficiaryText.length) draft.beneficiaryText = beneficiaryText;

    // Summary: the part's prose paragraphs until about 300 characters, questions and bullets aside.
    const paras: string[] = [];
    for (const l of part) {
      if (BULLET_RE.test(l.text) || l.text.endsWith('?') || !isProse(l.text)) continue;
      paras.push(l.text);
      if (paras.join(' ').length >= 300) break;
    }
    if (paras.length) draft.summary = paras.join('\n');
    return draft;
  });
}
