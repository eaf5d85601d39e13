// Runs fuzz inputs through the built pipeline, in one process: ingestFile(db, path) for each.
// Started by fuzz.test.ts with fork(); reports each input over IPC before ('start') and after
// ('done') it runs, so the parent can kill it on a hang and start again after the input that hung.
//   argv: <dbPath> <dir> <seed> <from> <to> [pdfTimeoutMs] [digestEvery]
// Standalone, to rerun a range by hand (after `npm run build`; NDJSON on stdout):
//   node test/robustness/fuzz-child.mjs /tmp/f.sqlite /tmp/fuzz 1 0 2000
//
// What the database looked like around each input is reported too, for the parent to check that
// a refused input changed nothing: the number of sources and projects before and after (every
// input), SQLite's count of rows this connection wrote, and, every `digestEvery`-th input, a
// digest of every row of every table (before and after).
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { makeInput } from './fuzz-gen.mjs';

const [dbPath, dir, seedArg, fromArg, toArg, pdfArg, digestArg] = process.argv.slice(2);
const seed = Number(seedArg);
const from = Number(fromArg);
const to = Number(toArg);
const pdfTimeoutMs = Number(pdfArg ?? 5000);
const digestEvery = Number(digestArg ?? 50);
if (![seed, from, to, pdfTimeoutMs, digestEvery].every(Number.isFinite) || !dbPath || !dir) {
  process.stderr.write('usage: fuzz-child.mjs <dbPath> <dir> <seed> <from> <to> [pdfTimeoutMs] [digestEvery]\n');
  process.exit(2);
}
const send = (m) => (process.send ? process.send(m) : process.stdout.write(`${JSON.stringify(m)}\n`));

const dist = new URL('../../dist/', import.meta.url);
const { openDb } = await import(new URL('store/db.js', dist).href);
const { ingestFile } = await import(new URL('ingest/index.js', dist).href);
const { IomError, InputError } = await import(new URL('errors.js', dist).href);
const { closePdfWorkers } = await import(new URL('read/pdf.js', dist).href);

mkdirSync(dir, { recursive: true });
const db = openDb(dbPath);
const countsStmt = db.prepare('SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM projects) AS projects, total_changes() AS changes');
const counts = () => ({ ...countsStmt.get() });
const tables = () =>
  db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .pluck()
    .all();
// The rules of `iom check` that one source's projects can break, for the source just stored: a
// failure then names the input, not only the database (the whole check runs at the end).
const sourceId = db.prepare('SELECT id FROM sources WHERE path = ?').pluck();
const sourceRules = db.prepare(`SELECT
  (SELECT records FROM sources WHERE id = @id) AS records,
  (SELECT count(*) FROM projects WHERE source_id = @id) AS projects,
  (SELECT count(*) FROM projects WHERE source_id = @id AND trim(title) = '') AS untitled,
  (SELECT count(*) FROM projects WHERE source_id = @id AND group_id IS NULL) AS ungrouped,
  (SELECT count(*) FROM projects WHERE source_id = @id AND active_to IS NOT NULL AND active_from > active_to) AS backwards`);
function sourceProblems(path) {
  const id = sourceId.get(path);
  if (id === undefined) return ['no source row for this path'];
  const r = sourceRules.get({ id });
  const out = [];
  if (r.records !== r.projects) out.push(`sources.records ${r.records} but ${r.projects} project rows`);
  if (r.untitled) out.push(`${r.untitled} project(s) with an empty title`);
  if (r.ungrouped) out.push(`${r.ungrouped} project(s) without a group`);
  if (r.backwards) out.push(`${r.backwards} project(s) ending before they start`);
  return out;
}

/** sha256 over every row of every table (FTS shadow tables included), in rowid order. */
function digest() {
  const h = createHash('sha256');
  for (const name of tables()) {
    h.update(`\0table ${name}\0`);
    for (const row of db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().iterate()) {
      for (const v of row) h.update(Buffer.isBuffer(v) ? v : `${typeof v}:${String(v)}\u0001`);
      h.update('\u0002');
    }
  }
  return h.digest('hex');
}

send({ type: 'ready', from, to, pid: process.pid });
for (let i = from; i < to; i++) {
  const input = makeInput(seed, i);
  const path = join(dir, input.name);
  writeFileSync(path, input.bytes);
  const deep = digestEvery > 0 && i % digestEvery === 0;
  const before = counts();
  const digestBefore = deep ? digest() : undefined;
  send({ type: 'start', i, how: input.how, bytes: input.bytes.length });
  const t0 = performance.now();
  let result;
  try {
    const r = await ingestFile(db, path, { pdfTimeoutMs });
    result = { status: 'stored', outcome: r.outcome, records: r.records, problems: sourceProblems(path) };
  } catch (err) {
    if (err instanceof IomError) {
      result = { status: 'refused', error: err.name, message: err.message, errorPath: err instanceof InputError ? err.path : undefined };
    } else {
      result = { status: 'crash', error: err?.name ?? typeof err, message: String(err?.message ?? err), stack: String(err?.stack ?? '') };
    }
  }
  const ms = performance.now() - t0;
  const after = counts();
  const digestAfter = deep ? digest() : undefined;
  // keep the inputs that broke something, for a look afterwards; delete the others
  if (result.status !== 'crash') rmSync(path, { force: true });
  send({ type: 'done', i, how: input.how, bytes: input.bytes.length, ms, path, ...result, before, after, digestBefore, digestAfter });
}
db.close();
await closePdfWorkers();
// the last message is sent before the channel closes (process.send is asynchronous)
if (process.send) {
  await new Promise((resolve) => process.send({ type: 'end' }, resolve));
  process.disconnect();
} else send({ type: 'end' });
