// The page cache: every page fetched is kept as raw bytes beside the database, in a folder named
// after it as SQLite names its own companions (`iom.sqlite-cache/`, like `iom.sqlite-wal`), keyed
// by the URL's hash, with what the answer said about it. Re-ingesting reads from here without the
// network; `--refresh` revalidates with the ETag / Last-Modified kept here.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CacheMeta {
  url: string;
  /** Where the page was in the end, after redirects. */
  final_url: string;
  fetched_at: string;
  status: number;
  content_type: string | null;
  etag: string | null;
  last_modified: string | null;
  bytes: number;
  sha256: string;
}

export interface CacheEntry {
  meta: CacheMeta;
  body: Buffer;
}

export function cacheDirFor(dbPath: string): string {
  return `${dbPath}-cache`;
}

export class PageCache {
  constructor(readonly dir: string) {}

  private key(url: string): string {
    return createHash('sha256').update(url).digest('hex').slice(0, 40);
  }

  /** The cached page for this URL, or undefined (never cached, or its files are damaged). */
  get(url: string): CacheEntry | undefined {
    const k = this.key(url);
    try {
      const meta = JSON.parse(readFileSync(join(this.dir, `${k}.json`), 'utf8')) as CacheMeta;
      if (meta.url !== url) return undefined;
      const body = readFileSync(join(this.dir, `${k}.body`));
      if (createHash('sha256').update(body).digest('hex') !== meta.sha256) return undefined;
      return { meta, body };
    } catch {
      return undefined;
    }
  }

  /** Stores body then metadata, each written beside and renamed, so a reader never sees half. */
  put(meta: Omit<CacheMeta, 'bytes' | 'sha256'>, body: Buffer): CacheMeta {
    mkdirSync(this.dir, { recursive: true });
    const k = this.key(meta.url);
    const full: CacheMeta = { ...meta, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };
    writeAtomically(join(this.dir, `${k}.body`), body);
    writeAtomically(join(this.dir, `${k}.json`), `${JSON.stringify(full, null, 2)}\n`);
    return full;
  }

  /** A 304 answer: the same bytes, checked now. */
  touch(entry: CacheEntry, fetchedAt: string, etag: string | null, lastModified: string | null): CacheMeta {
    const meta: CacheMeta = { ...entry.meta, fetched_at: fetchedAt, etag: etag ?? entry.meta.etag, last_modified: lastModified ?? entry.meta.last_modified };
    mkdirSync(this.dir, { recursive: true });
    writeAtomically(join(this.dir, `${this.key(meta.url)}.json`), `${JSON.stringify(meta, null, 2)}\n`);
    return meta;
  }
}

function writeAtomically(path: string, data: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
