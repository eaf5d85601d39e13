// The repair row: `mb` megabytes of damaged text, made from the clean seed text with "ti" and
// "tt" dropped as a lost ligature drops them ("Organisaon", "lue"), cut into documents of about
// 20 KB (the size of the activity sheet's text) and given to repairText one by one.
// The lexicon is loaded before timing (its load is the lexicon row).
// Usage: node scripts/bench/inproc-repair.mjs <mb> [runs]   (prints JSON)
import { cleanSeedText } from './vocab.mjs';
import { distUrl, median } from './util.mjs';

const mb = Number(process.argv[2] ?? '10');
const runs = Number(process.argv[3] ?? '1');
const { repairText, loadLexicon } = await import(distUrl('repair/index.js'));
const clean = cleanSeedText();
const damaged = clean.replace(/tt|ti/g, '');
const DOC = 20_000;
const docs = [];
let total = 0;
for (let i = 0; total < mb * 1_000_000; i++) {
  // Rotate the start so the documents are not all the same text.
  const from = (i * 7919) % damaged.length;
  let doc = (damaged.slice(from) + '\n\n' + damaged).slice(0, DOC);
  docs.push(doc);
  total += Buffer.byteLength(doc);
}
loadLexicon();
repairText(docs[0]);
const times = [];
let changes = 0;
let unresolved = 0;
for (let run = 0; run < runs; run++) {
  changes = 0;
  unresolved = 0;
  const t0 = process.hrtime.bigint();
  for (const d of docs) {
    const r = repairText(d);
    changes += r.changes.length;
    unresolved += r.unresolved.length;
  }
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const ms = median(times);
process.stdout.write(JSON.stringify({ bytes: total, docs: docs.length, ms, times, mbPerS: total / 1e6 / (ms / 1000), changes, unresolved, lostFound: clean.length - damaged.length }) + '\n');
