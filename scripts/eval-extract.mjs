#!/usr/bin/env node
// `npm run eval:extract`: field-by-field precision and recall of iom's extraction over the
// real-shaped pages of fixtures/pages/{tune,holdout}/ (see fixtures/pages/README.md).
//   node scripts/eval-extract.mjs            table per field for tune, holdout, all
//   node scripts/eval-extract.mjs --json     the same figures as JSON
//   node scripts/eval-extract.mjs --file P   one page: expected vs predicted, side by side
//   --today YYYY-MM-DD (default 2026-11-01)  the date parseFile derives statuses from
// Needs `npm run build` first (the npm script does it): it runs dist/ingest/index.js.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_TODAY, formatPage, formatReport, loadCorpus, report, reportJson, runCorpus } from './eval-extract-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'fixtures/pages');

function usage(msg) {
  if (msg) console.error(`eval-extract: ${msg}`);
  console.error('usage: node scripts/eval-extract.mjs [--json] [--file PATH] [--today YYYY-MM-DD]');
  process.exit(2);
}

const args = process.argv.slice(2);
let json = false;
let file = null;
let today = DEFAULT_TODAY;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') json = true;
  else if (a === '--file') file = args[++i] ?? usage('--file needs a path');
  else if (a === '--today') today = args[++i] ?? usage('--today needs a date');
  else if (a === '-h' || a === '--help') usage();
  else usage(`unknown argument ${a}`);
}
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) usage(`--today ${today}: not YYYY-MM-DD`);

let parseFile;
try {
  ({ parseFile } = await import(pathToFileURL(path.join(ROOT, 'dist/ingest/index.js')).href));
} catch (e) {
  console.error(`eval-extract: cannot load dist/ingest/index.js (run npm run build): ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

let pages;
try {
  pages = loadCorpus(CORPUS);
} catch (e) {
  console.error(`eval-extract: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
if (file) {
  const want = path.resolve(file);
  pages = pages.filter((p) => path.resolve(p.file) === want);
  if (!pages.length) {
    console.error(`eval-extract: ${file}: not a page of the corpus (fixtures/pages/{tune,holdout}/ with an .expected.json beside it)`);
    process.exit(1);
  }
}

const results = await runCorpus(pages, parseFile, { today });
if (file) {
  const r = results[0];
  if (json) console.log(JSON.stringify({ file: r.file, refused: r.refused, error: r.error, counts: r.counts, pairs: r.pairs, E: r.E, P: r.P }, null, 2));
  else console.log(formatPage(r));
} else {
  const rep = report(results);
  if (json) console.log(JSON.stringify(reportJson(rep), null, 2));
  else console.log(formatReport(rep));
}
