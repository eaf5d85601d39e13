// The OCR row, in one process: ingestFile of an image-only PDF with --ocr auto (pages rendered
// by pdf.js in the PDF thread, read by Tesseract on its own thread, then repair, extract,
// normalize, store into a fresh database), `runs` times; the time per page read by OCR, wall
// and CPU (the CPU time moves less when other work shares the machine).
// The Tesseract thread is started (models loaded) for each PDF, as ingest does: that is in the figure.
// Usage: node scripts/bench/inproc-ocr.mjs <file.pdf> <runs>   (prints JSON)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distUrl, median } from './util.mjs';

const [file, runsArg = '1'] = process.argv.slice(2);
const runs = Number(runsArg);
const { openDb } = await import(distUrl('store/db.js'));
const { ingestFile } = await import(distUrl('ingest/index.js'));
const { closePdfWorkers } = await import(distUrl('read/pdf.js'));
const dir = mkdtempSync(join(tmpdir(), 'iom-bench-ocr-'));

const perPage = [];
const cpuPerPage = [];
const total = [];
let info;
for (let k = 0; k < runs; k++) {
  const db = openDb(join(dir, `db-${k}.sqlite`));
  try {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage(); // all threads of the process: the PDF and Tesseract threads too
    const r = await ingestFile(db, file, { ocr: 'auto' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(c0);
    if (!r.ocr) throw new Error(`${file}: nothing was read by OCR`);
    info = r;
    total.push(ms);
    perPage.push(ms / r.ocr.pages);
    cpuPerPage.push((cpu.user + cpu.system) / 1000 / r.ocr.pages);
  } finally {
    db.close();
  }
}
await closePdfWorkers();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ msPerPage: median(perPage), cpuMsPerPage: median(cpuPerPage), ms: median(total), perPage, pages: info.ocr.pages, confidence: info.ocr.confidence, records: info.records }) + '\n');
