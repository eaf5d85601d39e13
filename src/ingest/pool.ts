// Parsing on every core: `iom ingest` of many files hands read + repair + extract + normalize to
// worker threads and stores their results on the main thread, in the order the files were given
// (so the database and the report are the same as with one thread). A file's records are stored
// in one transaction, as without threads. See ingest-run.ts for the loop around it.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IomError, InputError } from '../errors.js';
import type { OcrProgress } from '../read/ocr.js';
import type { IngestOptions, Parsed } from './index.js';

export interface Task {
  seq: number;
  path: string;
  opts: IngestOptions;
  /** The hash stored for this path: the worker skips parsing when the file still has it. */
  knownHash?: string;
  today?: string;
}

export type Reply =
  | { seq: number; progress: OcrProgress }
  | { seq: number; ok: true; unchanged: true }
  | { seq: number; ok: true; unchanged: false; parsed: Parsed }
  | { seq: number; ok: false; iom: boolean; name: string; message: string; path: string; exitCode: number };

/** What a file gave: records to store, "unchanged", or an error to report. */
export type Outcome = { kind: 'parsed'; parsed: Parsed } | { kind: 'unchanged' } | { kind: 'error'; error: Error };

const WORKER = new URL('./worker.js', import.meta.url);

/** Threads to parse with: one per core, at most 4; none when the compiled worker is missing (tests on src). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

export function poolAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/**
 * Parses `paths` on `jobs` threads and yields each file's outcome in the order of `paths`.
 * At most 2 × jobs files are parsed ahead of the one being stored, so memory stays bounded.
 * Stop early by breaking out of the loop: the threads are terminated.
 */
export async function* parseInPool(
  paths: string[],
  opts: IngestOptions & { today?: Date },
  jobs: number,
  knownHash: (path: string) => string | undefined,
  onOcrProgress?: (path: string, p: OcrProgress) => void,
): AsyncGenerator<Outcome> {
  // (a function cannot cross to a thread: OCR progress comes back as messages)
  const { today, onOcrProgress: _local, ...readOpts } = opts;
  // A small young generation per thread: parse5 makes much short-lived garbage, and V8's default
  // young generation, per thread, took 10,000-page ingests past 400 MB (measured: ~380 -> ~290 MB
  // on 500 pages, same time).
  const workers = Array.from({ length: Math.min(jobs, paths.length) }, () => new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 4 } }));
  const idle = [...workers];
  const results = new Map<number, Outcome>();
  let next = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const ahead = 2 * workers.length;
  let want = 0; // the next sequence number to yield

  const dispatch = () => {
    while (idle.length && next < paths.length && next < want + ahead) {
      const w = idle.pop()!;
      const seq = next++;
      const task: Task = { seq, path: paths[seq]!, opts: readOpts, knownHash: knownHash(paths[seq]!), today: today?.toISOString() };
      w.postMessage(task);
    }
  };
  for (const w of workers) {
    w.on('message', (reply: Reply) => {
      if ('progress' in reply) {
        onOcrProgress?.(paths[reply.seq]!, reply.progress);
        return;
      }
      results.set(reply.seq, toOutcome(reply));
      idle.push(w);
      dispatch();
      notify();
    });
    w.on('error', (err) => {
      failure = err;
      notify();
    });
    w.on('exit', (code) => {
      if (code !== 0 && !failure) failure = new Error(`a parsing thread stopped (exit code ${code})`);
      notify();
    });
  }
  try {
    dispatch();
    while (want < paths.length) {
      const got = results.get(want);
      if (got) {
        results.delete(want);
        want++;
        dispatch();
        yield got;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const w of workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }
}

function toOutcome(reply: Exclude<Reply, { progress: OcrProgress }>): Outcome {
  if (reply.ok) return reply.unchanged ? { kind: 'unchanged' } : { kind: 'parsed', parsed: reply.parsed };
  if (!reply.iom) return { kind: 'error', error: Object.assign(new Error(reply.message), { name: reply.name }) };
  const error = reply.name === 'InputError' ? new InputError(reply.message, reply.path) : new IomError(reply.message);
  error.exitCode = reply.exitCode;
  return { kind: 'error', error };
}
