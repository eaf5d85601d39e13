// Commands that only read the database load none of the heavy parts: not the repair lexicon,
// not cheerio, not pdf.js. Module resolutions are recorded by a loader hook in the child.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, fixture, iom } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'iom-lazy-'));
const db = join(dir, 'iom.sqlite');
const hooks = join(dir, 'hooks.mjs');
const preload = join(dir, 'preload.mjs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.IOM_TRACE) appendFileSync(process.env.IOM_TRACE, r.url + '\\n');
  return r;
}
`);
  writeFileSync(preload, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
  expect(iom(['ingest', fixture('seeds'), fixture('pdf')], { db }).code).toBe(0);
}, 120_000);

function loaded(args: string[]): string[] {
  const trace = join(dir, `trace-${args[0]}.txt`);
  writeFileSync(trace, '');
  const r = spawnSync(process.execPath, ['--import', `file://${preload}`, BIN, ...args], {
    env: { ...process.env, IOM_DB: db, IOM_TRACE: trace, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

const HEAVY = /\/cheerio\/|\/pdf-parse\/|\/pdfjs-dist\/|\/dist\/read\/(html|pdf)\.js|\/dist\/repair\//;

describe('read-only commands stay light', () => {
  test.each([
    [['query', '--donor', 'UE', '--format', 'json']],
    [['query', '--text', 'migrants', '--limit', '3', '--format', 'csv']],
    [['stats', '--by', 'donor', '--format', 'json']],
    [['facets', '--format', 'json']],
    [['sources', '--format', 'json']],
  ])('iom %j loads no lexicon, cheerio or pdf.js', (args) => {
    const urls = loaded(args);
    expect(urls.some((u) => u.includes('/dist/query/'))).toBe(true); // the trace works
    expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  test('ingest does load them (the check can fail)', () => {
    const urls = loaded(['ingest', fixture('html/oim-maroc-projet-lm0416.html')]);
    expect(urls.some((u) => /\/dist\/repair\//.test(u))).toBe(true);
    expect(urls.some((u) => /cheerio/.test(u))).toBe(true);
  });
});
