// Shared helpers: paths, a seeded PRNG, statistics, and timing of whole processes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_DIR = join(ROOT, '.bench');
export const BIN = join(ROOT, 'bin', 'iom.js');
export const DIST = join(ROOT, 'dist');
export const distUrl = (p) => new URL(`../../dist/${p}`, import.meta.url).href;

export function ensureDir(p) {
  mkdirSync(p, { recursive: true });
  return p;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

/** Picker over [item, weight] where weight is at index `wi` of each entry. */
export function weighted(items, wi) {
  const cum = [];
  let total = 0;
  for (const it of items) cum.push((total += it[wi]));
  return (r) => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const sha = (s, n = 16) => createHash('sha256').update(s).digest('hex').slice(0, n);
export const fileSha = (p, n = 12) => (existsSync(p) ? sha(readFileSync(p), n) : 'none');

export function fmtMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

/** Longest a single timed run may take before it is killed and reported as timed out. */
export const RUN_TIMEOUT_MS = Number(process.env.IOM_BENCH_TIMEOUT_S ?? (process.argv.includes('--quick') ? 15 : 60)) * 1000;

/** Runs a command once and returns its wall time in ms, exit status, stderr and (optionally) stdout. */
export function runOnce(cmd, args, { env, cwd = ROOT, keepStdout = false, input, timeoutMs } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', keepStdout ? 'pipe' : 'ignore', 'pipe'],
    input,
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const timedOut = r.error?.code === 'ETIMEDOUT' || (timeoutMs !== undefined && r.signal === 'SIGKILL' && ms >= timeoutMs);
  return { ms, status: r.status, signal: r.signal, stderr: r.stderr?.toString() ?? '', stdout: keepStdout ? r.stdout : null, error: r.error, timedOut };
}

/**
 * Times several commands interleaved (one of each per round, the order rotating each round),
 * after `warmup` untimed rounds, so that drift of the machine hits all of them alike.
 * cmds: [{ key, cmd, args, env, runs?, warmup? }] (a slow command may take fewer runs).
 * Returns { key: { samples, median, failed, timedOut } }.
 */
export function timeInterleaved(cmds, { runs, warmup = 1 }) {
  const out = Object.fromEntries(cmds.map((c) => [c.key, { samples: [], failed: null, done: 0 }]));
  const rounds = Math.max(...cmds.map((c) => (c.warmup ?? warmup) + (c.runs ?? runs)));
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < cmds.length; j++) {
      const c = cmds[(round + j) % cmds.length];
      const w = c.warmup ?? warmup;
      if (out[c.key].failed || out[c.key].done >= w + (c.runs ?? runs)) continue;
      const isWarmup = out[c.key].done++ < w;
      const r = runOnce(c.cmd, c.args, { env: c.env, input: c.input, timeoutMs: RUN_TIMEOUT_MS });
      if (r.timedOut) {
        out[c.key].failed = `took over ${RUN_TIMEOUT_MS / 1000} s; killed`;
        out[c.key].timedOut = true;
        continue;
      }
      if (r.status !== 0) {
        out[c.key].failed = `exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 200);
        continue;
      }
      if (!isWarmup) out[c.key].samples.push(r.ms);
    }
  }
  for (const v of Object.values(out)) {
    v.median = median(v.samples);
    delete v.done;
  }
  return out;
}

const TIME_BIN = '/usr/bin/time';
export const hasGnuTime = (() => {
  if (!existsSync(TIME_BIN)) return false;
  const r = spawnSync(TIME_BIN, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr);
})();

/**
 * Runs a command once and measures its peak memory (maximum resident set size, MB) and wall time.
 * Uses GNU time when installed; otherwise, for node commands, a preload that writes
 * process.resourceUsage().maxRSS at exit.
 */
export function runWithPeakMemory(cmd, args, { env, keepStdout = false } = {}) {
  const out = join(tmpdir(), `iom-bench-rss-${process.pid}-${Date.now()}`);
  let r;
  if (hasGnuTime) {
    r = runOnce(TIME_BIN, ['-f', '%M', '-o', out, cmd, ...args], { env, keepStdout });
  } else if (cmd === process.execPath) {
    const preload = join(ROOT, 'scripts', 'bench', 'maxrss-preload.cjs');
    r = runOnce(cmd, ['--require', preload, ...args], { env: { ...env, IOM_BENCH_RSS_OUT: out }, keepStdout });
  } else return { ...runOnce(cmd, args, { env, keepStdout }), peakMb: NaN, how: 'none' };
  let peakMb = NaN;
  try {
    const kb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb) && kb > 0) peakMb = kb / 1024;
  } catch {
    /* no figure */
  }
  rmSync(out, { force: true });
  return { ...r, peakMb, how: hasGnuTime ? '/usr/bin/time' : 'maxRSS preload' };
}

/** Runs a bench helper script with node and parses the JSON it prints on stdout. */
export function runJsonChild(script, args = [], { env, nodeArgs = [] } = {}) {
  const r = runOnce(process.execPath, [...nodeArgs, join(ROOT, 'scripts', 'bench', script), ...args], { env, keepStdout: true });
  if (r.status !== 0) {
    const err = new Error(`${script} failed (exit ${r.status ?? r.signal}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    err.stderr = r.stderr;
    throw err;
  }
  return { ...JSON.parse(r.stdout.toString()), wallMs: r.ms, stderr: r.stderr };
}
