// The PDF row, in one process: ingestFile (read in the worker, repair, extract, normalize, store
// into a fresh database) against pdf-parse's text extraction alone (`new PDFParse({data}).getText()`),
// interleaved, after one warm-up of each.
// Usage: node scripts/bench/inproc-pdf.mjs <file.pdf> <runs>   (prints JSON)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { distUrl, median } from './util.mjs';

const [file, runsArg = '7'] = process.argv.slice(2);
const runs = Number(runsArg);
const { openDb } = await import(distUrl('store/db.js'));
const { ingestFile } = await import(distUrl('ingest/index.js'));
const bytes = readFileSync(file);
const dir = mkdtempSync(join(tmpdir(), 'iom-bench-pdf-'));

async function floor() {
  const data = new Uint8Array(bytes);
  const t0 = process.hrtime.bigint();
  const parser = new PDFParse({ data });
  const text = await parser.getText();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  await parser.destroy();
  return { ms, pages: text.total ?? text.pages?.length };
}
let k = 0;
async function ingest() {
  const db = openDb(join(dir, `db-${k++}.sqlite`));
  try {
    const t0 = process.hrtime.bigint();
    const r = await ingestFile(db, file);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, records: r.records, outcome: r.outcome };
  } finally {
    db.close();
  }
}
const f = [];
const g = [];
let info;
await floor();
info = await ingest();
for (let i = 0; i < runs; i++) {
  if (i % 2) {
    f.push((await floor()).ms);
    g.push((await ingest()).ms);
  } else {
    g.push((await ingest()).ms);
    f.push((await floor()).ms);
  }
}
const pages = (await floor()).pages;
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ floorMs: median(f), ingestMs: median(g), floor: f, ingest: g, records: info.records, pages }) + '\n');
