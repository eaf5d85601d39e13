// One HTTP exchange, bounded: Node's fetch (undici) with a time cap on the whole exchange, a size
// cap on the body, redirects returned (not followed) so the caller can check each hop against
// robots.txt, and network failures turned into one-line reasons.
import { STATUS_CODES } from 'node:http';

export interface Exchange {
  url: string;
  status: number;
  headers: Headers;
  /** The body, for 2xx answers only. */
  body?: Buffer;
}

/** A failure of the network or a limit, with a one-line reason. */
export class FetchFailure extends Error {
  constructor(
    message: string,
    /** Worth trying again later (the host may answer then). */
    readonly transient = false,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

export function tooLargeReason(bytes: number | null, maxBytes: number): string {
  return `page too large (${bytes === null ? 'more than' : `${mb(bytes)} >`} ${mb(maxBytes)}; raise --max-size)`;
}

export function statusText(status: number): string {
  return `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
}

/** GET `url` once. Non-2xx answers come back without their body; 2xx bodies are read up to maxBytes. */
export async function request(url: URL, opts: RequestOptions): Promise<Exchange> {
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, opts.timeoutMs);
  const timeout = () => new FetchFailure(`no complete answer within ${seconds(opts.timeoutMs)} (raise --timeout)`, true);
  try {
    let res: Response;
    try {
      res = await fetch(url, { headers: opts.headers, redirect: 'manual', signal: ac.signal });
    } catch (err) {
      if (timedOut) throw timeout();
      throw new FetchFailure(networkReason(err, url), isTransient(err));
    }
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel().catch(() => {});
      return { url: url.href, status: res.status, headers: res.headers };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    // content-length is the size on the wire (compressed, maybe); the read below checks the real one.
    if (Number.isFinite(declared) && declared > opts.maxBytes && !res.headers.get('content-encoding')) {
      await res.body?.cancel().catch(() => {});
      throw new FetchFailure(tooLargeReason(declared, opts.maxBytes));
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          total += chunk.length;
          if (total > opts.maxBytes) {
            ac.abort();
            throw new FetchFailure(tooLargeReason(null, opts.maxBytes));
          }
          chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
        }
      }
    } catch (err) {
      if (err instanceof FetchFailure) throw err;
      if (timedOut) throw timeout();
      throw new FetchFailure(`the connection broke while the page was read (${networkReason(err, url)})`, true);
    }
    return { url: url.href, status: res.status, headers: res.headers, body: Buffer.concat(chunks, total) };
  } finally {
    clearTimeout(timer);
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function causeCode(err: unknown): string | undefined {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string' && e.code !== 'ERR_INVALID_STATE') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

function isTransient(err: unknown): boolean {
  return ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'EAI_AGAIN'].includes(causeCode(err) ?? '');
}

/** A one-line reason for a failed fetch, from undici's error and its cause. */
export function networkReason(err: unknown, url: URL): string {
  const host = url.host;
  const code = causeCode(err);
  switch (code) {
    case 'ENOTFOUND':
      return `cannot find host ${url.hostname} (DNS lookup failed)`;
    case 'EAI_AGAIN':
      return `cannot find host ${url.hostname} (DNS lookup failed for now; try again later)`;
    case 'ECONNREFUSED':
      return `connection refused by ${host}`;
    case 'ECONNRESET':
      return `connection reset by ${host}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot reach ${host} (no route)`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `cannot connect to ${host} (timed out)`;
    case 'UND_ERR_SOCKET':
      return `${host} closed the connection`;
    case 'UND_ERR_HEADERS_OVERFLOW':
      return `${host} sent headers too large`;
    case undefined:
      break;
    default:
      if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) return `TLS problem with ${host} (${code})`;
      return `cannot fetch from ${host} (${code})`;
  }
  const msg = String((err as Error)?.message ?? err).replace(/\s+/g, ' ');
  return `cannot fetch from ${host} (${msg.length > 100 ? `${msg.slice(0, 97)}...` : msg})`;
}
