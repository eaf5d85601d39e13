// IOM news item: reports an activity (trainings, a workshop) and names, in one sentence, the
// projects it was held under: "dans le cadre des projets « A » financé par X, le « B », financé
// par Y, mis en œuvre en partenariat avec Z, ainsi que le projet « C » (ACR) financé par W."
// One draft per named project; each also carries what the news reports of the activity.
import type { ProjectDraft } from '../types.js';
import { isProse, toSentences, foldKey, type Line } from './lines.js';
import { findDayDates } from './dates.js';
import { addRoles, countsPeople, findAcronym, findPlaces } from './phrases.js';

/** "dans le cadre du projet", "dans le cadre des projets", "dans le cadre de son programme"… */
export const FRAME_RE = /dans\s+le\s+cadre\s+(?:du|des|de\s+(?:ses|son|leur|leurs|la|l[’'])|d[’'])\s*(?:(?:premier|second|deuxième|nouveau)\s+)?(?:projets?|programmes?|initiatives?)/iu;

const QUOTED_RE = /«\s*([^«»]+?)\s*»|“\s*([^“”]+?)\s*”|"\s*([^"]+?)\s*"/gu;

interface Mention {
  title: string;
  start: number;
  end: number;
}

/** Named projects of a sentence: the quoted titles, or an unquoted name right after "projet". */
function mentionsIn(segment: string): Mention[] {
  const quoted = [...segment.matchAll(QUOTED_RE)].map((m) => ({
    title: (m[1] ?? m[2] ?? m[3] ?? '').trim(),
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  if (quoted.length) return quoted;
  // The segment starts right after "dans le cadre du projet": the name, if unquoted, comes first.
  const bare = segment.match(/^(?:\s*(?:projets?|programmes?))?\s+([A-ZÀ-Þ][\p{L}\d’'-]*(?:\s+[A-ZÀ-Þ0-9][\p{L}\d’'-]*)*)/u);
  if (!bare) return [];
  const start = bare.index! + bare[0].length - bare[1]!.length;
  return [{ title: bare[1]!, start, end: start + bare[1]!.length }];
}

/** What introduces the next project at the end of a clause: ", le ", ", ainsi que le projet ", " et du programme ". */
const LEAD_IN_RE = /(?:\s*,)?\s*(?:(?:ainsi\s+que|et|ou)\s+)?(?:(?:le|la|les|l[’']|du|des|au)\s*)?(?:(?:projets?|programmes?|initiatives?)\s*)?$/iu;

/** The body: the run of prose lines around the sentence that names the projects. */
function bodyRange(lines: Line[], at: number): { from: number; to: number } {
  const prose = (i: number) => isProse(lines[i]!.text) || lines[i]!.text.length >= 200;
  let from = at;
  let to = at;
  for (let i = at - 1; i >= 0; i--) {
    if (!lines[i]!.text) continue;
    if (!prose(i)) break;
    from = i;
  }
  for (let i = at + 1; i < lines.length; i++) {
    if (!lines[i]!.text) continue;
    if (!prose(i)) break;
    to = i;
  }
  return { from, to };
}

export function extractNewsItem(lines: Line[]): ProjectDraft[] {
  const at = lines.findIndex((l) => FRAME_RE.test(l.text));
  if (at < 0) return [];
  const { from, to } = bodyRange(lines, at);
  const body = lines.slice(from, to + 1).filter((l) => l.text);
  const bodyText = body.map((l) => l.text).join('\n');
  const sentences = body.flatMap((l) => toSentences(l.text));

  // What the news reports of the activity, shared by every project it names.
  const places = findPlaces(bodyText);
  const activityDates = findDayDates(bodyText);
  const beneficiaryText = sentences.filter(countsPeople);
  const summary = body[0]!.text;

  const drafts: ProjectDraft[] = [];
  for (const sentence of sentences) {
    const frame = sentence.match(FRAME_RE);
    if (!frame) continue;
    const segment = sentence.slice(frame.index! + frame[0].length);
    const mentions = mentionsIn(segment);
    mentions.forEach((m, k) => {
      let clause = segment.slice(m.end, mentions[k + 1]?.start ?? segment.length);
      if (k + 1 < mentions.length) clause = clause.replace(LEAD_IN_RE, '');
      if (drafts.some((d) => foldKey(d.title) === foldKey(m.title))) return;
      const draft: ProjectDraft = {
        kind: 'iom-news',
        index: drafts.length,
        title: m.title,
        text: bodyText,
        lines: { from: body[0]!.n, to: body[body.length - 1]!.n },
      };
      const acronym = clause.match(/^\s*\(([A-ZÀ-Þ][A-ZÀ-Þ0-9-]{1,15})\)/u)?.[1] ?? findAcronym(m.title);
      if (acronym) draft.acronym = acronym;
      addRoles(draft, clause);
      if (places.length) draft.places = places;
      if (activityDates.length) draft.activityDates = activityDates;
      if (beneficiaryText.length) draft.beneficiaryText = beneficiaryText;
      draft.summary = summary;
      drafts.push(draft);
    });
  }
  return drafts;
}
