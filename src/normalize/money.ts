// Amounts of money as written: "300000.00" under "Budget Amount (USD)", "9.5 millions de dollars US",
// "1 200 000 €", "2,5 millions d'euros", "USD 1.2 million", "MAD 500 000".
// No exchange rates are applied anywhere: budget_usd (toUsd) is the amount for budgets stated in
// US dollars and null for every other currency.

import type { Money } from '../types.js';
import { collapseWs } from './text.js';

export { findBeneficiaries } from './beneficiaries.js';

/** Currency words and symbols, most specific first. Matched on lowercase text with accents kept. */
const CURRENCIES: ReadonlyArray<[string, RegExp]> = [
  ['CAD', /\b(?:cad|c\$|dollars?\s+canadiens?|canadian\s+dollars?)(?![\p{L}])/iu],
  ['AUD', /\b(?:aud|a\$|dollars?\s+australiens?|australian\s+dollars?)(?![\p{L}])/iu],
  ['USD', /(?:\busd\b|\bus\s?\$|\$\s?us\b|\bdollars?\s+(?:us|u\.s\.|am[ée]ricains?|des\s+[ée]tats[-\s]unis(?:\s+d'am[ée]rique)?)(?![\p{L}])|\bus\s+dollars?\b|\bdollars?\b|\$)/iu],
  ['EUR', /(?:\beur\b|\beuros?\b|€)/iu],
  ['MAD', /(?:\bmad\b|\bdhs?\b|\bdirhams?(?:\s+marocains?)?\b)/iu],
  ['CHF', /(?:\bchf\b|\bfrancs?\s+suisses?\b|\bswiss\s+francs?\b)/iu],
  ['GBP', /(?:\bgbp\b|\blivres?\s+sterling\b|\bpounds?(?:\s+sterling)?\b|£)/iu],
  ['JPY', /(?:\bjpy\b|\byens?\b|¥)/iu],
  ['SEK', /(?:\bsek\b|\bcouronnes?\s+su[ée]doises?\b|\bswedish\s+kronor\b)/iu],
  ['NOK', /(?:\bnok\b|\bcouronnes?\s+norv[ée]giennes?\b|\bnorwegian\s+kroner\b)/iu],
  ['DKK', /(?:\bdkk\b|\bcouronnes?\s+danoises?\b|\bdanish\s+kroner\b)/iu],
  ['XOF', /(?:\bxof\b|\bfrancs?\s+cfa\b|\bf\s?cfa\b)/iu],
  ['TND', /(?:\btnd\b|\bdinars?\s+tunisiens?\b|\btunisian\s+dinars?\b)/iu],
  ['XAF', /\bxaf\b/iu],
  ['TRY', /(?:\bTRY\b|\b[Tt]urkish\s+lira|\blivres?\s+turques?\b|₺)/u],
  ['HTG', /(?:\bhtg\b|\bgourdes?\b)/iu],
  ['COP', /(?:\bCOP\b|\b[Cc]olombian\s+pesos?\b|\bpesos?\s+colombiens?\b)/u],
  ['MXN', /(?:\bmxn\b|\bmexican\s+pesos?\b|\bpesos?\s+mexicains?\b)/iu],
  ['AFN', /(?:\bafn\b|\bafghanis?\b)/iu],
  ['LBP', /(?:\blbp\b|\blebanese\s+pounds?\b|\blivres?\s+libanaises?\b)/iu],
  ['JOD', /(?:\bjod\b|\bjordanian\s+dinars?\b)/iu],
  ['EGP', /(?:\begp\b|\begyptian\s+pounds?\b|\blivres?\s+égyptiennes?\b)/iu],
  ['ETB', /(?:\betb\b|\bbirr\b)/iu],
  ['KES', /(?:\bkes\b|\bkenyan\s+shillings?\b|\bksh\b)/iu],
  ['UGX', /(?:\bugx\b|\bugandan\s+shillings?\b)/iu],
  ['NGN', /(?:\bngn\b|\bnaira\b|₦)/iu],
  ['GHS', /(?:\bghs\b|\bcedis?\b|\bghana\s+cedis?\b)/iu],
  ['IQD', /(?:\biqd\b|\biraqi\s+dinars?\b)/iu],
  ['PHP', /(?:\bPHP\b|\b[Pp]hilippine\s+pesos?\b|₱)/u],
  ['BDT', /(?:\bbdt\b|\btaka\b|৳)/iu],
  ['LRD', /(?:\blrd\b|\bliberian\s+dollars?\b)/iu],
  ['CZK', /(?:\bczk\b|\bkč|\bczech\s+korun[ay]?\b|\bcouronnes?\s+tchèques?\b)/iu],
  ['PLN', /(?:\bpln\b|\bzł(?:oty)?\b|\bpolish\s+zlot[ys]\b)/iu],
  ['HUF', /(?:\bhuf\b|\bforints?\b)/iu],
  ['RON', /(?:\bron\b(?=\s*\d)|\blei\b|\bromanian\s+lei\b)/iu],
  ['ISK', /(?:\bisk\b|\bicelandic\s+kr[óo]n)/iu],
];

/** The currency named in a text ("USD", "dollars US", "€", "dirhams"), or null. */
export function detectCurrency(text: string | undefined | null): string | null {
  if (!text) return null;
  let best: { code: string; index: number } | null = null;
  for (const [code, re] of CURRENCIES) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { code, index: m.index };
  }
  return best?.code ?? null;
}

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:milliards?|billions?|bn|mrds?|mds?)\b/i, 1e9],
  [/^(?:millions?|mio|mln|m)(?![\p{L}])/iu, 1e6],
  [/^(?:mille|thousand|k)(?![\p{L}])/iu, 1e3],
];

function multiplierOf(word: string | undefined): number {
  if (!word) return 1;
  for (const [re, k] of MULTIPLIERS) if (re.test(word)) return k;
  return 1;
}

/**
 * A number as written, with French or English separators: "300000.00", "300,000.00",
 * "1 200 000", "1.200.000", "2,5" (decimal when a multiplier follows), "9.5".
 */
export function parseAmountNumber(raw: string, hasMultiplier = false): number | null {
  const s = raw.replace(/[\s\u00a0\u202f\u2009'’]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const dec = lastComma > lastDot ? ',' : '.';
    const thou = dec === ',' ? '.' : ',';
    normalized = s.split(thou).join('').replace(dec, '.');
  } else {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = s.split(sep);
    if (parts.length > 2) {
      if (!parts.slice(1).every((p) => p.length === 3)) return null;
      normalized = parts.join('');
    } else if (parts[1]!.length === 3 && !hasMultiplier) {
      normalized = parts.join('');
    } else {
      normalized = `${parts[0]}.${parts[1]}`;
    }
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f.,'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const MULT = String.raw`milliards?|billions?|bn|mrds?|millions?|mio|mln|m|mille|thousand|k`;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * An amount as written, with its currency from the text itself or else from the label it came
 * under (`hint.label`, e.g. "Budget Amount (USD)"). Null when there is no number, no currency, or
 * the amount is zero (sheets write 0.00 for an undisclosed budget).
 */
export function parseMoney(raw: string | null | undefined, hint?: { label?: string }): Money | null {
  if (!raw) return null;
  const text = collapseWs(raw);
  const re = new RegExp(String.raw`(?<![\d.,])(${NUMBER})(?:\s*(${MULT})(?![\p{L}]))?`, 'iu');
  const m = re.exec(text);
  if (!m) return null;
  const k = multiplierOf(m[2]);
  // A lone "m" after a number is a multiplier only next to a currency ("1,2 M€", "$1.2M").
  const n = parseAmountNumber(m[1]!, k !== 1);
  if (n === null) return null;
  // "TRY 48,600,000 (approx. USD 2.5 million)": the currency of the amount, not of its equivalent in brackets.
  const own = text.replace(m[0], ' ').replace(/\((?:approx|about|environ|soit|around|ca\.?|i\.e\.|equivalent|équivalent|près de|roughly|some)[^)]*\)/giu, ' ');
  const currency = detectCurrency(own) ?? detectCurrency(text.replace(m[0], ' ')) ?? detectCurrency(hint?.label);
  if (!currency) return null;
  const amount = round2(n * k);
  if (amount === 0) return null;
  return { amount, currency, raw: raw.trim() };
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, quinze: 15, vingt: 20, cinquante: 50, cent: 100,
  one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20, fifty: 50, hundred: 100,
};

/**
 * Amounts with a currency in running text: "un montant global de 9.5 millions de dollars US",
 * "USD 1.2 million", "1 200 000 €", "MAD 500 000". Numbers without a currency are ignored.
 */
export function findMoneyInText(text: string): Money[] {
  const CUR_BEFORE = String.raw`usd|us\s?\$|eur|mad|chf|gbp|cad|sek|nok|dkk|jpy|xof|xaf|tnd|try|htg|cop|mxn|afn|lbp|jod|egp|etb|kes|ugx|ngn|ghs|iqd|php|bdt|lrd|czk|pln|huf|aud|€|\$|£|₺|₦|₱`;
  const CUR_AFTER = String.raw`(?:de\s+|d['’]\s*|of\s+)?(?:dollars?(?:\s+(?:us|u\.s\.|am[ée]ricains?|canadiens?|des\s+[ée]tats[-\s]unis))?|euros?|dirhams?|dhs?|francs?\s+suisses?|livres?\s+sterling|couronnes?\s+(?:norv[ée]giennes?|su[ée]doises?|danoises?)|norwegian\s+kroner|swedish\s+kronor|danish\s+kroner|francs?\s+cfa|f\s?cfa|xof|dinars?\s+tunisiens?|tunisian\s+dinars?|tnd|yens?|gourdes?|turkish\s+lira|afghanis?|naira|cedis?|birr|taka|usd|eur|mad|chf|gbp|cad|sek|nok|dkk|jpy|xaf|htg|try|cop|mxn|afn|lbp|jod|egp|etb|kes|ugx|ngn|ghs|iqd|bdt|lrd|czk|kč|pln|huf|aud|us\s?\$|€|\$|£)`;
  const before = new RegExp(
    String.raw`(?<![\p{L}\d])(${CUR_BEFORE})\s*(${NUMBER})(?:\s*(${MULT})(?![\p{L}]))?`,
    'giu',
  );
  const after = new RegExp(
    String.raw`(?<![\d.,])(${NUMBER})(?:\s*(${MULT})(?![\p{L}]))?\s*${CUR_AFTER}(?![\p{L}])`,
    'giu',
  );
  const hits: Array<{ index: number; end: number; money: Money }> = [];
  const push = (index: number, len: number, num: string, mult: string | undefined, curText: string) => {
    const k = multiplierOf(mult);
    const n = parseAmountNumber(num, k !== 1);
    const currency = detectCurrency(curText);
    if (n === null || !currency) return;
    const amount = round2(n * k);
    if (amount === 0) return;
    hits.push({ index, end: index + len, money: { amount, currency, raw: collapseWs(text.slice(index, index + len)) } });
  };
  for (const m of text.matchAll(before)) push(m.index!, m[0].length, m[2]!, m[3], m[1]!);
  // "deux millions d'euros", "three million dollars": a number in words before a multiplier.
  const words = new RegExp(String.raw`(?<![\p{L}])(${Object.keys(NUMBER_WORDS).join('|')})\s+(millions?|milliards?|billions?|million)\s*${CUR_AFTER}(?![\p{L}])`, 'giu');
  for (const m of text.matchAll(words)) push(m.index!, m[0].length, String(NUMBER_WORDS[m[1]!.toLowerCase()]), m[2], m[0].slice(m[1]!.length + 1 + m[2]!.length));
  for (const m of text.matchAll(after)) push(m.index!, m[0].length, m[1]!, m[2], m[0].slice(m[1]!.length));
  hits.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: Money[] = [];
  let lastEnd = -1;
  for (const h of hits) {
    if (h.index < lastEnd) continue;
    out.push(h.money);
    lastEnd = h.end;
  }
  return out;
}

/** The amount in US dollars when the money is in US dollars; null otherwise (no exchange rates). */
export function toUsd(money: Money | null | undefined): number | null {
  return money && money.currency === 'USD' ? money.amount : null;
}
