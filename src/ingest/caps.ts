// Size caps by format, checked on the bytes before anything is decoded (ingest and iom repair).
import { InputError } from '../errors.js';
import type { ReadOptions } from '../read/index.js';

/**
 * HTML and text cost memory in proportion to their size (parsed, repaired, extracted: about 45
 * bytes of memory a byte of text), so their default cap is lower than a PDF's (whose parsing has
 * a memory cap of its own): 10 MB keeps an ingest under about 600 MB. An explicit --max-size
 * applies to every format.
 */
export const DEFAULT_MAX_TEXT_BYTES = 10 * 1024 * 1024;

export interface IngestOptions extends ReadOptions {
  /** Cap for HTML and text files (not PDFs), in bytes. */
  maxTextBytes?: number;
}

/** Refuses an HTML or text file over its cap, before it is decoded. */
export function checkTextSize(file: { path: string; data: Buffer }, opts: IngestOptions): void {
  const max = opts.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  if (file.data.length <= max) return;
  if (file.data.subarray(0, 1024).includes('%PDF-')) return;
  const mb = (n: number) => (n / 1048576).toFixed(1).replace(/\.0$/, '');
  throw new InputError(`too large for an HTML or text page (${mb(file.data.length)} MB > ${mb(max)} MB, the cap that bounds memory for these; --max-size raises it)`, file.path);
}

