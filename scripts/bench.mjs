#!/usr/bin/env node
// `npm run bench`: is iom fast at any size a user will reach? Builds (or reuses from .bench/) a
// synthetic corpus made from the fixtures, measures each figure of the issue against its floor in
// the same run, prints one table and writes .bench/last.json.
//
//   npm run bench                  full run (databases of 10k/100k/1M projects, 10,000 pages)
//   npm run bench -- --quick       smaller run, ~1-2 min once the corpus is cached
//   npm run bench -- --runs 11     runs per timed process (default 9, quick 7)
//   npm run bench -- --only startup,tools,scale,growth,link,ingest,pdf,ocr,repair,store
//
// Plain ESM over dist/ (the npm script builds first). Nothing here is run by CI.
// A timed process is killed after 60 s (quick: 15 s) and shown as "> 60 s"; IOM_BENCH_TIMEOUT_S changes it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import {
  BENCH_DIR, BIN, ROOT, RUN_TIMEOUT_MS, distUrl, ensureDir, fileSha, fmtMs, hasGnuTime, log, median, runJsonChild,
  runOnce, runWithPeakMemory, sha, timeInterleaved,
} from './bench/util.mjs';
import { replayScript } from './bench/sql-replay.mjs';
import { RARE_DONOR } from './bench/vocab.mjs';
import { timeStartup } from './bench/startup.mjs';

// ---------- options ----------
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Number(opt('--runs') ?? (QUICK ? 7 : 9));
const ONLY = opt('--only')?.split(',');
const want = (s) => !ONLY || ONLY.includes(s);
// --large N: the largest database (default 1M; the quick run stops at 100k)
const SIZES = { few: 4_000, small: 10_000, main: 100_000, large: Number(opt('--large') ?? (QUICK ? 100_000 : 1_000_000)) };
const PAGES = QUICK ? 500 : 10_000;
const REPAIR_MB = QUICK ? 2 : 10;
const REPAIR_CAP_S = QUICK ? 10 : 40;
const PDF_RUNS = QUICK ? 5 : 9;
// OCR takes seconds a page: the quick run reads the 1-page scan once, the full run the 7-page one 3 times.
const OCR_CASE = QUICK
  ? { file: 'iom-project-sheet-en-scan.pdf', what: 'the 1-page project-sheet scan', runs: 1 }
  : { file: 'fiche-activites-oim-maroc-scan.pdf', what: 'the 7-page activity-sheet scan', runs: 3 };

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  log('dist/ is missing: run `npm run bench` (it builds first)');
  process.exit(1);
}
ensureDir(BENCH_DIR);
const rows = [];
const notes = [];
const extra = {};
const t0All = Date.now();
const NODE = process.execPath;

/** One line of the table. median/floor in ms unless `unit` says otherwise. */
function row(r) {
  rows.push(r);
  const shown = r.na ? `n/a (${r.na})` : `${r.medianText ?? fmtMs(r.median)}${r.ratio !== undefined ? `  ${r.ratio.toFixed(2)}x` : ''}`;
  log(`  ${r.what}: ${shown}`);
}
const na = (what, target, reason) => row({ what, target, na: reason, ok: null });

// ---------- machine ----------
function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    /* not Linux */
  }
  const sqlite3 = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return {
    date: new Date().toISOString(),
    cpu,
    cores: availableParallelism(),
    ramGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqlite3: sqlite3.status === 0 ? sqlite3.stdout.split(' ')[0] : null,
    commit: git.status === 0 ? `${git.stdout.trim()}${dirty.stdout.trim() ? ' + uncommitted changes' : ''}` : null,
    mode: QUICK ? 'quick' : 'full',
    runs: RUNS,
  };
}

// ---------- cached corpus ----------
async function corpusKey() {
  const { SCHEMA_VERSION, MIGRATIONS } = await import(distUrl('store/schema.js'));
  const gen = ['make-db.mjs', 'vocab.mjs', 'util.mjs'].map((f) => fileSha(join(ROOT, 'scripts', 'bench', f))).join();
  const store = ['store/records.js', 'normalize/dates.js', 'normalize/donors.js'].map((f) => fileSha(join(ROOT, 'dist', f))).join();
  return `s${SCHEMA_VERSION}-${sha(MIGRATIONS.join('\n') + gen + store, 10)}`;
}

/** The database of n projects, built once per schema / generator version. */
function database(n, key) {
  const path = join(BENCH_DIR, `db-${n}-${key}.sqlite`);
  if (existsSync(path)) return path;
  for (const f of readdirSync(BENCH_DIR)) if (f.startsWith(`db-${n}-`)) rmSync(join(BENCH_DIR, f), { force: true });
  log(`building a database of ${n.toLocaleString('en')} projects -> ${relative(ROOT, path)}`);
  const r = runJsonChild('make-db.mjs', [String(n), path, 'bulk']);
  log(`  built in ${fmtMs(r.ms)} (${(r.bytes / 2 ** 20).toFixed(0)} MB)`);
  extra[`build_${n}`] = { ms: r.ms, bytes: r.bytes };
  return path;
}

function htmlCorpus(n) {
  const key = ['make-html.mjs', 'vocab.mjs'].map((f) => fileSha(join(ROOT, 'scripts', 'bench', f))).join('') + fileSha(join(ROOT, 'fixtures', 'html', 'oim-maroc-projet-lm0416.html'));
  const dir = join(BENCH_DIR, `html-${n}-${sha(key, 10)}`);
  const meta = `${dir}.json`;
  if (existsSync(dir) && existsSync(meta)) return { dir, ...JSON.parse(readFileSync(meta, 'utf8')) };
  for (const f of readdirSync(BENCH_DIR)) if (f.startsWith(`html-${n}-`)) rmSync(join(BENCH_DIR, f), { recursive: true, force: true });
  log(`generating ${n.toLocaleString('en')} HTML pages -> ${relative(ROOT, dir)}`);
  const r = runJsonChild('make-html.mjs', [String(n), dir]);
  writeFileSync(meta, JSON.stringify({ n: r.n, bytes: r.bytes, template: r.template }));
  return { dir, ...r };
}

// ---------- the iom commands as new processes ----------
const iom = (args, db) => ({ cmd: NODE, args: [BIN, ...args], env: { IOM_DB: db } });
const nodeFloor = { key: 'node -e 0', cmd: NODE, args: ['-e', '0'] };

/** Rows, bytes and the SQL of one run of an iom command (stdout to a pipe, so JSON). */
function inspect(args, db, saveTo) {
  const trace = join(tmpdir(), `iom-bench-trace-${process.pid}.json`);
  rmSync(trace, { force: true });
  const r = runOnce(NODE, ['--import', join(ROOT, 'scripts', 'bench', 'sql-trace.mjs'), BIN, ...args], {
    env: { IOM_DB: db, IOM_BENCH_SQL_OUT: trace },
    keepStdout: true,
    timeoutMs: RUN_TIMEOUT_MS,
  });
  const readTrace = () => {
    try {
      return replayScript(readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
    } catch {
      return null;
    } finally {
      rmSync(trace, { force: true });
    }
  };
  if (r.timedOut) return { timedOut: true, error: `took over ${RUN_TIMEOUT_MS / 1000} s; killed`, sql: readTrace() };
  if (r.status !== 0) {
    rmSync(trace, { force: true });
    return { error: r.stderr.trim().split('\n').slice(-1)[0] || `exit ${r.status}` };
  }
  let rowsOut = null;
  if (saveTo) writeFileSync(saveTo, r.stdout);
  try {
    const j = JSON.parse(r.stdout.toString());
    rowsOut = Array.isArray(j) ? j.length : null;
  } catch {
    /* not JSON */
  }
  return { rows: rowsOut, bytes: r.stdout.length, sql: readTrace(), ms: r.ms };
}

async function startupAndQueries(key) {
  const db = database(SIZES.main, key);
  const size = `${SIZES.main / 1000}k projects`;
  // Issue 13's targets at 100,000 projects: seconds (maxS) or a ratio to node -e 0 (x).
  const cmds = [
    { key: 'donor', args: ['query', '--donor', 'UE'], what: `\`iom query --donor UE\` (${size}, JSON)`, maxS: 0.6 },
    { key: 'text', args: ['query', '--text', 'migration', '--limit', '20'], what: `\`iom query --text migration --limit 20\` (${size})`, x: 2 },
    { key: 'stats', args: ['stats', '--by', 'donor'], what: `\`iom stats --by donor\` (${size})`, maxS: 0.3 },
    { key: 'facets', args: ['facets'], what: `\`iom facets\` (${size})`, maxS: 0.3 },
  ];
  for (const c of cmds) c.target = c.maxS !== undefined ? `< ${c.maxS} s` : `≤ ${c.x}× node -e 0`;
  const targetOk = (c, ms, floor) => (c.maxS !== undefined ? ms < c.maxS * 1000 : ms / floor <= c.x);
  const donorRows = join(tmpdir(), `iom-bench-donor-${process.pid}.json`);
  const info = {};
  for (const c of cmds) info[c.key] = inspect(c.args, db, c.key === 'donor' ? donorRows : undefined);
  const sqliteOk = !!spawnSync('sqlite3', ['--version']).stdout?.length;
  // A command that takes seconds is timed fewer times (it was just run once, so no warm-up).
  const slow = (k) => (info[k]?.ms ?? 0) > 2000;
  const fewer = (k) => (slow(k) ? { runs: QUICK ? 3 : 5, warmup: 0 } : {});
  const timed = [nodeFloor, ...cmds.filter((c) => !info[c.key]?.error).map((c) => ({ key: c.key, ...iom(c.args, db), ...fewer(c.key) }))];
  for (const c of cmds) if (info[c.key]?.timedOut) log(`  ${c.what} took over ${RUN_TIMEOUT_MS / 1000} s once: not timed again`);
  if (sqliteOk) {
    for (const c of cmds) {
      const s = info[c.key]?.sql;
      if (s?.count) timed.push({ key: `sql-${c.key}`, cmd: 'sqlite3', args: ['-readonly', db], input: `.output /dev/null\n${s.script}`, ...(slow(c.key) ? { runs: QUICK ? 3 : 5 } : {}) });
    }
  }
  log(`timing ${timed.length} commands x ${RUNS} runs, interleaved, on ${relative(ROOT, db)}`);
  const t = timeInterleaved(timed, { runs: RUNS, warmup: 1 });
  const floor = t['node -e 0'].median;
  const output = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, { ...v, sql: v.sql ? { statements: v.sql.count, bytes: v.sql.script.length } : null }]));
  extra.startup = { floorMs: floor, samples: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.samples])), output };
  for (const c of cmds) {
    const res = t[c.key];
    const i = info[c.key];
    const s = t[`sql-${c.key}`];
    const sqlRow = (iomText, ratio) =>
      row({ what: `  same SQL in the sqlite3 shell (${i.sql.count} statement${i.sql.count > 1 ? 's' : ''})`, median: s.median, floorText: `${iomText} (iom)`, ratio, ratioText: `iom ${ratio >= 1000 ? ratio.toFixed(0) : ratio.toFixed(1)}× this`, target: 'printed', ok: null });
    if (i?.timedOut || res?.timedOut) {
      row({ what: c.what, median: RUN_TIMEOUT_MS, medianText: `> ${RUN_TIMEOUT_MS / 1000} s (killed)`, floor, floorText: `${fmtMs(floor)} (node -e 0)`, ratio: RUN_TIMEOUT_MS / floor, ratioText: `> ${(RUN_TIMEOUT_MS / floor).toFixed(0)}×`, target: c.target, ok: false });
      if (s && !s.failed) sqlRow(`> ${RUN_TIMEOUT_MS / 1000} s`, RUN_TIMEOUT_MS / s.median);
      continue;
    }
    if (i?.error || !res || res.failed) {
      na(c.what, c.target, i?.error ?? res?.failed ?? 'did not run');
      continue;
    }
    const ratio = res.median / floor;
    row({ what: c.what, median: res.median, floor, floorText: `${fmtMs(floor)} (node -e 0)`, ratio, target: c.target, ok: targetOk(c, res.median, floor) });
    if (res.samples.length < RUNS) notes.push(`${c.what}: ${res.samples.length} runs (it takes seconds).`);
    if (i?.rows !== null && i?.rows !== undefined) notes.push(`${c.what}: ${i.rows.toLocaleString('en')} rows, ${(i.bytes / 2 ** 20).toFixed(1)} MB of JSON on stdout (stdout is /dev/null while timed).`);
    if (s && !s.failed) sqlRow(fmtMs(res.median), res.median / s.median);
    else if (!i?.timedOut) {
      na('  same SQL in the sqlite3 shell', 'printed', !sqliteOk ? 'sqlite3 not installed' : s?.failed ?? 'no SQL recorded');
    }
    if (c.key === 'donor' && existsSync(donorRows)) {
      // what writing those rows costs on its own: JSON.stringify + write, in one process (no start-up, no SQLite)
      try {
        const w = runJsonChild('json-floor.mjs', [donorRows, String(RUNS)]);
        extra.jsonFloor = w;
        row({ what: `  a bare JSON writer, the same ${w.rows.toLocaleString('en')} rows (in-process JSON.stringify + write)`, median: w.ms, floorText: `${fmtMs(res.median)} (iom)`, ratio: res.median / w.ms, ratioText: `iom ${(res.median / w.ms).toFixed(1)}× this`, target: 'printed', ok: null });
      } catch (err) {
        na('  a bare JSON writer, the same rows', 'printed', err.message.slice(0, 160));
      }
    }
  }
  rmSync(donorRows, { force: true });
  // Peak memory of a query: the heaviest of the four, `query --donor UE`, median of 3.
  const mem = [];
  for (let k = 0; k < (QUICK ? 1 : 3); k++) {
    const m = runWithPeakMemory(NODE, [BIN, 'query', '--donor', 'UE'], { env: { IOM_DB: db } });
    if (m.status === 0 && Number.isFinite(m.peakMb)) mem.push(m.peakMb);
  }
  if (mem.length) {
    const mb = median(mem);
    row({ what: `peak memory: \`iom query --donor UE\` (${size})`, median: mb, medianText: `${mb.toFixed(0)} MB`, target: '< 80 MB', ok: mb < 80 });
  } else na('peak memory: query', '< 80 MB', 'not measured');
}

/** Is a command on the PATH? */
const installed = (cmd, args = ['--version']) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;

/**
 * The same rows and columns as the tools a user would pick instead (issue 13): `iom query --type …
 * --fields … --format json` against `sqlite-utils query` (JSON too) and the sqlite3 shell (-json,
 * the floor), on a database of a few thousand projects. Time (interleaved, median) and peak
 * memory (median of 3); a tool that is not installed gets its row skipped with a note.
 */
async function tools(key) {
  const db = database(SIZES.few, key);
  const type = 'Lutte contre la traite';
  const fields = 'id,title,start,end,status,type';
  const args = ['query', '--type', type, '--fields', fields, '--format', 'json'];
  // the rows iom lists, in its order (source path, then position in the source)
  const sql = `SELECT p.id, p.title, p.start, p."end", p.status, p.type FROM projects p JOIN sources s ON s.id = p.source_id WHERE p.type = :type ORDER BY s.path, p.position`;
  const size = `${SIZES.few.toLocaleString('en')} projects`;
  const what = `\`iom query --type "${type}" --fields ${fields} --format json\` (${size})`;
  const haveSu = installed('sqlite-utils');
  const haveSq = installed('sqlite3');
  const cmds = [nodeFloor, { key: 'iom', ...iom(args, db) }];
  if (haveSu) cmds.push({ key: 'sqlite-utils', cmd: 'sqlite-utils', args: ['query', db, sql, '-p', 'type', type] });
  if (haveSq) cmds.push({ key: 'sqlite3', cmd: 'sqlite3', args: ['-readonly', '-json', db, sql.replace(':type', `'${type.replace(/'/g, "''")}'`)] });
  // the same answer from each (parsed: the layouts differ)
  const answers = {};
  for (const c of cmds.slice(1)) {
    const r = runOnce(c.cmd, c.args, { env: c.env, keepStdout: true });
    try {
      answers[c.key] = r.status === 0 ? JSON.parse(r.stdout.toString() || '[]') : null;
    } catch {
      answers[c.key] = null;
    }
  }
  const same = (k) => answers[k] && JSON.stringify(answers[k]) === JSON.stringify(answers.iom);
  const n = answers.iom?.length ?? 0;
  notes.push(`tools: ${n.toLocaleString('en')} rows of ${size}; ${Object.keys(answers).filter((k) => k !== 'iom').map((k) => `${k} ${same(k) ? 'gives the same rows and values' : 'DIFFERS'}`).join(', ')}. sqlite-utils: \`${sql}\` with -p type; sqlite3: the same SQL with -json.`);
  log(`timing iom against ${[haveSu && 'sqlite-utils', haveSq && 'sqlite3'].filter(Boolean).join(' and ') || 'nothing (neither installed)'} on ${relative(ROOT, db)}`);
  const t = timeInterleaved(cmds, { runs: RUNS, warmup: 1 });
  const mem = (c) => {
    const xs = [];
    for (let k = 0; k < 3; k++) {
      const m = runWithPeakMemory(c.cmd, c.args, { env: c.env });
      if (m.status === 0 && Number.isFinite(m.peakMb)) xs.push(m.peakMb);
    }
    return xs.length ? median(xs) : NaN;
  };
  const mIom = mem(cmds[1]);
  extra.tools = { rows: n, samples: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.samples])), memMb: { iom: mIom } };
  const floor = t['node -e 0'].median;
  row({ what, median: t.iom.median, floor, floorText: `${fmtMs(floor)} (node -e 0)`, ratio: t.iom.median / floor, target: 'printed', ok: null });
  if (!haveSu) {
    na('  iom time / `sqlite-utils query` time (same rows and columns)', '≤ 1.0×', 'sqlite-utils is not installed: skipped');
    na('  iom peak memory / sqlite-utils peak memory', '≤ 1.5×', 'sqlite-utils is not installed: skipped');
  } else {
    const su = t['sqlite-utils'];
    if (su.failed) na('  `sqlite-utils query`, same rows and columns', '≤ 1.0×', su.failed);
    else {
      const r = t.iom.median / su.median;
      row({ what: '  iom time / `sqlite-utils query` time (same rows and columns)', median: su.median, medianText: `${fmtMs(t.iom.median)} / ${fmtMs(su.median)}`, floor: su.median, floorText: `${fmtMs(su.median)} (sqlite-utils)`, ratio: r, target: '≤ 1.0×', ok: r <= 1.0 });
      const mSu = mem(cmds.find((c) => c.key === 'sqlite-utils'));
      extra.tools.memMb['sqlite-utils'] = mSu;
      const rm = mIom / mSu;
      row({ what: '  iom peak memory / sqlite-utils peak memory', median: mIom, medianText: `${mIom.toFixed(0)} MB / ${mSu.toFixed(0)} MB`, floorText: `${mSu.toFixed(0)} MB (sqlite-utils)`, ratio: rm, target: '≤ 1.5×', ok: rm <= 1.5 });
    }
  }
  if (!haveSq) na('  the sqlite3 shell, same SQL (-json): the floor', 'printed', 'sqlite3 is not installed: skipped');
  else if (!t.sqlite3.failed) {
    const mSq = mem(cmds.find((c) => c.key === 'sqlite3'));
    extra.tools.memMb.sqlite3 = mSq;
    row({ what: '  the sqlite3 shell, same SQL (-json): the floor', median: t.sqlite3.median, medianText: `${fmtMs(t.sqlite3.median)}, ${mSq.toFixed(0)} MB`, floorText: `${fmtMs(t.iom.median)} (iom)`, ratio: t.iom.median / t.sqlite3.median, ratioText: `iom ${(t.iom.median / t.sqlite3.median).toFixed(1)}× this`, target: 'printed', ok: null });
  }
  const mNode = mem(nodeFloor);
  notes.push(`tools: peak memory of \`node -e 0\` here: ${mNode.toFixed(0)} MB (the floor under any node program).`);
}

/** Start-up (issue 13): the commands with a small answer as ratios to `node -e 0` in the same run. */
async function startup(key) {
  const db = database(SIZES.small, key);
  const runs = Math.max(RUNS, QUICK ? 11 : 15);
  log(`timing start-up: ${runs} runs of each command, interleaved with node -e 0, on ${relative(ROOT, db)}`);
  const t = timeStartup(db, { runs, warmup: 2 });
  extra.launch = { floorMs: t.floor, floorSamples: t.floorSamples, samples: Object.fromEntries(t.results.map((r) => [r.key, r.samples ?? r.failed])) };
  for (const r of t.results) {
    const what = `start-up: ${r.what}${['version', 'help'].includes(r.key) ? '' : ` (${SIZES.small / 1000}k projects)`}`;
    if (r.failed) na(what, `≤ ${r.target}×`, r.failed);
    else row({ what, median: r.median, floor: t.floor, floorText: `${fmtMs(t.floor)} (node -e 0)`, ratio: r.ratio, target: `≤ ${r.target}×`, ok: r.ok });
  }
}

async function growth(key) {
  const small = database(SIZES.small, key);
  const large = database(SIZES.large, key);
  const args = ['query', '--donor', RARE_DONOR, '--limit', '20'];
  const what = `query time ${SIZES.small / 1000}k → ${SIZES.large >= 1e6 ? `${SIZES.large / 1e6}M` : `${SIZES.large / 1000}k`} projects (\`query --donor ${RARE_DONOR} --limit 20\`, ~0.2% of projects)`;
  const ia = inspect(args, small);
  const ib = inspect(args, large);
  if (ia.error || ib.error) return na(what, '≤ 1.5×', ia.error ?? ib.error);
  log(`timing the selective query on ${SIZES.small} and ${SIZES.large} projects`);
  const t = timeInterleaved([nodeFloor, { key: 'small', ...iom(args, small) }, { key: 'large', ...iom(args, large) }], { runs: RUNS, warmup: 1 });
  const a = t.small.median;
  const b = t.large.median;
  const f = t['node -e 0'].median;
  extra.growth = { smallMs: a, largeMs: b, floorMs: f, samples: { small: t.small.samples, large: t.large.samples } };
  row({ what, median: b, medianText: `${fmtMs(a)} → ${fmtMs(b)}`, floor: a, floorText: `${fmtMs(a)} (at ${SIZES.small / 1000}k)`, ratio: b / a, target: '≤ 1.5×', ok: b / a <= 1.5 });
  notes.push(`growth: without node's own start (${fmtMs(f)}), the query goes ${fmtMs(a - f)} → ${fmtMs(b - f)} (${((b - f) / Math.max(a - f, 0.01)).toFixed(1)}×).`);
  if (QUICK) notes.push('quick run: growth measured 10k → 100k, not 10k → 1M.');
}

async function ingestHtml() {
  const c = htmlCorpus(PAGES);
  notes.push(`HTML pages: ${c.n.toLocaleString('en')} pages of ${(c.bytes / c.n / 1024).toFixed(0)} KB on average, from ${c.template}.`);
  const every = Math.max(1, Math.floor(c.n / 1000));
  log(`floor: cheerio load + text on every ${every === 1 ? '' : `${every}th `}page (in-process), before and after the ingest`);
  const floors = [runJsonChild('floor-html.mjs', [c.dir, String(every)])];
  const db = join(tmpdir(), `iom-bench-ingest-${process.pid}.sqlite`);
  const runs = 1;
  const times = [];
  const mems = [];
  let failure = null;
  for (let k = 0; k < runs; k++) {
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
    log(`iom ingest of ${c.n.toLocaleString('en')} pages into a new database (run ${k + 1}/${runs})`);
    const r = runWithPeakMemory(NODE, [BIN, '-q', 'ingest', c.dir], { env: { IOM_DB: db } });
    if (r.status !== 0) {
      failure = `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-1)[0]}`;
      break;
    }
    times.push(r.ms);
    mems.push(r.peakMb);
  }
  floors.push(runJsonChild('floor-html.mjs', [c.dir, String(every)]));
  // The lower of the two floors: the one less disturbed by whatever else the machine was doing.
  const floor = floors[0].meanMs <= floors[1].meanMs ? floors[0] : floors[1];
  let stored = null;
  if (!failure) {
    const q = spawnSync('sqlite3', [db, 'SELECT count(*) FROM sources; SELECT count(*) FROM projects; SELECT count(*) FROM projects WHERE group_id != id;'], { encoding: 'utf8' });
    if (q.status === 0) stored = q.stdout.trim().split('\n').map(Number);
  }
  for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  const what = `ingest of ${c.n.toLocaleString('en')} HTML pages, per page`;
  if (failure) {
    na(what, '≤ 1.5×', failure);
    na(`peak memory: ingest of ${c.n.toLocaleString('en')} pages`, '< 400 MB', failure);
    return;
  }
  const perPage = median(times) / c.n;
  extra.ingest = { wallMs: times, pages: c.n, floors, peakMb: mems, stored };
  row({ what, median: perPage, floor: floor.meanMs, floorText: `${fmtMs(floor.meanMs)} (cheerio)`, ratio: perPage / floor.meanMs, target: '≤ 1.5×', ok: perPage / floor.meanMs <= 1.5 });
  notes.push(`ingest: ${fmtMs(median(times))} wall for ${c.n.toLocaleString('en')} pages (${runs} run${runs > 1 ? 's' : ''}); floor = mean of cheerio load+text over ${floor.pages} of the pages, the lower of ${fmtMs(floors[0].meanMs)} before and ${fmtMs(floors[1].meanMs)} after the ingest (median ${fmtMs(floor.medianMs)}; GC pauses make the mean higher).${stored ? ` Stored ${stored[0]} sources, ${stored[1]} projects; ${stored[2]} linked to another source's record.` : ''}`);
  const mb = median(mems);
  if (Number.isFinite(mb)) row({ what: `peak memory: ingest of ${c.n.toLocaleString('en')} pages`, median: mb, medianText: `${mb.toFixed(0)} MB`, target: '< 400 MB', ok: mb < 400 });
  else na(`peak memory: ingest of ${c.n.toLocaleString('en')} pages`, '< 400 MB', 'no /usr/bin/time and no maxRSS figure');
}

async function pdf() {
  const file = join(ROOT, 'fixtures', 'pdf', 'fiche-activites-oim-maroc.pdf');
  const what = 'ingest of the activity-sheet PDF (in-process, fresh database)';
  if (!existsSync(file)) return na(what, '≤ 1.3×', 'fixtures/pdf/fiche-activites-oim-maroc.pdf is missing');
  try {
    log('PDF: ingestFile vs pdf-parse getText, interleaved');
    const r = runJsonChild('inproc-pdf.mjs', [file, String(PDF_RUNS)]);
    extra.pdf = r;
    row({ what: `${what}, ${r.pages} pages, ${r.records} projects`, median: r.ingestMs, floor: r.floorMs, floorText: `${fmtMs(r.floorMs)} (pdf-parse)`, ratio: r.ingestMs / r.floorMs, target: '≤ 1.3×', ok: r.ingestMs / r.floorMs <= 1.3 });
  } catch (err) {
    na(what, '≤ 1.3×', err.message.slice(0, 160));
  }
  // As a user runs it: one new process.
  const db = join(tmpdir(), `iom-bench-pdf-${process.pid}.sqlite`);
  const floorT = [];
  const cmdT = [];
  for (let k = 0; k < Math.min(RUNS, 5); k++) {
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
    const r = runOnce(NODE, [BIN, '-q', 'ingest', file], { env: { IOM_DB: db } });
    if (r.status !== 0) break;
    cmdT.push(r.ms);
    floorT.push(runOnce(NODE, ['-e', '0']).ms);
  }
  for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  if (cmdT.length) row({ what: '  `iom ingest` of that PDF as a new process', median: median(cmdT), floor: median(floorT), floorText: `${fmtMs(median(floorT))} (node -e 0)`, ratio: median(cmdT) / median(floorT), target: 'printed', ok: null });
}

async function ocr() {
  // A figure only (no target): the time per page of reading a scanned PDF, OCR included.
  const file = join(ROOT, 'fixtures', 'ocr', OCR_CASE.file);
  const what = `OCR: ingest of ${OCR_CASE.what} (--ocr auto, in-process), per page`;
  if (!existsSync(file)) return na(what, 'printed', `fixtures/ocr/${OCR_CASE.file} is missing`);
  try {
    log(`OCR: ingestFile of fixtures/ocr/${OCR_CASE.file}, ${OCR_CASE.runs} run${OCR_CASE.runs > 1 ? 's' : ''}`);
    const r = runJsonChild('inproc-ocr.mjs', [file, String(OCR_CASE.runs)]);
    extra.ocr = r;
    row({ what, median: r.msPerPage, floorText: `CPU ${fmtMs(r.cpuMsPerPage)} a page; ${fmtMs(r.ms)} for ${r.pages} page${r.pages > 1 ? 's' : ''}`, target: 'printed', ok: null });
    notes.push(`OCR: ${r.pages} page${r.pages > 1 ? 's' : ''} rendered at 300 dpi and read by Tesseract (fra+eng, one thread), mean word confidence ${r.confidence}; ${r.records} project${r.records === 1 ? '' : 's'}. The figure includes starting the Tesseract thread (models loaded) once per PDF.`);
  } catch (err) {
    na(what, 'printed', err.message.slice(0, 160));
  }
}

async function repair() {
  const lex = [];
  for (let k = 0; k < RUNS; k++) {
    try {
      lex.push(runJsonChild('lexicon-ready.mjs').ms);
    } catch (err) {
      na('lexicon ready (fresh process: import + load)', '< 100 ms', err.message.slice(0, 160));
      break;
    }
  }
  if (lex.length === RUNS) row({ what: 'repair: lexicon ready (fresh process: import + load)', median: median(lex), target: '< 100 ms', ok: median(lex) < 100 });
  log(`repair: ${REPAIR_MB} MB of text with "ti"/"tt" dropped`);
  // Documents are repaired until REPAIR_MB or REPAIR_CAP_S, whichever comes first.
  try {
    const probe = runJsonChild('inproc-repair.mjs', ['0.2']);
    const mbFit = Math.min(REPAIR_MB, Math.max(0.2, probe.mbPerS * REPAIR_CAP_S));
    const r = mbFit >= 0.2 * 1.01 ? runJsonChild('inproc-repair.mjs', [mbFit.toFixed(1)]) : probe;
    extra.repair = r;
    const mb = r.bytes / 1e6;
    row({ what: `repair of ${mb.toFixed(1)} MB of damaged text (${r.docs} documents of 20 KB)`, median: r.mbPerS, medianText: `${r.mbPerS.toFixed(2)} MB/s`, floorText: `${fmtMs(r.ms)} total`, target: '> 2 MB/s', ok: r.mbPerS > 2 });
    if (mb < REPAIR_MB * 0.99) notes.push(`repair: stopped at ${mb.toFixed(1)} MB of the ${REPAIR_MB} MB so the bench stays within time (${REPAIR_CAP_S} s cap); 10 MB would take ~${(REPAIR_MB / r.mbPerS).toFixed(0)} s.`);
    notes.push(`repair: ${r.changes.toLocaleString('en')} changes, ${r.unresolved.toLocaleString('en')} unresolved words.`);
  } catch (err) {
    na('repair of damaged text', '> 2 MB/s', err.message.slice(0, 160));
  }
}

async function store(key) {
  // Issue 13: the cost of linking a record (finding the stored records that describe the same
  // project) stays flat as the database grows; storing it is printed beside.
  const sizes = [...new Set([SIZES.small, SIZES.main, SIZES.large])];
  const name = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1000}k`);
  const res = {};
  for (const n of sizes) {
    try {
      res[n] = runJsonChild('write-scale.mjs', [database(n, key), QUICK ? '6' : '10']);
    } catch (err) {
      res[n] = { error: err.message.slice(0, 160) };
    }
  }
  extra.store = res;
  const a = res[SIZES.small];
  const b = res[sizes[sizes.length - 1]];
  const span = `${name(SIZES.small)} → ${sizes.slice(1).map(name).join(' → ')} projects`;
  if (a.error || b.error) return na(`linking per record, ${span}`, '≤ 1.3×', a.error ?? b.error);
  const chain = (k) => sizes.map((n) => (res[n].error ? 'n/a' : fmtMs(res[n][k]))).join(' → ');
  row({ what: `linking per record (linkRecords: candidates by title keys, scored), ${span}`, median: b.linkMsPerRecord, medianText: chain('linkMsPerRecord'), floor: a.linkMsPerRecord, floorText: `${fmtMs(a.linkMsPerRecord)} (at ${name(SIZES.small)})`, ratio: b.linkMsPerRecord / a.linkMsPerRecord, target: '≤ 1.3×', ok: b.linkMsPerRecord / a.linkMsPerRecord <= 1.3 });
  row({ what: `  store: writeSource + linking per record, ${span}`, median: b.msPerRecord, medianText: chain('msPerRecord'), floor: a.msPerRecord, floorText: `${fmtMs(a.msPerRecord)} (at ${name(SIZES.small)})`, ratio: b.msPerRecord / a.msPerRecord, target: 'printed', ok: null });
  notes.push(`linking: ${sizes.map((n) => (res[n].error ? '' : `${res[n].linked} of ${res[n].records} new records linked at ${name(n)}`)).filter(Boolean).join(', ')} (4 of each 20 repeat a stored title; dates and donors decide).`);
  if (SIZES.large < 1e6) notes.push(`linking measured up to ${name(SIZES.large)} projects, not 1M (${QUICK ? 'quick run' : '--large'}).`);
}

// ---------- run ----------
const m = machine();
log(`${m.mode} run, ${m.runs} runs per timed process`);
const key = await corpusKey();
// Other work on the machine skews every figure: note the load average at each section.
const loads = [];
const section = async (name, fn) => {
  if (!want(name)) return;
  loads.push([name, loadavg()[0]]);
  await fn();
};
await section('startup', () => startup(key));
await section('scale', () => startupAndQueries(key));
await section('tools', () => tools(key));
await section('growth', () => growth(key));
await section('ingest', () => ingestHtml());
await section('pdf', () => pdf());
await section('ocr', () => ocr());
await section('repair', () => repair());
await section('store', () => store(key));
m.loadAverage = Object.fromEntries(loads.map(([k, v]) => [k, Number(v.toFixed(2))]));
const busy = loads.filter(([, v]) => v > 1.5);
if (busy.length) notes.push(`the machine was busy (1-min load average ${busy.map(([k, v]) => `${v.toFixed(1)} at ${k}`).join(', ')} on ${m.cores} cores): figures measured then are noisy.`);
m.benchSeconds = Math.round((Date.now() - t0All) / 1000);

// ---------- table ----------
const cells = rows.map((r) => [
  r.what,
  r.na ? `n/a (${r.na})` : r.medianText ?? fmtMs(r.median),
  r.na ? '' : r.floorText ?? (r.floor !== undefined ? fmtMs(r.floor) : '—'),
  r.na ? '' : r.ratioText ?? (r.ratio !== undefined ? `${r.ratio.toFixed(2)}×` : '—'),
  r.target,
  r.ok === null ? '—' : r.ok ? '✓ met' : '✗ not met',
]);
const head = ['what', 'median', 'floor', 'ratio', 'target', 'ok?'];
const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
const table = [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
const header = [
  `iom bench, ${m.date} (${m.mode}, ${m.runs} runs per process figure, median; ${m.benchSeconds} s)`,
  `machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, node ${m.node}, sqlite3 ${m.sqlite3 ?? 'not installed'}, peak memory via ${hasGnuTime ? '/usr/bin/time' : 'maxRSS preload'}${m.commit ? `, commit ${m.commit}` : ''}`,
].join('\n');
const text = `${header}\n\n${table}\n${notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
process.stdout.write(`\n${text}`);
writeFileSync(join(BENCH_DIR, 'last.json'), JSON.stringify({ machine: m, rows, notes, details: extra }, null, 2) + '\n');
writeFileSync(join(BENCH_DIR, 'last.md'), text);
log(`results in ${relative(ROOT, join(BENCH_DIR, 'last.json'))} and last.md`);
