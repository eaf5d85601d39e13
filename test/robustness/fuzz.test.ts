// The bounded fuzz test (issue 6): thousands of inputs generated from the fixtures by
// fuzz-gen.mjs (bit flips, truncations, splices, NUL and control bytes, huge lines, tag soup,
// PDF garbage, odd labels and values, encodings, ...) go through `ingestFile` in child processes
// (fuzz-child.mjs), then a few dozen through the real binary. What must hold:
//   - no crash: every failure is an IomError (an InputError naming the file, one line);
//   - no hang: a child that gives no result for one input within IOM_FUZZ_HANG_MS is killed,
//     the input is recorded as a hang, and a new child goes on after it;
//   - a refused input leaves the database as it was (source and project counts around every
//     input, a digest of every row of every table around every DIGEST_EVERY-th input);
//   - a stored input adds one source and as many projects as it reports, and its projects break
//     none of the rules of `iom check` (checked right after it, so a failure names the input);
//   - at the end SQLite's integrity check and `iom check` find each database consistent.
//
// Bounded by default (IOM_FUZZ_COUNT inputs of seed IOM_FUZZ_SEED, on IOM_FUZZ_JOBS processes;
// the run stops after IOM_FUZZ_MAX_HANGS hangs). Run more by hand, e.g.
//   npm run build && IOM_FUZZ_COUNT=20000 IOM_FUZZ_SEED=7 npx vitest run test/robustness/fuzz.test.ts
// (IOM_FUZZ_REPORT=/tmp/fuzz.json writes every result, with its time, for a closer look.)
// One input, to look at or reproduce a failure:
//   node test/robustness/fuzz-gen.mjs <seed> <i> > /tmp/in && node bin/iom.js --debug ingest /tmp/in --db /tmp/repro.sqlite
import { fork, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, iom, tempDir } from '../helpers.js';
import { checkDb } from '../../src/store/check.js';
import { failedRules } from './lib.js';
// @ts-expect-error plain ESM without types, shared with the child process
import { makeInput } from './fuzz-gen.mjs';

const env = (name: string, dflt: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? dflt : Number(v);
};
const SEED = env('IOM_FUZZ_SEED', 20_260_611);
/** 1,500 took 54 s on a loaded 2-core machine (load ~3), 2,000 took 82 s. */
const COUNT = env('IOM_FUZZ_COUNT', 1500);
/** No result for one input within this time: a hang. Generous: a loaded 2-core machine. */
const HANG_MS = env('IOM_FUZZ_HANG_MS', 45_000);
/** Child processes running inputs side by side, each with its own database and range. */
const JOBS = Math.max(1, env('IOM_FUZZ_JOBS', Math.min(2, availableParallelism())));
/** Stop after this many hangs: each costs HANG_MS, and a few are enough to show the bug. */
const MAX_HANGS = env('IOM_FUZZ_MAX_HANGS', 3);
/** A fresh child after this many inputs, so that what the caches hold cannot pile up. */
const CHUNK = 1000;
const PDF_TIMEOUT_MS = 10_000;
const DIGEST_EVERY = 40;
const CLI_COUNT = 30;

const CHILD = fileURLToPath(new URL('./fuzz-child.mjs', import.meta.url));

interface Counts {
  sources: number;
  projects: number;
  changes: number;
}
interface Done {
  type: 'done';
  i: number;
  how: string;
  bytes: number;
  ms: number;
  path: string;
  status: 'stored' | 'refused' | 'crash';
  outcome?: string;
  records?: number;
  /** For a stored input: the `iom check` rules its projects break (see fuzz-child.mjs). */
  problems?: string[];
  error?: string;
  message?: string;
  errorPath?: string;
  stack?: string;
  before: Counts;
  after: Counts;
  digestBefore?: string;
  digestAfter?: string;
}
interface Failure {
  kind: 'hang' | 'died';
  i: number;
  how: string;
  bytes: number;
  detail: string;
}
type Message = { type: 'ready' } | { type: 'start'; i: number; how: string; bytes: number } | Done | { type: 'end' };

const repro = (i: number) => `node test/robustness/fuzz-gen.mjs ${SEED} ${i} > /tmp/in && node bin/iom.js --debug ingest /tmp/in --db /tmp/repro.sqlite`;

/** One child over inputs [from, to): what it finished, and the input it hung or died on, if any. */
function runChild(from: number, to: number, dbPath: string, dir: string): Promise<{ done: Done[]; failure?: Failure; ended: boolean }> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [dbPath, dir, String(SEED), String(from), String(to), String(PDF_TIMEOUT_MS), String(DIGEST_EVERY)], {
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stdout!.resume();
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-3000)));
    const done: Done[] = [];
    let current: { i: number; how: string; bytes: number } | undefined;
    let timer: NodeJS.Timeout | undefined;
    let hung = false;
    let ended = false;
    child.on('message', (m: Message) => {
      if (m.type === 'start') {
        current = m;
        timer = setTimeout(() => {
          hung = true;
          child.kill('SIGKILL');
        }, HANG_MS);
      } else if (m.type === 'done') {
        clearTimeout(timer);
        current = undefined;
        done.push(m);
      } else if (m.type === 'end') ended = true;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = done.at(-1)?.i;
      let failure: Failure | undefined;
      if (current) {
        failure = hung
          ? { kind: 'hang', ...current, detail: `no result after ${HANG_MS / 1000} s` }
          : { kind: 'died', ...current, detail: `the process ended during this input (code ${code}, signal ${signal})\n${stderr}` };
      } else if (!ended) {
        const i = last === undefined ? from : last + 1;
        failure = { kind: 'died', i, how: '(between inputs)', bytes: 0, detail: `the process ended before input ${i} started (code ${code}, signal ${signal})\n${stderr}` };
      }
      resolve({ done, failure, ended });
    });
  });
}

/** Inputs [from, to) into one database: a new child after each hang (after the input that hung). */
async function runRange(from: number, to: number, dbPath: string, dir: string, budget: { hangs: number }) {
  const done: Done[] = [];
  const failures: Failure[] = [];
  let next = from;
  while (next < to && budget.hangs < MAX_HANGS) {
    const end = Math.min(to, next + CHUNK);
    const r = await runChild(next, end, dbPath, dir);
    done.push(...r.done);
    if (r.failure) {
      failures.push(r.failure);
      if (r.failure.kind === 'hang') budget.hangs++;
      if (r.failure.how === '(between inputs)') break; // it cannot even start: nothing to skip past
      next = r.failure.i + 1;
    } else next = end;
  }
  return { done, failures, stoppedAt: next };
}

const tmp = tempDir('iom-fuzz-');
afterAll(tmp.cleanup);

function integrity(path: string): unknown {
  const d = new Database(path, { readonly: true });
  try {
    return d.pragma('integrity_check', { simple: true });
  } finally {
    d.close();
  }
}

function top<T>(items: T[], key: (x: T) => string, n: number): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

describe(`fuzz: ${COUNT} inputs of seed ${SEED}`, () => {
  it('ingestFile: no crash, no hang, one-line errors naming the file, refused inputs change nothing, database consistent', async () => {
    const t0 = performance.now();
    const budget = { hangs: 0 };
    const per = Math.ceil(COUNT / JOBS);
    const ranges = Array.from({ length: JOBS }, (_, j) => [j * per, Math.min(COUNT, (j + 1) * per)] as const).filter(([a, b]) => a < b);
    const runs = await Promise.all(
      ranges.map(([a, b], j) => runRange(a, b, join(tmp.dir, `fuzz-${j}.sqlite`), join(tmp.dir, `inputs-${j}`), budget).then((r) => ({ ...r, db: join(tmp.dir, `fuzz-${j}.sqlite`) }))),
    );
    const seconds = (performance.now() - t0) / 1000;
    // Every result as JSON, to study a run: IOM_FUZZ_REPORT=/tmp/fuzz.json
    if (process.env.IOM_FUZZ_REPORT) {
      writeFileSync(process.env.IOM_FUZZ_REPORT, JSON.stringify({ seed: SEED, count: COUNT, jobs: JOBS, seconds, runs: runs.map(({ done, failures }) => ({ done, failures })) }));
    }
    const done = runs.flatMap((r) => r.done).sort((a, b) => a.i - b.i);
    const failures = runs.flatMap((r) => r.failures).sort((a, b) => a.i - b.i);
    const stored = done.filter((d) => d.status === 'stored');
    const refused = done.filter((d) => d.status === 'refused');
    const crashes = done.filter((d) => d.status === 'crash');

    // What ran, for the log (and for whoever reads a failure).
    const kinds = top(done, (d) => d.how.replace(/ of .*/, '').split('+')[0]!, 30);
    const slow = [...done].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(
      [
        `fuzz seed ${SEED}: ${done.length} of ${COUNT} inputs in ${seconds.toFixed(1)} s (${JOBS} process${JOBS > 1 ? 'es' : ''}): ` +
          `${stored.length} stored, ${refused.length} refused, ${crashes.length} crashed, ${failures.filter((f) => f.kind === 'hang').length} hung, ` +
          `${failures.filter((f) => f.kind === 'died').length} died`,
        'refusals:',
        ...top(refused, (d) => d.message!.replace(/\d+(\.\d+)?/g, 'N').slice(0, 90), 10).map(([m, n]) => `  ${String(n).padStart(5)}  ${m}`),
        `mutations: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}`,
        `slowest: ${slow.map((d) => `#${d.i} ${(d.ms / 1000).toFixed(1)} s (${d.how}, ${d.bytes} bytes)`).join('; ')}`,
      ].join('\n'),
    );

    expect.soft(
      crashes.map((d) => `#${d.i} (${d.how}, ${d.bytes} bytes): ${d.error}: ${d.message}\n${d.stack?.split('\n').slice(1, 8).join('\n')}\n  reproduce: ${repro(d.i)}`),
      'inputs that threw something other than an IomError',
    ).toEqual([]);
    expect.soft(
      failures.map((f) => `#${f.i} (${f.how}, ${f.bytes} bytes): ${f.kind}: ${f.detail}\n  reproduce: ${repro(f.i)}`),
      `inputs that hung (no result within ${HANG_MS / 1000} s) or killed the process` + (budget.hangs >= MAX_HANGS ? `; stopped after ${MAX_HANGS} hangs` : ''),
    ).toEqual([]);
    expect.soft(done.length, 'inputs that ran').toBe(COUNT);

    // Every refusal: an InputError about this file, in one short line.
    const badErrors = refused.filter(
      (d) => d.error !== 'InputError' || d.errorPath !== d.path || !d.message!.trim() || /[\r\n]/.test(d.message!) || d.message!.length > 300,
    );
    expect.soft(
      badErrors.map((d) => `#${d.i} (${d.how}): ${d.error} for ${d.errorPath ?? '(no path)'}: ${JSON.stringify(d.message)}`),
      'refusals that are not a one-line InputError naming the file',
    ).toEqual([]);

    // A refused input changed nothing; a stored one added its source and its projects.
    const changedByRefusal = refused.filter(
      (d) => d.before.sources !== d.after.sources || d.before.projects !== d.after.projects || d.digestBefore !== d.digestAfter,
    );
    expect.soft(
      changedByRefusal.map((d) => `#${d.i} (${d.how}): ${JSON.stringify(d.before)} -> ${JSON.stringify(d.after)}${d.digestBefore !== d.digestAfter ? ', rows changed' : ''}`),
      'refused inputs that changed the database',
    ).toEqual([]);
    if (COUNT >= 10 * DIGEST_EVERY) expect(refused.filter((d) => d.digestBefore).length, 'refused inputs checked row by row').toBeGreaterThan(COUNT / DIGEST_EVERY / 4);
    // The same content is one source: an input whose bytes an earlier input had (a mutation that
    // changed nothing) is a copy or a move of it, and adds no source and no project.
    const same = (d: (typeof stored)[number]) => (d.outcome === 'moved' || d.outcome === 'copy') && d.after.sources === d.before.sources && d.after.projects === d.before.projects;
    const badStores = stored.filter(
      (d) => !same(d) && (d.outcome !== 'added' || d.records! < 1 || d.after.sources !== d.before.sources + 1 || d.after.projects !== d.before.projects + d.records!),
    );
    expect.soft(
      badStores.map((d) => `#${d.i} (${d.how}): ${d.outcome}, ${d.records} records; ${JSON.stringify(d.before)} -> ${JSON.stringify(d.after)}`),
      'stored inputs whose rows do not add up',
    ).toEqual([]);
    expect.soft(
      stored.filter((d) => d.problems?.length).map((d) => `#${d.i} (${d.how}): ${d.problems!.join('; ')}\n  reproduce: ${repro(d.i)} && node bin/iom.js check --db /tmp/repro.sqlite`),
      'stored inputs that break a rule of `iom check`',
    ).toEqual([]);
    // The fuzz reaches past the reader: some inputs are stored, some refused for having no project.
    if (COUNT >= 200) {
      expect(stored.length).toBeGreaterThan(COUNT / 10);
      expect(refused.filter((d) => /^no project found/.test(d.message!)).length).toBeGreaterThan(COUNT / 20);
    }

    // Each database: SQLite's integrity check, the tool's own rules (checkDb, and `iom check`).
    for (const run of runs) {
      const { db } = run;
      const d = new Database(db);
      try {
        expect.soft(d.pragma('integrity_check', { simple: true }), `integrity_check of ${db}`).toBe('ok');
        expect.soft(checkDb(d).filter((r) => !r.ok), `checkDb of ${db}`).toEqual([]);
        expect(d.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(run.done.filter((x) => x.status === 'stored' && x.outcome === 'added').length);
      } finally {
        d.close();
      }
      const check = iom(['check', '--json'], { db });
      expect(check.stderr, `iom check --db ${db}`).not.toMatch(/internal error|^\s+at /m);
      expect.soft(check.code, `iom check --db ${db}: ${failedRules(check.stdout)}`).toBe(0);
    }
  }, 40 * 60_000);

  it(`the real binary: ${CLI_COUNT} fuzz inputs in a folder, exit 0 or 1, one line per bad file naming it, database consistent`, () => {
    const dir = join(tmp.dir, 'cli-inputs');
    mkdirSync(dir, { recursive: true });
    const seed = SEED + 1;
    const inputs: Array<{ name: string; how: string }> = [];
    for (let i = 0; i < CLI_COUNT; i++) {
      const input = makeInput(seed, i) as { name: string; how: string; bytes: Buffer };
      writeFileSync(join(dir, input.name), input.bytes);
      inputs.push(input);
    }
    expect(readdirSync(dir)).toHaveLength(CLI_COUNT);
    const describeInput = (name: string) => {
      const i = inputs.findIndex((x) => x.name === name);
      return `${name} (${inputs[i]?.how}; node test/robustness/fuzz-gen.mjs ${seed} ${i})`;
    };

    // Parsing threads (the default for a folder of many files) and one thread: the same report.
    const lines: Record<string, Map<string, string>> = {};
    for (const jobs of ['2', '1']) {
      const db = join(tmp.dir, `cli-${jobs}.sqlite`);
      const r = spawnSync(process.execPath, [BIN, 'ingest', dir, '--jobs', jobs, '--db', db, '--pdf-timeout', '10'], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', IOM_DB: '' },
        encoding: 'utf8',
        timeout: 240_000,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
      });
      const seen = new Set<string>();
      const perFile = new Map<string, string>();
      const stray: string[] = [];
      for (const line of r.stderr.split('\n').filter(Boolean)) {
        let m: RegExpExecArray | null;
        if ((m = /^[+=~>] (.+?): (.+)$/.exec(line)) || (m = /^iom: (.+?): (.+)$/.exec(line))) {
          const name = m[1]!.split('/').at(-1)!;
          if (!inputs.some((x) => x.name === name)) stray.push(line);
          seen.add(name);
          perFile.set(name, line.startsWith('iom: ') ? `refused: ${m[2]}` : 'stored');
        } else if (!/^\d+ files?: \d+ stored \(\d+ records?\), (\d+ moved, )?\d+ unchanged, \d+ failed; database /.test(line)) stray.push(line);
      }
      lines[jobs] = perFile;
      const what = `iom ingest --jobs ${jobs} (exit ${r.status}, signal ${r.signal}${r.error ? `, ${r.error.message}` : ''}):\n${r.stderr}`;
      const missing = inputs.filter((x) => !seen.has(x.name)).map((x) => describeInput(x.name));
      expect(r.signal === null && !r.error, `${what}\nfiles without a result: ${missing.join(', ')}`).toBe(true);
      expect([0, 1], what).toContain(r.status);
      expect(r.stderr, what).not.toMatch(/^\s+at |TypeError|RangeError|ReferenceError|SyntaxError|internal error/m);
      expect(stray, `${what}\nlines that are neither a result nor an error naming a file`).toEqual([]);
      expect(missing, what).toEqual([]);
      const failed = [...perFile.values()].filter((v) => v.startsWith('refused')).length;
      expect(r.status, what).toBe(failed ? 1 : 0);
      const check = iom(['check', '--json'], { db });
      expect.soft(check.code, `iom check after iom ingest --jobs ${jobs}: ${failedRules(check.stdout)}`).toBe(0);
      expect(integrity(db)).toBe('ok');
    }
    expect(Object.fromEntries(lines['2']!), 'the same outcome per file with threads and without').toEqual(Object.fromEntries(lines['1']!));
  }, 600_000);
});
