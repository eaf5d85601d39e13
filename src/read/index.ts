// path -> RawDocument: reads the bytes once, decides the format from the content, extracts text.
import { createHash } from 'node:crypto';
import { constants as fsConstants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { RawDocument } from '../types.js';
import { sniff } from './detect.js';
import type { OcrMode, OcrProgress } from './ocr.js';

export interface ReadOptions {
  /** Files larger than this are refused (bytes). */
  maxBytes?: number;
  /** Time cap for one PDF (ms). */
  pdfTimeoutMs?: number;
  /** OCR of scanned PDF pages (see pdf.ts): default 'never' here, 'auto' from `iom ingest`. */
  ocr?: OcrMode;
  /** Progress of OCR, page by page (not passed to worker threads: a function). */
  onOcrProgress?: (p: OcrProgress) => void;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** A one-line reason for a failed stat or read, from the error's code. */
export function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'no such file (a part of the path is not a folder)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENAMETOOLONG':
      return 'path too long';
    case 'EIO':
      return 'cannot read (input/output error, EIO)';
    case 'EAGAIN':
      return 'cannot read without waiting (EAGAIN): not an ordinary file';
    default:
      return `cannot read (${code ?? oneLine((err as Error)?.message ?? String(err))})`;
  }
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

/** A file's bytes and their hash, read and checked (not empty, not too large) but not decoded. */
export interface FileBytes {
  path: string;
  data: Buffer;
  hash: string;
}

/** What a path that is neither a file nor a folder is, for "not a regular file (…)". */
function specialKind(st: Stats): string {
  if (st.isFIFO()) return 'named pipe';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  return 'special file';
}

/** `bytes`: the file's size, or null when only the read found it too large (it grew, or /proc). */
function tooLarge(bytes: number | null, maxBytes: number, path: string): InputError {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return new InputError(`file too large (${bytes === null ? 'more than' : `${mb(bytes)} MB >`} ${mb(maxBytes)} MB; raise --max-size)`, path);
}

/** The whole file, but never more than maxBytes (a file in /proc says 0 bytes; a file may grow). */
async function readUpTo(fh: FileHandle, size: number, maxBytes: number, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const room = maxBytes + 1 - total;
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(size + 1 - total, 65536), room));
    const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(null, maxBytes, path);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

export async function readDocument(path: string, opts: ReadOptions = {}): Promise<RawDocument> {
  return decodeDocument(await readBytes(path, opts), opts);
}

/** The first half of readDocument: lets ingest skip decoding a file it has stored already (same hash). */
export async function readBytes(path: string, opts: ReadOptions = {}): Promise<FileBytes> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let data: Buffer;
  let fh: FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a named pipe does not wait for a writer (it is refused below), and a
    // file whose read would wait (/proc/kmsg) fails with EAGAIN instead of hanging. Regular files
    // ignore it. The checks are made on the open file, so the path cannot change in between.
    fh = await open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = await fh.stat();
    if (st.isDirectory()) throw new InputError('is a folder', path);
    // A named pipe would block the read until something writes to it (forever, often), and a
    // device such as /dev/zero never ends: only regular files are read.
    if (!st.isFile()) throw new InputError(`not a regular file (${specialKind(st)}); save its content to a file first`, path);
    if (st.size > maxBytes) throw tooLarge(st.size, maxBytes, path);
    data = await readUpTo(fh, st.size, maxBytes, path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(ioReason(err), path);
  } finally {
    await fh?.close().catch(() => {});
  }
  if (data.length === 0) throw new InputError('empty file', path);
  return { path, data, hash: createHash('sha256').update(data).digest('hex') };
}

/** The second half of readDocument: format from the content, then the text. */
export async function decodeDocument(file: FileBytes, opts: ReadOptions = {}): Promise<RawDocument> {
  const { path, data, hash } = file;
  const base = { path, hash, bytes: data.length, warnings: [] as string[] };

  const kind = sniff(data);
  switch (kind.kind) {
    case 'binary':
      throw new InputError(`not a page: ${kind.what}`, path);
    case 'invalid-utf8':
      throw new InputError(`invalid UTF-8 (${kind.bad} bad byte${kind.bad > 1 ? 's' : ''}, first at byte ${kind.offset}); re-save the file as UTF-8`, path);
    case 'pdf': {
      const { readPdf } = await import('./pdf.js');
      const pdf = await readPdf(path, new Uint8Array(data), { timeoutMs: opts.pdfTimeoutMs, ocr: opts.ocr, onOcrProgress: opts.onOcrProgress });
      return { ...base, format: 'pdf', text: pdf.text, pages: pdf.pages, warnings: pdf.warnings, ...(pdf.ocr ? { ocr: pdf.ocr } : {}) };
    }
    case 'html': {
      const { htmlToText, MAX_HTML_DEPTH } = await import('./html.js');
      const { text, flattened, meta } = htmlToText(kind.text);
      if (flattened) base.warnings.push(`HTML nested deeper than ${MAX_HTML_DEPTH} levels: the deeper tags were ignored`);
      if (kind.encoding !== 'utf-8') base.warnings.push(`read as ${kind.encoding}`);
      return { ...base, format: 'html', text, html: kind.text, meta };
    }
    case 'text': {
      if (kind.encoding !== 'utf-8') base.warnings.push(`read as ${kind.encoding}`);
      return { ...base, format: 'text', text: kind.text.replace(/\r\n?/g, '\n') };
    }
  }
}
