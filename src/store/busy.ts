// Waiting for the write lock. Several `iom ingest` processes on one database take turns: SQLite's
// busy timeout waits for a lock, and when it runs out (a long run of other writers, a machine
// under load) the whole transaction is tried again after a short, growing, jittered pause, so
// that any number of concurrent ingests all succeed. Nothing is half-written meanwhile: a
// transaction that got SQLITE_BUSY was rolled back by SQLite before it is retried.

/** The SQLite result codes that mean "someone else holds the lock; try again". */
const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']);

export function isBusy(err: unknown): boolean {
  return BUSY.has((err as { code?: string } | undefined)?.code ?? '');
}

export interface RetryOptions {
  /** Give up after this much waiting in total (default: 10 minutes). */
  maxWaitMs?: number;
  /** Called before each pause (tests release a lock here). */
  onRetry?: (attempt: number) => void;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Runs `fn` (a whole transaction), again while it fails because the database is locked. */
export function retryBusy<T>(fn: () => T, opts: RetryOptions = {}): T {
  const max = opts.maxWaitMs ?? 600_000;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || Date.now() - started >= max) throw err;
      opts.onRetry?.(attempt);
      const pause = Math.min(1000, 20 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random());
      sleep(pause);
    }
  }
}
