// The fetch module's small decisions, on their own.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { errorPageReason, retryAfterMs } from '../../src/fetch/index.js';
import { networkReason } from '../../src/fetch/http.js';
import { fixture } from '../helpers.js';

describe('error pages served with 200', () => {
  test.each([
    ['<html><head><title>404 - Page not found</title></head><body></body></html>', /title "404 - Page not found"/],
    ['<!doctype html><title>Page non trouvée</title>', /Page non trouvée/],
    ['<html><body><h1>Erreur 404</h1></body></html>', /h1 "Erreur 404"/],
    ['<html><head><title>Accès refusé</title></head></html>', /Accès refusé/],
  ])('%s', (html, reason) => {
    expect(errorPageReason(Buffer.from(html))).toMatch(reason);
  });
  test('real pages are not error pages', () => {
    expect(errorPageReason(readFileSync(fixture('html/oim-maroc-projet-lm0416.html')))).toBeUndefined();
    expect(errorPageReason(readFileSync(fixture('seeds/004_78dbbd9aacb2e536.txt')))).toBeUndefined();
    expect(errorPageReason(Buffer.from('<html><title>Projet 404 : retour volontaire</title></html>'))).toBeUndefined();
    expect(errorPageReason(Buffer.from('<html><title>500 migrants rapatriés depuis la Libye</title></html>'))).toBeUndefined();
    expect(errorPageReason(Buffer.from('<html><title>404</title></html>'))).toBe('title "404"');
    expect(errorPageReason(Buffer.from('<html><title>503 | OIM</title></html>'))).toBe('title "503 | OIM"');
  });
});

test('Retry-After in seconds or as a date', () => {
  expect(retryAfterMs('7')).toBe(7000);
  expect(retryAfterMs(null)).toBeUndefined();
  expect(retryAfterMs('soon')).toBeUndefined();
  expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(50_000);
});

test('network failures as one line', () => {
  const url = new URL('https://example.invalid:8443/x');
  const wrap = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
  expect(networkReason(wrap('ENOTFOUND'), url)).toBe('cannot find host example.invalid (DNS lookup failed)');
  expect(networkReason(wrap('ECONNREFUSED'), url)).toBe('connection refused by example.invalid:8443');
  expect(networkReason(wrap('CERT_HAS_EXPIRED'), url)).toBe('TLS problem with example.invalid:8443 (CERT_HAS_EXPIRED)');
  expect(networkReason(new TypeError('fetch failed\nwith detail'), url)).toBe('cannot fetch from example.invalid:8443 (fetch failed with detail)');
});
