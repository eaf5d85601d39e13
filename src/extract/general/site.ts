// General reader, site: what the site says for all its projects: a donor's own site (AFD, Norad, an embassy, a
// foundation) has that donor as funder; a country site or ministry gives its country.
import type { PageMeta, ProjectDraft } from '../../types.js';
import type { Line } from '../lines.js';
import type { Found } from '../prose.js';
import { resolveDonor } from '../../normalize/index.js';
import { isSentence } from '../lines.js';
import { contentEnd, siteNames } from './headline.js';

/** A page on a donor's own site (AFD, JICA, Norad) has that donor as funder. */
export function siteDonor(meta: PageMeta | undefined, lines: Line[]): Found | undefined {
  // The site's names (og:site_name, the <title>'s suffix, the first lines, the © line): the most
  // specific donor they name ("Ministry of Foreign Affairs of Denmark" / "Danida Transparency" -> Danida).
  const names = [...siteNames(meta, lines), ...lines.slice(1, 3).map((l) => l.text).filter((t) => t && t.length <= 80)];
  const found: Array<{ f: Found; r: ReturnType<typeof resolveDonor> }> = [];
  for (const name of names) {
    for (const part of [name, ...name.split(/\s+[–—|-]\s+/u), ...name.split(/\s+/u).slice(0, 1)]) {
      const bare = part.replace(/\s+(?:GmbH|SA|AG|Transparency|Development Bank)$/u, '');
      // "Ambassade de Suisse au Tchad", "Embassy of Denmark in Amman": the embassy's government.
      const d = resolveDonor(bare).known ? resolveDonor(bare) : resolveDonor(bare.replace(/\s+(?:au|aux|en|à|in|to)\s+[\p{Lu}][\p{L}’' -]*$/u, ''));
      if (d.known && d.kind !== 'iom-fund' && !found.some((x) => x.r.code === d.code)) found.push({ f: { value: d.raw, evidence: `site: ${name}` }, r: d });
    }
  }
  if (found.length) {
    const child = found.find((x) => found.some((y) => y !== x && x.r.parent === y.r.code));
    return (child ?? found[0]!).f;
  }
  // A grant-maker's own site ("The Alder Grove Foundation"): the foundation, even if the registry does not know it.
  for (const name of siteNames(meta, lines).slice(0, 2)) {
    const m = /^(?:the\s+)?((?:[\p{Lu}][\p{L}’'-]*\s+){0,5}(?:Foundation|Fondation|Fundación|Fundação|Stiftung|Trust|Fonds)(?:\s+(?:for|pour|de|du|des)\s+[\p{L} ’'-]{2,40})?)$/iu.exec(name.trim());
    if (m && /\p{Lu}/u.test(m[1]!.charAt(0))) return { value: m[1]!.trim(), evidence: `site: ${name}` };
  }
  return undefined;
}

/** A funder's name with an acronym in brackets or an article in front. */
export function resolveLooseDonor(raw: string) {
  const whole = resolveDonor(raw.replace(/^(?:the|le|la|les|l[’'])\s*/iu, ''));
  if (whole.known) return whole;
  const acr = /\(([^()]{2,12})\)/.exec(raw)?.[1];
  return acr ? resolveDonor(acr) : whole;
}

/** Projects of a donor's own site (a Norad listing, an embassy's small grants) that name no funder have the site's donor. */
export function setSiteDonor(drafts: ProjectDraft[], meta: PageMeta | undefined, lines: Line[]): void {
  if (drafts.every((d) => d.donors?.length)) return;
  const site = siteDonor(meta, lines);
  if (!site) return;
  for (const d of drafts) {
    if (d.donors?.length) continue;
    d.donors = [site.value];
    d.donorsText = site.evidence;
    (d.evidence ??= {})['donors'] = site.evidence;
  }
}

/** Countries the page states for all its projects (a country site, a ministry, a headline): for the drafts that name none. */
export function setPageCountries(drafts: ProjectDraft[], lines: Line[], meta: PageMeta | undefined, before: number): void {
  const heads = lines
    .slice(0, Math.max(0, before))
    .map((l) => l.text)
    .filter((t) => t && !t.startsWith('- ') && !isSentence(t));
  const text = [meta?.title, meta?.siteName, ...heads].filter(Boolean).join(' ; ');
  const site = siteNames(meta, lines).filter((n) => /(?<![\p{L}])(?:IOM|OIM|UNHCR|HCR|Embassy|Ambassade|Delegation|Délégation)(?![\p{L}])/u.test(n)).join(' ; ');
  // The page's content, headline to footer: where a page with several projects says they all run.
  const from = Math.max(0, before - 3);
  const body = lines.slice(from, contentEnd(lines, Math.max(0, before))).map((l) => l.text).filter(Boolean).join('\n');
  for (const d of drafts) {
    d.pageCountries = text;
    if (site) d.siteCountries = site;
    d.pageText = body;
  }
}
