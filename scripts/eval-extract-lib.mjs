// Scoring library of `npm run eval:extract` (issue 11): field-by-field precision and recall of
// what iom extracts from the real-shaped pages of fixtures/pages/{tune,holdout}/, against the
// hand-written <name>.expected.json beside each page. Pure functions, no I/O except loadCorpus
// and runCorpus (which is given parseFile, so the tests can hand it anything).
//
// Matching (fixtures/pages/README.md, the cross-helper contract):
// - a predicted project is matched to an expected one by title similarity: token Jaccard on
//   folded words >= 0.5, or the same acronym (either side's acronym equal to the other's
//   acronym or to its whole folded title); pairs are taken best first, each project once;
// - per field: title (folded equality), each donor (registry code, or "?Name" against an
//   unknown donor of the same folded name), start, end, budget (amount AND currency), each
//   country (ISO alpha-2);
// - precision = right / predicted, recall = right / expected; an unmatched predicted project
//   counts against the precision of every field it carries, an unmatched expected one against
//   the recall of every field it has;
// - "fields right" = F1 over all fields pooled.

import fs from 'node:fs';
import path from 'node:path';

export const FIELDS = ['title', 'donors', 'start', 'end', 'budget', 'countries'];
export const SPLITS = ['tune', 'holdout'];
export const PAGE_EXTS = ['.html', '.htm', '.txt', '.pdf'];
export const DEFAULT_TODAY = '2026-11-01';
export const MATCH_THRESHOLD = 0.5;

// ---------------------------------------------------------------------------------------------
// Folding

/** Lower case, no accents, letters and digits only, one space between words. */
export function fold(s) {
  if (s == null) return '';
  return String(s)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function tokens(s) {
  const f = fold(s);
  return f ? f.split(' ') : [];
}

/** Token Jaccard of two titles (folded words, as sets). */
export function titleSimilarity(a, b) {
  const A = new Set(tokens(a));
  const B = new Set(tokens(b));
  if (A.size === 0 || B.size === 0) return 0;
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  return inter / (A.size + B.size - inter);
}

// ---------------------------------------------------------------------------------------------
// Field values, as comparable keys

/** Expected project (golden format) -> { title, acronym, fields: { field: string[] } }. */
export function expectedKeys(p) {
  return {
    title: p.title ?? '',
    acronym: p.acronym ?? null,
    fields: {
      title: p.title ? [fold(p.title)] : [],
      donors: uniq((p.donors ?? []).map(donorKeyExpected)),
      start: p.start ? [String(p.start)] : [],
      end: p.end ? [String(p.end)] : [],
      budget: p.budget ? [budgetKey(p.budget.amount, p.budget.currency)] : [],
      countries: uniq((p.countries ?? []).map((c) => String(c).toUpperCase())),
    },
  };
}

/** ProjectRecord (iom's output) -> the same shape. */
export function predictedKeys(r) {
  return {
    title: r.title ?? '',
    acronym: r.acronym ?? null,
    fields: {
      title: r.title && r.title.trim() ? [fold(r.title)] : [],
      donors: uniq((r.donors ?? []).map(donorKeyPredicted).filter(Boolean)),
      start: r.start ? [String(r.start)] : [],
      end: r.end ? [String(r.end)] : [],
      budget: r.budget && r.budget.amount != null ? [budgetKey(r.budget.amount, r.budget.currency)] : [],
      countries: uniq((r.countries ?? []).map((c) => String(c.code ?? c).toUpperCase())),
    },
  };
}

export function donorKeyExpected(d) {
  const s = String(d);
  return s.startsWith('?') ? `?${fold(s.slice(1))}` : s.toUpperCase();
}

export function donorKeyPredicted(d) {
  if (typeof d === 'string') return donorKeyExpected(d);
  if (d.code) return String(d.code).toUpperCase();
  const name = d.name || d.raw || '';
  return name ? `?${fold(name)}` : null;
}

export function budgetKey(amount, currency) {
  const n = Number(amount);
  const a = Number.isFinite(n) ? String(Math.round(n * 100) / 100) : String(amount);
  return `${a} ${String(currency ?? '').toUpperCase()}`;
}

function uniq(xs) {
  return [...new Set(xs)];
}

// ---------------------------------------------------------------------------------------------
// Matching

function acronymMatch(e, p) {
  const ea = e.acronym ? fold(e.acronym) : '';
  const pa = p.acronym ? fold(p.acronym) : '';
  if (ea && pa && ea === pa) return true;
  if (ea && fold(p.title) === ea) return true;
  if (pa && fold(e.title) === pa) return true;
  return false;
}

/**
 * Pairs expected and predicted projects (arrays of *Keys objects).
 * Returns { pairs: [[ei, pi, score]], unmatchedExpected: [ei], unmatchedPredicted: [pi] }.
 */
export function matchProjects(expected, predicted, threshold = MATCH_THRESHOLD) {
  const cands = [];
  for (const [ei, e] of expected.entries()) {
    for (const [pi, p] of predicted.entries()) {
      const sim = titleSimilarity(e.title, p.title);
      const score = Math.max(sim, acronymMatch(e, p) ? 1 : 0);
      if (score >= threshold) cands.push([ei, pi, score]);
    }
  }
  cands.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const usedE = new Set();
  const usedP = new Set();
  const pairs = [];
  for (const c of cands) {
    if (usedE.has(c[0]) || usedP.has(c[1])) continue;
    usedE.add(c[0]);
    usedP.add(c[1]);
    pairs.push(c);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return {
    pairs,
    unmatchedExpected: expected.map((_, i) => i).filter((i) => !usedE.has(i)),
    unmatchedPredicted: predicted.map((_, i) => i).filter((i) => !usedP.has(i)),
  };
}

// ---------------------------------------------------------------------------------------------
// Counting

export function emptyCounts() {
  const c = {};
  for (const f of FIELDS) c[f] = { right: 0, predicted: 0, expected: 0 };
  return c;
}

export function addCounts(into, from) {
  for (const f of FIELDS) {
    into[f].right += from[f].right;
    into[f].predicted += from[f].predicted;
    into[f].expected += from[f].expected;
  }
  return into;
}

/** Counts of one page: expected projects (golden) vs predicted records (ProjectRecord[]). */
export function scorePage(expectedProjects, predictedRecords) {
  const E = expectedProjects.map(expectedKeys);
  const P = predictedRecords.map(predictedKeys);
  const m = matchProjects(E, P);
  const counts = emptyCounts();
  const fields = []; // per matched pair, for --file
  for (const [ei, pi] of m.pairs) {
    const row = { expected: ei, predicted: pi, fields: {} };
    for (const f of FIELDS) {
      const ev = E[ei].fields[f];
      const pv = P[pi].fields[f];
      const es = new Set(ev);
      const right = pv.filter((v) => es.has(v)).length;
      counts[f].right += right;
      counts[f].predicted += pv.length;
      counts[f].expected += ev.length;
      row.fields[f] = { expected: ev, predicted: pv, right };
    }
    fields.push(row);
  }
  for (const ei of m.unmatchedExpected) for (const f of FIELDS) counts[f].expected += E[ei].fields[f].length;
  for (const pi of m.unmatchedPredicted) for (const f of FIELDS) counts[f].predicted += P[pi].fields[f].length;
  return { counts, match: m, pairs: fields, expectedKeys: E, predictedKeys: P };
}

export function prf(c) {
  const precision = c.predicted ? c.right / c.predicted : c.expected ? 0 : 1;
  const recall = c.expected ? c.right / c.expected : c.predicted ? 0 : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, right: c.right, predicted: c.predicted, expected: c.expected };
}

export function pooled(counts) {
  const all = { right: 0, predicted: 0, expected: 0 };
  for (const f of FIELDS) {
    all.right += counts[f].right;
    all.predicted += counts[f].predicted;
    all.expected += counts[f].expected;
  }
  return all;
}

/** Figures of a set of page results: { fields: { f: prf }, pooled: prf, pages, projects }. */
export function summarize(pageResults) {
  const counts = emptyCounts();
  let projects = 0;
  for (const r of pageResults) {
    addCounts(counts, r.counts);
    projects += r.expected.projects.length;
  }
  const fields = {};
  for (const f of FIELDS) fields[f] = prf(counts[f]);
  return { pages: pageResults.length, projects, fields, pooled: prf(pooled(counts)), counts };
}

// ---------------------------------------------------------------------------------------------
// Corpus

/** Pages of fixtures/pages/{tune,holdout}: [{ split, name, file, expectedFile, expected }]. */
export function loadCorpus(root) {
  const pages = [];
  for (const split of SPLITS) {
    const dir = path.join(root, split);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      const ext = path.extname(f).toLowerCase();
      if (!PAGE_EXTS.includes(ext)) continue;
      const name = f.slice(0, -ext.length);
      const expectedFile = path.join(dir, `${name}.expected.json`);
      if (!fs.existsSync(expectedFile)) throw new Error(`${path.join(dir, f)}: no ${name}.expected.json beside it`);
      const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
      validateExpected(expected, expectedFile);
      pages.push({ split, name, file: path.join(dir, f), expectedFile, expected });
    }
  }
  return pages;
}

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function validateExpected(e, where = 'expected') {
  const bad = (msg) => {
    throw new Error(`${where}: ${msg}`);
  };
  if (typeof e !== 'object' || e === null) bad('not an object');
  if (!['fr', 'en'].includes(e.lang)) bad(`lang must be "fr" or "en"`);
  if (typeof e.refused !== 'boolean') bad('refused must be true or false');
  if (!Array.isArray(e.projects)) bad('projects must be an array');
  if (e.refused && e.projects.length) bad('a refused page has no projects');
  if (!e.refused && !e.projects.length) bad('a page that is not refused has at least one project');
  for (const [i, p] of e.projects.entries()) {
    const at = `project ${i + 1}`;
    if (typeof p.title !== 'string' || !p.title.trim()) bad(`${at}: no title`);
    if (!Array.isArray(p.donors)) bad(`${at}: donors must be an array`);
    if (!Array.isArray(p.countries)) bad(`${at}: countries must be an array`);
    for (const c of p.countries) if (!/^[A-Z]{2}$/.test(c)) bad(`${at}: country "${c}" is not ISO alpha-2`);
    for (const k of ['start', 'end']) if (p[k] != null && !DATE_RE.test(p[k])) bad(`${at}: ${k} "${p[k]}" is not ISO`);
    if (p.budget != null && (typeof p.budget.amount !== 'number' || !/^[A-Z]{3}$/.test(p.budget.currency ?? ''))) {
      bad(`${at}: budget must be { amount: number, currency: ISO 4217 }`);
    }
  }
  return e;
}

/**
 * Runs parseFile on each page and scores it. parseFile(path, { today }) resolves to
 * { records } or throws (a refused page). Returns one result per page.
 */
export async function runCorpus(pages, parseFile, { today = DEFAULT_TODAY } = {}) {
  const results = [];
  const todayDate = new Date(`${today}T12:00:00Z`);
  for (const page of pages) {
    let records = [];
    let error = null;
    try {
      const parsed = await parseFile(page.file, { today: todayDate });
      records = parsed.records ?? [];
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const refused = error !== null;
    const { counts, match, pairs, expectedKeys: E, predictedKeys: P } = scorePage(page.expected.projects, records);
    results.push({ ...page, records, error, refused, counts, match, pairs, E, P });
  }
  return results;
}

/** The whole report: figures per split and for all, plus the pages refused or accepted wrongly. */
export function report(results) {
  const out = { splits: {}, refusedWithProject: [], acceptedWithoutProject: [] };
  for (const split of SPLITS) out.splits[split] = summarize(results.filter((r) => r.split === split));
  out.splits.all = summarize(results);
  for (const r of results) {
    const rel = `${r.split}/${path.basename(r.file)}`;
    if (!r.expected.refused && r.refused) out.refusedWithProject.push({ page: rel, reason: r.error });
    if (r.expected.refused && !r.refused) out.acceptedWithoutProject.push({ page: rel, records: r.records.map((x) => x.title) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text output

const pct = (x) => `${(x * 100).toFixed(1)}%`.padStart(6);

export function formatReport(rep) {
  const lines = [];
  const head = ['field'.padEnd(10)];
  const cols = [...SPLITS, 'all'];
  for (const s of cols) head.push(`${s} P`.padStart(9), 'R'.padStart(6), 'F1'.padStart(6));
  lines.push(head.join(' '));
  const row = (label, get) => {
    const cells = [label.padEnd(10)];
    for (const s of cols) {
      const v = get(rep.splits[s]);
      cells.push(pct(v.precision).padStart(9), pct(v.recall), pct(v.f1));
    }
    lines.push(cells.join(' '));
  };
  for (const f of FIELDS) row(f, (s) => s.fields[f]);
  row('pooled', (s) => s.pooled);
  lines.push('');
  for (const s of cols) {
    const x = rep.splits[s];
    lines.push(
      `${s}: ${x.pages} pages, ${x.projects} projects; fields right (pooled F1) ${pct(x.pooled.f1).trim()} ` +
        `(${x.pooled.right} right of ${x.pooled.predicted} predicted, ${x.pooled.expected} expected)`,
    );
  }
  lines.push('');
  lines.push(`pages refused that state a project: ${rep.refusedWithProject.length}`);
  for (const r of rep.refusedWithProject) lines.push(`  ${r.page}: ${r.reason}`);
  lines.push(`no-project pages accepted: ${rep.acceptedWithoutProject.length}`);
  for (const r of rep.acceptedWithoutProject) lines.push(`  ${r.page}: ${r.records.join(' | ')}`);
  return lines.join('\n');
}

/** JSON figures (no records): what `--json` prints. */
export function reportJson(rep) {
  const round = (v) => ({ ...v, precision: r4(v.precision), recall: r4(v.recall), f1: r4(v.f1) });
  const splits = {};
  for (const [s, x] of Object.entries(rep.splits)) {
    const fields = {};
    for (const f of FIELDS) fields[f] = round(x.fields[f]);
    splits[s] = { pages: x.pages, projects: x.projects, fields, pooled: round(x.pooled) };
  }
  return { splits, refusedWithProject: rep.refusedWithProject, acceptedWithoutProject: rep.acceptedWithoutProject };
}

const r4 = (x) => Math.round(x * 10000) / 10000;

/** One page, expected vs predicted side by side (for `--file`). */
export function formatPage(result) {
  const lines = [];
  lines.push(`${result.file} (${result.split}, ${result.expected.kind ?? '?'}, ${result.expected.lang})`);
  if (result.refused) lines.push(`REFUSED: ${result.error}`);
  if (result.expected.refused) lines.push('expected: no project (refused)');
  const show = (v) => (v.length ? v.join(', ') : '—');
  for (const pair of result.pairs) {
    const e = result.E[pair.expected];
    const p = result.P[pair.predicted];
    lines.push('');
    lines.push(`expected  #${pair.expected + 1}: ${e.title}${e.acronym ? ` [${e.acronym}]` : ''}`);
    lines.push(`predicted #${pair.predicted + 1}: ${p.title}${p.acronym ? ` [${p.acronym}]` : ''}`);
    for (const f of FIELDS) {
      const x = pair.fields[f];
      const ok = x.right === x.expected.length && x.right === x.predicted.length ? 'ok ' : 'XX ';
      lines.push(`  ${ok}${f.padEnd(10)} expected: ${show(x.expected).padEnd(40)} predicted: ${show(x.predicted)}`);
    }
  }
  for (const ei of result.match.unmatchedExpected) {
    const e = result.E[ei];
    lines.push('');
    lines.push(`MISSED expected #${ei + 1}: ${e.title}`);
    for (const f of FIELDS) lines.push(`     ${f.padEnd(10)} expected: ${show(e.fields[f])}`);
  }
  for (const pi of result.match.unmatchedPredicted) {
    const p = result.P[pi];
    lines.push('');
    lines.push(`EXTRA predicted #${pi + 1}: ${p.title}`);
    for (const f of FIELDS) lines.push(`     ${f.padEnd(10)} predicted: ${show(p.fields[f])}`);
  }
  const c = prf(pooled(result.counts));
  lines.push('');
  lines.push(`page: ${c.right} right, ${c.predicted} predicted, ${c.expected} expected (P ${pct(c.precision).trim()}, R ${pct(c.recall).trim()})`);
  return lines.join('\n');
}
