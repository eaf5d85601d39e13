// Fetching pages politely: robots.txt obeyed (robots-parser), one request at a time per host with
// a delay between them, a User-Agent naming iom and its version, a time and size cap on each
// exchange, retries with back-off on 429 and 5xx (Retry-After honoured), redirects followed one hop
// at a time (each hop checked against robots.txt, at most --max-redirects), and every page kept in
// the cache beside the database. Each failure is an InputError naming the URL, with a one-line reason.
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../errors.js';
import { PageCache, type CacheMeta } from './cache.js';
import { FetchFailure, request, statusText, type Exchange } from './http.js';

export interface FetchOptions {
  /** e.g. "iom/0.1.0 (+…)"; robots.txt groups are matched on "iom". */
  userAgent: string;
  /** Between two requests to the same host (ms); robots.txt's Crawl-delay raises it (to 30 s at most). */
  delayMs: number;
  /** For one whole exchange: connect, headers and body (ms). */
  timeoutMs: number;
  /** Tries after the first on 429 or 5xx. */
  retries: number;
  maxBytes: number;
  maxRedirects: number;
  /** Ask the server again for a cached page, with If-None-Match / If-Modified-Since. */
  refresh: boolean;
  cache: PageCache;
  /** Progress notes (retries, waits) for stderr. */
  note?: (msg: string) => void;
  /** Time, and waiting: the real ones unless a test gives its own. */
  clock?: Clock;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms).then(() => undefined) };

export interface Fetched {
  url: string;
  body: Buffer;
  meta: CacheMeta;
  /** network: fetched now; cache: read from the cache, no request; revalidated: the server said 304. */
  from: 'network' | 'cache' | 'revalidated';
}

const ROBOTS_AGENT = 'iom';
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
/** A Retry-After longer than this gives up on the page instead of waiting. */
const MAX_RETRY_WAIT_MS = 120_000;
const MAX_CRAWL_DELAY_MS = 30_000;
const ROBOTS_MAX_BYTES = 512 * 1024;

/** robots-parser's interface (its own typings declare the module in a way NodeNext cannot call). */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, robotstxt: string) => Robot;

type Robots = { kind: 'rules'; robot: Robot } | { kind: 'all' } | { kind: 'blocked'; reason: string };

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export class Fetcher {
  /** When the last request to each host ended (one request at a time: the run is sequential). */
  private lastEnd = new Map<string, number>();
  private robots = new Map<string, Promise<Robots>>();
  /** Requests sent, for the summary and the tests. */
  requests = 0;

  private clock: Clock;

  constructor(readonly opts: FetchOptions) {
    this.clock = opts.clock ?? REAL_CLOCK;
  }

  /** The page at `url`: from the cache unless --refresh, else from the network. Throws InputError(reason, url). */
  async page(url: string): Promise<Fetched> {
    try {
      return await this.pageOrFail(url);
    } catch (err) {
      if (err instanceof FetchFailure) throw new InputError(err.message, url);
      throw err;
    }
  }

  private async pageOrFail(url: string): Promise<Fetched> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new FetchFailure('not a valid URL');
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new FetchFailure('only http and https URLs are fetched');
    target.hash = '';
    const cached = this.opts.cache.get(url);
    if (cached && !this.opts.refresh) return { url, body: cached.body, meta: cached.meta, from: 'cache' };

    const base: Record<string, string> = {
      'user-agent': this.opts.userAgent,
      accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
      'accept-language': 'fr,en;q=0.8',
    };
    const conditional: Record<string, string> = {};
    if (cached?.meta.etag) conditional['if-none-match'] = cached.meta.etag;
    if (cached?.meta.last_modified) conditional['if-modified-since'] = cached.meta.last_modified;

    let current = target;
    for (let hop = 0; hop <= this.opts.maxRedirects; hop++) {
      await this.checkRobots(current);
      // A validator belongs to the address it came from: not sent after a redirect.
      const ex = await this.withRetries(current, hop === 0 ? { ...base, ...conditional } : base, this.opts.maxBytes);
      const fetchedAt = new Date().toISOString();
      if (ex.status === 304 && cached && hop === 0) {
        const meta = this.opts.cache.touch(cached, fetchedAt, ex.headers.get('etag'), ex.headers.get('last-modified'));
        return { url, body: cached.body, meta, from: 'revalidated' };
      }
      if (ex.status >= 300 && ex.status < 400 && ex.status !== 304) {
        const location = ex.headers.get('location');
        if (!location) throw new FetchFailure(`${statusText(ex.status)} without a Location to go to`);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchFailure(`${statusText(ex.status)} to an invalid address`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FetchFailure(`redirected to a ${next.protocol} address, not fetched`);
        next.hash = '';
        current = next;
        continue;
      }
      if (ex.status < 200 || ex.status >= 300) {
        const tries = RETRY_STATUSES.has(ex.status) && this.opts.retries ? ` (after ${this.opts.retries} retr${this.opts.retries === 1 ? 'y' : 'ies'})` : '';
        throw new FetchFailure(`${statusText(ex.status)}${tries}`);
      }
      const body = ex.body ?? Buffer.alloc(0);
      if (body.length === 0) throw new FetchFailure(`${statusText(ex.status)} with an empty page`);
      const errorPage = errorPageReason(body);
      if (errorPage) throw new FetchFailure(`an error page served with ${statusText(ex.status)} (${errorPage})`);
      const meta = this.opts.cache.put(
        {
          url,
          final_url: current.href,
          fetched_at: fetchedAt,
          status: ex.status,
          content_type: ex.headers.get('content-type'),
          etag: ex.headers.get('etag'),
          last_modified: ex.headers.get('last-modified'),
        },
        body,
      );
      return { url, body, meta, from: 'network' };
    }
    throw new FetchFailure(`more than ${this.opts.maxRedirects} redirects (a redirect loop?); last to ${current.href}`);
  }

  /** Waits for this host's turn: one request at a time per host, `delay` after the last one ended. */
  private async turn(host: string, delayMs: number): Promise<() => void> {
    const last = this.lastEnd.get(host);
    const wait = last === undefined ? 0 : last + delayMs - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
    return () => this.lastEnd.set(host, this.clock.now());
  }

  private delayFor(url: URL, robots?: Robots): number {
    const crawl = robots?.kind === 'rules' ? robots.robot.getCrawlDelay(ROBOTS_AGENT) : undefined;
    return Math.max(this.opts.delayMs, Math.min(MAX_CRAWL_DELAY_MS, typeof crawl === 'number' && crawl > 0 ? crawl * 1000 : 0));
  }

  /** One GET with retries on 429 / 5xx / a broken connection, waiting Retry-After or 1, 2, 4… × the back-off. */
  private async withRetries(url: URL, headers: Record<string, string>, maxBytes: number, robots?: Robots): Promise<Exchange> {
    const rules = robots ?? (await this.robots.get(url.origin));
    const delayMs = this.delayFor(url, rules);
    const backoff = Math.max(delayMs, 250);
    for (let attempt = 0; ; attempt++) {
      const done = await this.turn(url.host, delayMs);
      let ex: Exchange | undefined;
      let failure: FetchFailure | undefined;
      try {
        this.requests++;
        ex = await request(url, { headers, timeoutMs: this.opts.timeoutMs, maxBytes });
      } catch (err) {
        if (!(err instanceof FetchFailure)) throw err;
        failure = err;
      } finally {
        done();
      }
      const retriable = failure ? failure.transient && !/within/.test(failure.message) : RETRY_STATUSES.has(ex!.status);
      if (!retriable || attempt >= this.opts.retries) {
        if (failure) throw failure;
        return ex!;
      }
      const asked = ex ? retryAfterMs(ex.headers.get('retry-after')) : undefined;
      if (asked !== undefined && asked > MAX_RETRY_WAIT_MS) {
        throw new FetchFailure(`${statusText(ex!.status)}; the server asks to wait ${Math.round(asked / 1000)} s, more than iom waits (${MAX_RETRY_WAIT_MS / 1000} s)`);
      }
      const wait = asked ?? backoff * 2 ** attempt;
      this.opts.note?.(`${url.href}: ${failure ? failure.message : statusText(ex!.status)}; trying again in ${(wait / 1000).toFixed(wait % 1000 ? 1 : 0)} s`);
      await this.clock.sleep(wait);
    }
  }

  /** robots.txt of the URL's origin, read once per run. 4xx: no rules. 5xx or unreachable: nothing is fetched (RFC 9309). */
  private async checkRobots(url: URL): Promise<void> {
    let p = this.robots.get(url.origin);
    if (!p) {
      p = this.loadRobots(url);
      this.robots.set(url.origin, p);
    }
    const robots = await p;
    if (robots.kind === 'blocked') throw new FetchFailure(robots.reason);
    if (robots.kind === 'rules' && robots.robot.isAllowed(url.href, ROBOTS_AGENT) === false) {
      const line = robots.robot.getMatchingLineNumber(url.href, ROBOTS_AGENT);
      throw new FetchFailure(`robots.txt of ${url.host} forbids this page to iom${line > 0 ? ` (line ${line})` : ''}; not fetched`);
    }
  }

  private async loadRobots(url: URL): Promise<Robots> {
    let at = new URL('/robots.txt', url.origin);
    const headers = { 'user-agent': this.opts.userAgent, accept: 'text/plain' };
    for (let hop = 0; hop <= 5; hop++) {
      let ex: Exchange;
      try {
        ex = await this.withRetries(at, headers, ROBOTS_MAX_BYTES, { kind: 'all' });
      } catch (err) {
        if (err instanceof FetchFailure && /too large/.test(err.message)) return { kind: 'all' };
        if (err instanceof FetchFailure) return { kind: 'blocked', reason: err.message };
        throw err;
      }
      if (ex.status >= 200 && ex.status < 300) {
        return { kind: 'rules', robot: robotsParser(at.href, (ex.body ?? Buffer.alloc(0)).toString('utf8')) };
      }
      if (ex.status >= 300 && ex.status < 400 && ex.headers.get('location')) {
        at = new URL(ex.headers.get('location')!, at);
        continue;
      }
      if (ex.status >= 400 && ex.status < 500) return { kind: 'all' };
      return { kind: 'blocked', reason: `robots.txt of ${url.host} answered ${statusText(ex.status)}: nothing is fetched from a site whose rules cannot be read` };
    }
    return { kind: 'all' };
  }
}

/** Retry-After as milliseconds: seconds, or an HTTP date. */
export function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

const ERROR_TITLE =
  /(?<![\p{L}\d])(?:page not found|not found|file not found|page introuvable|introuvable|page non trouvée|n['’]existe pas|does not exist|no longer exists|access denied|accès refusé|forbidden|internal server error|service unavailable|server error|erreur serveur|bad gateway|(?:error|erreur)\s*(?:40\d|50\d))(?![\p{L}\d])|^\s*(?:40\d|50\d)\s*(?:$|[-–—:|.]|(?:error|erreur|page|forbidden|interdit)(?![\p{L}\d]))/iu;

/**
 * Why a page served with 200 is an error page, or undefined: its <title> or first <h1> says
 * "not found", "404", "introuvable"… (sites that answer every address with 200).
 */
export function errorPageReason(body: Buffer): string | undefined {
  const head = body.subarray(0, 256 * 1024).toString('utf8');
  if (!/<html|<!doctype html|<title|<h1/i.test(head.slice(0, 4096)) && !/<title|<h1/i.test(head)) return undefined;
  for (const tag of ['title', 'h1']) {
    const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]{0,300}?)</${tag}>`, 'i').exec(head);
    if (!m) continue;
    const text = m[1]!.replace(/<[^>]*>/g, ' ').replace(/&nbsp;|&#160;/g, ' ').replace(/\s+/g, ' ').trim();
    if (text && ERROR_TITLE.test(text)) return `${tag} "${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
  }
  return undefined;
}
