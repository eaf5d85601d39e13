// Builds a database of N synthetic projects from the built store, in sources of PER_SOURCE
// projects each, without going through the CLI. Two ways to write:
//   write-source  dist/store/records.js writeSource, exactly as ingest stores a file;
//   bulk          writeSource with { link: false }, 100 sources per transaction: the same rows,
//                 without store/link.ts linkRecords. Linking
//                 costs O(database size) per record (an FTS OR query ranked over every title that
//                 shares a word, see BENCH.md), so write-source cannot build 100k projects in minutes.
// Usage: node scripts/bench/make-db.mjs <N> <out.sqlite> [write-source|bulk]
// Prints JSON: { n, ms, bytes, mode }.
import { renameSync, rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { distUrl, log, rng, sha, weighted } from './util.mjs';
import {
  COUNTRIES, DONORS, PARTNERS, PLACES, SECTIONS, TYPES, makeTitle, seedSentences,
} from './vocab.mjs';

export const PER_SOURCE = 100;
const KINDS = [['iom-project-sheet', 70], ['iom-activity-sheet', 20], ['iom-news', 7], ['ngo-article', 3]];
const TODAY = '2025-06-30';

const pickDonor = weighted(DONORS, 1);
const pickCountry = weighted(COUNTRIES, 2);
const pickKind = weighted(KINDS, 1);
const SENTENCES = seedSentences();

function status(start, end, endOpen) {
  if (start > TODAY) return ['planned', 1];
  if (endOpen || !end || end >= TODAY.slice(0, end.length)) return ['ongoing', 2];
  return ['completed', 4];
}

const letters2 = (i) => {
  const k = Math.floor(i / 10000);
  return String.fromCharCode(65 + (Math.floor(k / 26) % 26)) + String.fromCharCode(65 + (k % 26));
};

/** One ProjectRecord, as normalize would make it from a page. */
export function makeRecord(r, i, kind, resolveDonor) {
  const title = makeTitle(r);
  const y = r.int(2005, 2024);
  const monthly = r.chance(0.5);
  const start = monthly ? `${y}-${String(r.int(1, 12)).padStart(2, '0')}` : String(y);
  const endOpen = r.chance(0.03);
  const ey = Math.min(2027, y + r.int(1, 5));
  const end = endOpen ? null : monthly ? `${ey}-${String(r.int(1, 12)).padStart(2, '0')}` : String(ey);
  const [st, stCode] = status(start, end, endOpen);
  const nDonors = r.chance(0.2) ? 2 : 1;
  const donors = [];
  for (let k = 0; k < nDonors; k++) {
    const d = resolveDonor(pickDonor(r)[0]);
    if (!donors.some((e) => e.name === d.name)) donors.push(d);
  }
  const countries = [];
  for (let k = r.chance(0.15) ? 3 : 1; k > 0; k--) {
    const [code, name] = pickCountry(r);
    if (!countries.some((c) => c.code === code)) countries.push({ code, name, raw: name });
  }
  const places = [];
  for (let k = r.int(0, 2); k > 0; k--) {
    const [name, pkind] = r.pick(PLACES);
    if (!places.some((p) => p.name === name)) places.push({ name, country: pkind === 'province' ? 'ES' : 'MA', kind: pkind, raw: name });
  }
  const nSent = r.int(3, 9);
  const sents = [];
  for (let k = 0; k < nSent; k++) sents.push(r.pick(SENTENCES));
  const summary = sents.slice(0, 2).join(' ');
  const amount = r.int(5, 400) * 10000;
  const currency = r.chance(0.7) ? 'USD' : r.chance(0.7) ? 'EUR' : 'MAD';
  const rate = currency === 'USD' ? 1 : currency === 'EUR' ? 1.1 : 0.1;
  const budget = r.chance(0.8) ? { amount, currency, raw: `${amount}.00` } : null;
  const period = `${start} – ${end ?? ''}`;
  const beneficiaries = r.chance(0.2)
    ? [{ count: r.int(20, 5000), what: 'bénéficiaires', qualifier: 'at-least', sentence: 'plus de bénéficiaires' }]
    : [];
  const isNews = kind === 'iom-news';
  return {
    id: sha(`bench:${i}`),
    kind,
    title,
    // Acronyms and IDs are (nearly) unique, as real ones are: FORSATY, SALEMM, LM.0416, MA10P0517.
    acronym: r.chance(0.3) ? Array.from({ length: r.int(4, 7) }, () => String.fromCharCode(65 + r.int(0, 25))).join('') : null,
    section: kind === 'iom-activity-sheet' ? r.pick(SECTIONS) : null,
    status: st,
    statusCode: stCode,
    statusDerived: kind !== 'iom-project-sheet',
    type: kind === 'iom-project-sheet' ? r.pick(TYPES) : null,
    start,
    end,
    endOpen,
    activityStart: isNews ? `${y}-03-15` : null,
    activityEnd: isNews ? `${y}-03-17` : null,
    budget,
    budgetUsd: budget ? Math.round(budget.amount * rate) : null,
    coverage: kind === 'iom-project-sheet' ? (r.chance(0.7) ? 'National' : 'Régional') : null,
    year: kind === 'iom-project-sheet' ? y : null,
    idfRegion: kind === 'iom-project-sheet' ? 'Afrique' : null,
    primaId: kind === 'iom-project-sheet' ? `MA${10 + Math.floor(i / 10000)}P${String(i % 10000).padStart(4, '0')}` : null,
    projectId: kind === 'iom-project-sheet' ? `${letters2(i)}.${String(i % 10000).padStart(4, '0')}` : null,
    countries,
    donors,
    partners: r.chance(0.4) ? [r.pick(PARTNERS)] : [],
    implementers: r.chance(0.2) ? ['OIM'] : [],
    places,
    beneficiaries,
    summary,
    raw: { title, period, donors: donors.map((d) => d.raw) },
    repairs: r.chance(0.1) ? r.int(1, 20) : 0,
    text: `${title}\n${sents.join(' ')}\nFonds : ${donors.map((d) => d.raw).join(' & ')}`,
  };
}

/** Makes source s: its kind, its records (deterministic in s) and its SourceWrite. */
export function makeSource(s, firstIndex, count, resolveDonor) {
  const r = rng(1000003 * (s + 1));
  const [kind] = pickKind(r);
  const records = [];
  for (let k = 0; k < count; k++) records.push(makeRecord(r, firstIndex + k, kind, resolveDonor));
  const ext = kind === 'iom-activity-sheet' ? 'pdf' : kind === 'iom-project-sheet' ? 'html' : 'txt';
  const source = {
    path: `/bench/corpus/${String(s).padStart(6, '0')}.${ext}`,
    format: ext === 'txt' ? 'text' : ext,
    kind,
    hash: sha(`source:${s}`, 64),
    bytes: 100_000,
    pages: ext === 'pdf' ? 8 : undefined,
    repairs: 0,
    lostSequences: [],
    warnings: [],
  };
  return { source, records };
}

/** resolveDonor from the product's registry, memoized (the corpus repeats a few spellings). */
export async function donorResolver() {
  const { resolveDonor } = await import(distUrl('normalize/donors.js'));
  const memo = new Map();
  return (raw) => {
    if (!memo.has(raw)) memo.set(raw, resolveDonor(raw));
    return { ...memo.get(raw) };
  };
}

async function main() {
  const n = Number(process.argv[2]);
  const out = process.argv[3];
  const mode = process.argv[4] ?? 'bulk';
  if (!Number.isInteger(n) || n <= 0 || !out || !['bulk', 'write-source'].includes(mode)) {
    throw new Error('usage: make-db.mjs <N> <out.sqlite> [write-source|bulk]');
  }
  const { openDb, optimizeDb } = await import(distUrl('store/db.js'));
  const { writeSource } = await import(distUrl('store/records.js'));
  const resolveDonor = await donorResolver();
  const tmp = `${out}.building`;
  for (const s of ['', '-wal', '-shm']) rmSync(tmp + s, { force: true });
  const t0 = performance.now();
  const db = openDb(tmp);
  // Build speed only: this file is thrown away if the build does not finish.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  const sources = Math.ceil(n / PER_SOURCE);
  let write;
  if (mode === 'write-source') write = (source, records) => writeSource(db, source, records);
  else {
    // writeSource without linking, 100 sources per transaction (each source a savepoint in it)
    let open = 0;
    const begin = db.prepare('BEGIN');
    const commit = db.prepare('COMMIT');
    write = (source, records, last) => {
      if (open === 0) begin.run();
      writeSource(db, source, records, { link: false });
      if (++open === 100 || last) {
        commit.run();
        open = 0;
      }
    };
  }
  let made = 0;
  for (let s = 0; s < sources; s++) {
    const count = Math.min(PER_SOURCE, n - made);
    const { source, records } = makeSource(s, made, count, resolveDonor);
    write(source, records, s === sources - 1);
    made += count;
    if (s % 1000 === 999) log(`  db ${n} (${mode}): ${made} projects (${Math.round((performance.now() - t0) / 1000)} s)`);
  }
  optimizeDb(db); // as iom ingest does after storing
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const s of ['-wal', '-shm']) rmSync(tmp + s, { force: true });
  renameSync(tmp, out);
  process.stdout.write(JSON.stringify({ n, ms: performance.now() - t0, bytes: statSync(out).size, mode }) + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
