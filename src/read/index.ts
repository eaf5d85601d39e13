// path -> RawDocument: reads the bytes once, decides the format from the content, extracts text.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { RawDocument } from '../types.js';
import { sniff } from './detect.js';

export interface ReadOptions {
  /** Files larger than this are refused (bytes). */
  maxBytes?: number;
  /** Time cap for one PDF (ms). */
  pdfTimeoutMs?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return `cannot read (${code ?? (err as Error).message})`;
}

/** A file's bytes and their hash, read and checked (not empty, not too large) but not decoded. */
export interface FileBytes {
  path: string;
  data: Buffer;
  hash: string;
}

export async function readDocument(path: string, opts: ReadOptions = {}): Promise<RawDocument> {
  return decodeDocument(await readBytes(path, opts), opts);
}

/** The first half of readDocument: lets ingest skip decoding a file it has stored already (same hash). */
export async function readBytes(path: string, opts: ReadOptions = {}): Promise<FileBytes> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let data: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('is a folder', path);
    if (st.size > maxBytes) {
      throw new InputError(`file too large (${(st.size / 1048576).toFixed(1)} MB > ${(maxBytes / 1048576).toFixed(1)} MB; raise --max-size)`, path);
    }
    data = await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(ioReason(err), path);
  }
  if (data.length === 0) throw new InputError('empty file', path);
  if (data.length > maxBytes) throw new InputError('file too large', path);
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
      const pdf = await readPdf(path, new Uint8Array(data), { timeoutMs: opts.pdfTimeoutMs });
      return { ...base, format: 'pdf', text: pdf.text, pages: pdf.pages, warnings: pdf.warnings };
    }
    case 'html': {
      const { htmlToText } = await import('./html.js');
      const { text } = htmlToText(kind.text);
      if (kind.encoding !== 'utf-8') base.warnings.push(`read as ${kind.encoding}`);
      return { ...base, format: 'html', text, html: kind.text };
    }
    case 'text': {
      if (kind.encoding !== 'utf-8') base.warnings.push(`read as ${kind.encoding}`);
      return { ...base, format: 'text', text: kind.text.replace(/\r\n?/g, '\n') };
    }
  }
}
