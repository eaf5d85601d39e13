// The ingest command's loop: per-file report on stderr, one transaction per file,
// keep going after a bad file, decide the exit code once at the end.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { IomError, InputError } from '../errors.js';
import { visibleLine } from '../output/safe.js';
import { collectFiles } from '../ingest/files.js';
import { ingestFile, storeFile, unchangedFile, type FileResult, type IngestOptions } from '../ingest/index.js';
import { defaultJobs, parseInPool, poolAvailable } from '../ingest/pool.js';
import { openDb, optimizeDb, resolveDbPath } from '../store/db.js';
import type { ReadOptions } from '../read/index.js';
import type { UrlOptions } from '../fetch/run.js';
import type { OcrProgress } from '../read/ocr.js';
import type { Globals, logger as makeLogger } from './options.js';

const KIND_LABEL: Record<string, string> = {
  'iom-project-sheet': 'project sheet',
  'iom-activity-sheet': 'activity sheet',
  'iom-news': 'news item',
  'ngo-article': 'NGO article',
  'project-page': 'project page',
};

/** Below this many files, threads cost more to start than they save. */
const POOL_MIN_FILES = 8;

export interface IngestRunOptions extends IngestOptions {
  jobs?: number;
  /** Pages to fetch (URLs given as arguments or in --urls), and how. */
  urls?: string[];
  urlErrors?: IomError[];
  web?: UrlOptions;
}

export async function runIngest(paths: string[], opts: IngestRunOptions, g: Globals, log: ReturnType<typeof makeLogger>): Promise<void> {
  const show = (p: string) => {
    if (/^https?:\/\//i.test(p)) return p;
    const r = relative(process.cwd(), p);
    return visibleLine(r && !r.startsWith('..') ? r : p);
  };
  const urls = opts.urls ?? [];
  const { files, errors, skipped } = paths.length ? await collectFiles(paths) : { files: [], errors: [], skipped: 0 };
  for (const e of [...(opts.urlErrors ?? []), ...errors]) log.error(`${e instanceof InputError ? `${e.path}: ` : ''}${e.message}`);
  let failed = errors.length + (opts.urlErrors?.length ?? 0);
  if (skipped) log.info(`skipped ${skipped} file${skipped > 1 ? 's' : ''} that are not .html, .htm, .pdf or .txt (name them to read them anyway)`);
  if (files.length === 0 && urls.length === 0) {
    process.exitCode = 1;
    return;
  }
  const dbPath = resolveDbPath(g.db);
  const db = openDb(dbPath);
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log.info('interrupted: finishing the current file, then stopping (Ctrl-C again to quit now)');
  };
  process.on('SIGINT', onSigint);
  // Many files on a terminal: a progress bar instead of a line per file; problems are listed after it.
  const bar = files.length >= 20 && urls.length === 0 && process.stderr.isTTY && !g.quiet ? await progressBar(files.length) : undefined;
  // OCR of a scanned PDF takes seconds a page: on a terminal, a bar of its pages (or, under the
  // bar of files, the page count beside it).
  const pageBar = bar || !process.stderr.isTTY || g.quiet || opts.ocr === 'never' ? undefined : await pageBars(show);
  const onOcrProgress = (file: string, p: OcrProgress) => {
    if (bar) bar.update({ ocr: p.done < p.total ? `  OCR ${p.done}/${p.total} pages` : '' });
    else pageBar?.update(file, p);
  };
  const readOpts: ReadOptions = { ...opts, onOcrProgress: undefined };
  const deferred: string[] = [];
  const note = (line: string, problem = false) => {
    if (!bar) return problem ? log.error(line) : log.info(line);
    if (problem) deferred.push(line);
  };
  let added = 0;
  let unchanged = 0;
  let moved = 0;
  let records = 0;
  let done = 0;
  let pages = 0;
  const report = (file: string, r: FileResult) => {
    done++;
    if (r.outcome === 'unchanged') {
      unchanged++;
      note(`= ${show(file)}: unchanged`);
      return;
    }
    if (r.outcome === 'copy') {
      unchanged++;
      note(`= ${show(file)}: the same content as ${show(r.sameAs!)}, stored once`);
      return;
    }
    if (r.outcome === 'moved') {
      moved++;
      note(`> ${show(file)}: moved from ${show(r.sameAs!)} (same content; its path is updated, its records kept)`);
      return;
    }
    added++;
    records += r.records;
    const warn = (r.ocr ? `; OCR: ${r.ocr.pages} page${r.ocr.pages === 1 ? '' : 's'}, confidence ${Math.round(r.ocr.confidence)}%` : '') + (r.warnings.length ? `; ${r.warnings.join('; ')}` : '');
    note(
      `${r.outcome === 'replaced' ? '~' : '+'} ${show(file)}: ${KIND_LABEL[r.kind!] ?? r.kind}, ${r.records} record${r.records === 1 ? '' : 's'}, ${r.repairs} repair${r.repairs === 1 ? '' : 's'}${r.outcome === 'replaced' ? ' (replaced the earlier version)' : ''}${warn}`,
    );
  };
  const fail = (file: string, err: unknown) => {
    if (!(err instanceof IomError)) throw err;
    done++;
    failed++;
    const path = err instanceof InputError ? err.path : file;
    note(`${show(path)}: ${err.message}`, true);
  };
  // More threads than cores only costs memory (each thread holds its pages and a lexicon).
  const cores = availableParallelism();
  if (opts.jobs !== undefined && opts.jobs > cores) log.info(`--jobs ${opts.jobs} is more than this machine's ${cores} core${cores === 1 ? '' : 's'}: using ${cores}`);
  const jobs = Math.min(opts.jobs ?? defaultJobs(), cores);
  try {
    if (jobs > 1 && files.length >= POOL_MIN_FILES && poolAvailable()) {
      // Parsing on `jobs` threads, storing here, in the order of the files.
      const stored = new Map((db.prepare('SELECT path, hash FROM sources').all() as { path: string; hash: string }[]).map((r) => [r.path, r.hash]));
      let i = 0;
      for await (const out of parseInPool(files, readOpts, jobs, (p) => stored.get(p), onOcrProgress)) {
        const file = files[i++]!;
        try {
          if (out.kind === 'error') throw out.error;
          report(file, out.kind === 'unchanged' ? unchangedFile(file) : storeFile(db, file, out.parsed));
        } catch (err) {
          fail(file, err);
        } finally {
          bar?.update(done);
        }
        if (interrupted) break;
      }
    } else {
      for (const file of files) {
        if (interrupted) break;
        try {
          report(file, await ingestFile(db, file, { ...readOpts, onOcrProgress: (p) => onOcrProgress(file, p) }));
        } catch (err) {
          fail(file, err);
        } finally {
          pageBar?.stop();
          bar?.update(done);
        }
      }
    }
    if (urls.length && !interrupted) {
      const { ingestUrls } = await import('../fetch/run.js');
      const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      const r = await ingestUrls(urls, { db, dbPath, version, opts: { ...opts, ...opts.web! }, note: (m) => note(m), report, fail, interrupted: () => interrupted });
      pages = r.pages;
    }
  } finally {
    pageBar?.stop();
    bar?.stop();
    for (const line of deferred) log.error(line);
    process.off('SIGINT', onSigint);
    if (added) optimizeDb(db);
    db.close();
  }
  const total = files.length + pages;
  const stopped = interrupted ? `stopped after ${done} of ${total} ${pages ? 'files and pages' : 'files'}; ` : '';
  const what = [files.length || !pages ? `${files.length} file${files.length === 1 ? '' : 's'}` : '', pages ? `${pages} page${pages === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
  log.info(
    `${stopped}${what}: ${added} stored (${records} ${records === 1 ? 'record' : 'records'}), ${moved ? `${moved} moved, ` : ''}${unchanged} unchanged, ${failed} failed; database ${dbPath}`,
  );
  if (failed || interrupted) process.exitCode = interrupted ? 130 : 1;
}

async function progressBar(total: number) {
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'ingest [{bar}] {value}/{total} files  {eta_formatted} left{ocr}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { ocr: '' });
  return bar;
}

/** One bar per scanned PDF, page by page, while OCR reads it (stderr, terminal only). */
async function pageBars(show: (p: string) => string) {
  const { SingleBar } = await import('cli-progress');
  let bar: InstanceType<typeof SingleBar> | undefined;
  let current: string | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
    current = undefined;
  };
  return {
    update(file: string, p: OcrProgress) {
      if (p.total === 0) return;
      if (current !== file) {
        stop();
        current = file;
        bar = new SingleBar({
          stream: process.stderr,
          format: `OCR ${show(file)} [{bar}] {value}/{total} pages  {eta_formatted} left`,
          barCompleteChar: '█',
          barIncompleteChar: '░',
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(p.total, p.done);
      } else {
        bar!.setTotal(p.total);
        bar!.update(p.done);
      }
      if (p.done >= p.total) stop();
    },
    stop,
  };
}
