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

export function findMentions(sentences: string[]): Mention[] {
  const out: Mention[] = [];
  const seen = (title: string, acronym?: string) =>
    out.find((o) => foldKey(o.title) === foldKey(title) || (acronym && o.acronym === acronym) || (o.acronym && foldKey(title) === foldKey(o.acronym)));
  sentences.forEach((s, i) => {
    const found: Array<{ title: string; acronym?: string; at: number }> = [];
    for (const m of s.matchAll(QUOTED_RE)) {
      const title = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      if (!/^\p{Lu}/u.test(title) || /[,.!?;]$|,\s/u.test(title) || title.split(/\s+/).length > 18) continue;
      if (!INTRO_RE.test(s.slice(Math.max(0, m.index! - 40), m.index!))) continue;
      const after = s.slice(m.index! + m[0].length);
      const acronym = /^\s*\(([A-Z0-9][A-Z0-9-]{1,11})\)/u.exec(after)?.[1];
      found.push({ title, acronym, at: m.index! });
    }
    for (const a of acronymMentions(s)) if (!found.some((f) => f.acronym === a.acronym)) found.push(a);
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
