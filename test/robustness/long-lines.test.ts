// Pages with one very long line (a scrape that lost its line breaks, a run of dashes, a table
// flattened to one line): each must be stored or refused within a time limit, never hang.
// The fuzz test has long lines too, but mostly short ones to stay quick; these are the big ones,
// 300 KB, in the page kinds whose repair and extraction run the most code on them.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, fixture, iom, tempDir } from '../helpers.js';
import { failedRules, prng } from './lib.js';

const t = tempDir('iom-long-lines-');
afterAll(t.cleanup);

/** Per page, on a loaded 2-core machine; each takes a few seconds (a quadratic path: minutes). */
const LIMIT_MS = 60_000;
const SIZE = 300_000;

const WORDS = 'projet migration OIM Maroc migrants réintégration fonds bailleur Union européenne USAID renforcement capacités jeunes femmes retour volontaire protection traite frontières Oujda Rabat 2016'.split(' ');
function words(n: number, sep: string, seed: number): string {
  const rnd = prng(seed);
  const out: string[] = [];
  let len = 0;
  while (len < n) {
    const w = WORDS[Math.floor(rnd() * WORDS.length)]!;
    out.push(w);
    len += w.length + sep.length;
  }
  return out.join(sep);
}

const SHAPES: Record<string, () => string> = {
  'one long word': () => 'a'.repeat(SIZE),
  'a label and a long accented word': () => `Prima ID ${'é'.repeat(SIZE / 2)}`,
  'words glued together': () => words(SIZE, '', 1),
  'words with spaces (a paragraph that lost its breaks)': () => words(SIZE, ' ', 2),
  'a run of dashes': () => '- '.repeat(SIZE / 2),
  'a run of years': () => '2014 '.repeat(SIZE / 5),
};

/** Base pages, and where the long line goes: in the part the extractor reads. */
const BASES: Record<string, { path: string; at: number }> = {
  'an activity sheet (seed 003)': { path: 'seeds/003_905411b0d1b2955d.txt', at: 0.5 },
  'a news item (seed 002)': { path: 'seeds/002_48bdf5fe6fcf3a14.txt', at: 20 }, // in the body, after its first sentences
  'a project sheet (HTML)': { path: 'html/oim-maroc-projet-lm0416.html', at: 0 }, // a paragraph after the title
};

function page(base: { path: string; at: number }, line: string): string {
  const text = readFileSync(fixture(base.path), 'utf8');
  if (base.path.endsWith('.html')) return text.replace('</h1>', `</h1><p>${line}</p>`);
  const lines = text.split('\n');
  lines.splice(base.at < 1 ? Math.floor(lines.length * base.at) : base.at, 0, line);
  return lines.join('\n');
}

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
}

function ingest(file: string, db: string): Promise<Result> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - t0, stderr });
    });
  });
}

const cases: Array<{ name: string; file: string; db: string }> = [];
for (const [baseName, base] of Object.entries(BASES)) {
  for (const [shape, make] of Object.entries(SHAPES)) {
    // the activity sheet has every shape; the others the shapes their extractors read closely
    if (!baseName.includes('activity') && !/years|spaces|dashes/.test(shape)) continue;
    const k = cases.length;
    const file = join(t.dir, `long-${k}${base.path.endsWith('.html') ? '.html' : '.txt'}`);
    writeFileSync(file, page(base, make()));
    cases.push({ name: `${shape}, in ${baseName}`, file, db: join(t.dir, `long-${k}.sqlite`) });
  }
}

/** Two at a time (the limit is per page, and the machine may have two cores), started at once. */
const results = new Map<string, Promise<Result>>();
const lanes: Array<Promise<unknown>> = [Promise.resolve(), Promise.resolve()];
cases.forEach((c, k) => {
  const p = lanes[k % 2]!.then(() => ingest(c.file, c.db));
  lanes[k % 2] = p;
  results.set(c.name, p);
});

afterAll(async () => {
  const all = await Promise.all(cases.map(async (c) => `${c.name}: ${((await results.get(c.name)!).ms / 1000).toFixed(1)} s`));
  console.log(`long lines (${SIZE / 1000} KB):\n  ${all.join('\n  ')}`);
});

describe(`a ${SIZE / 1000} KB line: stored or refused within ${LIMIT_MS / 1000} s`, () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = await results.get(c.name)!;
      expect(r.signal, `still running after ${LIMIT_MS / 1000} s: ${c.name} (node bin/iom.js ingest ${c.file})`).toBeNull();
      expect([0, 1], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(/^\s+at |internal error/m);
      if (r.code === 0) {
        const check = iom(['check', '--json'], { db: c.db });
        expect(check.code, `iom check after storing it: ${failedRules(check.stdout)}`).toBe(0);
      }
    }, LIMIT_MS * Math.ceil(cases.length / 2) + 30_000);
  }
});
