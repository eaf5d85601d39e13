// Start-up of the commands a user runs most, as ratios to `node -e 0` measured in the same run:
// `iom --version`, `--help`, `info`, `sources`, `donors`, `query --limit 1`, each a new process,
// interleaved round-robin with the floor, median of the runs.
//
//   node scripts/bench/startup.mjs [db] [--runs N]   standalone: prints a table (JSON with --json)
//   import { STARTUP_CMDS, timeStartup } from './bench/startup.mjs'   (scripts/bench.mjs)
//
// Without a db it ingests fixtures/seeds into a temporary database (the answers are small either way).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT, fmtMs, timeInterleaved } from './util.mjs';

export const STARTUP_CMDS = [
  { key: 'version', args: ['--version'], what: '`iom --version`', target: 1.15 },
  { key: 'help', args: ['--help'], what: '`iom --help`', target: 1.15 },
  { key: 'info', args: ['info'], what: '`iom info`', target: 1.3 },
  { key: 'sources', args: ['sources'], what: '`iom sources`', target: 1.3 },
  { key: 'donors', args: ['donors'], what: '`iom donors`', target: 1.3 },
  { key: 'query1', args: ['query', '--limit', '1'], what: '`iom query --limit 1`', target: 1.3 },
];

/** { floor, results: [{ ...cmd, median, ratio, ok, samples }] } */
export function timeStartup(db, { runs = 15, warmup = 2 } = {}) {
  const node = process.execPath;
  const timed = [{ key: 'node -e 0', cmd: node, args: ['-e', '0'] }, ...STARTUP_CMDS.map((c) => ({ key: c.key, cmd: node, args: [BIN, ...c.args], env: { IOM_DB: db } }))];
  const t = timeInterleaved(timed, { runs, warmup });
  const floor = t['node -e 0'].median;
  const results = STARTUP_CMDS.map((c) => {
    const r = t[c.key];
    if (r.failed) return { ...c, failed: r.failed };
    const ratio = r.median / floor;
    return { ...c, median: r.median, ratio, ok: ratio <= c.target, samples: r.samples };
  });
  return { floor, floorSamples: t['node -e 0'].samples, results };
}

export function fixtureDb() {
  const dir = mkdtempSync(join(tmpdir(), 'iom-startup-'));
  const db = join(dir, 'iom.sqlite');
  const r = spawnSync(process.execPath, [BIN, '-q', 'ingest', join(ROOT, 'fixtures', 'seeds')], { env: { ...process.env, IOM_DB: db }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ingest of fixtures/seeds failed: ${r.stderr}`);
  return { db, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--runs');
  const runs = i >= 0 ? Number(argv[i + 1]) : 15;
  const given = argv.find((a, k) => !a.startsWith('--') && argv[k - 1] !== '--runs');
  const made = given ? null : fixtureDb();
  try {
    const r = timeStartup(given ?? made.db, { runs });
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(r)}\n`);
    else {
      process.stdout.write(`node -e 0: ${fmtMs(r.floor)} (median of ${runs})\n`);
      for (const c of r.results) {
        process.stdout.write(c.failed ? `${c.what}: failed (${c.failed})\n` : `${c.what.padEnd(24)} ${fmtMs(c.median).padStart(9)}  ${c.ratio.toFixed(2)}×  target ≤ ${c.target}×  ${c.ok ? 'met' : 'not met'}\n`);
      }
    }
  } finally {
    made?.cleanup();
  }
}
