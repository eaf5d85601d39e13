// Reading PDFs: the text layer of each page, as pdf.js (through pdf-parse v2) extracts it.
//
// Import this module lazily (`await import('./pdf.js')`): it is only needed when a PDF is read.
//
// Output conventions of readPdf():
// - `text` has one line per line of text on the page, as pdf.js groups it (lines are trimmed;
//   text items far apart on one line are separated by a tab, as pdf-parse does).
// - Pages are separated by one blank line ("\n\n"); there are no blank lines inside a page, so a
//   blank line always means a page break. A page with no text adds nothing (a warning names it).
// - Nothing is repaired here: line-end hyphens stay ("par-\nmi"), lost ligatures stay lost
//   ("Migraon"), running headers and side labels stay where pdf.js puts them. The only change is
//   that control characters (C0 except tab, and DEL) are removed, with a warning: pdf.js emits
//   them for glyphs that have no Unicode mapping.
//
// Safety: the PDF is parsed in a worker thread, which is terminated when it takes longer than
// `timeoutMs` (default 30 s), fails, or needs more than `maxMemoryMb` of heap. pdf.js runs with
// `isEvalSupported: false`, is given the bytes (never a URL), and sets up its in-thread "fake
// worker" from the pdf.worker.mjs file inside the pdf-parse package (nothing is fetched); CMaps
// and standard font data are read from the pdfjs-dist package on disk, when it is there.
// One idle thread is kept (unref'd, so it never keeps the process alive) and reused by the next
// PDF: loading pdf.js costs about a second, a warm parse a few hundred milliseconds.

import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { OcrMode, OcrProgress, OcrSession } from './ocr.js';

export type { OcrMode } from './ocr.js';

export interface PdfText {
  /** Lines of text, pages separated by a blank line. */
  text: string;
  /** Number of pages in the PDF (including pages without text). */
  pages: number;
  warnings: string[];
  /** Set when some of the text was read by OCR. */
  ocr?: PdfOcr;
}

export interface ReadPdfOptions {
  /** Time cap for parsing, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Heap cap of the parsing thread, in MB. Default 1024. */
  maxMemoryMb?: number;
  /**
   * OCR of scanned pages: 'auto' reads the pages that have no text layer, 'always' every page
   * (instead of its text layer), 'never' none (a PDF with no text layer at all is refused).
   * Default 'never' here; `iom ingest` passes 'auto' unless told otherwise.
   */
  ocr?: OcrMode;
  /** Called as OCR reads pages (for a progress bar). */
  onOcrProgress?: (p: OcrProgress) => void;
}

/** What OCR did to a PDF: which pages it read, and how sure it was. */
export interface PdfOcr {
  /** Pages whose text comes from OCR (1-based). */
  pages: number[];
  /** Mean confidence of the words read, 0..100. */
  confidence: number;
  words: number;
}

export const DEFAULT_PDF_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_MEMORY_MB = 1024;
const MAX_PDFJS_WARNINGS = 5;
/** Time cap for rendering one page for OCR (OCR itself has its own cap, per page). */
const RENDER_MS_PER_PAGE = 10_000;
/** Pages rendered for OCR and not read yet, at most (each is ~10 MB at 300 dpi). */
const OCR_AHEAD = 2;
/** A page is rendered for OCR at 300 dpi up to this many pixels (A3 at 300 dpi is 17.4 M). */
const OCR_MAX_PIXELS = 36_000_000;
/** Below this mean word confidence (0-100), OCR text gets a warning. */
const OCR_LOW_CONFIDENCE = 70;
/** A thread is replaced after this many PDFs, so memory pdf.js might keep cannot pile up. */
const JOBS_PER_WORKER = 50;

/** What the worker posts back for one PDF. */
type WorkerReply =
  | { id: number; kind?: undefined; ok: true; pages: string[]; total: number; logs: string[] }
  | { id: number; kind?: undefined; ok: false; name: string; message: string; logs: string[] };

/** Sent by the worker before its reply, when it renders pages for OCR. */
type WorkerNote =
  | { id: number; kind: 'rendering'; pages: number }
  | { id: number; kind: 'image'; page: number; png: Uint8Array; gray: Uint8Array; width: number; height: number };

// The worker is CommonJS evaluated from this string (so it needs no separate file, under tsc
// output or under vitest alike). It loads pdf-parse's CommonJS build by absolute path, then
// parses one PDF per message, destroying the parser after each.
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
let logs = [];
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
  console[method] = (...args) => { logs.push(args.map(String).join(' ')); };
}
// pdf.js's legacy build (and the fake-worker module it imports at the first parse) replaces
// Array.prototype.push with core-js's JS version, which differs from the engine's only in the
// error thrown for an array-like of 2^32 elements or a read-only length; it costs ~10% of a
// parse. This thread runs nothing else: the engine's push is put back before the pages are read.
const nativePush = Array.prototype.push;
const restorePush = () => {
  if (Array.prototype.push !== nativePush) {
    Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, enumerable: false, configurable: true });
  }
};
const { PDFParse } = require(workerData.entry);
restorePush();
// Pages rendered for OCR wait for their reader: a page is rendered only while fewer than
// ocr.ahead of them are waiting (each page read sends 'more'), so a long scan never piles up.
let credits = 0;
let wake = null;
parentPort.on('message', async (message) => {
  if (message.kind === 'more') {
    credits++;
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
    return;
  }
  const { id, data, ocr } = message;
  logs = [];
  let reply;
  let parser;
  try {
    const options = {
      data,
      isEvalSupported: false,
      useWorkerFetch: false,
      useSystemFonts: false,
      disableFontFace: true,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      enableXfa: false,
      verbosity: 1,
    };
    if (workerData.cMapUrl) {
      options.cMapUrl = workerData.cMapUrl;
      options.cMapPacked = true;
    }
    if (workerData.standardFontDataUrl) options.standardFontDataUrl = workerData.standardFontDataUrl;
    parser = new PDFParse(options);
    // getText() starts with load(); loading first lets the engine's push back in after the
    // fake-worker module has loaded (first parse), before the pages are read.
    await parser.load();
    restorePush();
    const result = await parser.getText({ lineEnforce: true, pageJoiner: '', parseHyperlinks: false });
    // OCR: pages without a text layer ('auto') or every page ('always') are rendered to PNG and
    // sent one by one, as they are ready, so that OCR starts on the first while the next renders.
    const ocrPages = [];
    if (ocr && ocr.mode !== 'never') {
      for (const p of result.pages) {
        const empty = !p.text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
        if (ocr.mode === 'always' || empty) ocrPages.push(p.num);
      }
    }
    if (ocrPages.length) {
      parentPort.postMessage({ id, kind: 'rendering', pages: ocrPages.length });
      const doc = await parser.load();
      credits = ocr.ahead;
      for (const n of ocrPages) {
        while (credits <= 0) await new Promise((resolve) => (wake = resolve));
        credits--;
        // a page that cannot be rendered is left unread, with a warning (not the whole PDF)
        try {
          const page = await doc.getPage(n);
          // at ocr.dpi, but never more than ocr.maxPixels (a poster-sized page would take GBs)
          const size = page.getViewport({ scale: 1 });
          const scale = Math.min(ocr.dpi / 72, Math.sqrt(ocr.maxPixels / Math.max(1, size.width * size.height)));
          const viewport = page.getViewport({ scale });
          const width = Math.ceil(viewport.width);
          const height = Math.ceil(viewport.height);
          const canvas = doc.canvasFactory.create(width, height);
          await page.render({ canvasContext: canvas.context, viewport, canvas: canvas.canvas }).promise;
          // the page in grey levels: for what Tesseract does not report (list bullets, vertical
          // labels), and to turn light-on-dark bands (a running header on a dark bar) dark-on-light
          const imageData = canvas.context.getImageData(0, 0, width, height);
          const rgba = imageData.data;
          const gray = new Uint8Array(width * height);
          for (let i = 0, j = 0; i < gray.length; i++, j += 4) gray[i] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
          let inverted = 0;
          for (let y = 0; y < height; y++) {
            let dark = 0;
            for (let x = 0, o = y * width; x < width; x++, o++) if (gray[o] < 128) dark++;
            if (dark < width * 0.7) continue;
            inverted++;
            for (let x = 0, o = y * width; x < width; x++, o++) {
              gray[o] = 255 - gray[o];
              rgba[o * 4] = rgba[o * 4 + 1] = rgba[o * 4 + 2] = gray[o];
            }
          }
          if (inverted) canvas.context.putImageData(imageData, 0, 0);
          const png = new Uint8Array(canvas.canvas.toBuffer('image/png'));
          doc.canvasFactory.destroy(canvas);
          page.cleanup();
          parentPort.postMessage({ id, kind: 'image', page: n, png, gray, width, height }, [png.buffer, gray.buffer]);
        } catch (error) {
          credits++;
          logs.push('Warning: page ' + n + ' could not be rendered for OCR: ' + String((error && error.message) || error));
        }
      }
    }
    reply = { id, ok: true, pages: result.pages.map((p) => p.text), total: result.total, logs };
  } catch (error) {
    const name = (error && error.name) || 'Error';
    reply = { id, ok: false, name, message: String((error && error.message) || error), logs };
  } finally {
    if (parser) await parser.destroy().catch(() => {});
  }
  parentPort.postMessage(reply);
});
`;

interface Resolved {
  entry: string;
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

interface Slot {
  worker: Worker;
  maxMemoryMb: number;
  jobs: number;
}

let resolved: Resolved | undefined;
let idle: Slot | undefined;
let whileParsing: (() => void) | undefined;
const live = new Set<Worker>();
let nextJob = 1;

/** Parsing threads alive now, busy or idle. For tests and diagnostics. */
export function livePdfWorkers(): number {
  return live.size;
}

/**
 * Work for this thread while the next PDF is parsed on its own: `task` runs once, right after a
 * PDF is handed to the parsing thread (ingest loads the repair's lexicon there, instead of
 * after the text is back). `undefined` withdraws a task no PDF took. A task's error is ignored
 * (it is the caller's to see again when it needs the result).
 */
export function runWhileNextPdfParses(task: (() => void) | undefined): void {
  whileParsing = task;
}

/** Stop the idle parsing thread, if any (it never keeps the process alive anyway). */
export async function closePdfWorkers(): Promise<void> {
  const slot = idle;
  idle = undefined;
  if (slot) await slot.worker.terminate();
}

function resolvePdfParse(): Resolved {
  if (resolved) return resolved;
  const require = createRequire(import.meta.url);
  const entry = require.resolve('pdf-parse'); // CommonJS build: dist/pdf-parse/cjs/index.cjs
  const out: Resolved = { entry };
  try {
    const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [path.dirname(entry)] }));
    out.cMapUrl = path.join(pdfjsDir, 'cmaps') + path.sep;
    out.standardFontDataUrl = path.join(pdfjsDir, 'standard_fonts') + path.sep;
  } catch {
    // pdfjs-dist not found beside pdf-parse: CJK text and non-embedded fonts may read worse.
  }
  resolved = out;
  return out;
}

function spawn(maxMemoryMb: number): Slot {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: resolvePdfParse(),
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
  });
  live.add(worker);
  // Errors are handled by the job that is running; one while idle just ends the thread.
  worker.on('error', () => {});
  worker.once('exit', () => {
    live.delete(worker);
    if (idle?.worker === worker) idle = undefined;
  });
  return { worker, maxMemoryMb, jobs: 0 };
}

function takeSlot(maxMemoryMb: number): Slot {
  const slot = idle;
  idle = undefined;
  if (slot && slot.maxMemoryMb === maxMemoryMb && live.has(slot.worker)) {
    slot.worker.ref();
    return slot;
  }
  if (slot) void slot.worker.terminate();
  return spawn(maxMemoryMb);
}

function releaseSlot(slot: Slot): void {
  slot.jobs++;
  if (!idle && slot.jobs < JOBS_PER_WORKER && live.has(slot.worker)) {
    slot.worker.unref();
    idle = slot;
  } else {
    void slot.worker.terminate();
  }
}

/**
 * Extract the text layer of a PDF. Throws InputError (with a one-line reason) for a PDF that
 * is encrypted, corrupt or truncated, has no text layer, or takes too long.
 * `data` is not modified or detached (the worker gets a copy).
 */
export async function readPdf(filePath: string, data: Uint8Array, opts: ReadPdfOptions = {}): Promise<PdfText> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const maxMemoryMb = opts.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const fail = (reason: string) => new InputError(reason, filePath);

  if (data.length === 0) throw fail('empty file (0 bytes)');
  const head = latin1(data.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw fail(`corrupt or truncated PDF (no %PDF- header${sniff(data)})`);

  const mode = opts.ocr ?? 'never';
  const ocrModule = mode === 'never' ? undefined : await import('./ocr.js');
  const session: OcrSession | undefined = ocrModule && new ocrModule.OcrSession(filePath, { onProgress: opts.onOcrProgress });
  const onNote = (note: WorkerNote, more: () => void) => {
    if (!session) return;
    if (note.kind === 'rendering') session.expect(note.pages);
    else session.add(note.page, note.png, { data: note.gray, width: note.width, height: note.height }, more);
  };
  let reply: WorkerReply;
  try {
    reply = await parseInWorker(data, timeoutMs, maxMemoryMb, filePath, ocrModule ? { mode, dpi: ocrModule.OCR_DPI, maxPixels: OCR_MAX_PIXELS, ahead: OCR_AHEAD } : undefined, onNote);
  } catch (err) {
    await session?.close();
    throw err;
  }
  if (!reply.ok) {
    await session?.close();
    if (reply.name === 'PasswordException') throw fail('encrypted PDF (password required)');
    throw fail(`corrupt or truncated PDF (${describe(reply.message)})`);
  }
  const ocrPages = session ? await session.finish() : [];
  const ocrByPage = new Map(ocrPages.map((p) => [p.page, p]));

  const pageTexts: string[] = [];
  const emptyPages: number[] = [];
  const unread: number[] = [];
  let controls = 0;
  for (const [i, raw0] of reply.pages.entries()) {
    const read = ocrByPage.get(i + 1);
    // (with --ocr always, a page where OCR reads nothing keeps its text layer)
    const raw = read?.text ? read.text : raw0;
    const lines: string[] = [];
    for (const line of raw.split(/\r\n|\r|\n/)) {
      const clean = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, () => {
        controls++;
        return '';
      });
      const trimmed = clean.trim();
      if (trimmed) lines.push(trimmed);
    }
    if (lines.length) pageTexts.push(lines.join('\n'));
    else if (read) unread.push(i + 1);
    else emptyPages.push(i + 1);
  }

  if (pageTexts.length === 0) {
    if (mode === 'never') throw fail('no text layer: the PDF is scanned images; run OCR first (e.g. ocrmypdf)');
    throw fail(`no text found: OCR read nothing on ${plural(unread.length, 'scanned page')} (blank, too faint or not text?)`);
  }
  const warnings: string[] = [];
  if (emptyPages.length) {
    warnings.push(`${plural(emptyPages.length, 'page')} without text (scanned?): ${formatPages(emptyPages)}`);
  }
  if (unread.length) warnings.push(`OCR found no text on ${plural(unread.length, 'page')}: ${formatPages(unread)}`);
  if (controls) warnings.push(`${plural(controls, 'control character')} removed (glyphs with no Unicode mapping?)`);
  const tail = latin1(data.subarray(Math.max(0, data.length - 1024)));
  if (!tail.includes('%%EOF')) warnings.push('no %%EOF at the end of the file: it may be truncated');
  warnings.push(...pdfjsWarnings(reply.logs));

  let ocr: PdfOcr | undefined;
  const read = ocrPages.filter((p) => p.words > 0);
  if (read.length) {
    const words = read.reduce((n, p) => n + p.words, 0);
    const confidence = read.reduce((n, p) => n + p.confidence * p.words, 0) / words;
    ocr = { pages: read.map((p) => p.page), confidence: Math.round(confidence * 10) / 10, words };
    if (confidence < OCR_LOW_CONFIDENCE) warnings.push(`OCR confidence is low (${Math.round(confidence)}%): the text may be misread (a poor scan?)`);
  }
  return { text: pageTexts.join('\n\n'), pages: reply.total, warnings, ...(ocr ? { ocr } : {}) };
}

function parseInWorker(
  data: Uint8Array,
  timeoutMs: number,
  maxMemoryMb: number,
  filePath: string,
  ocr?: { mode: OcrMode; dpi: number; maxPixels: number; ahead: number },
  onNote?: (note: WorkerNote, more: () => void) => void,
): Promise<WorkerReply> {
  const slot = takeSlot(maxMemoryMb);
  const { worker } = slot;
  const id = nextJob++;
  const copy = new Uint8Array(data); // pdf.js takes ownership of (detaches) the buffer it is given
  return new Promise<WorkerReply>((resolve, reject) => {
    let settled = false;
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    // On failure the thread is terminated, and the promise settles only once it has exited:
    // nothing is left running (a timed-out parse is stopped even inside a long synchronous step).
    const failWith = (error: InputError) => {
      if (settled) return;
      settled = true;
      cleanup();
      const done = () => reject(error);
      worker.terminate().then(done, done);
    };
    const onMessage = (reply: WorkerReply | WorkerNote) => {
      if (settled || reply.id !== id) return;
      // Rendering pages for OCR: each page has RENDER_MS_PER_PAGE; the clock stops while the
      // thread waits for OCR to take a page (see 'more' in the worker).
      if (reply.kind === 'rendering') {
        toRender = reply.pages;
        restart(timeoutMs + RENDER_MS_PER_PAGE);
      } else if (reply.kind === 'image') {
        credits--;
        toRender--;
        if (credits > 0 || toRender === 0) restart(RENDER_MS_PER_PAGE);
        else clearTimeout(timer);
      }
      if (reply.kind) {
        onNote?.(reply, more);
        return;
      }
      settled = true;
      cleanup();
      releaseSlot(slot);
      resolve(reply);
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        failWith(new InputError(`PDF needs more than ${maxMemoryMb} MB of memory to read`, filePath));
      } else {
        failWith(new InputError(`corrupt or truncated PDF (parser failed: ${describe(error.message)})`, filePath));
      }
    };
    const onExit = (code: number) => {
      failWith(new InputError(`corrupt or truncated PDF (parser stopped, exit code ${code})`, filePath));
    };
    const onTimeout = () => {
      failWith(new InputError(`PDF took longer than ${formatSeconds(timeoutMs)} s`, filePath));
    };
    let timer = setTimeout(onTimeout, timeoutMs);
    const restart = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };
    let credits = ocr?.ahead ?? 0;
    let toRender = 0;
    /** A page was read by OCR: the thread may render one more. */
    const more = () => {
      if (settled) return;
      credits++;
      worker.postMessage({ kind: 'more' });
      if (toRender > 0) restart(RENDER_MS_PER_PAGE);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, data: copy, ocr }, [copy.buffer as ArrayBuffer]);
    const task = whileParsing;
    whileParsing = undefined;
    if (task) {
      try {
        task();
      } catch {
        // See runWhileNextPdfParses.
      }
    }
  });
}

/** pdf.js's own warnings ("Warning: Indexing all PDF objects"), deduplicated and capped. */
function pdfjsWarnings(logs: string[]): string[] {
  const seen = new Set<string>();
  for (const log of logs) {
    const m = /^Warning:\s*(.+)$/s.exec(log.trim());
    if (m) seen.add(oneLine(m[1]!));
  }
  const list = [...seen];
  const out = list.slice(0, MAX_PDFJS_WARNINGS).map((w) => `pdf.js: ${w}`);
  if (list.length > MAX_PDFJS_WARNINGS) out.push(`pdf.js: and ${list.length - MAX_PDFJS_WARNINGS} more warnings`);
  return out;
}

/** "Invalid PDF structure." -> "invalid PDF structure" */
function describe(message: string): string {
  const s = oneLine(message).replace(/\.+$/, '');
  if (!s) return 'unknown error';
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

/** What a file without a %PDF- header looks like, for the error message. */
function sniff(b: Uint8Array): string {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return '; the file is a PNG image';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return '; the file is a JPEG image';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return '; the file is a zip archive';
  const start = latin1(b.subarray(0, 512)).replace(/^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<(head|body|title)[\s>]/.test(start)) {
    return '; the file looks like HTML';
  }
  return '';
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** 30000 -> "30", 1500 -> "1.5", 1 -> "0.001" */
function formatSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function formatPages(pages: number[]): string {
  const shown = pages.slice(0, 10).join(', ');
  return pages.length > 10 ? `${shown}, ...` : shown;
}
