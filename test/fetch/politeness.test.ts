// The fetcher's manners, in process, against the 127.0.0.1 test server, with a clock of its own:
// the waits it asks for are recorded, and no real time passes (no timed test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PageCache } from '../../src/fetch/cache.js';
import { Fetcher, type FetchOptions } from '../../src/fetch/index.js';
import { startServer, type TestServer } from './server.js';

const dir = mkdtempSync(join(tmpdir(), 'iom-polite-'));
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startServer();
  b = await startServer();
});
afterAll(async () => {
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function fetcher(opts: Partial<FetchOptions> = {}) {
  let t = 1_000_000;
  const sleeps: number[] = [];
  const f = new Fetcher({
    userAgent: 'iom/test',
    delayMs: 1000,
    timeoutMs: 10_000,
    retries: 3,
    maxBytes: 10 * 1024 * 1024,
    maxRedirects: 10,
    refresh: false,
    cache: new PageCache(join(dir, `cache-${n++}`)),
    clock: {
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    },
    ...opts,
  });
  return { f, sleeps };
}

test('--delay apart on one host; another host does not wait for it', async () => {
  const { f, sleeps } = fetcher();
  await f.page(`${a.base}/seed/000`); // robots.txt, then a wait, then the page
  await f.page(`${a.base}/seed/001`); // a wait
  await f.page(`${b.base}/seed/000`); // b's robots.txt at once (a's delay is not b's), then a wait
  expect(sleeps).toEqual([1000, 1000, 1000]);
  expect(f.requests).toBe(5);
});

test("robots.txt's Crawl-delay raises the delay", async () => {
  const slow = await startServer('User-agent: *\nCrawl-delay: 5\n');
  try {
    const { f, sleeps } = fetcher();
    await f.page(`${slow.base}/seed/000`);
    await f.page(`${slow.base}/seed/001`);
    expect(sleeps).toEqual([5000, 5000]);
  } finally {
    await slow.close();
  }
});

test('back-off on 5xx without Retry-After: 1, 2 × the delay; Retry-After: 0 honoured', async () => {
  const { f, sleeps } = fetcher();
  const page = await f.page(`${a.base}/flaky-503`);
  expect(page.from).toBe('network');
  expect(a.hits('/flaky-503')).toBe(3);
  expect(sleeps).toEqual([1000, 1000, 2000]); // the turn after robots.txt, then two back-offs
  const notes: string[] = [];
  const g = fetcher({ note: (m) => notes.push(m) });
  await g.f.page(`${a.base}/flaky-429`);
  expect(g.sleeps).toEqual([1000, 0, 1000]); // turn, Retry-After 0, then the host's delay again
  expect(notes).toEqual([`${a.base}/flaky-429: HTTP 429 Too Many Requests; trying again in 0 s`]);
});

test('a Retry-After longer than iom waits gives up at once, saying so', async () => {
  const { f, sleeps } = fetcher();
  await expect(f.page(`${a.base}/429-long`)).rejects.toThrow('HTTP 429 Too Many Requests; the server asks to wait 3600 s, more than iom waits (120 s)');
  expect(sleeps).toEqual([1000]);
  expect(a.hits('/429-long')).toBe(1);
});

test('a cached page is served without any request or wait; --refresh asks again', async () => {
  const { f, sleeps } = fetcher();
  await f.page(`${a.base}/projets/lm0416`);
  const before = f.requests;
  const again = await f.page(`${a.base}/projets/lm0416`);
  expect(again.from).toBe('cache');
  expect(f.requests).toBe(before);
  const r = fetcher({ refresh: true, cache: f.opts.cache });
  const revalidated = await r.f.page(`${a.base}/projets/lm0416`);
  expect(revalidated.from).toBe('revalidated');
  expect(revalidated.body.equals(again.body)).toBe(true);
  expect(sleeps).toEqual([1000]);
});

test('robots.txt answering 5xx: nothing is fetched from that site (RFC 9309), and the message says why', async () => {
  const down = await startServer('503');
  try {
    const { f } = fetcher({ retries: 1 });
    await expect(f.page(`${down.base}/seed/000`)).rejects.toThrow(
      `robots.txt of 127.0.0.1:${down.port} answered HTTP 503 Service Unavailable: nothing is fetched from a site whose rules cannot be read`,
    );
    await expect(f.page(`${down.base}/seed/001`)).rejects.toThrow(/answered HTTP 503/);
    expect(down.log.map((l) => l.path)).toEqual(['/robots.txt', '/robots.txt']); // one try and one retry, once per run
  } finally {
    await down.close();
  }
});

test('robots.txt missing (404): every page may be fetched', async () => {
  const none = await startServer('404');
  try {
    const { f } = fetcher();
    expect((await f.page(`${none.base}/private/secret`)).from).toBe('network');
    expect(none.log.map((l) => l.path)).toEqual(['/robots.txt', '/private/secret']);
  } finally {
    await none.close();
  }
});
