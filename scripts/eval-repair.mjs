#!/usr/bin/env node
// Measures the repair stage on clean French text damaged the way PDF text layers damage it.
// Run with `npm run eval:repair` (builds dist/ first). Texts: the clean seeds (000, 001, 002,
// 004 and the clean half of 003) and ../shared/corpus/french/*.txt, read in place.
// Damage: mode A drops every "ti" and "tt", mode B every "fi", "fl", "ff", "ffi", "ffl"; both then
// re-wrap lines at ~60 characters, hyphenating about half of the words cut at a line end with
// U+002D, U+2010 or U+00AD. Repair is NOT told which sequences were lost.
// Targets: >= 98 % of damaged words restored, <= 0.1 % of correct words changed, > 2 MB/s,
// lexicon loaded in < 100 ms.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { prng } from './prng.mjs';

const { repairText } = await import('../dist/repair/index.js');

const seedsDir = new URL('../fixtures/seeds/', import.meta.url);
// The corpus is optional (it lives beside the repository, in ../shared, not in it): without it the
// figures come from the seeds alone, are said to, and are not judged against the targets.
const corpusDir = process.env.IOM_EVAL_CORPUS ? new URL(`file://${process.env.IOM_EVAL_CORPUS.replace(/\/?$/, '/')}`) : new URL('../../shared/corpus/french/', import.meta.url);
let corpusAbsent = false;

function texts() {
  const docs = [];
  for (const f of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const t = readFileSync(new URL(f, seedsDir), 'utf8');
    if (f.startsWith('003')) docs.push({ name: `seed ${f.slice(0, 3)} (clean half)`, text: t.slice(t.indexOf('Citation preview') + 16).trim() });
    else docs.push({ name: `seed ${f.slice(0, 3)}`, text: t });
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
  for (const f of corpus) docs.push({ name: f.replace(/\.txt$/, ''), text: readFileSync(new URL(f, corpusDir), 'utf8') });
  // Composing accents (NFC) is one of the repairs: compare with the composed original.
  for (const d of docs) d.text = d.text.normalize('NFC');
  return docs;
}

const MODES = {
  A: { label: 'A: ti, tt lost', re: /tt|ti/g },
  B: { label: 'B: fi, fl, ff, ffi, ffl lost', re: /ffi|ffl|ff|fi|fl/g },
};

// Deterministic pseudo-random numbers (mulberry32), so every run damages the same way.
const rng = prng;

const HYPHENS = ['-', '\u2010', '\u00AD'];

/** Re-wraps each line at ~60 characters; a word cut at the end is hyphenated half the time. */
function wrap(text, random) {
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
          out.push(`${cur} ${whole.slice(0, cut)}${HYPHENS[h++ % 3]}`);
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

/** Words as letter runs; a lower-to-upper boundary splits too ("marocainLe"). */
function words(text) {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').match(/\p{L}+/gu) ?? [];
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

function evaluate(doc, mode, random) {
  const damaged = wrap(doc.text.replace(mode.re, ''), random);
  const repaired = repairText(damaged).text;
  const orig = words(doc.text);
  const rep = words(repaired);
  const matched = new Uint8Array(orig.length);
  const pairs = matchPairs(orig, rep);
  for (const [i] of pairs) matched[i] = 1;
  // An unmatched stretch with the same letters differently cut ("pro jet" / "projet") is a
  // re-segmentation of the source, not a word changed.
  let pi = 0;
  let lastI = -1;
  let lastJ = -1;
  const counterpart = new Map();
  const regroup = (i0, i1, j0, j1) => {
    if (i1 > i0 && orig.slice(i0, i1).join('') === rep.slice(j0, j1).join('')) for (let i = i0; i < i1; i++) matched[i] = 2;
    else if (i1 - i0 === j1 - j0) for (let i = i0; i < i1; i++) counterpart.set(i, rep[j0 + i - i0]);
    else for (let i = i0; i < i1; i++) counterpart.set(i, `[${rep.slice(j0, j1).join(' ')}]`);
  };
  for (; pi <= pairs.length; pi++) {
    const [i, j] = pairs[pi] ?? [orig.length, rep.length];
    regroup(lastI + 1, i, lastJ + 1, j);
    lastI = i;
    lastJ = j;
  }
  const r = { damaged: 0, restored: 0, correct: 0, changed: 0, misses: [], changes: [], resegmented: 0 };
  orig.forEach((w, i) => {
    const d = w.replace(mode.re, '');
    if (matched[i] === 2) r.resegmented++;
    if (d !== w) {
      r.damaged++;
      if (matched[i]) r.restored++;
      else r.misses.push(VERBOSE ? `${w}→${d}→${counterpart.get(i)}` : `${w}→${d}`);
    } else {
      r.correct++;
      if (!matched[i]) {
        r.changed++;
        r.changes.push(VERBOSE ? `${w}→${counterpart.get(i)}` : w);
      }
    }
  });
  return { ...r, bytes: Buffer.byteLength(damaged), damagedText: damaged };
}

// EVAL_MB=1 for a quick run while iterating; the figure to report uses the default 10.
const TIMING_MB = Number(process.env.EVAL_MB ?? 10);
// EVAL_VERBOSE=1: every miss and change as original→damaged→repaired.
const VERBOSE = process.env.EVAL_VERBOSE === '1';
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) : '-');
const docs = texts();
const summary = {};
for (const [key, mode] of Object.entries(MODES)) {
  const random = rng(key === 'A' ? 1 : 2);
  const rows = docs.map((doc) => ({ name: doc.name, ...evaluate(doc, mode, random) }));
  const tot = rows.reduce((t, r) => ({ damaged: t.damaged + r.damaged, restored: t.restored + r.restored, correct: t.correct + r.correct, changed: t.changed + r.changed }), { damaged: 0, restored: 0, correct: 0, changed: 0 });

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
  for (const r of rows) {
    console.log(`${r.name.slice(0, 51).padEnd(52)}${String(r.damaged).padStart(8)}${(pct(r.restored, r.damaged) + '%').padStart(10)}${String(r.correct).padStart(9)}${(pct(r.changed, r.correct) + '%').padStart(9)}`);
  }
  console.log(`${'all'.padEnd(52)}${String(tot.damaged).padStart(8)}${(pct(tot.restored, tot.damaged) + '%').padStart(10)}${String(tot.correct).padStart(9)}${(pct(tot.changed, tot.correct) + '%').padStart(9)}`);
  const misses = rows.flatMap((r) => r.misses);
  const changes = rows.flatMap((r) => r.changes);
  const shown = VERBOSE ? Infinity : 12;
  console.log(`left unrepaired: ${misses.length}  e.g. ${(VERBOSE ? misses : [...new Set(misses)]).slice(0, shown).join(", ")}`);
  console.log(`correct words changed: ${changes.length}  e.g. ${[...new Set(changes)].slice(0, shown).join(', ')}`);
  console.log(`source re-segmentations (source hyphens joined, glued words split): ${rows.reduce((k, r) => k + r.resegmented, 0)}`);
  console.log(`throughput: ${(Buffer.byteLength(big) / 1048576).toFixed(1)} MB in ${secs.toFixed(2)} s = ${mbps.toFixed(2)} MB/s (${cpuMbps.toFixed(2)} MB/s of CPU time)`);
  summary[key] = { restored: (100 * tot.restored) / tot.damaged, changed: (100 * tot.changed) / tot.correct, mbps };
}

// Lexicon load time, in fresh processes (this one has it loaded already).
const loads = [0, 1, 2].map(() =>
  Number(execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(new URL('../dist/repair/lexicon.js', import.meta.url).href)}); const l = m.loadLexicon(); process.stdout.write(String(l.source === 'dist/lexicon.bin' ? l.loadMs : -1));`], { encoding: 'utf8' })),
);
const loadMs = loads.sort((a, b) => a - b)[1];
console.log(`\nlexicon load (median of 3 fresh processes): ${loadMs < 0 ? 'dist/lexicon.bin missing: run npm run build' : `${loadMs.toFixed(1)} ms`}`);

const judge = (v, good) => (good ? `ok   ${v}` : `MISS ${v}`);
const ok = (v, good) => (corpusAbsent ? `     ${v}` : judge(v, good));
console.log(corpusAbsent ? `\ntargets: not judged, the optional corpus ${corpusDir.pathname} is absent (seeds only; the README's figures include the corpus)` : '\ntargets');
for (const [k, s] of Object.entries(summary)) {
  console.log(`  mode ${k}: restored ${ok(s.restored.toFixed(2) + '%', s.restored >= 98)} | changed ${ok(s.changed.toFixed(3) + '%', s.changed <= 0.1)} | ${ok(s.mbps.toFixed(2) + ' MB/s', s.mbps > 2)}`);
}
console.log(`  lexicon: ${judge(loadMs.toFixed(1) + ' ms', loadMs >= 0 && loadMs < 100)}`);
