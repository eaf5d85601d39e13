// Commands that only read the database load none of the heavy parts: not the repair lexicon,
// not cheerio, not pdf.js. Module resolutions are recorded by a loader hook in the child. The
// command paths are bundled (scripts/bundle.mjs): a loaded chunk of dist/bundle/ is checked by the
// source files it holds, as dist/bundle/meta.json lists them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, ROOT, fixture, iom } from '../helpers.js';

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

const HEAVY = /\/cheerio\/|\/pdf-parse\/|\/pdfjs-dist\/|\/tesseract|\/dist\/read\/(html|pdf)\.js|\/dist\/repair\//;
/** Source files of the stages a read-only command must not parse, bundled or not. */
const HEAVY_SOURCE = /^src\/(ingest|read|repair|extract|fetch|report)\/|node_modules\/(cheerio|pdf-parse|pdfjs-dist|tesseract\.js|@napi-rs|parse5|htmlparser2)\//;

type Meta = Record<string, { inputs: string[] }>;
const meta = (): Meta => JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Meta;
/** The source files inside the bundle chunks a run loaded. */
function bundledSources(urls: string[]): string[] {
  const m = meta();
  return urls
    .map((u) => /\/dist\/bundle\/([^/]+\.js)$/.exec(u)?.[1])
    .filter((f): f is string => !!f)
    .flatMap((f) => m[f]?.inputs ?? [`(not in meta.json: ${f})`]);
}

describe('read-only commands stay light', () => {
  test.each([
    [['query', '--donor', 'UE', '--format', 'json']],
    [['query', '--text', 'migrants', '--limit', '3', '--format', 'csv']],
    [['stats', '--by', 'donor', '--format', 'json']],
    [['facets', '--format', 'json']],
    [['sources', '--format', 'json']],
  ])('iom %j loads no lexicon, cheerio or pdf.js', (args) => {
    const urls = loaded(args);
    const sources = bundledSources(urls);
    expect(sources.some((f) => f.startsWith('src/query/'))).toBe(true); // the trace and meta.json work
    expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
    expect(sources.filter((f) => HEAVY_SOURCE.test(f))).toEqual([]);
    // the bundle answers: of tsc's dist/, only errors.js (shared with the unbundled stages) is loaded
    expect(urls.filter((u) => /\/dist\//.test(u) && !/\/dist\/(bundle\/|errors\.js$)/.test(u))).toEqual([]);
  });

  test('ingest does load them (the check can fail)', () => {
    const urls = loaded(['ingest', fixture('html/oim-maroc-projet-lm0416.html')]);
    expect(urls.some((u) => /\/dist\/repair\//.test(u))).toBe(true);
    expect(urls.some((u) => /cheerio/.test(u))).toBe(true);
  });

  test('the bundle holds the query code and no ingest, repair or PDF code in the chunks query loads', () => {
    const m = meta();
    expect(Object.values(m).some((o) => o.inputs.includes('src/query/list.ts'))).toBe(true);
    expect(Object.values(m).flatMap((o) => o.inputs).filter((f) => HEAVY_SOURCE.test(f))).toEqual([]);
  });
});
