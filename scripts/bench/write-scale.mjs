// How storing and linking grow with the database: writeSource of `sources` sources of 20 project
// sheets each into a database of a given size, the link step (store/link.ts linkRecords, which
// finds each new record's candidates among the stored ones) timed on its own. Everything runs in
// one transaction that is rolled back at the end: the database is left as it was (no copy).
// Usage: node scripts/bench/write-scale.mjs <db.sqlite> <sources>
// Prints JSON: { msPerRecord (store + link), linkMsPerRecord, storeMsPerRecord, linked, samples }
import { distUrl, median, rng } from './util.mjs';
import { donorResolver, makeRecord } from './make-db.mjs';

const [path, sourcesArg = '10'] = process.argv.slice(2);
const { openDb } = await import(distUrl('store/db.js'));
const { writeSource } = await import(distUrl('store/records.js'));
const { linkRecords } = await import(distUrl('store/link.js'));
const resolveDonor = await donorResolver();
const db = openDb(path, { create: false });
const total = [];
const link = [];
const store = [];
let linked = 0;
db.exec('BEGIN');
try {
  for (let s = 0; s < Number(sourcesArg) + 1; s++) {
    const r = rng(999 + s);
    const records = Array.from({ length: 20 }, (_, k) => makeRecord(r, 50_000_000 + s * 20 + k, 'iom-project-sheet', resolveDonor));
    // a few titles of stored projects again, as a second source describing them would give
    for (let k = 0; k < 4; k++) {
      const t = db.prepare('SELECT title FROM project_rows WHERE rowid = ?').pluck().get(1 + ((s * 7919 + k * 104729) % 5000));
      if (t) records[k] = { ...records[k], title: t, projectId: null, primaId: null };
    }
    const source = { path: `/bench/new/${s}.html`, format: 'html', kind: 'iom-project-sheet', hash: `h${s}`, bytes: 1, repairs: 0, lostSequences: [], warnings: [] };
    const t0 = process.hrtime.bigint();
    writeSource(db, source, records, { link: false });
    const t1 = process.hrtime.bigint();
    const sourceId = db.prepare('SELECT id FROM sources WHERE path = ?').pluck().get(source.path);
    linkRecords(db, sourceId, records);
    const t2 = process.hrtime.bigint();
    if (s > 0) {
      store.push(Number(t1 - t0) / 1e6 / records.length);
      link.push(Number(t2 - t1) / 1e6 / records.length);
      total.push(Number(t2 - t0) / 1e6 / records.length);
      linked += db.prepare('SELECT count(*) FROM project_rows WHERE source_id = ? AND group_id != id').pluck().get(sourceId);
    }
  }
} finally {
  db.exec('ROLLBACK');
  db.close();
}
process.stdout.write(JSON.stringify({ msPerRecord: median(total), linkMsPerRecord: median(link), storeMsPerRecord: median(store), linked, records: total.length * 20, samples: { total, link, store } }) + '\n');
