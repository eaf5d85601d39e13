// OCR of scanned PDF pages: page images (rendered by pdf.js in the PDF thread, see pdf.ts) are
// read by Tesseract (tesseract.js: Tesseract compiled to WebAssembly, run on its own worker
// thread, so the calling thread stays free) with the French and English LSTM models shipped in
// the npm packages @tesseract.js-data/fra and @tesseract.js-data/eng. Nothing is fetched and
// nothing is cached: the models are read from node_modules (langPath, cacheMethod 'none').
//
// Import this module lazily: it is only needed when a PDF has pages without a text layer.
//
// Output conventions, as for a text layer (pdf.ts): one line per line of text, no blank lines
// inside a page. What a scanner's margins add is left out: marks far from the text of their line
// in the margins (a vertical side label, a stapled corner, a photo's edges read as "a. A + ."),
// and lines with no word read with some confidence. A list bullet "•", which Tesseract reads as
// "e", "*", "»" or "«", is written "•" again when it starts a line before a capitalised word.

import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';

export type OcrMode = 'auto' | 'always' | 'never';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

/** Resolution pages are rendered at for OCR (dots per inch). */
export const OCR_DPI = 300;
/** Time cap for reading one page. */
export const OCR_PAGE_TIMEOUT_MS = 120_000;
/** Languages, in order of preference: Tesseract tries both on every word. */
const LANGS = ['fra', 'eng'] as const;
/** The model variant inside the data packages: LSTM only, 8-bit integer weights (small, fast). */
const MODEL_DIR = '4.0.0_best_int';

export interface OcrPage {
  /** 1-based page number. */
  page: number;
  /** Lines of text, no blank lines. Empty when nothing was read. */
  text: string;
  /** Mean confidence of the words kept, 0..100 (0 when none). */
  confidence: number;
  words: number;
}

export interface OcrProgress {
  /** Pages read so far, and pages to read in all (known once the PDF thread has them). */
  done: number;
  total: number;
}

export interface OcrOptions {
  /** Time cap per page, ms. */
  pageTimeoutMs?: number;
  onProgress?: (p: OcrProgress) => void;
}

// ---------------------------------------------------------------------------------------------
// The models

let langDir: string | undefined;

/**
 * A folder holding fra.traineddata.gz and eng.traineddata.gz. tesseract.js reads every language
 * from one folder (`langPath`), and the two packages are two folders: a folder in the system's
 * temporary directory gets a symbolic link to each (a copy where links are refused), once.
 * (Passing the models as bytes would avoid it, but tesseract.js 7.0.0 then initialises with the
 * bytes as the language name: naptha/tesseract.js PR 1052.)
 */
export function tessdataDir(): string {
  if (langDir && LANGS.every((l) => existsSync(path.join(langDir!, `${l}.traineddata.gz`)))) return langDir;
  const require = createRequire(import.meta.url);
  const files = LANGS.map((l) => {
    const pkg = path.dirname(require.resolve(`@tesseract.js-data/${l}/package.json`));
    return { lang: l, file: path.join(pkg, MODEL_DIR, `${l}.traineddata.gz`) };
  });
  const id = createHash('sha256')
    .update(files.map((f) => `${f.file}:${statSync(f.file).size}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  let dir = path.join(tmpdir(), `iom-tessdata-${uid}-${id}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // a folder someone else made there (a shared /tmp) is not trusted: a private one instead
  if (typeof process.getuid === 'function' && statSync(dir).uid !== uid) dir = mkdtempSync(path.join(tmpdir(), 'iom-tessdata-'));
  for (const { lang, file } of files) {
    const link = path.join(dir, `${lang}.traineddata.gz`);
    if (existsSync(link)) continue;
    try {
      symlinkSync(file, link);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      copyFileSync(file, link);
    }
  }
  langDir = dir;
  return dir;
}

// ---------------------------------------------------------------------------------------------
// From Tesseract's words to lines of text

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TWord {
  text: string;
  confidence: number;
  bbox: Box;
}
interface TLine {
  words: TWord[];
  bbox: Box;
}
interface TBlock {
  paragraphs: { lines: TLine[] }[];
}

const BULLET_LOOKALIKES = new Set(['e', '*', '»', '«', '•', '·', '°', '®', '©', '¢', '+', 'o']);
/** Real guillemets open French quotes ("« Le projet »"): read as a bullet only when Tesseract doubts them. */
const QUOTES = new Set(['«', '»']);
/** A word that holds a run of two letters (or a number) read with this confidence makes a line real. */
const LINE_MIN_CONFIDENCE = 60;

/** A page image in grey levels, one byte a pixel, row by row. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The text of one page from Tesseract's blocks, and the page image they were read from. */
export function pageText(blocks: TBlock[] | null, image: GrayImage): { text: string; confidence: number; words: number; boxes: Box[] } {
  const width = image.width;
  const lines: string[] = [];
  const boxes: Box[] = [];
  let confSum = 0;
  let count = 0;
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words = keepWords(line, width);
        if (!words.length || !isReal(words)) continue;
        const texts = words.map((w) => w.text);
        const glued = /^[*•·°®©¢+](\p{Lu}.*)$/u.exec(texts[0]!);
        const lookalike = BULLET_LOOKALIKES.has(texts[0]!) && (!QUOTES.has(texts[0]!) || words[0]!.confidence < 60);
        if (texts.length > 1 && lookalike && /^[\p{Lu}'’"«(]/u.test(texts[1]!)) texts[0] = '•';
        else if (glued) texts[0] = `•${glued[1]}`;
        else if (/^[\p{Lu}'’"«(]/u.test(texts[0]!) && bulletBefore(words[0]!, line, image)) texts.unshift('•');
        // two apostrophes read for one inside a word ("L’'Assistance")
        const s = texts.join(' ').replace(/(?<=\p{L})(['’])['’]+(?=\p{L})/gu, '$1').trim();
        if (!s) continue;
        lines.push(s);
        for (const w of words) {
          confSum += w.confidence;
          count++;
          boxes.push(w.bbox);
        }
      }
    }
  }
  return { text: lines.join('\n'), confidence: count ? confSum / count : 0, words: count, boxes };
}

/**
 * The words of a line, less the marks of the margins: a line is cut where the gap between two
 * words is wider than twice the line's height (a word space is about a third of it); a piece of
 * at most two short words in the outer eighth of the page (away from the rest, or alone) is left
 * out, as are marks with no letter or digit read with under 30% confidence.
 */
function keepWords(line: TLine, width: number): TWord[] {
  // marks read with little confidence that hold no letter or digit ("()" from a logo), bullets aside
  const words = line.words.filter((w) => w.text.trim() !== '' && (w.confidence >= 30 || /[\p{L}\p{N}]/u.test(w.text) || BULLET_LOOKALIKES.has(w.text)));
  if (words.length === 0) return words;
  const height = Math.max(1, line.bbox.y1 - line.bbox.y0);
  const pieces: TWord[][] = [[words[0]!]];
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.bbox.x0 - words[i - 1]!.bbox.x1;
    if (gap > 2 * height) pieces.push([]);
    pieces[pieces.length - 1]!.push(words[i]!);
  }
  const kept = pieces.filter((p) => {
    const x0 = p[0]!.bbox.x0;
    const x1 = p[p.length - 1]!.bbox.x1;
    const inMargin = x0 > width * 0.875 || x1 < width * 0.125;
    const small = p.length <= 2 && p.every((w) => w.text.length <= 3);
    return !(inMargin && small);
  });
  return kept.flat();
}

/**
 * Whether a list bullet stands left of a line's first word, which Tesseract left out (it often
 * drops a lone dot): in the line's height, from three line heights left of the word up to it,
 * the only ink is one compact, filled, roughly round blob a third to two thirds of the line high.
 */
export function bulletBefore(first: TWord, line: TLine, image: GrayImage): boolean {
  const h = line.bbox.y1 - line.bbox.y0;
  if (h < 8) return false;
  const x1 = Math.max(0, first.bbox.x0 - Math.round(h * 0.15));
  const x0 = Math.max(0, first.bbox.x0 - 3 * h);
  const y0 = Math.max(0, line.bbox.y0);
  const y1 = Math.min(image.height, line.bbox.y1);
  if (x1 - x0 < h) return false;
  let minX = Infinity;
  let maxX = -1;
  let minY = Infinity;
  let maxY = -1;
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * image.width;
    for (let x = x0; x < x1; x++) {
      if (image.data[row + x]! < 128) {
        ink++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (!ink) return false;
  const bw = maxX - minX + 1;
  const bh = maxY - minY + 1;
  const round = bw >= 0.2 * h && bw <= 0.7 * h && bh >= 0.2 * h && bh <= 0.7 * h && bw / bh > 0.6 && bw / bh < 1.6;
  return round && ink / (bw * bh) > 0.6;
}

/** Mean word confidence a vertical strip's reading needs to be kept. */
const STRIP_MIN_CONFIDENCE = 80;

/**
 * Strips of vertical text in the outer eighths of the page, left and right: runs of columns with
 * ink, 0.4% to 4% of the page wide and over 4 times as high as wide, not solid (a rule or a
 * coloured bar is), holding none of the words read across the page (`words`, their boxes).
 */
export function verticalStrips(image: GrayImage, words: Box[]): Box[] {
  const { width, height, data } = image;
  const dark = (x: number, y: number) => x >= 0 && x < width && data[y * width + x]! < 128;
  const out: Box[] = [];
  for (const [from, to] of [
    [0, Math.floor(width * 0.125)],
    [Math.ceil(width * 0.875), width],
  ] as const) {
    // ink per column, above what every column of the margin has (a band across the page: a header)
    const ink = new Uint32Array(to - from);
    for (let y = 0; y < height; y++) {
      for (let x = from; x < to; x++) if (data[y * width + x]! < 128) ink[x - from]!++;
    }
    const base = [...ink].sort((a, b) => a - b)[ink.length >> 1] ?? 0;
    const inked = (k: number) => ink[k]! > base + Math.max(3, height * 0.02);
    const gap = Math.max(2, Math.round(width * 0.004));
    let x = 0;
    while (x < ink.length) {
      if (!inked(x)) {
        x++;
        continue;
      }
      let end = x;
      for (let k = x + 1, quiet = 0; k < ink.length && quiet <= gap; k++) {
        if (inked(k)) {
          end = k;
          quiet = 0;
        } else quiet++;
      }
      const core = { x0: from + x, x1: from + end + 1 };
      const x0 = Math.max(0, core.x0 - 2);
      const x1 = Math.min(width, core.x1 + 2);
      x = end + 1;
      const w = x1 - x0;
      if (w < width * 0.004 || w > width * 0.04) continue;
      // rows with ink in the strip, less rows whose ink runs on past both sides (a band, a rule);
      // the longest run of them (gaps under two strip widths: the spaces between words)
      let best: { y0: number; y1: number; dark: number } | undefined;
      let cur: { y0: number; y1: number; dark: number } | undefined;
      for (let y = 0; y < height; y++) {
        let n = 0;
        for (let xx = core.x0; xx < core.x1; xx++) if (data[y * width + xx]! < 128) n++;
        const through = dark(x0 - 3, y) && dark(x1 + 2, y);
        if (n && !through) {
          if (cur && y - cur.y1 <= 2 * w) {
            cur.y1 = y + 1;
            cur.dark += n;
          } else {
            cur = { y0: y, y1: y + 1, dark: n };
          }
          if (!best || cur.y1 - cur.y0 > best.y1 - best.y0) best = cur;
        }
      }
      if (!best) continue;
      const h = best.y1 - best.y0;
      if (h < 4 * w || best.dark / ((core.x1 - core.x0) * h) > 0.6) continue;
      const box = { x0, y0: best.y0, x1, y1: best.y1 };
      if (words.some((wd) => wd.x1 > box.x0 && wd.x0 < box.x1 && wd.y1 > box.y0 && wd.y0 < box.y1)) continue;
      out.push(box);
    }
  }
  return out;
}

/**
 * A strip of the page turned a quarter (clockwise or not), drawn twice as large (small capitals
 * set sideways read better so), with a white margin, as a 24-bit BMP.
 */
function turnedBmp(image: GrayImage, box: Box, clockwise: boolean): Buffer {
  const Z = 2;
  const pad = 20;
  const sw = box.x1 - box.x0;
  const sh = box.y1 - box.y0;
  const w = sh * Z + 2 * pad; // turned: the strip's height becomes the width
  const h = sw * Z + 2 * pad;
  const stride = (w * 3 + 3) & ~3;
  const out = Buffer.alloc(54 + stride * h, 0xff);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(w, 18);
  out.writeInt32LE(h, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(stride * h, 34);
  for (let ny = 0; ny < h - 2 * pad; ny++) {
    for (let nx = 0; nx < w - 2 * pad; nx++) {
      // back from the turned picture to the strip: clockwise, (nx, ny) shows (ny, sh - 1 - nx)
      const tx = clockwise ? Math.floor(ny / Z) : sw - 1 - Math.floor(ny / Z);
      const ty = clockwise ? sh - 1 - Math.floor(nx / Z) : Math.floor(nx / Z);
      const v = image.data[(box.y0 + ty) * image.width + box.x0 + tx]!;
      const o = 54 + (h - 1 - (ny + pad)) * stride + (nx + pad) * 3; // rows bottom-up
      out[o] = out[o + 1] = out[o + 2] = v;
    }
  }
  return out;
}

/** A line worth keeping: some word of two letters or digits, read with confidence. */
function isReal(words: TWord[]): boolean {
  return words.some((w) => w.confidence >= LINE_MIN_CONFIDENCE && /[\p{L}\p{N}]{2}|^\p{N}+$/u.test(w.text));
}

// ---------------------------------------------------------------------------------------------
// A session: the pages of one PDF, read one after the other as their images arrive

type TesseractWorker = {
  recognize(image: Buffer, options: object, output: object): Promise<{ data: { blocks: TBlock[] | null } }>;
  terminate(): Promise<unknown>;
};

export class OcrSession {
  private worker: Promise<TesseractWorker> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly results: OcrPage[] = [];
  private failure: Error | undefined;
  private total = 0;
  private done = 0;
  private closed = false;

  constructor(
    private readonly filePath: string,
    private readonly opts: OcrOptions = {},
  ) {}

  /** The PDF thread says how many pages it will send. */
  expect(pages: number): void {
    this.total = pages;
    this.opts.onProgress?.({ done: this.done, total: this.total });
  }

  /** Queue one page image (PNG, and in grey levels); `done` is called once it is read (or skipped). */
  add(page: number, png: Uint8Array, image: GrayImage, done?: () => void): void {
    this.chain = this.chain.then(async () => {
      if (this.failure || this.closed) return done?.();
      try {
        const worker = await this.start();
        const data = await withTimeout(
          worker.recognize(Buffer.from(png.buffer, png.byteOffset, png.byteLength), {}, { text: false, blocks: true }),
          this.opts.pageTimeoutMs ?? OCR_PAGE_TIMEOUT_MS,
          () => new InputError(`OCR of page ${page} took longer than ${Math.round((this.opts.pageTimeoutMs ?? OCR_PAGE_TIMEOUT_MS) / 1000)} s`, this.filePath),
        );
        const { boxes, ...read } = pageText(data.data.blocks, image);
        // text set vertically in a margin (a side label naming the section): read turned upright
        const strips = verticalStrips(image, boxes);
        const labels: string[] = [];
        for (const strip of strips.slice(0, 4)) {
          const label = await this.readStrip(worker, image, strip, page);
          if (label) labels.push(label);
        }
        if (labels.length) {
          // before a page number closing the page, as a text layer has it
          const lines = read.text ? read.text.split('\n') : [];
          const at = lines.length && /^\d{1,4}$/.test(lines[lines.length - 1]!) ? lines.length - 1 : lines.length;
          lines.splice(at, 0, ...labels);
          read.text = lines.join('\n');
        }
        this.results.push({ page, ...read });
        this.done++;
        this.opts.onProgress?.({ done: this.done, total: Math.max(this.total, this.done) });
      } catch (err) {
        this.failure = err instanceof InputError ? err : new InputError(`OCR failed on page ${page} (${oneLine(String((err as Error)?.message ?? err))})`, this.filePath);
      }
      done?.();
    });
  }

  /** Waits for every queued page; the pages read, in page order. Throws the first failure. */
  async finish(): Promise<OcrPage[]> {
    try {
      await this.chain;
      if (this.failure) throw this.failure;
      return [...this.results].sort((a, b) => a.page - b.page);
    } finally {
      await this.close();
    }
  }

  /** Stops reading (the Tesseract thread is terminated). */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.then((x) => x.terminate()).catch(() => {});
  }

  /** The text of a vertical strip, turned a quarter each way; the reading Tesseract is sure of, or ''. */
  private async readStrip(worker: TesseractWorker, image: GrayImage, strip: Box, page: number): Promise<string> {
    let best = { text: '', confidence: 0 };
    for (const clockwise of [true, false]) {
      const bmp = turnedBmp(image, strip, clockwise);
      const data = await withTimeout(
        worker.recognize(bmp, {}, { text: false, blocks: true }),
        this.opts.pageTimeoutMs ?? OCR_PAGE_TIMEOUT_MS,
        () => new InputError(`OCR of page ${page} took longer than ${Math.round((this.opts.pageTimeoutMs ?? OCR_PAGE_TIMEOUT_MS) / 1000)} s`, this.filePath),
      );
      const words = (data.data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words))).filter((w) => w.text.trim());
      if (!words.length) continue;
      const confidence = words.reduce((n, w) => n + w.confidence, 0) / words.length;
      if (confidence > best.confidence) best = { text: words.map((w) => w.text).join(' '), confidence };
      if (confidence >= STRIP_MIN_CONFIDENCE) break;
    }
    const letters = best.text.match(/\p{L}/gu)?.length ?? 0;
    return best.confidence >= STRIP_MIN_CONFIDENCE && letters >= 4 ? best.text : '';
  }

  private start(): Promise<TesseractWorker> {
    if (!this.worker) {
      const require = createRequire(import.meta.url);
      const { createWorker, OEM } = require('tesseract.js') as {
        createWorker: (langs: string[], oem: number, options: object) => Promise<TesseractWorker>;
        OEM: { LSTM_ONLY: number };
      };
      this.worker = createWorker([...LANGS], OEM.LSTM_ONLY, {
        langPath: tessdataDir(),
        cacheMethod: 'none',
        gzip: true,
        logger: () => {},
        errorHandler: () => {},
      });
    }
    return this.worker;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

