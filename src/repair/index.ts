// repairText: the repair stage, RawDocument.text -> clean text + an audit trail of changes.
//
// Order: character fixes (mojibake, ligature code points, NFC, spaces) -> line-end hyphen joins
// (these merge lines) -> glued blocks split (these add lines) -> soft hyphens -> inline hyphen
// joins -> lost ligature sequences. Structure changes come before word changes, so that every
// RepairChange.line can be given in the output's numbering. The lexicon is loaded on the first
// call, never at import: `iom query` and `ingest`'s import of this module stay cheap.
import type { RawDocument, RepairChange, RepairResult, RepairedDocument } from '../types.js';
import { LIGATURE_SEQUENCES, generateCandidates } from './candidates.js';
import { CHARACTER_FIXES, removeSoftHyphens } from './fixes.js';
import { splitGluedDetailed } from './glue.js';
import { hyphenCounts, joinBrokenDatesDetailed, joinBrokenWordsDetailed, joinLinesDetailed, joinWordsDetailed } from './hyphens.js';
import type { WordJudge } from './judge.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { applyWordFixes, planLigatureRepairs } from './ligatures.js';
import { accentPoor, accentRestorable, planAccentRepairs } from './accents.js';
import { planOcrRepairs } from './ocr.js';

export interface RepairOptions {
  /** Ligature sequences the text lost, e.g. ["ti", "tt"]; inferred from the text when absent. */
  lost?: string[];
}

/**
 * Applies a line-local fix to the whole text at once (most texts need none of them), then, if
 * it changed anything, line by line and chunk by chunk (chunks split on spaces/tabs) to report
 * what changed. No character fix adds or removes a line break.
 */
type Report = (line: number, before: string, after: string, rule: string, confidence: number) => void;

function fixText(text: string, lines: string[], rule: string, fix: (s: string) => string, change: Report): string {
  const fixed = fix(text);
  if (fixed === text) return text;
  lines.forEach((line, n) => {
    const after = fix(line);
    if (after === line) return;
    for (const chunk of line.split(/[ \t]+/)) {
      const changed = fix(chunk);
      if (changed !== chunk) change(n, chunk, changed, rule, 1);
    }
    lines[n] = after;
  });
  return fixed;
}

/**
 * How often the document writes a form, for hyphen decisions. Hyphenated forms are counted by
 * hyphenCounts' scan; any other form is searched for when first asked about (rarely: a joined
 * form that is not a word, such as "SALEMM"). An elided occurrence ("l’Organisation") counts.
 */
function formCounter(lines: readonly string[]): (form: string) => number {
  let hyphenated: Map<string, number> | undefined;
  let text: string | undefined;
  const others = new Map<string, number>();
  return (form) => {
    if (form.includes('-') || form.includes('\u2010')) return (hyphenated ??= hyphenCounts(lines)).get(form) ?? 0;
    let n = others.get(form);
    if (n === undefined) {
      text ??= lines.join('\n');
      n = 0;
      // Callers only ask "is it there?": the first whole-word occurrence answers.
      for (let at = text.indexOf(form); at >= 0 && n === 0; at = text.indexOf(form, at + form.length)) {
        if (!wordish(text.charCodeAt(at - 1)) && !wordish(text.charCodeAt(at + form.length))) n++;
      }
      others.set(form, n);
    }
    return n;
  };
}

/** A letter, mark or hyphen next to a match means it is part of a longer word. */
function wordish(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
  return c === 0x2010 || /[\p{L}\p{M}]/u.test(String.fromCharCode(c));
}

function makeJudge(lex: Lexicon, docCount: (form: string) => number, restorableSeqs: readonly string[], accentsMaybeLost: boolean): WordJudge {
  const restorable = new Map<string, boolean>();
  return {
    known: (w) => {
      const i = lex.info(w);
      return i.fr || (i.en && i.enRank > 0) || (i.frFreq && i.frRank > 0);
    },
    restorable: (w) => {
      if (w.length < 4) return false;
      let r = restorable.get(w);
      if (r === undefined) {
        r = (restorableSeqs.length > 0 && generateCandidates(lex, w, restorableSeqs, 2).some((c) => lex.info(c.word).frRank > 0)) || (accentsMaybeLost && accentRestorable(lex, w));
        restorable.set(w, r);
      }
      return r;
    },
    docCount,
  };
}

export function repairText(text: string, opts: RepairOptions = {}): RepairResult {
  const lex = loadLexicon();
  // Changes in their final shape; `line` is 0-based in the current lines until the end.
  const changes: RepairChange[] = [];
  const change = (line: number, before: string, after: string, rule: string, confidence: number) =>
    changes.push({ line, before, after, rule, confidence });
  let whole = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let lines = whole.split('\n');
  for (const [rule, fix] of CHARACTER_FIXES) whole = fixText(whole, lines, rule, fix, change);

  // Line-end hyphens. Lines merge: the changes made so far follow their line.
  const poor = accentPoor(whole);
  const judge = makeJudge(lex, formCounter(lines), opts.lost ?? LIGATURE_SEQUENCES, poor);
  const joined = joinLinesDetailed(lines, judge);
  for (const c of changes) c.line = joined.map[c.line]!;
  for (const j of joined.joins) change(j.line, j.before, j.after, 'joinHyphenatedLines', j.after.includes('-') ? 0.7 : 0.9);
  lines = joined.lines;

  // Dates, periods and "Fonds :" lines cut by a line break.
  const dated = joinBrokenDatesDetailed(lines);
  if (dated.joins.length) {
    for (const c of changes) c.line = dated.map[c.line]!;
    for (const j of dated.joins) change(j.line, j.before, j.after, 'joinBrokenDates', 0.8);
    lines = dated.lines;
  }

  // Glued blocks. Lines split: a change goes to the part that holds its new text.
  const byLine = new Map<number, RepairChange[]>();
  for (const c of changes) {
    const list = byLine.get(c.line);
    if (list) list.push(c);
    else byLine.set(c.line, [c]);
  }
  const split: string[] = [];
  lines.forEach((line, n) => {
    const first = split.length;
    const { text: t, splits } = splitGluedDetailed(line, judge);
    if (splits.length === 0) {
      for (const c of byLine.get(n) ?? []) c.line = first;
      split.push(line);
      return;
    }
    const parts = t.split('\n');
    const partOf = (s: string) => first + Math.max(0, parts.findIndex((p) => p.includes(s.split('\n')[0]!)));
    for (const c of byLine.get(n) ?? []) c.line = partOf(c.after);
    for (const g of splits) change(partOf(g.after), g.before, g.after, 'splitGluedWords', 0.8);
    split.push(...parts);
  });
  lines = split;

  if (lines.some((l) => /[\u00AD\u200B\u2060\uFEFF]/.test(l))) fixText('\u00AD', lines, 'removeSoftHyphens', removeSoftHyphens, change);

  // Inline hyphens: "connuelle-ment" is joined if a lost sequence would make it a word.
  const decided = new Map<string, string>();
  lines = lines.map((line, n) => {
    if (!line.includes('-') && !line.includes('\u2010')) return line;
    const r = joinWordsDetailed(line, judge, decided);
    for (const j of r.joins) change(n, j.before, j.after, 'joinHyphenatedWords', 0.85);
    return r.line;
  });

  // Words cut at a line end whose hyphen was lost with a space left ("Gouvern ement").
  const broken = new Map<string, number>();
  // In a text that may have lost its accents, "progres" is a word ("progres seront" stays).
  const alsoWord = poor ? (w: string) => accentRestorable(lex, w) : undefined;
  lines = lines.map((line, n) => {
    const r = joinBrokenWordsDetailed(line, judge, broken, alsoWord);
    for (const j of r.joins) change(n, j.before, j.after, 'joinBrokenWords', 0.8);
    return r.line;
  });

  // Accents and apostrophes lost (stripped, dropped by a font map), where the document shows it.
  const accents = planAccentRepairs(lines, lex);
  if (accents.fixes.length) {
    for (const f of accents.fixes) change(f.line, f.shown?.[0] ?? f.before, f.shown?.[1] ?? f.after, f.rule, f.confidence);
    lines = applyWordFixes(lines, accents.fixes);
  }

  let unresolved: string[] = [];
  let lostSequences: string[] = [];
  if (!opts.lost || opts.lost.length > 0) {
    const plan = planLigatureRepairs(lines, lex, { lost: opts.lost, doc: accents.fixes.length ? undefined : accents.doc });
    for (const f of plan.fixes) change(f.line, f.before, f.after, 'restoreLostLigatures', f.confidence);
    lines = applyWordFixes(lines, plan.fixes);
    unresolved = plan.unresolved;
    lostSequences = plan.lostSequences;
  }

  // OCR errors (digits for letters and back, glued words, "ç" read as a capital), where the
  // document shows them; last, so that words other stages restore are not taken for glued ones.
  const ocr = planOcrRepairs(lines, lex, accents.doc);
  if (ocr.fixes.length) {
    for (const f of ocr.fixes) change(f.line, f.before, f.after, f.rule, f.confidence);
    lines = applyWordFixes(lines, ocr.fixes);
  }

  changes.sort((a, b) => a.line - b.line);
  for (const c of changes) c.line += 1;
  return { text: lines.join('\n'), changes, unresolved, lostSequences };
}

export function repairDocument(doc: RawDocument, opts: RepairOptions = {}): RepairedDocument {
  const repair = repairText(doc.text, opts);
  return { ...doc, rawText: doc.text, text: repair.text, repair };
}

export { loadLexicon } from './lexicon.js';
export * from './fixes.js';
export { joinHyphenatedLines, joinHyphenatedWords } from './hyphens.js';
export { splitGluedWords } from './glue.js';
export { restoreLostLigatures } from './ligatures.js';
