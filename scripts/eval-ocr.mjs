#!/usr/bin/env node
// npm run eval:ocr: how well scanned PDFs are read. For each image-only fixture of fixtures/ocr/
// (made by npm run fixtures:ocr from a text fixture), the pages are read by OCR as `iom ingest`
// reads them, then repaired, and the words are scored against the text the pages show (see
// eval-ocr-lib.mjs for how). The text PDF of the activity sheet, read from its text layer and
// repaired, is scored against the same truth: the figure OCR is measured beside.
//
//   npm run eval:ocr                 # the table
//   npm run eval:ocr -- --json       # the figures as JSON
//   npm run eval:ocr -- --missed     # and the words missed, most frequent first
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wordsRight } from './eval-ocr-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { readDocument } = await import(dist('read/index.js'));
const { repairDocument, loadLexicon } = await import(dist('repair/index.js'));
const { closePdfWorkers } = await import(dist('read/pdf.js'));

const args = new Set(process.argv.slice(2));

/** The English project sheet as its scan shows it: from the title on, without the "-" lines. */
function projectSheetTruth() {
  const lines = fs.readFileSync(path.join(ROOT, 'fixtures/text/iom-project-sheet-en.txt'), 'utf8').split('\n').map((l) => l.trim());
  const start = lines.indexOf('Strengthening Labour Migration Data Systems in North Africa');
  return lines.slice(start).filter((l) => l && l !== '-').join('\n');
}

const CASES = [
  {
    name: 'activity sheet (FR), scan',
    file: 'fixtures/ocr/fiche-activites-oim-maroc-scan.pdf',
    truth: () => fs.readFileSync(path.join(ROOT, 'fixtures/text/fiche-activites-wrapped.txt'), 'utf8'),
  },
  {
    name: 'project sheet (EN), scan',
    file: 'fixtures/ocr/iom-project-sheet-en-scan.pdf',
    truth: projectSheetTruth,
  },
  {
    name: 'activity sheet (FR), text PDF (reference)',
    file: 'fixtures/pdf/fiche-activites-oim-maroc.pdf',
    truth: () => fs.readFileSync(path.join(ROOT, 'fixtures/text/fiche-activites-wrapped.txt'), 'utf8'),
    reference: true,
  },
];

loadLexicon(); // not in the timed read
const results = [];
for (const c of CASES) {
  const t0 = performance.now();
  const raw = await readDocument(path.join(ROOT, c.file), { ocr: 'auto' });
  const readMs = performance.now() - t0;
  const doc = repairDocument(raw);
  const truth = c.truth();
  const before = wordsRight(truth, raw.text);
  const after = wordsRight(truth, doc.text);
  results.push({
    name: c.name,
    file: c.file,
    pages: raw.pages,
    ocrPages: raw.ocr?.pages.length ?? 0,
    msPerPage: raw.ocr ? Math.round(readMs / raw.ocr.pages.length) : null,
    confidence: raw.ocr?.confidence ?? null,
    truthWords: after.truth,
    rightRead: before.right,
    rightRepaired: after.right,
    extra: after.extra,
    repairs: doc.repair.changes.length,
    missed: after.missed.slice(0, 40),
  });
}
await closePdfWorkers();

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const pct = (x) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const rows = [
    ['document', 'pages (OCR)', 'time per page', 'confidence', 'words', 'right after OCR', 'right after OCR + repair', 'extra words'],
    ...results.map((r) => [
      r.name,
      `${r.pages} (${r.ocrPages})`,
      r.msPerPage === null ? '—' : `${(r.msPerPage / 1000).toFixed(2)} s`,
      r.confidence === null ? '—' : `${r.confidence.toFixed(1)}`,
      String(r.truthWords),
      pct(r.rightRead),
      pct(r.rightRepaired),
      pct(r.extra),
    ]),
  ];
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [k, r] of rows.entries()) {
    console.log(`| ${r.map((c, i) => c.padEnd(width[i])).join(' | ')} |`);
    if (k === 0) console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
  console.log('\nwords right: words of the text the page shows that the output has (bag of words; see scripts/eval-ocr-lib.mjs). Target for scans: ≥ 97% after OCR + repair.');
  if (args.has('--missed')) {
    for (const r of results) console.log(`\n${r.name}: missed ${r.missed.map(([w, n]) => (n > 1 ? `${w}×${n}` : w)).join(', ')}`);
  }
}
