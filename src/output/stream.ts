// Writing rows as they come: the same bytes as renderJson / renderNdjson / renderCsv, without
// holding every row (or the whole text) in memory. Output is gathered into a 64 KB buffer and
// written synchronously to stdout (files and pipes are synchronous on Linux and macOS).
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { stringify as Stringify } from 'csv-stringify/sync';
import { csvCells, CSV_OPTIONS } from './render.js';
import type { Row } from './render.js';

// loaded when CSV is written (see render.ts)
const load = createRequire(import.meta.url);
const stringify: typeof Stringify = (...args: Parameters<typeof Stringify>) => (load('csv-stringify/sync') as { stringify: typeof Stringify }).stringify(...args);

const CHUNK = 64 * 1024;

/**
 * Gathers output into one reused 64 KB buffer and writes it out when full: no string or Buffer
 * per chunk is left for the garbage collector (large strings live until a full collection, and
 * held a 25,000-row JSON answer at 110 MB of memory).
 */
export class ChunkedWriter {
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  constructor(private readonly fd = 1) {}

  write(s: string): void {
    // at most 3 bytes per UTF-16 code unit
    if (this.used + s.length * 3 > CHUNK) {
      this.flush();
      if (s.length * 3 > CHUNK) {
        writeAll(this.fd, Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.used += this.buf.write(s, this.used, 'utf8');
  }

  flush(): void {
    if (!this.used) return;
    writeAll(this.fd, this.buf.subarray(0, this.used));
    this.used = 0;
  }

  end(): void {
    this.flush();
  }
}

/** writeSync may write less than asked (a full pipe): loop, waiting out EAGAIN on a non-blocking fd. */
function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      throw err;
    }
  }
}

/** `JSON.stringify(rows, null, 2)` and a newline, row by row. */
export function streamJson<T>(out: ChunkedWriter, rows: Iterable<T>, map: (r: T) => object = (r) => r as object): void {
  let first = true;
  for (const r of rows) {
    // "[\n  {…}\n]" -> "  {…}": the element, indented as inside the whole array
    const text = JSON.stringify([map(r)], null, 2);
    out.write(first ? '[\n' : ',\n');
    out.write(text.slice(2, -2));
    first = false;
  }
  out.write(first ? '[]\n' : '\n]\n');
}

export function streamNdjson<T>(out: ChunkedWriter, rows: Iterable<T>, map: (r: T) => object = (r) => r as object): void {
  for (const r of rows) out.write(`${JSON.stringify(map(r))}\n`);
}

/** CSV with the header row first, in batches of rows. */
export function streamCsv(out: ChunkedWriter, rows: Iterable<Row>, columns: string[]): void {
  out.write(stringify([], { ...CSV_OPTIONS, header: true, columns }));
  let batch: string[][] = [];
  for (const r of rows) {
    batch.push(csvCells(r, columns));
    if (batch.length === 32) {
      out.write(stringify(batch, { ...CSV_OPTIONS, columns }));
      batch = [];
    }
  }
  if (batch.length) out.write(stringify(batch, { ...CSV_OPTIONS, columns }));
}
