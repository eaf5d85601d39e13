// Writing rows as they come: the same bytes as renderJson / renderNdjson / renderCsv, without
// holding every row (or the whole text) in memory. Output is gathered into chunks of about
// 64 KB and written synchronously to stdout (files and pipes are synchronous on Linux and macOS).
import { writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { csvCells, CSV_OPTIONS } from './render.js';
import type { Row } from './render.js';

const CHUNK = 64 * 1024;

export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd = 1) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (!this.parts.length) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    writeAll(this.fd, Buffer.from(text, 'utf8'));
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

/** `JSON.stringify(rows, null, 2)` and a newline, in batches of rows (each batch stringified at once). */
export function streamJson<T>(out: ChunkedWriter, rows: Iterable<T>, map: (r: T) => object = (r) => r as object): void {
  let first = true;
  let batch: object[] = [];
  const flush = () => {
    // "[\n  {…},\n  {…}\n]" -> "  {…},\n  {…}": the elements, already indented as in the whole array
    const text = JSON.stringify(batch, null, 2).slice(2, -2);
    out.write(first ? `[\n${text}` : `,\n${text}`);
    first = false;
    batch = [];
  };
  for (const r of rows) {
    batch.push(map(r));
    if (batch.length === 200) flush();
  }
  if (batch.length) flush();
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
    if (batch.length === 256) {
      out.write(stringify(batch, { ...CSV_OPTIONS, columns }));
      batch = [];
    }
  }
  if (batch.length) out.write(stringify(batch, { ...CSV_OPTIONS, columns }));
}
