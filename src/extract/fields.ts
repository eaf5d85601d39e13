// Label/value fields in any layout a page leaves in its text:
//   "Label: value" on one line ("Donor:" with nothing after it gives nothing);
//   a label line, then its value line (with "-" separator lines between, as scraped sheets have);
//   a block of labels, then a block of values in the same order (what PDF extraction leaves of a
//   fact box, and HTML tables read row by row: a header row, then one row per project).
// Labels come from data/labels.json (French and English). A label the reader does not know is
// skipped with its value and counted, never the end of the fields.
import labelData from './data/labels.json' with { type: 'json' };
import { foldKey, isSentence, type Line } from './lines.js';
import { parseDateRange, findMoneyInText, findCountriesInText, parseMoney, resolveCountry } from '../normalize/index.js';

/** A value one of whose parts is a country's name ("Lac Province (…), Chad"). */
function namesCountry(t: string): boolean {
  return t
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s*[,;/|]\s*|\s+(?:and|et|&)\s+/u)
    .some((p) => !!resolveCountry(p.trim()));
}

export type FieldKey = 'title' | 'donor' | 'period' | 'start' | 'end' | 'budget' | 'budgetPart' | 'country' | 'partner' | 'status' | 'projectId' | 'other';

const LABELS = new Map<string, FieldKey>();
for (const [key, list] of Object.entries(labelData)) {
  if (key.startsWith('_') || !Array.isArray(list)) continue;
  for (const label of list) LABELS.set(foldKey(label), key as FieldKey);
}

/** The field a label names, or undefined: "Bailleur de fonds :" -> donor; "Montant du budget (USD)" -> budget. */
export function labelKey(text: string): FieldKey | undefined {
  if (!text || text.length > 70) return undefined;
  let k = foldKey(text)
    .replace(/\s*[:：*]+\s*$/, '')
    .replace(/^[•\-–—]\s*/, '')
    .trim();
  const hit = LABELS.get(k);
  if (hit) return hit;
  k = k.replace(/\s*\([^)]*\)$/, '').trim();
  const bare = LABELS.get(k);
  if (bare) return bare;
  // "dont contribution de l'Union européenne", "Total amount drawn from the Trust Fund": a share of the money and who gives it.
  if (/^(?:dont\s+|of\s+which\s+)?(?:total\s+)?(?:contribution|montant|amount|part|share|financement|funding)\b.{0,40}\b(?:de|du|des|from|of|by|par)\b/.test(k) && k.split(' ').length <= 9) return 'budgetPart';
  // "EU funding", "Swiss contribution", "UK grant": a funder's share named before the word.
  if (/^[\p{L}.'’-]{2,20}(?:\s[\p{L}.'’-]{2,20})?\s+(?:funding|contribution|financing|grant|allocation)$/u.test(k)) return 'budgetPart';
  return undefined;
}

export interface Field {
  key: FieldKey;
  /** The label as written. */
  label: string;
  value: string;
  /** Index in the lines of the value (of the label when the value is on the label's line). */
  at: number;
  /** Index in the lines of the label. */
  labelAt?: number;
  /** The line(s) the value was read from, for provenance. */
  evidence: string;
}

export interface FieldScan {
  fields: Field[];
  /** Indexes of the lines that were labels or values. */
  used: Set<number>;
  /** Labels that were skipped because the reader does not know them. */
  unknown: number;
  /** Column blocks read as a table: one list of fields per row. */
  rows: Field[][];
}

const isSeparator = (s: string) => /^[-–—|]$/.test(s);
const isBlankish = (s: string) => !s || isSeparator(s);

/** "Label: value" with a label the reader knows; value may be empty. */
function colonField(text: string): { key: FieldKey; label: string; value: string } | undefined {
  const m = /^([^:：]{2,70}?)\s*[:：]\s*(.*)$/u.exec(text);
  if (!m) return undefined;
  const key = labelKey(m[1]!);
  if (!key) return undefined;
  return { key, label: m[1]!.trim(), value: m[2]!.trim() };
}

/** A line that is a label alone ("Donor", "Durée :"). */
function wholeLabel(text: string): FieldKey | undefined {
  if (/[:：]\s*\S/u.test(text)) return undefined;
  // A list item alone ("- Pays", "- Projects") is a menu entry, not a label.
  if (/^[-•]\s/u.test(text)) return undefined;
  return labelKey(text);
}

function isLabelLine(text: string): boolean {
  return !!wholeLabel(text) || !!colonField(text);
}

/** Short "Something:" or "Something: value" lines that look like a label the reader does not know. */
function unknownColonLabel(text: string): boolean {
  return /^[\p{Lu}][\p{L} '’/()-]{1,40}\s*:(?:\s|$)/u.test(text) && !colonField(text);
}

/** A line that ends a block of values: prose, a heading followed by prose, a footer. */
function endsValues(lines: Line[], i: number): boolean {
  const t = lines[i]!.text;
  if (!t) return false;
  if (isLabelLine(t)) return true;
  if (isSentence(t) || t.length > 160) return true;
  const next = lines.slice(i + 1).find((l) => l.text);
  return !!next && (isSentence(next.text) || next.text.length > 160) && t.length <= 60 && !/\d/.test(t);
}

/** The end of a table's rows: prose or a label (a short cell above prose is still a cell). */
function endsRows(lines: Line[], i: number): boolean {
  const t = lines[i]!.text;
  return !!t && (isLabelLine(t) || isSentence(t) || t.length > 160);
}

/**
 * Reads every field of lines[from, to). A value line is never also read as a label, and a label
 * whose value is empty gives no field.
 */
export function scanFields(lines: Line[], from = 0, to = lines.length): FieldScan {
  const fields: Field[] = [];
  const rows: Field[][] = [];
  const used = new Set<number>();
  let unknown = 0;
  let i = from;
  const nextContent = (j: number) => {
    while (j < to && isBlankish(lines[j]!.text)) j++;
    return j;
  };
  while (i < to) {
    const t = lines[i]!.text;
    if (isBlankish(t)) {
      i++;
      continue;
    }
    const inline = colonField(t);
    if (inline) {
      used.add(i);
      let value = inline.value;
      let evidence = t;
      if (!value) {
        // "Donor:" alone: its value may be on the next line, unless that line is a label itself.
        const j = nextContent(i + 1);
        if (j < to && !isLabelLine(lines[j]!.text) && !unknownColonLabel(lines[j]!.text) && !isSentence(lines[j]!.text) && lines[j]!.text.length <= 160) {
          value = lines[j]!.text;
          evidence = `${t} ${value}`;
          used.add(j);
          i = j;
        }
      }
      if (value) fields.push({ key: inline.key, label: inline.label, value, at: i, labelAt: i, evidence });
      i++;
      continue;
    }
    const key = wholeLabel(t);
    if (!key) {
      if (unknownColonLabel(t)) unknown++;
      i++;
      continue;
    }
    // A run of label lines: one label (its value follows) or a column block.
    const run: Array<{ at: number; key: FieldKey; label: string }> = [{ at: i, key, label: t.replace(/\s*:$/, '') }];
    let j = nextContent(i + 1);
    while (j < to && wholeLabel(lines[j]!.text)) {
      run.push({ at: j, key: wholeLabel(lines[j]!.text)!, label: lines[j]!.text.replace(/\s*:$/, '') });
      j = nextContent(j + 1);
    }
    for (const r of run) used.add(r.at);
    if (run.length === 1) {
      if (j < to && !isLabelLine(lines[j]!.text) && !isSentence(lines[j]!.text) && lines[j]!.text.length <= 200) {
        const value = lines[j]!.text;
        used.add(j);
        fields.push({ key, label: run[0]!.label, value, at: j, labelAt: i, evidence: `${run[0]!.label}: ${value}` });
        i = j + 1;
        // An unknown label and its value may follow ("Gender marker" / "2a"), then a known label:
        // the loop skips both (they are not labels it knows); they are counted for the warning.
        const k = nextContent(i);
        const k2 = k < to ? nextContent(k + 1) : to;
        const k3 = k2 < to ? nextContent(k2 + 1) : to;
        if (k3 < to && !isLabelLine(lines[k]!.text) && !isLabelLine(lines[k2]!.text) && isLabelLine(lines[k3]!.text) && lines[k]!.text.length <= 40 && !/\d/.test(lines[k]!.text) && !isSentence(lines[k2]!.text)) {
          unknown++;
        }
      } else i = j;
      continue;
    }
    // Column block: the values follow the labels, up to prose, a label or a heading. A table of
    // projects (its first column a title) may end on a short cell right above prose.
    const k = run.length;
    const collect = (strict: boolean) => {
      const out: number[] = [];
      let v = j;
      while (v < to && !(strict ? endsValues(lines, v) : endsRows(lines, v))) {
        if (!isBlankish(lines[v]!.text)) out.push(v);
        v++;
      }
      return { out, v };
    };
    const loose = collect(false);
    const strict = collect(true);
    const asRows = run[0]!.key === 'title' && loose.out.length >= k && loose.out.length % k === 0;
    const { out: values, v } = asRows ? loose : strict;
    for (const x of values) used.add(x);
    if (asRows) {
      for (let r = 0; r < values.length / k; r++) {
        const row: Field[] = [];
        run.forEach((lab, c) => {
          const at = values[r * k + c]!;
          const value = lines[at]!.text;
          row.push({ key: lab.key, label: lab.label, value, at, labelAt: lab.at, evidence: `${lab.label}: ${value}` });
        });
        rows.push(row);
      }
    } else {
      fields.push(...assignColumns(run, values.map((x) => ({ at: x, text: lines[x]!.text }))).map((f) => ({ ...f, labelAt: run[0]!.at })));
    }
    i = v;
  }
  return { fields, used, unknown, rows };
}

/**
 * Values of a column block given to their labels. When there are as many values as labels they
 * go in order; otherwise (values wrap over several lines, a label has several values) each label
 * takes the value of its type: a period, an amount, countries; the others are left out.
 */
function assignColumns(run: Array<{ at: number; key: FieldKey; label: string }>, values: Array<{ at: number; text: string }>): Field[] {
  const out: Field[] = [];
  if (values.length === run.length) {
    run.forEach((lab, c) => out.push({ key: lab.key, label: lab.label, value: values[c]!.text, at: values[c]!.at, evidence: `${lab.label}: ${values[c]!.text}` }));
    return out;
  }
  const taken = new Set<number>();
  const take = (lab: { key: FieldKey; label: string }, pred: (t: string) => boolean, all = false) => {
    const hits = values.filter((v) => !taken.has(v.at) && pred(v.text));
    for (const h of all ? hits : hits.slice(0, 1)) {
      taken.add(h.at);
      out.push({ key: lab.key, label: lab.label, value: h.text, at: h.at, evidence: `${lab.label}: ${h.text}` });
    }
  };
  const isPeriod = (t: string) => /\d{4}/.test(t) && (() => {
    const r = parseDateRange(t);
    return !!(r.start || r.end);
  })();
  const isMoney = (t: string) => !!parseMoney(t) || findMoneyInText(t).length > 0;
  for (const lab of run) {
    if (lab.key === 'period' || lab.key === 'start' || lab.key === 'end') take(lab, isPeriod);
    else if (lab.key === 'budget' || lab.key === 'budgetPart') take(lab, isMoney);
  }
  for (const lab of run) {
    if (lab.key === 'country') take(lab, (t) => (findCountriesInText(t).length > 0 || namesCountry(t)) && !isMoney(t), true);
  }
  return out;
}
