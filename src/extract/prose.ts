// Facts stated in sentences, French and English: who funds ("financé par", "with funding from",
// "une subvention de … accordée par"), when ("de juin 2019 à mai 2021", "launched in March
// 2020", "depuis 2005", "through 2027") and how much ("EUR 25 million", "9,2 milliards de F CFA").
// Each finder returns the words as written and the sentence they came from (the evidence);
// normalization turns them into codes, ISO dates and amounts.
import { MONTH } from './dates.js';

export interface Found {
  /** The words as written: a funder's name, a date or a period, an amount. */
  value: string;
  /** The sentence it was read from. */
  evidence: string;
}

const YEAR = '(?:19|20)\\d{2}';
const DAY = '(?:1er|1st|2nd|3rd|[0-3]?\\d(?:st|nd|rd|th)?)';
/** One date as pages write it in prose: "1er avril 2014", "March 1st, 2019", "mars 2016", "2019". */
export const PROSE_DATE = `(?:[QT][1-4]\\s+${YEAR}|(?:May|mai)\\s+${YEAR}|${DAY}\\s+${MONTH}\\.?,?\\s+${YEAR}|${MONTH}\\.?\\s+${DAY},?\\s+${YEAR}|${MONTH}\\.?\\s+(?:de\\s+|d[’'])?${YEAR}|${MONTH}|${YEAR})`;
const DATE_ONLY = `(?:[QT][1-4]\\s+${YEAR}|(?:May|mai)\\s+${YEAR}|${DAY}\\s+${MONTH}\\.?,?\\s+${YEAR}|${MONTH}\\.?\\s+${DAY},?\\s+${YEAR}|${MONTH}\\.?\\s+(?:de\\s+|d[’'])?${YEAR}|${YEAR})`;
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';

/** A period between two dates: "from May 2019 to 2021", "de juin 2019 à mai 2021", "(2023-2026)", "between 2019 and 2022". */
const RANGE_RE = new RegExp(
  [
    `${B}(?:covers|couvre|during|durant|pendant)\\s+${YEAR}\\s+(?:and|et)\\s+${YEAR}${E}`,
    `${B}(?:from|de|du|between|entre|d[’'])\\s*${PROSE_DATE}\\s+(?:to|à|au|and|et|until|till|through|jusqu[’'](?:à|au|en))\\s+(?:(?:la\\s+)?fin\\s+(?:de\\s+|d[’'])?|(?:the\\s+)?end\\s+(?:of\\s+)?)?${DATE_ONLY}${E}`,
    // "from May to November 2024": "May" is a month here.
    `${B}(?:from|de|du|between|entre)\\s+(?:May|mai)\\s+(?:to|à|au|and|et|until|through)\\s+${DATE_ONLY}${E}`,
    // "the 2022–24 initiative": a range whose end year is written with two digits.
    `${B}${YEAR}[-–—]\\d{2}(?![\\p{L}\\d./-])`,
    `${B}${DATE_ONLY}\\s*[-–—]\\s*${DATE_ONLY}${E}`,
    `${B}${DATE_ONLY}\\s+(?:à|au|to|until)\\s+${DATE_ONLY}${E}`,
  ].join('|'),
  'iu',
);
const START_RE = new RegExp(
  `${B}(?:launched|started|began|begun|commenced|starting|start(?:s|ed)?|lancée?s?|démarrée?s?|débutée?s?|commencée?s?|a\\s+débuté|a\\s+démarré|a\\s+commencé|entamée?s?|since|depuis|à\\s+partir\\s+(?:de|d[’']|du)|à\\s+compter\\s+(?:de|d[’']|du)|starting\\s+(?:in|from)|effective\\s+from|as\\s+of)\\s+(?:(?:in|on|en|le|au\\s+mois\\s+de|the)\\s+)?(${DATE_ONLY})${E}`,
  'iu',
);
const OPEN_RE = new RegExp(`${B}(?:depuis|since)\\s+(?:(?:l[’']an|the\\s+year|en)\\s+)?(${YEAR})${E}`, 'iu');
const END_RE = new RegExp(
  `${B}(?:until|till|through|to\\s+the\\s+end\\s+of|jusqu[’'](?:en|au|à)(?:\\s+fin)?|prolongée?s?\\s+jusqu[’'](?:en|au|à)|extended\\s+(?:until|to|through)|se\\s+poursuivr\\p{L}+\\s+jusqu[’'](?:en|au|à)|s[’']achèver\\p{L}*\\s+en|end(?:s|ing)?\\s+in|ending|(?:be\\s+)?(?:completed|finished|concluded)\\s+(?:by|in)|(?:être\\s+)?(?:achevée?s?|terminée?s?)\\s+(?:d[’']ici|en|fin))\\s+(${DATE_ONLY})${E}`,
  'iu',
);

const MANY_PROJECTS_RE = /(?<![\p{L}])(?:more\s+than|over|some|nearly|almost|plus\s+de|près\s+de|quelque|environ)\s+[\d][\d\s,.]*\s+(?:[\p{L}-]+\s+){0,2}(?:projects|projets|programmes|programs|grants|subventions|initiatives)(?![\p{L}])/iu;

/** Lines that date the page, not the project: "Publié le …", "Published on …", a dateline. */
export const PUBLISHED_RE =
  /^(?:publi[ée]e?\s+le|published|posted|submitted|mis\s+à\s+jour|updated|last\s+updated|date\s+de\s+publication|par\s+.{0,60}\|)|^[\p{Lu}][\p{L} '’/-]{1,40}\s*[–—,-]\s*\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}\s*[–—-]?\s*$|^\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}$|^[\p{L}]{3,9}\.?,\s+\d{1,2}\/\d{1,2}\/\d{4}/iu;
/** A dateline at the start of a news item: "Conakry – 18 June 2019 –", "Mogadishu, 9 February 2024 –". */
const DATELINE_RE = new RegExp(`^[\\p{Lu}][\\p{L} '’/-]{1,60}?[,–—-]\\s*${DAY}\\s+${MONTH}\\s+${YEAR}\\s*[–—-]\\s*`, 'iu');

export function stripDateline(sentence: string): string {
  return sentence.replace(DATELINE_RE, '');
}

export interface PeriodFacts {
  period?: Found;
  start?: Found;
  end?: Found;
}

/**
 * The project's period stated in sentences, taken in the order given (the caller ranks them, the
 * project's own sentences first): the first sentence with a range gives it; else a start and an
 * end phrase, each from the first sentence that has one.
 */
export function findPeriod(sentences: string[], about: (s: string) => boolean = () => true): PeriodFacts {
  const out: PeriodFacts = {};
  for (const raw of sentences) {
    const s = stripDateline(raw);
    const range = RANGE_RE.exec(s);
    // "since 2017" dates the project only where the sentence speaks of it ("Tawasol, mené depuis
    // 2005"), not "IOM has supported tracking since 2019".
    // "Japan has supported more than 250 grassroots projects in Malawi since 1990": a donor's
    // record of many projects, not this one's start.
    const many = MANY_PROJECTS_RE.test(s);
    const o = about(s) && !many ? OPEN_RE.exec(s) : null;
    let st = o ? null : START_RE.exec(s);
    if (many && st && /^(?:since|depuis)/iu.test(st[0])) st = null;
    const en = END_RE.exec(s);
    if (range && !out.start && !out.end) {
      // "covers 2022 and 2023" -> "2022 – 2023"; "2022–24" -> "2022 – 2024"; "à fin 2023" -> "à 2023"
      const value = range[0]
        .replace(/^[(]/, '')
        .replace(/^(?:covers|couvre|during|durant|pendant)\s+(\d{4})\s+(?:and|et)\s+(\d{4})$/iu, '$1 – $2')
        .replace(/^(\d{2})(\d{2})\s*[-–—]\s*(\d{2})$/u, '$1$2 – $1$3')
        .replace(/\s(?:(?:la\s+)?fin\s+(?:de\s+|d[’'])?|(?:the\s+)?end\s+(?:of\s+)?)(?=\S+$|\S+\s+\d{4}$)/iu, ' ');
      return { period: { value, evidence: raw } };
    }
    if (!out.start && (o || st)) out.start = { value: o ? `depuis ${o[1]}` : st![1]!, evidence: raw };
    if (!out.end && en) out.end = { value: en[1]!, evidence: raw };
    if (out.start && out.end) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Funders

/**
 * What introduces a funder in a sentence. The name follows the trigger, except for the "accordée
 * par" family, where the amount comes first ("une subvention de 1 250 000 euros accordée par X").
 */
/** "de 1,6 million de dollars ", "de 485 millions de francs CFA ": an amount between a funding word and the funder. */
const AMOUNT_FR = `(?:de\\s+[\\d][\\d\\s.,’']*(?:\\s*(?:millions?|milliards?))?\\s*(?:de\\s+|d[’'])?(?:dollars?(?:\\s+(?:US|américains))?|euros?|francs\\s+CFA|F\\s?CFA|FCFA|USD|EUR|CHF|€|\\$)\\s+)?`;

const FUNDER_TRIGGERS = [
  '(?:co-?)?financ[ée]e?s?\\s+(?:conjointement\\s+|principalement\\s+|notamment\\s+|entièrement\\s+)?(?:à\\s+hauteur\\s+de\\s+[^;]{2,60}?\\s+)?par',
  '(?:le|la)\\s+(?:bailleur|bailleuse|donateur|financeur)(?:\\s+(?:principal|de\\s+fonds))?\\s+(?:est|sera|était)',
  'the\\s+(?:main\\s+)?(?:donor|funder|funding\\s+partner)\\s+(?:is|was|will\\s+be)',
  '(?:a|an|the)\\s+(?:(?:USD|EUR|CHF|GBP|CAD|AUD|US\\$|[$€£])\\s?[\\d][\\d.,]*(?:\\s*(?:million|billion|m|k))?\\s+)?(?:grant|contribution|donation)\\s+(?:of\\s+[^,.;]{2,40}?\\s+)?(?:from|by)',
  'with\\s+(?:the\\s+)?(?:generous\\s+|kind\\s+|financial\\s+|continued\\s+)*(?:support|funding|contribution|assistance)\\s+(?:of|from)',
  '(?:co-?)?funded\\s+(?:jointly\\s+|mainly\\s+|fully\\s+)?by',
  'financed\\s+by',
  'with\\s+(?:financial\\s+)?(?:funding|support|a\\s+contribution|a\\s+grant|financing)\\s+(?:from|of|by)',
  'with\\s+(?:(?:USD|EUR|CHF|GBP|CAD|SEK|NOK|DKK|JPY|US\\$|[$€£])\\s?[\\d][\\d.,\\s’\']*(?:\\s*(?:million|billion|m))?|[\\d][\\d.,\\s’\']*(?:\\s*(?:million|billion))?\\s*(?:USD|EUR|CHF|GBP|CAD|dollars|euros))\\s+from',
  'avec\\s+(?:[\\d][\\d.,\\s’\']*(?:\\s*(?:millions?|milliards?))?\\s*(?:de\\s+|d[’\'])?(?:USD|EUR|CHF|FCFA|F\\s?CFA|francs\\s+CFA|dollars|euros|€|\\$))\\s+(?:de\\s+la|de\\s+l[’\']|du|des|de|d[’\'])',
  'thanks\\s+to\\s+(?:a\\s+|the\\s+)?(?:generous\\s+)?(?:contribution|funding|support|grant)\\s+(?:from|of|by)',
  'made\\s+possible\\s+(?:by|thanks\\s+to)\\s+(?:a|an|the)?\\s*(?:[$€£]?\\s?[\\d.,]+\\s*(?:million\\s+)?(?:\\p{L}+\\s+)?)?(?:grant|contribution|funding|support)?\\s*(?:from|of|by)?',
  'supported\\s+(?:financially\\s+)?by',
  'through\\s+(?:funding|a\\s+grant|support|a\\s+contribution|financing)\\s+(?:from|of|by)',
  '(?:funding|financing|financial\\s+support)\\s+(?:is|was|has\\s+been|will\\s+be)\\s+provided\\s+by',
  '(?:sur|sous)\\s+(?:un\\s+)?financement\\s+(?:de\\s+la|de\\s+l[’\']|du|des|de|d[’\'])',
  'sponsored\\s+by',
  'avec\\s+(?:le|l[’\'])\\s*(?:soutien|appui|concours|financement|aide)(?:\\s+financier|\\s+financière)?\\s+(?:de\\s+la|de\\s+l[’\']|du|des|de|d[’\'])',
  'grâce\\s+(?:à\\s+(?:une|la|un|l[’\'])\\s*|au\\s+|aux\\s+)(?:contribution|financement|soutien|appui|subvention|don|aide)(?:\\s+financi(?:er|ère))?\\s+(?:de\\s+la|de\\s+l[’\']|du|des|de|d[’\'])',
  'soutenue?s?\\s+(?:financièrement\\s+)?par',
  `(?:avec|grâce\\s+à)\\s+(?:un|une)\\s+(?:financement|appui|soutien|don|contribution|subvention|enveloppe)(?:\\s+financi(?:er|ère))?\\s+${AMOUNT_FR}(?:de\\s+la|de\\s+l[’']|du|des|de|d[’'])`,
  `(?:with|thanks\\s+to)\\s+(?:a|an)\\s+(?:grant|contribution|donation)\\s+of\\s+[^,.;]{2,40}?\\s+from`,
  'subventionn[ée]e?s?\\s+par',
  'commissioned\\s+by',
  'on\\s+behalf\\s+of',
  'pour\\s+le\\s+compte\\s+(?:du|de\\s+la|de\\s+l[’\']|des)',
  'accord[ée]e?s?\\s+par',
  'granted\\s+by',
  // "EUR 20 million comes from the European Union …, and EUR 2.5 million from AICS": an amount, then its source.
  '(?:USD|EUR|CHF|GBP|CAD|AUD|SEK|NOK|DKK|JPY|US\\$|[$€£])\\s?[\\d][\\d.,]*(?:\\s*(?:million|billion|m|bn))?\\s+(?:(?:comes?|came|coming)\\s+)?from(?=\\s+(?:the\\s+)?\\p{Lu})',
  'provided\\s+by',
  '(?:contribution|subvention|don|grant)\\s+(?:financière\\s+)?(?:de\\s+la|de\\s+l[’\']|du|des|from\\s+the|from)',
];
const FUNDER_RE = new RegExp(`${B}(?:${FUNDER_TRIGGERS.join('|')})\\s*`, 'giu');

/** Where a funder's name stops: the end of its clause, or where the sentence goes on. */
const NAME_STOP = new RegExp(
  [
    '[.;!?](?=\\s|$)',
    ':\\s',
    '\\s[–—]\\s',
    // "… (AICS), Tawasol aide": a name closed by its acronym ends there.
    '(?<=\\))\\s*,\\s',
    `,?\\s+(?:which|who|that|qui|dont|afin|to\\s+(?:help|support|run|fund)|pour\\s+(?:un|une|le|la|les|aider|appuyer|financer|soutenir|permettre)|in\\s+order|and\\s+(?:will|is|was|has|implemented|carried)|et\\s+(?:sera|est|a|mis|réalisé|vise)|will|is|was|has|have|a\\s+été|est|sera|vise|visant|aims?|mis\\s+en\\s+(?:œ|oe)uvre|implemented|carried|run\\s+by|à\\s+hauteur|d[’']un\\s+montant|pour\\s+un\\s+montant|for\\s+a\\s+total|of\\s+(?:USD|EUR|CHF|GBP|SEK|NOK|US\\$|[$€£])|de\\s+(?:\\d|USD|EUR|CHF)|with\\s+(?:a|an)\\s+(?:total|budget|contribution)|avec\\s+(?:un|une)\\s+(?:budget|contribution|enveloppe)|au\\s+programme|au\\s+projet|to\\s+the\\s+(?:project|programme)|on\\s+(?:the|a)\\s+|en\\s+faveur|sur\\s+(?:la|une)\\s+(?:durée|période)|over\\s+(?:three|two|four|five|\\d)|from\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\\d)|de\\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|through\\s+\\d|jusqu|in\\s+(?:the|partnership)|en\\s+(?:partenariat|collaboration)|with\\s+the\\s+support|avec\\s+l)${E}`,
  ].join('|'),
  'iu',
);

/** "the Government of Japan of USD 3.2 million" -> "the Government of Japan": the amount is not part of the name. */
const TRAILING_AMOUNT_RE = /\s+(?:of|de|d[’'])\s+(?:USD|EUR|CHF|GBP|SEK|NOK|US\$|[$€£])?\s*[\d][\d\s.,’']*(?:\s*(?:millions?|milliards?|billion|million))?.*$/iu;

const LEADING_AMOUNT_RE = /^(?:(?:a|an)\s+(?:contribution|grant|donation)\s+of\s+)?(?:USD|EUR|CHF|GBP|CAD|AUD|SEK|NOK|DKK|JPY|US\$|[$€£])\s?[\d][\d.,]*(?:\s*(?:million|billion|m|bn))?\s+(?:(?:comes?|came|coming)\s+)?from\s+/iu;

export interface FunderPhrase extends Found {
  /** The trigger: "financé par", "with funding from". */
  trigger: string;
  /** Offset of the trigger in the text it was found in. */
  at: number;
}

/** Funders named in a text after a funding phrase, each as written with its sentence. */
export function findFunderPhrases(text: string, evidenceOf: (at: number) => string = () => text): FunderPhrase[] {
  const out: FunderPhrase[] = [];
  for (const m of text.matchAll(FUNDER_RE)) {
    const rest = text.slice(m.index! + m[0].length);
    const stop = rest.search(NAME_STOP);
    let name = (stop < 0 ? rest : rest.slice(0, stop)).trim().replace(/[,\s]+$/, '');
    name = name.replace(TRAILING_AMOUNT_RE, '').trim();
    // "made possible by a contribution of EUR 6 million from the German Federal Foreign Office": the name follows the amount.
    name = name.replace(LEADING_AMOUNT_RE, '').trim();
    // "supported by Sweden through the Swedish … (Sida)": the most specific funder is the agency.
    // (only when what follows names someone: "à travers son ambassade" keeps the government)
    const through = /,?\s+(?:through|via|par\s+l[’']interm[ée]diaire\s+(?:de|du|des)|à\s+travers)\s+(.+)$/iu.exec(name);
    if (through && /^(?:(?:the|le|la|les|l[’'])\s*)?\p{Lu}/u.test(through[1]!.trim())) name = through[1]!.trim();
    else if (through) name = name.slice(0, through.index).trim();
    // A clause too long for a name: keep its first part, up to a comma.
    if (name.length > 160) name = name.split(/,\s/)[0]!;
    if (!name || name.length > 160 || !/\p{Lu}/u.test(name)) continue;
    out.push({ value: name, trigger: m[0].trim(), at: m.index!, evidence: evidenceOf(m.index!) });
  }
  return out;
}

/** "the EU-funded programme", "a USAID-funded project": the funder written as an adjective. */
const FUNDED_ADJ_RE = /(?<![\p{L}-])((?:\p{Lu}[\p{L}.]*\s){0,2}\p{Lu}[\p{L}.]*)[-‐](?:funded|financed|backed|sponsored)(?![\p{L}])/gu;

export function findFundedAdjectives(text: string): Found[] {
  return [...text.matchAll(FUNDED_ADJ_RE)].map((m) => ({ value: m[1]!, evidence: text }));
}

/** A government or its representative granting money: "la Norvège accorde", "the Embassy of X signed a grant". */
const GRANTOR_RE = new RegExp(
  `${B}((?:l[ea]s?\\s+|l[’']|the\\s+)?(?:Government\\s+of\\s+|Gouvernement\\s+(?:du|de\\s+la|des|de)\\s+|Royaume\\s+(?:du|de\\s+la|des|de)\\s+|Embassy\\s+of\\s+|Ambassade\\s+(?:du|de\\s+la|des|de)\\s+)?\\p{Lu}[\\p{L}’'-]+(?:\\s+\\p{Lu}[\\p{L}’'-]+){0,3}(?:\\s+(?:government|gouvernement))?(?:\\s*\\([A-Z][A-Za-z]{1,9}\\))?(?:,?\\s+(?:à\\s+travers|through|via)\\s+[^,;.]{3,120}?(?:\\([^)]{2,12}\\))?,?)?)\\s+(?:accorde|octroie|alloue|verse|finance|soutient|appuie|a\\s+accordé|a\\s+octroyé|a\\s+alloué|a\\s+financé|grants|has\\s+granted|provides|has\\s+provided|contributes|has\\s+contributed|pledged|has\\s+pledged|supports|funds|finances|is\\s+funding|has\\s+funded|has\\s+committed|committed|a\\s+engagé|engage|s[’']est\\s+engagée?)${E}`,
  'gu',
);

export function findGrantors(text: string): Found[] {
  return [...text.matchAll(GRANTOR_RE)].map((m) => ({ value: m[1]!, evidence: text }));
}
