#!/usr/bin/env node
// Measures the repair stage on clean French text damaged the way PDF text layers damage it.
// Run with `npm run eval:repair` (builds dist/ first). Texts: the clean seeds (000, 001, 002,
// 004 and the clean half of 003) and ../shared/corpus/french/*.txt, read in place.
// Damage, one kind per mode (see MODES): A drops every "ti" and "tt", B every "fi", "fl", "ff", "ffi",
// "ffl" (then each f-family alone), C strips accents, D drops accented letters and apostrophes (a
// broken font map), E adds OCR noise, H loses some line-end hyphens leaving a space. Most modes then
// re-wrap lines at ~60 characters, hyphenating about half of the words cut at a line end with
// U+002D, U+2010, U+00AD or U+2011. Repair is NOT told what was lost. The seeds and the first two
// thirds of each corpus text are what the rules were tuned on; the last third is held out.
// Targets (judged on the held-out part): >= 98 % of damaged words restored for ligatures, >= 97 %
// for the other kinds, <= 0.1 % of correct words changed, > 2 MB/s of CPU time (wall time on a
// shared machine counts other people's work), lexicon loaded in < 100 ms.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { prng } from './prng.mjs';

const { repairText, loadLexicon } = await import('../dist/repair/index.js');
const lexicon = loadLexicon();

const seedsDir = new URL('../fixtures/seeds/', import.meta.url);
// The corpus is optional (it lives beside the repository, in ../shared, not in it): without it the
// figures come from the seeds alone, are said to, and are not judged against the targets.
const corpusDir = process.env.IOM_EVAL_CORPUS ? new URL(`file://${process.env.IOM_EVAL_CORPUS.replace(/\/?$/, '/')}`) : new URL('../../shared/corpus/french/', import.meta.url);
let corpusAbsent = false;

function texts() {
  const docs = [];
  for (const f of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const t = readFileSync(new URL(f, seedsDir), 'utf8');
    if (f.startsWith('003')) docs.push({ name: `seed ${f.slice(0, 3)} (clean half)`, part: 'tune', text: t.slice(t.indexOf('Citation preview') + 16).trim() });
    else docs.push({ name: `seed ${f.slice(0, 3)}`, part: 'tune', text: t });
  }
  let corpus = [];
  try {
    corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    corpusAbsent = true;
  }
  if (corpus.length === 0) {
    corpusAbsent = true;
    process.stderr.write(`eval-repair: the optional corpus ${corpusDir.pathname} is absent: measuring on the seeds only (set IOM_EVAL_CORPUS to a folder of clean French .txt files)\n`);
  }
  // Each corpus text: its first two thirds (by paragraphs) to tune on, the last third held out.
  // The held-out figures are the ones to report; its misses are not printed unless asked.
  for (const f of corpus) {
    const paras = readFileSync(new URL(f, corpusDir), 'utf8').split('\n');
    const cut = Math.round((paras.length * 2) / 3);
    const name = f.replace(/\.txt$/, '');
    docs.push({ name, part: 'tune', text: paras.slice(0, cut).join('\n') });
    docs.push({ name, part: 'holdout', text: paras.slice(cut).join('\n') });
  }
  // Composing accents (NFC) is one of the repairs: compare with the composed original.
  for (const d of docs) d.text = d.text.normalize('NFC');
  return docs;
}

// Each mode: a damage of the whole text (random: the mode's own PRNG) and whether the mode wraps
// lines with line-break hyphens afterwards. Which words a mode damaged is found by aligning the
// damaged text with the clean one (a word with no equal counterpart there is damaged).
const stripAccents = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
const MODES = {
  A: { label: 'A: ti, tt lost', damage: (t) => t.replace(/tt|ti/g, ''), wrap: true },
  B: { label: 'B: fi, fl, ff, ffi, ffl lost', damage: (t) => t.replace(/ffi|ffl|ff|fi|fl/g, ''), wrap: true },
  Bfi: { label: 'B-fi: fi alone lost', damage: (t) => t.replace(/fi/g, ''), wrap: true },
  Bff: { label: 'B-ff: ff, ffi, ffl lost', damage: (t) => t.replace(/ff/g, ''), wrap: true },
  Bfl: { label: 'B-fl: fl alone lost', damage: (t) => t.replace(/fl/g, ''), wrap: true },
  C: { label: 'C: accents stripped (é -> e, à -> a, ç -> c)', damage: stripAccents, wrap: true },
  D: { label: "D: accented letters and apostrophes dropped (font map)", damage: (t) => t.replace(/[\u00C0-\u00FF\u0152\u0153'’]/g, ''), wrap: true },
  E: { label: 'E: OCR noise (glued words, digit/letter swaps)', damage: ocrNoise, wrap: false },
  H: { label: 'H: line-end hyphens of every kind, some lost leaving a space', damage: (t) => t, wrap: true, lossy: true },
};

/**
 * OCR-like noise: about one space in 40 between two lower-case words lost ("bienplus"); in
 * numbers, "1" read as "I" and "0" as "o" ("I9I4", "75o"); in about one word in 150, "ô" read as "6",
 * "o" as "0" or "l" as "1" ("r6le").
 */
function ocrNoise(text, random) {
  let out = text.replace(/(?<=\p{Ll}) (?=\p{Ll})/gu, (m) => (random() < 0.025 ? '' : m));
  out = out.replace(/\d{2,}/g, (num) => num.replace(/[10]/g, (d) => (random() < 0.5 ? (d === '1' ? 'I' : 'o') : d)));
  out = out.replace(/\p{Ll}{3,}/gu, (w) => {
    if (random() >= 1 / 150) return w;
    if (w.includes('ô')) return w.replace('ô', '6');
    const k = w.slice(1).search(/[ol]/);
    return k < 0 ? w : w.slice(0, k + 1) + (w[k + 1] === 'o' ? '0' : '1') + w.slice(k + 2);
  });
  return out;
}

// Deterministic pseudo-random numbers (mulberry32), so every run damages the same way.
const rng = prng;

const HYPHENS = ['-', '\u2010', '\u00AD', '\u2011'];

/** Re-wraps each line at ~60 characters; a word cut at the end is hyphenated half the time. */
function wrap(text, random, lossy = false) {
  let h = 0;
  return text
    .split('\n')
    .map((line) => {
      const out = [];
      let cur = '';
      for (const word of line.split(' ')) {
        if (cur.length + word.length + 1 <= 60 || cur === '') {
          cur = cur ? `${cur} ${word}` : word;
          continue;
        }
        const m = /^(\p{L}{3,})(\p{L}{3,})([^\p{L}]*)$/u.exec(word);
        if (m && random() < 0.5) {
          const whole = m[1] + m[2];
          const cut = 3 + Math.floor(random() * (whole.length - 5));
          // Lossy: the reader dropped a U+2010 it could not map and kept the line break as a space.
          if (lossy && random() < 0.5) {
            cur = `${cur} ${whole.slice(0, cut)} ${whole.slice(cut)}${m[3]}`;
            continue;
          }
          out.push(`${cur} ${whole.slice(0, cut)}${HYPHENS[h++ % HYPHENS.length]}`);
          cur = whole.slice(cut) + m[3];
        } else {
          out.push(cur);
          cur = word;
        }
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/** Words as runs of letters and digits ("1914", "I9I4"); a lower-to-upper boundary splits too ("marocainLe"). */
function words(text) {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Pairs of equal items [i, j], in order: walks both arrays and, at a difference, resynchronizes
 * on the nearest point where two items in a row agree again (differences here are short).
 */
function matchPairs(a, b) {
  const pairs = [];
  let i = 0;
  let j = 0;
  const W = 12;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i++, j++]);
      continue;
    }
    let found = false;
    for (let s = 1; s <= 2 * W && !found; s++) {
      for (let di = 0; di <= s; di++) {
        const dj = s - di;
        if (a[i + di] !== undefined && a[i + di] === b[j + dj] && a[i + di + 1] === b[j + dj + 1]) {
          i += di;
          j += dj;
          found = true;
          break;
        }
      }
    }
    if (!found) (i++, j++);
  }
  return pairs;
}

/** Per original word: 1 if `other` has it at the aligned place, 2 if re-cut there; and what stands there. */
function align(orig, other) {
  const matched = new Uint8Array(orig.length);
  const pairs = matchPairs(orig, other);
  for (const [i] of pairs) matched[i] = 1;
  // An unmatched stretch with the same letters differently cut ("pro jet" / "projet") is a
  // re-segmentation of the source, not a word changed.
  let lastI = -1;
  let lastJ = -1;
  const counterpart = new Map();
  const regroup = (i0, i1, j0, j1) => {
    if (i1 > i0 && orig.slice(i0, i1).join('') === other.slice(j0, j1).join('')) for (let i = i0; i < i1; i++) matched[i] = 2;
    else if (i1 - i0 === j1 - j0) for (let i = i0; i < i1; i++) counterpart.set(i, other[j0 + i - i0]);
    else for (let i = i0; i < i1; i++) counterpart.set(i, `[${other.slice(j0, j1).join(' ')}]`);
  };
  for (let pi = 0; pi <= pairs.length; pi++) {
    const [i, j] = pairs[pi] ?? [orig.length, other.length];
    regroup(lastI + 1, i, lastJ + 1, j);
    lastI = i;
    lastJ = j;
  }
  return { matched, counterpart };
}

/** EVAL_CONTEXT=1: the original words around a miss or change, to see what context would decide. */
const around = (orig, i) => (CONTEXT ? ` «${orig.slice(Math.max(0, i - 4), i).join(' ')} [${orig[i]}] ${orig.slice(i + 1, i + 5).join(' ')}»` : '');

function evaluate(doc, mode, random) {
  const hurt = mode.damage(doc.text, random);
  const damaged = mode.wrap ? wrap(hurt, random, mode.lossy) : hurt;
  const repaired = repairText(damaged).text;
  const orig = words(doc.text);
  // The words this kind of damage changed (line-break hyphens aside, except in mode H).
  const before = align(orig, words(mode.lossy ? damaged : hurt));
  const { matched, counterpart } = align(orig, words(repaired));
  const r = { damaged: 0, restored: 0, correct: 0, changed: 0, ownAccents: 0, misses: [], changes: [], resegmented: 0 };
  orig.forEach((w, i) => {
    if (matched[i] === 2) r.resegmented++;
    if (before.matched[i] !== 1) {
      r.damaged++;
      if (matched[i]) r.restored++;
      else r.misses.push((VERBOSE ? `${w}→${before.counterpart.get(i) ?? '∅'}→${counterpart.get(i) ?? '∅'}` : `${w}→${before.counterpart.get(i) ?? '∅'}`) + around(orig, i));
    } else {
      r.correct++;
      if (!matched[i]) {
        r.changed++;
        // The source's own unaccented spelling, no French word as written, accented ("Etat" ->
        // "État", "beneficiaires" -> "bénéficiaires"): counted as changed, and shown apart.
        const to = counterpart.get(i);
        if (to && to !== w && stripAccents(to) === w && !lexicon.info(w.toLowerCase()).fr) r.ownAccents++;
        r.changes.push((VERBOSE ? `${w}→${counterpart.get(i) ?? '∅'}` : w) + around(orig, i));
      }
    }
  });
  return { ...r, bytes: Buffer.byteLength(damaged), damagedText: damaged };
}

// EVAL_MB=1 for a quick run while iterating; the figure to report uses the default 10.
const TIMING_MB = Number(process.env.EVAL_MB ?? 10);
// EVAL_VERBOSE=1: every miss and change as original→damaged→repaired.
const VERBOSE = process.env.EVAL_VERBOSE === '1';
// EVAL_CONTEXT=1 (with EVAL_VERBOSE=1): each miss and change on its own line with the original words around it.
const CONTEXT = process.env.EVAL_CONTEXT === '1';
// EVAL_MODES=C,D: only these modes. EVAL_HOLDOUT_DETAIL=1: misses of the held-out part too
// (off by default: tuning looks at the tune part only).
const ONLY = process.env.EVAL_MODES ? process.env.EVAL_MODES.split(',') : null;
const HOLDOUT_DETAIL = process.env.EVAL_HOLDOUT_DETAIL === '1';
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) : '-');
const docs = texts();
const summary = {};
const sum = (rows) =>
  rows.reduce(
    (t, r) => ({ damaged: t.damaged + r.damaged, restored: t.restored + r.restored, correct: t.correct + r.correct, changed: t.changed + r.changed, ownAccents: t.ownAccents + r.ownAccents }),
    { damaged: 0, restored: 0, correct: 0, changed: 0, ownAccents: 0 },
  );
const row = (name, r) => `${name.slice(0, 51).padEnd(52)}${String(r.damaged).padStart(8)}${(pct(r.restored, r.damaged) + '%').padStart(10)}${String(r.correct).padStart(9)}${(pct(r.changed, r.correct) + '%').padStart(9)}`;
for (const [key, mode] of Object.entries(MODES)) {
  if (ONLY && !ONLY.includes(key)) continue;
  const random = rng(key === 'A' ? 1 : key.charCodeAt(0) - 64 + key.length * 10);
  const rows = docs.map((doc) => ({ name: doc.name, part: doc.part, ...evaluate(doc, mode, random) }));
  const tune = sum(rows.filter((r) => r.part === 'tune'));
  const held = sum(rows.filter((r) => r.part === 'holdout'));

  // Throughput: the damaged texts repeated to >= 10 MB, repaired as one document.
  const unit = rows.map((r) => r.damagedText).join('\n\n');
  const big = unit.repeat(Math.ceil((TIMING_MB * 1048576) / Buffer.byteLength(unit)));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  repairText(big);
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const mbps = Buffer.byteLength(big) / 1048576 / secs;
  // CPU time as well: on a shared machine, wall time also counts other people's work.
  const cpuMbps = Buffer.byteLength(big) / 1048576 / ((cpu.user + cpu.system) / 1e6);

  console.log(`\nMode ${mode.label}`);
  console.log(`${'text'.padEnd(52)}${'damaged'.padStart(8)}${'restored'.padStart(10)}${'correct'.padStart(9)}${'changed'.padStart(9)}`);
  for (const r of rows) console.log(row(`${r.part === 'holdout' ? '[held out] ' : ''}${r.name}`, r));
  console.log(row('tuned on', tune));
  console.log(row('HELD OUT', held));
  if (tune.ownAccents + held.ownAccents) {
    console.log(`of the changed words, the source's own unaccented spellings accented ("Etat" -> "État"): tuned ${tune.ownAccents}, held out ${held.ownAccents}`);
  }
  const shown = VERBOSE ? Infinity : 12;
  for (const part of HOLDOUT_DETAIL ? ['tune', 'holdout'] : ['tune']) {
    const misses = rows.filter((r) => r.part === part).flatMap((r) => r.misses);
    const changes = rows.filter((r) => r.part === part).flatMap((r) => r.changes);
    const sep = CONTEXT ? '\n  ' : ', ';
    console.log(`${part}: left unrepaired: ${misses.length}  e.g.${CONTEXT ? sep : ' '}${(VERBOSE ? misses : [...new Set(misses)]).slice(0, shown).join(sep)}`);
    console.log(`${part}: correct words changed: ${changes.length}  e.g.${CONTEXT ? sep : ' '}${(VERBOSE ? changes : [...new Set(changes)]).slice(0, shown).join(sep)}`);
  }
  console.log(`source re-segmentations (source hyphens joined, glued words split): ${rows.reduce((k, r) => k + r.resegmented, 0)}`);
  console.log(`throughput: ${(Buffer.byteLength(big) / 1048576).toFixed(1)} MB in ${secs.toFixed(2)} s = ${mbps.toFixed(2)} MB/s (${cpuMbps.toFixed(2)} MB/s of CPU time)`);
  const rate = (t) => ({ restored: (100 * t.restored) / t.damaged, changed: (100 * t.changed) / t.correct, other: (100 * (t.changed - t.ownAccents)) / t.correct });
  summary[key] = { tune: rate(tune), held: rate(held), mbps, cpuMbps, target: key.startsWith('A') || key.startsWith('B') ? 98 : 97 };
}

// Lexicon load time, in fresh processes (this one has it loaded already).
const loads = [0, 1, 2].map(() =>
  Number(execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(new URL('../dist/repair/lexicon.js', import.meta.url).href)}); const l = m.loadLexicon(); process.stdout.write(String(l.source === 'dist/lexicon.bin' ? l.loadMs : -1));`], { encoding: 'utf8' })),
);
const loadMs = loads.sort((a, b) => a - b)[1];
console.log(`\nlexicon load (median of 3 fresh processes): ${loadMs < 0 ? 'dist/lexicon.bin missing: run npm run build' : `${loadMs.toFixed(1)} ms`}`);

const judge = (v, good) => (good ? `ok   ${v}` : `MISS ${v}`);
const ok = (v, good) => (corpusAbsent ? `     ${v}` : judge(v, good));
console.log(corpusAbsent ? `\ntargets: not judged, the optional corpus ${corpusDir.pathname} is absent (seeds only; the README's figures include the corpus)` : '\ntargets (held-out part; tuned part in brackets)');
for (const [k, s] of Object.entries(summary)) {
  console.log(
    `  mode ${k.padEnd(3)}: restored ${ok(s.held.restored.toFixed(2) + '%', s.held.restored >= s.target)} [${s.tune.restored.toFixed(2)}%] | changed ${ok(s.held.changed.toFixed(3) + '%', s.held.changed <= 0.1)} [${s.tune.changed.toFixed(3)}%]` +
      `${s.held.other !== s.held.changed || s.tune.other !== s.tune.changed ? ` (not counting the source's own unaccented spellings: ${s.held.other.toFixed(3)}% [${s.tune.other.toFixed(3)}%])` : ''} | ${ok(s.cpuMbps.toFixed(2) + ' MB/s of CPU', s.cpuMbps > 2)} (${s.mbps.toFixed(2)} MB/s wall)`,
  );
}
console.log(`  lexicon: ${judge(loadMs.toFixed(1) + ' ms', loadMs >= 0 && loadMs < 100)}`);
