// General reader, mentions: projects named in sentences: a quoted name after "le projet", "the first", "baptisé";
// a capitalised name with a project word and its acronym ("… Programme (CYLP)"); an appositive.
import { foldKey } from '../lines.js';
import { resolveDonor } from '../../normalize/index.js';
import { PROJECT_WORD_RE } from './headline.js';

export interface Mention {
  title: string;
  acronym?: string;
  /** Index of the sentence that names it. */
  sentence: number;
}

const QUOTED_RE = /«\s*([^«»]{4,160}?)\s*»|“\s*([^“”]{4,160}?)\s*”|"\s*([^"]{4,160}?)\s*"/gu;
const INTRO_RE = /(?:projets?|projects?|programmes?|programs?|initiatives?|premier|première|second|seconde|deuxième|troisième|first|second|third|intitulée?s?|called|named|entitled|dubbed|baptisée?s?|dénommée?s?|known\s+as)\W{0,12}(?:(?:le|la|les|l[’']|the|du|de|des|au)\s*)?$/iu;
const APPOSITIVE_RE = /(?:^|[.;]\s+)(?:The|This|Le|La|Ce|Cette)\s+(?:new\s+|nouveau\s+|nouvelle\s+)?(?:project|programme|program|initiative|projet)\s*,\s*(?:called\s+|named\s+|entitled\s+|dubbed\s+|baptisée?\s+|intitulée?\s+|dénommée?\s+)?([\p{Lu}][^,;«»"“”]{4,140}?)\s*,\s+(?:will|is|was|has|aims|which|sera|est|vise|a\s)/u;
/** After a name: ", a joint project that …", ", an 18-month project", ", un projet de …": the name is a project's. */
const APPOS_AFTER_RE = /^\s*[,–—]\s+(?:a|an|un|une)\s+(?:[\p{L}\d’'–-]+\s+){0,4}?(?:project|programme|program|initiative|projet|scheme|facility)\b/iu;
/** "The Kakuma–Kalobeyei Joint Enterprise Initiative is backed by …": a capitalised name ending in a project word, subject of its sentence. */
const SUBJECT_RE = /(?:^|[.;:]\s+|\s)(?:The|the)\s+((?:[\p{Lu}][\p{L}\d’'–-]*\s+)(?:(?:[\p{Lu}][\p{L}\d’'–-]*|of|for|and|in|on|to|the)\s+){0,10}(?:Initiative|Programme|Program|Project|Facility|Partnership))\s+(?:is|was|will|has|had|aims|seeks|runs|began|started|targets|supports)\b/gu;
const NAME_BEFORE_WORD_RE = /(?<![\p{L}])(?:our|the|its|their|this|new|notre|leur)\s+((?:[\p{Lu}][\p{L}\d’'–-]*\s+){1,8}[\p{Lu}][\p{L}\d’'–-]*)\s+(?:project|programme|program|initiative)(?![\p{L}])/gu;
const ORG_RE = /\b(?:Organi[sz]ation|Agency|Agence|Ministry|Ministère|Embassy|Ambassade|Government|Gouvernement|Office|Department|University|Université|Council|Commission|Union|Nations|IOM|OIM|UNHCR|UNDP|UNICEF)\b/u;
const KNOWN_AS_RE = /(?:^|[.;]\s+)(?:Known\s+as|Called|Named|Dubbed|Baptisée?|Intitulée?|Dénommée?|Appelée?)\s+([\p{Lu}].{2,140}?),\s+(?:the|this|le|la|ce|cette|l['’])\s*(?:new\s+|nouveau\s+|nouvelle\s+)?(?:project|programme|program|initiative|projet)\b/u;
const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'in', 'on', 'the', 'to', 'at', 'de', 'des', 'du', 'la', 'le', 'les', 'et', 'pour', 'à', 'aux', 'au', 'en', 'dans', "d'", "l'", 'sur', 'with', 'along']);

/** "the Coastal Youth Livelihoods Programme (CYLP)": a capitalised name with a project word, then its acronym. */
function acronymMentions(sentence: string): Array<{ title: string; acronym: string; at: number }> {
  const out: Array<{ title: string; acronym: string; at: number }> = [];
  for (const m of sentence.matchAll(/\(([A-Z0-9][A-Z0-9&-]{1,11})\)/gu)) {
    const acr = m[1]!;
    if (!/[A-Z]/.test(acr)) continue;
    // "the Community-Led Relocation and Readiness initiative (CLRR)": the generic word is not part of the name.
    const before = sentence.slice(0, m.index).trimEnd().replace(/\s+(?:initiative|programme|program|project|projet|partnership|facility)$/u, '');
    const words = before.split(/\s+/);
    const name: string[] = [];
    for (let k = words.length - 1; k >= 0 && name.length < 16; k--) {
      const w = words[k]!;
      const bare = w.replace(/[,;:]$/, '');
      if (bare !== w && name.length) break;
      if (/^[\p{Lu}0-9]/u.test(bare) || FUNCTION_WORDS.has(bare.toLowerCase()) || /^[dl][’']/iu.test(bare)) name.unshift(bare);
      else break;
    }
    while (name.length && (FUNCTION_WORDS.has(name[0]!.toLowerCase()) || /^(?:the|le|la|les|un|une|a|an)$/i.test(name[0]!))) name.shift();
    const title = name.join(' ').replace(/^[dl][’']/iu, '');
    if (name.filter((w) => /^\p{Lu}/u.test(w)).length < 2) continue;
    if (!PROJECT_WORD_RE.test(title) && !/\s+(?:initiative|programme|program|project|projet|partnership|facility)\s*$/u.test(sentence.slice(0, m.index))) continue;
    if (resolveDonor(title).known || resolveDonor(acr).known) continue;
    out.push({ title, acronym: acr, at: m.index! - before.length + (before.length - title.length) });
  }
  return out;
}

/** The run of capitalised words (and the small words between them) that ends at `end`: at least two capitalised. */
function capitalisedBefore(s: string, end: number): { title: string; at: number } | null {
  const before = s.slice(0, end);
  if (/["”»]\s*$/u.test(before)) return null;
  const words = before.trimEnd().split(/\s+/);
  const name: string[] = [];
  for (let k = words.length - 1; k >= 0 && name.length < 14; k--) {
    const w = words[k]!;
    if (/[,;.!?]$/.test(w) && name.length) break;
    if (/^[\p{Lu}0-9]/u.test(w) || (name.length && FUNCTION_WORDS.has(w.toLowerCase()))) name.unshift(w);
    else break;
  }
  while (name.length && (FUNCTION_WORDS.has(name[0]!.toLowerCase()) || /^(?:The|Le|La|Les|A|An|Un|Une)$/.test(name[0]!))) name.shift();
  const title = name.join(' ');
  if (name.filter((w) => /^\p{Lu}/u.test(w)).length < 2 || name.length > 12) return null;
  // A sentence's first words ("In Ukraine, a project …") or an organisation are no project name.
  if (before.trimEnd().length - title.length <= 1 && name.length < 3) return null;
  if (resolveDonor(title).known || ORG_RE.test(title)) return null;
  return { title, at: end - title.length };
}

export function findMentions(sentences: string[]): Mention[] {
  const out: Mention[] = [];
  const seen = (title: string, acronym?: string) =>
    out.find((o) => foldKey(o.title) === foldKey(title) || (acronym && o.acronym === acronym) || (o.acronym && foldKey(title) === foldKey(o.acronym)));
  sentences.forEach((s, i) => {
    const found: Array<{ title: string; acronym?: string; at: number }> = [];
    for (const m of s.matchAll(QUOTED_RE)) {
      const title = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      if (!/^\p{Lu}/u.test(title) || /[,.!?;]$|,\s/u.test(title) || title.split(/\s+/).length > 18) continue;
      const after = s.slice(m.index! + m[0].length);
      if (!INTRO_RE.test(s.slice(Math.max(0, m.index! - 40), m.index!)) && !APPOS_AFTER_RE.test(after)) continue;
      const acronym = /^\s*\(([A-Z0-9][A-Z0-9-]{1,11})\)/u.exec(after)?.[1];
      found.push({ title, acronym, at: m.index! });
    }
    for (const a of acronymMentions(s)) if (!found.some((f) => f.acronym === a.acronym)) found.push(a);
    // "the second phase of Durable Pathways, a joint project that …": a capitalised name before its appositive.
    for (const m of s.matchAll(/[,–—]\s+(?:a|an|un|une)\s+(?:[\p{L}\d’'–-]+\s+){0,4}?(?:project|programme|program|initiative|projet|scheme|facility)\b/giu)) {
      const name = capitalisedBefore(s, m.index!);
      if (name && !found.some((f) => f.title === name.title)) found.push(name);
    }
    // "which funded our Warm Walls Zakarpattia project": a capitalised name before a lower-case project word.
    for (const m of s.matchAll(NAME_BEFORE_WORD_RE)) {
      const title = m[1]!.trim();
      if (!resolveDonor(title).known && !ORG_RE.test(title) && !found.some((f) => f.title === title)) found.push({ title, at: m.index! + m[0].indexOf(title) });
    }
    for (const m of s.matchAll(SUBJECT_RE)) {
      const title = m[1]!.trim();
      if (title.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length >= 3 && !resolveDonor(title).known && !found.some((f) => f.title === title))
        found.push({ title, at: m.index! + m[0].indexOf(title) });
    }
    // "Known as THRIVE – Training, Hiring …, the programme will work …": the name before its appositive.
    const known = KNOWN_AS_RE.exec(s);
    if (known && !found.length) {
      const title = known[1]!.trim();
      const acronym = /^([A-Z][A-Z0-9-]{1,11})\s+[–—-]\s+/u.exec(title)?.[1];
      if (!resolveDonor(title).known) found.push({ title, acronym, at: known.index });
    }
    // "The project, Shared Water for Peaceful Pastures, will …", "The programme, called X, will …"
    const appos = APPOSITIVE_RE.exec(s);
    if (appos && !found.length) {
      const title = appos[1]!.trim();
      if (title.split(/\s+/).length >= 2 && !resolveDonor(title).known) found.push({ title, at: appos.index });
    }
    found.sort((a, b) => a.at - b.at);
    for (const f of found) {
      const prior = seen(f.title, f.acronym);
      if (prior) {
        prior.acronym ??= f.acronym;
        continue;
      }
      out.push({ title: f.title, acronym: f.acronym, sentence: i });
    }
  });
  return out;
}
