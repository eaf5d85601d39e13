// A small HTTP server on 127.0.0.1 for the fetch tests: fixture pages and the failure cases
// (404, 429 then 200, 503 then 200, a page that never answers, a page too large, an error page
// served with 200, redirects and a redirect loop, robots.txt rules, ETag / 304). It records every
// request, so tests can check what was (and was not) asked. Nothing here reaches another address.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from '../helpers.js';

export interface Logged {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface TestServer {
  base: string;
  port: number;
  log: Logged[];
  /** Requests to this path so far. */
  hits: (path: string) => number;
  /** Change what a route serves (for --refresh). */
  pages: Map<string, { body: Buffer | string; type: string; etag?: string }>;
  close: () => Promise<void>;
}

export const SHEET_HTML = readFileSync(fixture('html/oim-maroc-projet-lm0416.html'));
export const ACTIVITY_PDF = readFileSync(fixture('pdf/fiche-activites-oim-maroc.pdf'));
export const SEED_000 = readFileSync(fixture('seeds/000_7d4a42574226c896.txt'));
export const SEED_001 = readFileSync(fixture('seeds/001_8173445587e2aa87.txt'));
export const SEED_004 = readFileSync(fixture('seeds/004_78dbbd9aacb2e536.txt'));

// A crawler obeys the group naming it and only that one (RFC 9309): iom reads the second group,
// and the first one's rules must not leak into it (/seed/ stays allowed).
export const ROBOTS = 'User-agent: *\nDisallow: /private/\nDisallow: /seed/\n\nUser-agent: iom\nDisallow: /private/\nDisallow: /not-for-iom/\n';

/** robots: the robots.txt to serve, or '503' / '404' to answer it with that status. */
export async function startServer(robots = ROBOTS): Promise<TestServer> {
  const log: Logged[] = [];
  const counts = new Map<string, number>();
  const pages = new Map<string, { body: Buffer | string; type: string; etag?: string }>([
    ['/projets/lm0416', { body: SHEET_HTML, type: 'text/html; charset=utf-8', etag: '"v1"' }],
    // a PDF behind an address without extension, served with a vague type: read from its bytes
    ['/download?id=fiche', { body: ACTIVITY_PDF, type: 'application/octet-stream' }],
    ['/seed/000', { body: SEED_000, type: 'text/plain; charset=utf-8' }],
    ['/seed/001', { body: SEED_001, type: 'text/plain; charset=utf-8' }],
    ['/seed/004', { body: SEED_004, type: 'text/plain; charset=utf-8' }],
    ['/private/secret', { body: SEED_000, type: 'text/plain' }],
    ['/not-for-iom/page', { body: SEED_000, type: 'text/plain' }],
    [
      '/liste',
      {
        body: `<!doctype html><html><head><title>Nos projets</title></head><body><h1>Nos projets</h1><ul>
          <li><a href="/seed/000">Projet A</a></li><li><a href="seed/001#haut">Projet B</a></li>
          <li><a href="/seed/004">Projet C</a></li><li><a href="/contact">Contact</a></li>
          <li><a href="mailto:x@example.org">mail</a></li></ul></body></html>`,
        type: 'text/html',
      },
    ],
  ]);
  const big = Buffer.alloc(3 * 1024 * 1024, 'a');
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    log.push({ path, headers: req.headers });
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const page = pages.get(path);
    if (path === '/robots.txt') {
      if (robots === '503') res.writeHead(503).end('down for maintenance');
      else if (robots === '404') res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end(robots);
    } else if (page) {
      if (page.etag && req.headers['if-none-match'] === page.etag) {
        res.writeHead(304, { etag: page.etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': page.type, ...(page.etag ? { etag: page.etag } : {}), 'last-modified': 'Tue, 01 Sep 2026 10:00:00 GMT' }).end(page.body);
    } else if (path === '/flaky-429') {
      if (n === 1) res.writeHead(429, { 'retry-after': '0', 'content-type': 'text/plain' }).end('slow down');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end(SEED_004);
    } else if (path === '/flaky-503') {
      if (n <= 2) res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>busy</h1>');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end(SEED_001);
    } else if (path === '/429-long') {
      res.writeHead(429, { 'retry-after': '3600' }).end('come back in an hour');
    } else if (path === '/always-503') {
      res.writeHead(503, { 'retry-after': '0' }).end('busy');
    } else if (path === '/missing') {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    } else if (path === '/soft-404') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Page introuvable | OIM</title></head><body><h1>Oups</h1><p>Cette page n’existe pas.</p></body></html>');
    } else if (path === '/slow') {
      // headers never sent: the client's --timeout ends it (the socket is closed by close()).
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(big.length) }).end(big);
    } else if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write(big.subarray(0, 1024 * 1024));
      res.write(big.subarray(1024 * 1024, 2 * 1024 * 1024));
      res.end(big.subarray(2 * 1024 * 1024));
    } else if (path === '/moved') {
      res.writeHead(301, { location: '/projets/lm0416' }).end();
    } else if (path === '/moved-to-private') {
      res.writeHead(302, { location: '/private/secret' }).end();
    } else if (path === '/loop-a') {
      res.writeHead(302, { location: '/loop-b' }).end();
    } else if (path === '/loop-b') {
      res.writeHead(302, { location: '/loop-a' }).end();
    } else if (path === '/empty-page') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Accueil</title></head><body><p>Bienvenue.</p></body></html>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    log,
    hits: (p) => counts.get(p) ?? 0,
    pages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 with nothing listening (bound, then closed). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
