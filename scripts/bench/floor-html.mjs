// The floor of the HTML ingest row: cheerio parsing each page alone, in-process
// (`cheerio.load(html)` + `.text()`), over every `every`-th page of the corpus, after a warm-up.
// Usage: node scripts/bench/floor-html.mjs <dir> <every>   (prints JSON)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { median } from './util.mjs';

const [dir, every = '1'] = process.argv.slice(2);
const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html')).sort();
const sample = files.filter((_, i) => i % Number(every) === 0).map((f) => join(dir, f));
for (const f of sample.slice(0, 30)) load(readFileSync(f, 'utf8')).root().text();
const times = [];
let bytes = 0;
for (const f of sample) {
  const html = readFileSync(f, 'utf8');
  bytes += html.length;
  const t0 = process.hrtime.bigint();
  const $ = load(html);
  $.root().text();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const mean = times.reduce((a, b) => a + b, 0) / times.length;
process.stdout.write(JSON.stringify({ pages: times.length, of: files.length, meanMs: mean, medianMs: median(times), avgBytes: bytes / times.length }) + '\n');
