// `iom ingest URL…`: each page is fetched (or read from the cache) and then goes through the same
// pipeline as a saved file, with its URL as the source's address. With --follow, the links of the
// pages given that match the pattern are fetched too, up to --max-pages.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError, UsageError } from '../errors.js';
import { ingestBytes, type FileResult } from '../ingest/index.js';
import type { ReadOptions } from '../read/index.js';
import type { Db } from '../store/db.js';
import { cacheDirFor, PageCache } from './cache.js';
import { Fetcher, isUrl, type Fetched } from './index.js';

export interface UrlOptions {
  delayMs: number;
  timeoutMs: number;
  retries: number;
  maxRedirects: number;
  refresh: boolean;
  follow?: RegExp;
  maxPages: number;
}

export interface UrlRun {
  db: Db;
  dbPath: string;
  version: string;
  opts: UrlOptions & ReadOptions;
  note: (msg: string) => void;
  report: (url: string, r: FileResult) => void;
  fail: (url: string, err: unknown) => void;
  interrupted: () => boolean;
}

export function userAgent(version: string): string {
  return `iom/${version} (migration project pages; obeys robots.txt)`;
}

/** Reads a --urls file: one URL a line; blank lines and # comments skipped. Bad lines are errors. */
export async function readUrlList(path: string): Promise<{ urls: string[]; errors: InputError[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --urls ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const urls: string[] = [];
  const errors: InputError[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.replace(/(^|\s)#.*$/, '').trim();
    if (!t) return;
    if (isUrl(t) && URL.canParse(t)) urls.push(t);
    else errors.push(new InputError(`line ${i + 1}: not an http(s) URL: ${t.length > 80 ? `${t.slice(0, 77)}...` : t}`, path));
  });
  return { urls, errors };
}

/** The links of an HTML page that match the pattern, absolute, without fragments, in page order. */
export async function matchingLinks(page: Fetched, pattern: RegExp): Promise<string[]> {
  const { sniff } = await import('../read/detect.js');
  const kind = sniff(page.body);
  if (kind.kind !== 'html') return [];
  const { load } = await import('cheerio');
  const $ = load(kind.text, { scriptingEnabled: false });
  const base = $('base[href]').attr('href');
  let baseUrl: URL;
  try {
    baseUrl = new URL(base ?? page.meta.final_url, page.meta.final_url);
  } catch {
    baseUrl = new URL(page.meta.final_url);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  $('a[href]').each((_, el) => {
    let u: URL;
    try {
      u = new URL($(el).attr('href')!.trim(), baseUrl);
    } catch {
      return;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
    u.hash = '';
    if (!pattern.test(u.href) || seen.has(u.href)) return;
    seen.add(u.href);
    out.push(u.href);
  });
  return out;
}

/** Fetches and ingests the URLs; returns how many pages were processed (ingested, unchanged or failed). */
export async function ingestUrls(urls: string[], run: UrlRun): Promise<{ pages: number; requests: number }> {
  const { opts } = run;
  const fetcher = new Fetcher({
    userAgent: userAgent(run.version),
    delayMs: opts.delayMs,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    maxBytes: opts.maxBytes ?? 50 * 1024 * 1024,
    maxRedirects: opts.maxRedirects,
    refresh: opts.refresh,
    cache: new PageCache(cacheDirFor(run.dbPath)),
    note: run.note,
  });
  const queue: Array<{ url: string; start: boolean }> = [];
  const seen = new Set<string>();
  for (const u of urls) {
    if (seen.has(u)) continue;
    seen.add(u);
    queue.push({ url: u, start: true });
  }
  let followed = 0;
  let pages = 0;
  for (let i = 0; i < queue.length; i++) {
    if (run.interrupted()) break;
    const { url, start } = queue[i]!;
    pages++;
    let page: Fetched;
    try {
      page = await fetcher.page(url);
    } catch (err) {
      run.fail(url, err);
      continue;
    }
    let links = 0;
    if (start && opts.follow) {
      for (const link of await matchingLinks(page, opts.follow)) {
        if (seen.has(link)) continue;
        if (followed >= opts.maxPages) {
          run.note(`${url}: more links match --follow than --max-pages ${opts.maxPages}; the rest are not fetched`);
          break;
        }
        seen.add(link);
        followed++;
        links++;
        queue.push({ url: link, start: false });
      }
    }
    const bytes = { path: url, data: page.body, hash: createHash('sha256').update(page.body).digest('hex') };
    try {
      run.report(url, await ingestBytes(run.db, bytes, opts));
    } catch (err) {
      // A listing page followed for its links holds no project itself: that is what it is for.
      if (links > 0 && err instanceof InputError && /^no project found/.test(err.message)) {
        run.note(`> ${url}: listing, ${links} link${links === 1 ? '' : 's'} to follow`);
        continue;
      }
      run.fail(url, err);
    }
  }
  return { pages, requests: fetcher.requests };
}
