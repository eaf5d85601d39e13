// Line and sentence helpers shared by the four page extractors. Every extractor works on
// numbered lines of the repaired text, so a draft can say which lines it came from.

export interface Line {
  /** 1-based line number in doc.text. */
  n: number;
  /** The line with spaces collapsed (NBSP, tabs) and trimmed; '' for a blank line. */
  text: string;
}

/** Bullets that open a list item or a project in a PDF text layer. */
export const BULLET_RE = /^[•●▪■◦‣∙]\s*/u;

/** Sentence-final punctuation at the end of a line (closing quotes and brackets allowed after it). */
const TERMINAL_RE = /[.!?…:;][»”"’')\]]*$|[»”"’)]$/u;

const UPPER = 'A-ZÀ-ÖØ-ÞŒ';
export const LOWER_START_RE = /^[a-zß-öø-ÿœ]/u;

export function cleanText(s: string): string {
  return s
    .replace(/[\u00a0\u202f\u2007\t\f\v]/g, ' ')
    .replace(/[\u200b\u00ad\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function toLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => ({ n: i + 1, text: cleanText(raw) }));
}

/** Case-, accent- and apostrophe-insensitive form, for comparing labels and names. */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/\s+/g, ' ')
    .trim();
}

export function endsSentence(s: string): boolean {
  return TERMINAL_RE.test(s);
}

/** A line of running prose: long enough and closed by punctuation. Menus, labels and headings are not. */
export function isProse(s: string): boolean {
  return s.length >= 60 && endsSentence(s);
}

/**
 * A line of running prose for the general reader: long and closed by sentence punctuation. A
 * long title or a name ending with ")" ("… au Maroc (phase 42)", "… Office (FCDO)") is not prose.
 */
export function isSentence(s: string): boolean {
  return s.length >= 60 && /[.!?…;:][»”"’')\]]*$/u.test(s);
}

/**
 * Joins the lines of one paragraph. A line that ends "lettre-" followed by a lowercase line is
 * glued without a space but keeps its hyphen ("fi-" + "nancé" -> "fi-nancé"): the hyphen may be a
 * real one ("sous-" + "région"), and removing line-break hyphens is the repair stage's decision.
 */
export function joinLines(parts: string[]): string {
  let out = '';
  // `out` ends with the last part joined: test that part, not `out` (testing or slicing the whole
  // growing string flattens it each time, and a 10 MB page took minutes)
  let last = '';
  for (const p of parts) {
    if (!p) continue;
    if (!out) out = p;
    else if (/\p{L}-$/u.test(last) && LOWER_START_RE.test(p)) out += p;
    else out += ' ' + p;
    last = p;
  }
  return out;
}

/** How the document's lines were laid out: one paragraph per line (scrape, HTML) or wrapped PDF lines. */
export interface Layout {
  wrapped: boolean;
  /** Full-line width of a wrapped document (98th percentile of the lengths of its 60-130 character lines). */
  width: number;
}

export function detectLayout(lines: Line[]): Layout {
  // A PDF text layer has most of its lines near one width (repair may have joined a few across a
  // line-break hyphen); a scrape or an HTML page has its paragraphs on long lines (menus and
  // labels, short either way, say nothing).
  const lengths = lines.map((l) => l.text.length).filter((n) => n >= 60);
  const fitting = lengths.filter((n) => n <= 130).sort((a, b) => a - b);
  if (lengths.length < 10 || fitting.length / lengths.length < 0.5) return { wrapped: false, width: 0 };
  return { wrapped: true, width: fitting[Math.floor(fitting.length * 0.98)]! };
}

/**
 * Groups content lines into paragraphs. A paragraph ends at a line closed by punctuation, unless
 * the document is wrapped, no blank line follows and the line is full (the next line's first word
 * would not have fitted on it: the margin ended it, not the author). A paragraph whose last line
 * happens to be full is joined to the next one: the text layer does not say more. Lines that end mid-sentence are joined to the next one whatever lies between (a page
 * break in a PDF, a column break in a scrape). A bullet line always opens a paragraph.
 */
export function toParagraphs(lines: Line[], layout: Layout): string[] {
  const paras: string[][] = [];
  let cur: string[] = [];
  let blankBefore = false;
  let prev = '';
  for (const l of lines) {
    if (!l.text) {
      blankBefore = true;
      continue;
    }
    const startsNew =
      cur.length === 0 ||
      BULLET_RE.test(l.text) ||
      (endsSentence(prev) && (blankBefore || !isFullLine(prev, l.text, layout)));
    if (startsNew && cur.length) {
      paras.push(cur);
      cur = [];
    }
    cur.push(l.text);
    prev = l.text;
    blankBefore = false;
  }
  if (cur.length) paras.push(cur);
  return paras.map(joinLines);
}

/** A wrapped line the margin ended: the next line's first word would not have fitted on it. */
function isFullLine(line: string, next: string, layout: Layout): boolean {
  return layout.wrapped && line.length <= layout.width && line.length + 1 + next.split(' ', 1)[0]!.length > layout.width;
}

/**
 * Splits prose into sentences at . ! ? … followed by a space and a capital, a digit, a quote
 * or a bullet. "migrant.e.s", "(PRM)" and "9.5 millions" stay whole.
 */
export function toSentences(text: string): string[] {
  return text
    .split(new RegExp(`(?<=[.!?…][»”")]?)\\s+(?=[«“"(•]?\\s*[${UPPER}0-9•])|\\s+(?=•)`, 'u'))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Uppercases the first letter only: "chemin de la réussite" -> "Chemin de la réussite". */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);
}

/** "MIGRATION ET DÉVELOPPEMENT" -> "Migration et développement". */
export function sentenceCase(s: string): string {
  return capitalize(s.toLocaleLowerCase('fr'));
}

/** Text of a block for draft.text: its non-blank lines, one per line. */
export function blockText(lines: Line[]): string {
  return lines
    .map((l) => l.text)
    .filter(Boolean)
    .join('\n');
}
