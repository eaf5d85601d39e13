// How storing grows with the database: writeSource of `sources` sources of 20 project sheets
// each, into a copy of a database of a given size. Usage:
// node scripts/bench/write-scale.mjs <db.sqlite> <sources>   (prints JSON: { msPerRecord })
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distUrl, median, rng } from './util.mjs';
import { donorResolver, makeRecord } from './make-db.mjs';

const [src, sourcesArg = '5'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'iom-bench-write-'));
const path = join(dir, 'db.sqlite');
copyFileSync(src, path);
const { openDb } = await import(distUrl('store/db.js'));
const { writeSource } = await import(distUrl('store/records.js'));
const resolveDonor = await donorResolver();
const db = openDb(path);
const per = [];
for (let s = 0; s < Number(sourcesArg) + 1; s++) {
  const r = rng(999 + s);
  const records = Array.from({ length: 20 }, (_, k) => makeRecord(r, 50_000_000 + s * 20 + k, 'iom-project-sheet', resolveDonor));
  const t0 = process.hrtime.bigint();
  writeSource(db, { path: `/bench/new/${s}.html`, format: 'html', kind: 'iom-project-sheet', hash: `h${s}`, bytes: 1, repairs: 0, lostSequences: [], warnings: [] }, records);
  if (s > 0) per.push(Number(process.hrtime.bigint() - t0) / 1e6 / records.length);
}
db.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ msPerRecord: median(per), samples: per }) + '\n');
