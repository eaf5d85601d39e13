// `iom ingest URL…` end to end: the built binary against an HTTP server these tests start on
// 127.0.0.1 (test/fetch/server.ts). DNS failure is made real without any network: the child
// process is started with a preload that makes dns.lookup answer ENOTFOUND for every name, the
// way getaddrinfo does for an unknown host (the test URLs use IP literals, which skip DNS).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, fixture, ROOT, tempDir, type Run } from '../helpers.js';
import { closedPort, startServer, SEED_000, type TestServer } from './server.js';

const t = tempDir('iom-url-');
const NO_DNS = join(t.dir, 'no-dns.mjs');
writeFileSync(
  NO_DNS,
  `import dns from 'node:dns';
dns.lookup = function (host, opts, cb) {
  if (typeof opts === 'function') cb = opts;
  const err = Object.assign(new Error('getaddrinfo ENOTFOUND ' + host), { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname: host });
  process.nextTick(() => cb(err));
};
`,
);

/** The CLI, asynchronously: the test server runs in this process and must keep answering. */
function iom(args: string[], db = t.db): Promise<Run> {
  return new Promise((resolve) => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', IOM_DB: db, NODE_OPTIONS: `--import=${NO_DNS}` };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const lines = (s: string) => s.split('\n').filter(Boolean);
let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
  t.cleanup();
});

describe('iom ingest <url>', () => {
  const db = join(t.dir, 'mix.sqlite');

  test('a URL, a PDF behind an address without extension and a file together; the URL is the source address', async () => {
    const sheet = `${srv.base}/projets/lm0416`;
    const pdf = `${srv.base}/download?id=fiche`;
    const r = await iom(['ingest', '--delay', '0', sheet, fixture('text/iom-project-sheet-en.txt'), pdf], db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`+ ${sheet}: project sheet, 1 record`);
    expect(r.stderr).toContain(`+ ${pdf}: activity sheet, 13 records`);
    expect(r.stderr).toMatch(/\+ fixtures\/text\/iom-project-sheet-en\.txt: project sheet/);
    expect(r.stderr).toMatch(/1 file, 2 pages: 3 stored \(15 records\), 0 unchanged, 0 failed/);

    const sources = JSON.parse((await iom(['sources', '--json'], db)).stdout) as { path: string; format: string; kind: string }[];
    expect(sources.find((s) => s.path === sheet)).toMatchObject({ format: 'html', kind: 'iom-project-sheet' });
    expect(sources.find((s) => s.path === pdf)).toMatchObject({ format: 'pdf', kind: 'iom-activity-sheet' });

    const [p] = JSON.parse((await iom(['query', '--json', '--source', '/projets/lm0416'], db)).stdout);
    const show = await iom(['show', p.id, '--format', 'table'], db);
    expect(show.stdout).toContain(`From ${sheet}`);

    // polite: robots.txt read once, every request names iom and its version
    expect(srv.hits('/robots.txt')).toBe(1);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const req of srv.log) expect(req.headers['user-agent']).toMatch(new RegExp(`^iom/${version.replace(/\./g, '\\.')} `));
  });

  test('the raw page is cached beside the database with its status, type, ETag and time; re-ingesting sends no request', async () => {
    const cache = `${db}-cache`;
    const metas = readdirSync(cache).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(cache, f), 'utf8')));
    const sheet = metas.find((m) => m.url.endsWith('/projets/lm0416'));
    expect(sheet).toMatchObject({ status: 200, content_type: 'text/html; charset=utf-8', etag: '"v1"', last_modified: 'Tue, 01 Sep 2026 10:00:00 GMT' });
    expect(new Date(sheet.fetched_at).getTime()).not.toBeNaN();
    const pdfMeta = metas.find((m) => m.url.endsWith('id=fiche'));
    expect(readFileSync(join(cache, readdirSync(cache).find((f) => f.endsWith('.body') && readFileSync(join(cache, f)).subarray(0, 5).toString() === '%PDF-')!)).length).toBe(pdfMeta.bytes);

    const before = srv.log.length;
    const r = await iom(['ingest', '--delay', '0', `${srv.base}/projets/lm0416`, `${srv.base}/download?id=fiche`], db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`= ${srv.base}/projets/lm0416: unchanged`);
    expect(srv.log.length).toBe(before);
  });

  test('with the server gone, a new database is filled from the cache alone', async () => {
    const other = await startServer();
    const db2 = join(t.dir, 'offline.sqlite');
    const url = `${other.base}/seed/000`;
    expect((await iom(['ingest', '--delay', '0', url], db2)).code).toBe(0);
    await other.close();
    rmSync(db2);
    const r = await iom(['ingest', '--delay', '0', url], db2);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`+ ${url}: project sheet, 1 record`);
    expect(JSON.parse((await iom(['sources', '--json'], db2)).stdout)[0].path).toBe(url);
  });

  test('--refresh revalidates: 304 keeps the page, a changed page replaces its records', async () => {
    const url = `${srv.base}/projets/lm0416`;
    const n = srv.hits('/projets/lm0416');
    let r = await iom(['ingest', '--delay', '0', '--refresh', url], db);
    expect(r.code, r.stderr).toBe(0);
    expect(srv.hits('/projets/lm0416')).toBe(n + 1);
    expect(srv.log.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(srv.log.at(-1)!.headers['if-modified-since']).toBe('Tue, 01 Sep 2026 10:00:00 GMT');
    expect(r.stderr).toContain(`= ${url}: unchanged`);

    srv.pages.set('/projets/lm0416', { body: SEED_000, type: 'text/plain', etag: '"v2"' });
    r = await iom(['ingest', '--delay', '0', '--refresh', url], db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`~ ${url}: project sheet, 1 record`);
    expect(r.stderr).toContain('replaced the earlier version');
    const rows = JSON.parse((await iom(['query', '--json', '--source', '/projets/lm0416'], db)).stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toBe(JSON.parse(readFileSync(fixture('seeds/000_7d4a42574226c896.expected.json'), 'utf8'))[0].title);
  });
});

describe('bad cases: one line each, naming the URL; the rest goes on', () => {
  test('404, error page with 200, timeout, too large, redirect loop, refused, DNS failure, robots.txt', async () => {
    const db = join(t.dir, 'bad.sqlite');
    const refused = `http://127.0.0.1:${await closedPort()}/page`;
    const bad: Record<string, RegExp> = {
      [`${srv.base}/missing`]: /HTTP 404 Not Found$/,
      [`${srv.base}/soft-404`]: /an error page served with HTTP 200 OK \(title "Page introuvable \| OIM"\)$/,
      [`${srv.base}/slow`]: /no complete answer within 0\.5 s \(raise --timeout\)$/,
      [`${srv.base}/big`]: /page too large \(3\.0 MB > 1\.0 MB; raise --max-size\)$/,
      [`${srv.base}/big-chunked`]: /page too large \(more than 1\.0 MB; raise --max-size\)$/,
      [`${srv.base}/loop-a`]: /more than 10 redirects \(a redirect loop\?\)/,
      [refused]: /connection refused by 127\.0\.0\.1:\d+$/,
      ['http://no-such-host.invalid/projets']: /cannot find host no-such-host\.invalid \(DNS lookup failed\)$/,
      [`${srv.base}/private/secret`]: /robots\.txt of 127\.0\.0\.1:\d+ forbids this page to iom \(line 6\); not fetched$/,
      [`${srv.base}/not-for-iom/page`]: /robots\.txt of 127\.0\.0\.1:\d+ forbids this page to iom \(line 7\); not fetched$/,
      [`${srv.base}/moved-to-private`]: /forbids this page to iom/,
      [`${srv.base}/empty-page`]: /no project found/,
    };
    const good = `${srv.base}/seed/004`;
    const urls = Object.keys(bad);
    const r = await iom(['ingest', '--delay', '0', '--timeout', '0.5', '--max-size', '1', ...urls.slice(0, 6), good, ...urls.slice(6)], db);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const errors = lines(r.stderr).filter((l) => l.startsWith('iom: '));
    expect(errors, r.stderr).toHaveLength(urls.length);
    for (const [url, reason] of Object.entries(bad)) {
      const mine = errors.filter((l) => l.startsWith(`iom: ${url}: `));
      expect(mine, url).toHaveLength(1);
      expect(mine[0], url).toMatch(reason);
    }
    expect(r.stderr).toContain(`+ ${good}: NGO article, 2 records`);
    expect(r.stderr).toMatch(/13 pages: 1 stored \(2 records\), 0 unchanged, 12 failed/);
    // robots.txt forbids: no request at all for those pages, nor after a redirect to one
    expect(srv.hits('/private/secret')).toBe(0);
    expect(srv.hits('/not-for-iom/page')).toBe(0);
    expect(srv.hits('/loop-a') + srv.hits('/loop-b')).toBe(11);
    // nothing of the failures was stored or cached
    expect(JSON.parse((await iom(['sources', '--json'], db)).stdout).map((s: { path: string }) => s.path)).toEqual([good]);
    expect(readdirSync(`${db}-cache`).filter((f) => f.endsWith('.json'))).toHaveLength(2); // seed/004 and empty-page
  });

  test('429 then 200 and 503 twice then 200 are retried; a 503 that lasts gives up after --retries', async () => {
    const db = join(t.dir, 'retry.sqlite');
    const r = await iom(['ingest', '--delay', '0', '--retries', '2', `${srv.base}/flaky-429`, `${srv.base}/flaky-503`, `${srv.base}/always-503`], db);
    expect(r.code).toBe(1);
    expect(srv.hits('/flaky-429')).toBe(2);
    expect(srv.hits('/flaky-503')).toBe(3);
    expect(srv.hits('/always-503')).toBe(3);
    expect(r.stderr).toContain(`+ ${srv.base}/flaky-429: NGO article`);
    expect(r.stderr).toContain(`+ ${srv.base}/flaky-503: project sheet`);
    expect(r.stderr).toContain(`${srv.base}/flaky-429: HTTP 429 Too Many Requests; trying again in 0 s`);
    expect(lines(r.stderr).filter((l) => l.startsWith('iom: '))).toEqual([`iom: ${srv.base}/always-503: HTTP 503 Service Unavailable (after 2 retries)`]);
  });

  test('a site whose robots.txt forbids everything: no page is requested and the message says so', async () => {
    const closed = await startServer('User-agent: *\nDisallow: /\n');
    try {
      const r = await iom(['ingest', '--delay', '0', `${closed.base}/seed/000`], join(t.dir, 'robots.sqlite'));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^iom: ${closed.base}/seed/000: robots\\.txt of 127\\.0\\.0\\.1:${closed.port} forbids this page to iom`, 'm'));
      expect(closed.log.map((l) => l.path)).toEqual(['/robots.txt']);
    } finally {
      await closed.close();
    }
  });
});

describe('--urls, redirects and --follow', () => {
  test('--urls: one URL a line, # comments and blank lines skipped, a bad line reported; a redirect is followed', async () => {
    const db = join(t.dir, 'list.sqlite');
    const list = join(t.dir, 'urls.txt');
    writeFileSync(list, `# pages to read\n\n${srv.base}/moved   # the project sheet, moved\n${srv.base}/seed/001\nnot a url\n`);
    const r = await iom(['ingest', '--delay', '0', '--urls', list], db);
    expect(r.code).toBe(1);
    expect(lines(r.stderr).filter((l) => l.startsWith('iom: '))).toEqual([`iom: ${list}: line 5: not an http(s) URL: not a url`]);
    expect(r.stderr).toContain(`+ ${srv.base}/moved: project sheet, 1 record`);
    expect(r.stderr).toContain(`+ ${srv.base}/seed/001: project sheet, 1 record`);
    const paths = JSON.parse((await iom(['sources', '--json'], db)).stdout).map((s: { path: string }) => s.path);
    expect(paths.sort()).toEqual([`${srv.base}/moved`, `${srv.base}/seed/001`]);
  });

  test('--follow fetches the matching links of a listing page, bounded by --max-pages', async () => {
    const db = join(t.dir, 'follow.sqlite');
    const before = srv.hits('/contact');
    let r = await iom(['ingest', '--delay', '0', '--follow', '/seed/', '--max-pages', '2', `${srv.base}/liste`], db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`> ${srv.base}/liste: listing, 2 links to follow`);
    expect(r.stderr).toContain('more links match --follow than --max-pages 2');
    expect(r.stderr).toContain(`+ ${srv.base}/seed/000:`);
    expect(r.stderr).toContain(`+ ${srv.base}/seed/001:`); // relative link, its #fragment dropped
    expect(r.stderr).not.toContain('/seed/004');
    r = await iom(['ingest', '--delay', '0', '--follow', '/seed/', `${srv.base}/liste`], db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`+ ${srv.base}/seed/004: NGO article`);
    expect(r.stderr).toContain(`= ${srv.base}/seed/000: unchanged`);
    expect(srv.hits('/contact')).toBe(before);
  });
});

describe('bad usage: one line, exit 2, no database written', () => {
  test.each([
    [['ingest', '--urls', 'no-such-list.txt'], /^iom: cannot read --urls no-such-list\.txt: no such file\n$/],
    [['ingest', '--follow', '(', 'http://127.0.0.1:9/'], /--follow expects a regular expression/],
    [['ingest', '--delay', 'soon', 'http://127.0.0.1:9/'], /--delay expects a number of seconds/],
    [['ingest'], /^iom: nothing to ingest: name files, folders or URLs, or --urls FILE\n$/],
  ])('%j', async (args, message) => {
    const db = join(t.dir, 'usage.sqlite');
    const r = await iom(args, db);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(existsSync(db)).toBe(false);
  });
});
